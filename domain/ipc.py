"""The IPC hierarchy: every code a patent carries brings its main group, subclass, class and
section as nodes, linked child -> parent by PARENT edges; Chinese titles come from the CNIPA
IPC table when one is configured (`IPGRAPH_IPC_TITLES`, a TSV or TSV.GZ of code, level, title,
parent, as in ../shared/data/ipc-zh-2026)."""

from __future__ import annotations

import csv
import gzip
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from domain.names import organization_name
from domain.text import fold

LEVELS = ("section", "class", "subclass", "main_group", "subgroup")
# Derwent prints the group zero-padded after a hyphen: C21D-001/18 is C21D1/18.
_IPC = re.compile(r"^([A-H])(\d{2})([A-Z])[\s\-]*(\d{1,4})\s*/\s*(\d{1,6})$")


@dataclass(frozen=True)
class IpcEntry:
    code: str
    level: str
    parent: str | None
    title: str | None = None


@dataclass(frozen=True)
class IpcTitles:
    titles: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> IpcTitles:
        if path is None or not path.exists():
            return cls()
        raw = path.read_bytes()
        text = gzip.decompress(raw).decode("utf-8") if path.suffix == ".gz" else raw.decode()
        titles = {}
        for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
            # Titles parsed from the printed tables carry stray spaces from line breaks.
            titles[row["code"].replace(" ", "")] = organization_name(row["title"])
        return cls(titles)


def hierarchy(code: str, titles: IpcTitles) -> list[IpcEntry]:
    """`G06F16/36` -> itself, G06F16/00, G06F, G06, G: each with its level and parent."""
    main_group = code.split("/")[0] + "/00"
    chain = [code] if code == main_group else [code, main_group]
    chain += [code[:4], code[:3], code[0]]
    levels = (["main_group"] if code == main_group else ["subgroup", "main_group"]) + [
        "subclass",
        "class",
        "section",
    ]
    return [
        IpcEntry(c, level, chain[i + 1] if i + 1 < len(chain) else None, titles.titles.get(c))
        for i, (c, level) in enumerate(zip(chain, levels, strict=True))
    ]


def ipc_code(raw: str) -> str | None:
    """`G06F 16/36` -> `G06F16/36`; None when it is not an IPC group or subgroup code."""
    match = _IPC.match(fold(raw).upper())
    if not match:
        return None
    section, klass, subclass, group, subgroup = match.groups()
    return f"{section}{klass}{subclass}{int(group)}/{subgroup.zfill(2)}"


_IPC_PREFIX = re.compile(r"^[A-H](\d{2}([A-Z](\d{1,4}(/\d{0,6})?)?)?)?$")


def ipc_prefix(raw: str) -> str | None:
    """A prefix of canonical IPC codes for filtering: `h01m 10/` -> `H01M10/`; None if invalid."""
    prefix = re.sub(r"\s+", "", fold(raw).upper())
    return prefix if _IPC_PREFIX.match(prefix) else None
