"""Shared helpers of the dev-only authoring scripts of the blind export gold sets
(scripts/author_exports_depth2.py ... author_exports_depth5.py). Needs /work/shared/data.

Each author script keeps its hand-written records, renderers, conventions and layout tables and
hands them to `write_set`, which writes tests/gold/<set>/source/*.json and tests/gold/<set>.json.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from domain.numbers import cn_check_digit

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
KP_FILE = Path("/work/shared/data/kppatent-zh/test_data_TAC.json")
IPC_FILE = Path("/work/shared/data/ipc-zh-2026/ipc_2026_01_zh.tsv.gz")
GOLD_SUFFIXES = {".json", ".txt", ".csv", ".tsv", ".md"}

Record = dict[str, Any]
Records = dict[str, list[Record]]
Sheets = list[dict[str, Any]]


def app(digits: str) -> str:
    """Canonical application number from its digits (the check digit added)."""
    return f"CN{digits}.{cn_check_digit(digits)}"


@cache
def _kp() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads(KP_FILE.read_text("utf-8"))
    return loaded


def text(i: int) -> tuple[str, str]:
    """Title and abstract of KPPatent-ZH test item i."""
    lines = _kp()[i]["input"].split("\n")
    return lines[0].removeprefix("标题："), lines[1].removeprefix("摘要：")


def record(
    row: int, kp: int, fields: Mapping[str, Any], cells: dict[str, Any] | None = None
) -> Record:
    """A hand-written record: its row, KPPatent-ZH title and abstract, print-form `cells` when
    the set uses them (None leaves the key out) and its canonical fields."""
    title, abstract = text(kp)
    built: Record = {"row": row, "kp": kp, "title": title, "abstract": abstract}
    if cells is not None:
        built["cells"] = cells
    built.update(fields)
    return built


def check_ipc(records: Records) -> None:
    """Every annotated IPC code exists in the IPC 2026.01 table."""
    with gzip.open(IPC_FILE, "rt", encoding="utf-8") as handle:
        codes = {line.split("\t", 1)[0] for line in handle}
    annotated = {c for rs in records.values() for r in rs for c in r.get("ipc", [])}
    missing = sorted(annotated - codes)
    assert not missing, missing


def _export_set_number(path: Path) -> int | None:
    """N of the export set a gold path belongs to (exports_depth is 1), else None."""
    for part in path.relative_to(GOLD).parts:
        found = re.fullmatch(r"exports_depth(\d*)(?:\.json)?", part)
        if found:
            return int(found.group(1) or 1)
    return None


def _earlier_gold(set_name: str) -> list[Path]:
    """The gold files a new export set must not overlap: every contract, patent and earlier export
    gold. Entity golds (entities_depth*.txt) are a separate track written in parallel and may
    reuse the same KPPatent-ZH titles later, and later export sets come after this one."""
    own = _export_set_number(GOLD / set_name)
    assert own is not None, set_name
    paths = []
    for p in sorted(GOLD.rglob("*")):
        if not p.is_file() or p.suffix not in GOLD_SUFFIXES or p.name == "README.md":
            continue
        if p.name.startswith("entities_depth"):
            continue
        number = _export_set_number(p)
        if number is not None and number >= own:
            continue
        paths.append(p)
    return paths


def check_fresh(set_name: str, records: Records) -> None:
    """No title and no number of this set occurs in an earlier gold file (see `_earlier_gold`)."""
    others = "\n".join(p.read_text("utf-8", errors="replace") for p in _earlier_gold(set_name))
    clashes = []
    for rs in records.values():
        for r in rs:
            if r["title"] in others:
                clashes.append(r["title"])
            numbers = [r.get("application_number", ""), r.get("publication_number", "")]
            numbers += [p["number"] for p in r.get("priority", [])] + list(r.get("family", []))
            for n in filter(None, numbers):
                core = re.sub(r"^[A-Z]{2}|[A-Z]\d?$|\.[\dX]$", "", n)
                if len(core) >= 7 and core in others:
                    clashes.append(n)
    assert not clashes, clashes


@dataclass(frozen=True)
class ExportSet:
    """What differs between the export sets: name, header texts, records and layout tables."""

    name: str
    about: str
    split: Mapping[str, Any]
    conventions: Mapping[str, Any]
    records: Callable[[], Records]
    render: Mapping[str, Callable[[list[Record]], Sheets]]
    output: Mapping[str, Mapping[str, Any]]
    files: Mapping[str, str]
    fields: Mapping[str, list[str]]
    ipc_checked: bool = True
    fresh_checked: bool = False


def _data_sheet(sheets: Sheets, output: Mapping[str, Any]) -> dict[str, Any]:
    """The sheet holding the records: the named one of a workbook, the only one of a text file."""
    if output["type"] not in ("xlsx", "xls"):
        return sheets[0]
    return next(s for s in sheets if s["name"] == output["data_sheet"])


def _gold_entries(export: ExportSet, name: str, rs: list[Record]) -> list[Record]:
    entries = []
    for r in rs:
        entry: Record = {"row": r["row"]}
        # An empty abstract (a file that does not export one) stays out of the gold.
        entry.update({
            k: r[k] for k in export.fields[name] if k in r and not (k == "abstract" and r[k] == "")
        })
        entries.append(entry)
    return entries


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def write_set(export: ExportSet) -> None:
    """Check the records, then write each file's source JSON and the set's gold."""
    records = export.records()
    if export.ipc_checked:
        check_ipc(records)
    if export.fresh_checked:
        check_fresh(export.name, records)
    gold: dict[str, Any] = {
        "_about": export.about, "_split": export.split, "_conventions": export.conventions
    }
    source_dir = GOLD / export.name / "source"
    source_dir.mkdir(parents=True, exist_ok=True)
    for name, rs in records.items():
        sheets = export.render[name](rs)
        output = export.output[name]
        data = _data_sheet(sheets, output)
        source = {
            "vendor_layout": name, "file": export.files[name], "output": output, "sheets": sheets
        }
        (source_dir / f"{name}.json").write_text(_dump(source), "utf-8")
        gold[export.files[name]] = {
            "sheet": data["name"],
            "header_rows": len(data["header"]),
            "preamble_lines": len(data.get("preamble", [])) + len(data.get("preamble_rows", [])),
            "records": _gold_entries(export, name, rs),
        }
    (GOLD / f"{export.name}.json").write_text(_dump(gold), "utf-8")


# ---- print forms shared by the author scripts ------------------------------------------------

# the digits and letters of a number as a full-width typist writes them
FW = str.maketrans("0123456789.ABCNZLX", "０１２３４５６７８９．ＡＢＣＮＺＬＸ")


def bare(n: str) -> str:
    return n.removeprefix("CN")


def digits(n: str) -> str:
    return bare(n).split(".")[0]


def iso_date(iso: str) -> str:
    return iso


def cn_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def cn_date0(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{y}年{m}月{d}日"


def slash_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}/{m}/{d}"


def dot_date(iso: str) -> str:
    return iso.replace("-", ".")


def wipo_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def xdate(iso: str, number_format: str = "yyyy-mm-dd") -> dict[str, str]:
    """An Excel date cell (a serial number shown with number_format), not a string."""
    return {"date": iso, "number_format": number_format}


def T(a: list[str], b: list[str]) -> dict[str, Any]:
    return {"from": a, "to": b}


def P(a: list[str], b: list[str]) -> dict[str, Any]:
    return {"pledgors": a, "pledgees": b}


def L(a: list[str], b: list[str], kind: str) -> dict[str, Any]:
    return {"licensors": a, "licensees": b, "type": kind}
