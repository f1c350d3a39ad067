"""What "the group of X" means, once for every query that takes `with_subsidiaries`."""

from __future__ import annotations

from graph.store import GraphReader


def group_members(store: GraphReader, org_id: str, *, with_subsidiaries: bool = True) -> list[str]:
    """The organisation first, then every subsidiary below it (SUBSIDIARY_OF, any depth) by
    id; only the organisation when not `with_subsidiaries`."""
    if not with_subsidiaries:
        return [org_id]
    return [org_id, *sorted({link.child for link in store.descendants(org_id)} - {org_id})]
