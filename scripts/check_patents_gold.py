"""Check the hand-written patent-document gold `tests/gold/patents_depth.json` mechanically.

Reads only the gold and its documents (no project code): each file decodes in its declared
encoding (BOM and CRLF as declared), every annotated string occurs in its file (compared without
white space, so a wrapped abstract or title counts), every number occurs in its file without its
separators, every date is ISO and occurs in the file in one of its written forms, every CN
application number carries a valid check digit, IPC codes have the `H04B 7/06` form (and exist in
the IPC table when /work/shared/data is present), and `_split` is tune/test. Prints the counts of
documents and fields per split. Exit status 1 when something is wrong.

    python3 scripts/check_patents_gold.py [gold.json]
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "gold" / "patents_depth.json"
IPC_TABLE = ROOT.parent.parent / "shared" / "data" / "ipc-zh-2026" / "ipc_2026_01_zh.tsv.gz"
SPACE = re.compile(r"\s+")  # \s covers the full-width space U+3000
SEPARATORS = re.compile(r"[\s/,.\-]+")
IPC_FORM = re.compile(r"^[A-H]\d\d[A-Z] \d{1,4}/\d{2,6}$")
CN_APPLICATION = re.compile(r"^CN(\d{12}|\d{8})\.([\dX])$")
STRING_FIELDS = ("title", "abstract", "agency")
LIST_FIELDS = ("applicants", "original_applicants", "inventors")
META = frozenset({"_split", "kind", "encoding", "crlf"})


def check_digit(digits: str) -> str:
    """CNIPA's rule: weights 2..9 repeating over the digits, sum mod 11, 10 written X."""
    weights = [2, 3, 4, 5, 6, 7, 8, 9] * 2
    remainder = sum(int(d) * weights[i] for i, d in enumerate(digits)) % 11
    return "X" if remainder == 10 else str(remainder)


def date_forms(iso: str) -> list[str]:
    day = dt.date.fromisoformat(iso)
    return [
        f"{day.year}.{day.month:02d}.{day.day:02d}",
        iso,
        f"{day.year}年{day.month}月{day.day}日",
    ]


def read_document(path: Path, record: dict[str, Any]) -> tuple[str, list[str]]:
    errors: list[str] = []
    raw = path.read_bytes()
    encoding = record["encoding"]
    if raw.startswith(b"\xef\xbb\xbf") != (encoding == "utf-8-sig"):
        errors.append("BOM does not match the declared encoding")
    if (b"\r\n" in raw) != record["crlf"]:
        errors.append("line endings do not match crlf")
    return raw.decode(encoding), errors


def in_text(value: str, flat: str) -> bool:
    return SPACE.sub("", value) in flat


def application_errors(name: str, number: str, flat_numbers: str) -> list[str]:
    match = CN_APPLICATION.match(number)
    if match is None:
        return [f"{name} {number}: not CN + 12 or 8 digits + check digit"]
    errors = []
    if check_digit(match.group(1)) != match.group(2):
        errors.append(f"{name} {number}: wrong check digit")
    if match.group(1) + match.group(2) not in flat_numbers:
        errors.append(f"{name} {number}: not in the file")
    return errors


def date_errors(name: str, value: str, text: str) -> list[str]:
    try:
        forms = date_forms(value)
    except ValueError:
        return [f"{name} {value}: not an ISO date"]
    if not any(form in text for form in forms):
        return [f"{name} {value}: no written form of it in the file"]
    return []


def record_errors(record: dict[str, Any], text: str, ipc_codes: set[str] | None) -> list[str]:
    flat = SPACE.sub("", text)
    flat_numbers = SEPARATORS.sub("", text)
    errors: list[str] = []
    if record.get("_split") not in ("tune", "test"):
        errors.append("_split is not tune/test")
    for field in STRING_FIELDS:
        if field in record and not in_text(record[field], flat):
            errors.append(f"{field} not in the file")
    for field in LIST_FIELDS:
        for name in record.get(field, []):
            if not in_text(name, flat):
                errors.append(f"{field} {name!r} not in the file")
    if record["publication_number"] not in flat:
        errors.append(f"publication_number {record['publication_number']} not in the file")
    errors += application_errors("application_number", record["application_number"], flat_numbers)
    if "divisional_of" in record:
        errors += application_errors("divisional_of", record["divisional_of"], flat_numbers)
    for field in ("filing_date", "publication_date", "grant_date", "pct_national_phase_date"):
        if field in record:
            errors += date_errors(field, record[field], text)
    for claim in record.get("priority", []):
        number = claim["number"]
        if number.startswith("CN"):
            errors += application_errors("priority", number, flat_numbers)
        elif SEPARATORS.sub("", number.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) not in flat_numbers:
            errors.append(f"priority {number} not in the file")
        errors += date_errors("priority date", claim["date"], text)
    for field in ("pct_application", "pct_publication", "earlier_publication"):
        if field in record:
            if not in_text(record[field]["number"], flat):
                errors.append(f"{field} number not in the file")
            errors += date_errors(f"{field} date", record[field]["date"], text)
    for number in record.get("cited", []):
        if number not in flat_numbers:
            errors.append(f"cited {number} not in the file")
    for code in record.get("ipc", []):
        if not IPC_FORM.match(code):
            errors.append(f"ipc {code!r}: not the 'H04B 7/06' form")
        elif ipc_codes is not None and code.replace(" ", "") not in ipc_codes:
            errors.append(f"ipc {code} not in the IPC table")
    return errors


def load_ipc_codes() -> set[str] | None:
    if not IPC_TABLE.exists():
        return None
    with gzip.open(IPC_TABLE, "rt", encoding="utf-8") as table:
        return {line.split("\t", 1)[0] for line in table}


def main(argv: list[str]) -> int:
    gold_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_GOLD
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    folder = gold_path.with_suffix("")
    ipc_codes = load_ipc_codes()
    failures = 0
    documents: Counter[str] = Counter()
    fields: Counter[str] = Counter()
    per_field: Counter[str] = Counter()
    for name, record in gold["documents"].items():
        text, errors = read_document(folder / name, record)
        errors += record_errors(record, text, ipc_codes)
        for error in errors:
            print(f"{name}: {error}")
        failures += len(errors)
        documents[record["_split"]] += 1
        for field in record:
            if field not in META:
                fields[record["_split"]] += 1
                per_field[field] += 1
    for split in ("tune", "test"):
        print(f"{split}: {documents[split]} documents, {fields[split]} fields")
    print("fields: " + ", ".join(f"{field} {count}" for field, count in sorted(per_field.items())))
    print("IPC table: " + ("checked" if ipc_codes is not None else "absent, codes not looked up"))
    print("OK" if failures == 0 else f"{failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
