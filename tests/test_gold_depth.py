"""The depth gold (tests/gold/contracts_depth.json, exports_depth.json) agrees with its documents:
every annotated name, number and condition is in the text, numbers carry valid check digits, the
split covers every file and kind. Guards hand edits of the gold and of the sources."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from domain.numbers import parse_application_number

GOLD = Path(__file__).resolve().parent / "gold"
CONTRACTS = json.loads((GOLD / "contracts_depth.json").read_text("utf-8"))
EXPORTS = json.loads((GOLD / "exports_depth.json").read_text("utf-8"))
CONTRACT_FILES = [name for name in CONTRACTS if not name.startswith("_")]
EXPORT_FILES = [name for name in EXPORTS if not name.startswith("_")]
TEXT_FIELDS = ("territory", "dispute_forum", "non_compete_scope", "governing_law")


def folded(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def source_text(file: str) -> str:
    source = GOLD / "contracts_depth" / "source" / f"{Path(file).stem}.txt"
    return folded(source.read_text("utf-8"))


@pytest.mark.parametrize("file", CONTRACT_FILES)
def test_contract_values_are_in_the_text(file: str) -> None:
    entry, text = CONTRACTS[file], source_text(file)
    assert (GOLD / "contracts_depth" / file).is_file()
    written = [entry["id"], entry.get("amends", entry["id"])]
    written += [name for _, name in entry["parties"]] + entry["persons"]
    written += entry.get("trade_secrets", []) + entry.get("trade_secret_numbers", [])
    written += [entry[field] for field in TEXT_FIELDS if field in entry]
    written += [step["due"] for step in entry.get("instalments", [])]
    written += [number.removeprefix("CN") for number in entry["patents"]]
    assert [value for value in written if folded(value) not in text] == []


@pytest.mark.parametrize("file", CONTRACT_FILES)
def test_contract_numbers_and_sums_are_consistent(file: str) -> None:
    entry = CONTRACTS[file]
    names = {name for _, name in entry["parties"]}
    assert set(entry["persons"]) <= names
    assert all(parse_application_number(n).is_valid for n in entry["patents"] if "." in n)
    if "shares" in entry:
        assert set(entry["shares"]) <= names
        assert sum(entry["shares"].values()) == pytest.approx(1.0)
    if "instalments" in entry:
        assert sum(step["amount"] for step in entry["instalments"]) == entry["amount"]
    assert ("sublicense_scope" in entry) <= entry.get("sublicense_allowed", False)


def test_the_split_covers_every_file_and_kind_on_both_sides() -> None:
    split = CONTRACTS["_split"]
    assert sorted(split) == sorted(CONTRACT_FILES)
    tune = [file for file, side in split.items() if side == "tune"]
    assert 0.3 <= len(tune) / len(split) <= 0.5
    for side in ("tune", "test"):
        kinds = {CONTRACTS[f]["kind"] for f in CONTRACT_FILES if split[f] == side}
        assert kinds >= {"patent_license", "patent_transfer", "cooperation", "amendment"}


def export_rows(file: str, sheet: str) -> list[list[Any]]:
    path = GOLD / "exports_depth" / file
    if file.endswith(".xlsx"):
        book = load_workbook(path, read_only=True)
        return [list(row) for row in book[sheet].iter_rows(values_only=True)]
    raw = path.read_bytes()
    encoding = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "gb18030"
    return list(csv.reader(io.StringIO(raw.decode(encoding), newline="")))


@pytest.mark.parametrize("file", EXPORT_FILES)
def test_export_records_sit_on_their_rows(file: str) -> None:
    entry = EXPORTS[file]
    rows = export_rows(file, entry["sheet"])
    for record in entry["records"]:
        cells = [str(cell) for cell in rows[record["row"] - 1] if cell is not None]
        assert record["title"] in cells
        assert parse_application_number(record["application_number"]).is_valid
        for claim in record.get("priority", []):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", claim["date"])


# The second tune set (contracts_depth2): the same checks, all of it on the tune side.
CONTRACTS2 = json.loads((GOLD / "contracts_depth2.json").read_text("utf-8"))
CONTRACT2_FILES = [name for name in CONTRACTS2 if not name.startswith("_")]


@pytest.mark.parametrize("file", CONTRACT2_FILES)
def test_depth2_values_are_in_the_text_and_consistent(file: str) -> None:
    entry = CONTRACTS2[file]
    source = GOLD / "contracts_depth2" / "source" / f"{Path(file).stem}.txt"
    text = folded(source.read_text("utf-8"))
    assert (GOLD / "contracts_depth2" / file).is_file()
    written = [entry["id"], entry.get("amends", entry["id"])]
    written += [name for _, name in entry["parties"]] + entry["persons"]
    written += entry.get("trade_secrets", [])
    written += [entry[field] for field in TEXT_FIELDS if field in entry]
    written += [step["due"] for step in entry.get("instalments", [])]
    written += [number.removeprefix("CN") for number in entry.get("patents", [])]
    assert [value for value in written if folded(value) not in text] == []
    assert all(parse_application_number(n).is_valid for n in entry.get("patents", []))
    if "instalments" in entry:
        assert sum(step["amount"] for step in entry["instalments"]) == entry["amount"]
    assert ("sublicense_scope" in entry) <= entry.get("sublicense_allowed", False)


def test_depth2_is_all_tune_and_states_its_date_convention() -> None:
    assert CONTRACTS2["_split"] == {file: "tune" for file in CONTRACT2_FILES}
    assert len(CONTRACT2_FILES) >= 12
    assert CONTRACTS2["_conventions"] == CONTRACTS["_conventions"] == {"dates": "stated"}
