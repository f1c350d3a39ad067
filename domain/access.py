"""The one access policy: what a caller below the `dd` role may see.

Roles rank portal < analyst < dd < admin (`search_api/auth.py`); dd and admin see confidential
records, the others do not. This module says, once, what "confidential" covers, and every read
path (search, entity pages, graph walks, analytics, reports, exports) asks an `AccessPolicy`:

- node labels: trade secrets;
- nodes flagged `confidential` (confidential contracts), and people known only from
  confidential records (the people register, confidential contracts): a person on no patent;
- edge types: what the people register and confidential contracts say (employment, access to
  secrets, non-compete, parties of confidential contracts, secrets held or covered);
- properties: what confidential sources wrote onto a public node (`confidential_records`);
- document kinds in the index: confidential contracts.

For every role, no answer carries a server file path: `path` properties are dropped (a
document keeps its name and hash). Names are plain strings so that this layer needs no graph
import; `tests/test_access_policy.py` checks them against `graph.model` and walks every route
with every role.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

CONFIDENTIAL_LABELS = frozenset({"TradeSecret"})
CONFIDENTIAL_EDGES = frozenset(
    {
        "COVERS_TRADE_SECRET",
        "PERSON_PARTY_TO",
        "NON_COMPETE",
        "PARTY_TO_CONFIDENTIAL",
        "HOLDS_SECRET",
        "HAS_ACCESS",
        "EMPLOYED_BY",
    }
)
# Properties confidential sources write onto otherwise public nodes, by label.
CONFIDENTIAL_PROPERTIES: Mapping[str, frozenset[str]] = {
    "Person": frozenset({"confidential_records"}),
}
# Contract kinds whose text and parties only dd and admin may see, and the index asset kind
# their documents get.
CONFIDENTIAL_CONTRACT_KINDS = frozenset({"trade_secret_license", "nda", "non_compete"})
CONFIDENTIAL_ASSET_KIND = "contract_confidential"
# Properties that hold server file paths: never answered, whatever the role.
SERVER_PATH_PROPERTIES = frozenset({"path"})

T = TypeVar("T", bound=str)
V = TypeVar("V")


@dataclass(frozen=True)
class AccessPolicy:
    sees_confidential: bool

    def label_visible(self, label: str) -> bool:
        return self.sees_confidential or label not in CONFIDENTIAL_LABELS

    def edge_visible(self, edge_type: str) -> bool:
        return self.sees_confidential or edge_type not in CONFIDENTIAL_EDGES

    def visible_edges(self, edge_types: Iterable[T]) -> frozenset[T]:
        return frozenset(e for e in edge_types if self.edge_visible(e))

    def node_visible(self, label: str, props: Mapping[str, object]) -> bool:
        if self.sees_confidential:
            return True
        if label in CONFIDENTIAL_LABELS or props.get("confidential") is True:
            return False
        # A person is public through their patents; one on none is known only from the people
        # register or a confidential contract.
        return label != "Person" or bool(props.get("patents"))

    def properties(self, label: str, props: Mapping[str, V]) -> dict[str, V]:
        hidden = SERVER_PATH_PROPERTIES
        if not self.sees_confidential:
            hidden = hidden | CONFIDENTIAL_PROPERTIES.get(label, frozenset())
        return {k: v for k, v in props.items() if k not in hidden}

    def asset_kinds(self, requested: tuple[str, ...]) -> tuple[str, ...]:
        """The index asset kinds a search for `requested` covers (confidential contracts are
        contracts too, for those who may see them)."""
        if self.sees_confidential and "contract" in requested:
            return (*requested, CONFIDENTIAL_ASSET_KIND)
        return requested

    @property
    def hidden_asset_kinds(self) -> tuple[str, ...]:
        return () if self.sees_confidential else (CONFIDENTIAL_ASSET_KIND,)


FULL_ACCESS = AccessPolicy(sees_confidential=True)
PUBLIC_ACCESS = AccessPolicy(sees_confidential=False)


def policy_for(sees_confidential: bool) -> AccessPolicy:
    return FULL_ACCESS if sees_confidential else PUBLIC_ACCESS


def display_name(name: str) -> str:
    """A linked entity's name as answered: a file path (a document without a name) becomes
    its last part."""
    if name.startswith("/") or (len(name) > 2 and name[1:3] in (":\\", ":/")):
        return name.replace("\\", "/").rsplit("/", 1)[-1]
    return name
