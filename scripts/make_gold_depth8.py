"""Write the fifth blind held-out set (tests/gold/contracts_depth8) from its UTF-8 sources.

    python3 scripts/make_gold_depth8.py

Same writers as scripts/make_gold_depth.py (a line with tabs is a table row); FORMATS says what
each source becomes. The gold (tests/gold/contracts_depth8.json) was annotated by hand, blind.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_gold_depth import file_name, write_contracts

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "tests" / "gold" / "contracts_depth8"

# source name -> (output format, script); txt-gb18030 is a .txt file encoded in GB18030
FORMATS: dict[str, tuple[str, str]] = {
    "lic_excl_01": ("txt", "simplified"),
    "lic_sole_02": ("docx", "simplified"),
    "lic_ord_tw_03": ("txt", "traditional"),
    "tr_patent_04": ("txt-gb18030", "simplified"),
    "tr_app_05": ("pdf", "simplified"),
    "pledge_06": ("docx", "simplified"),
    "ts_lic_07": ("txt", "simplified"),
    "ts_lic_hk_08": ("pdf", "traditional"),
    "nda_09": ("docx", "simplified"),
    "nc_10": ("txt", "simplified"),
    "nc_11": ("txt-gb18030", "simplified"),
    "nc_12": ("pdf", "simplified"),
    "coop_13": ("txt", "simplified"),
    "coop_14": ("docx", "simplified"),
    "coop_tw_15": ("pdf", "traditional"),
    "eq_16": ("txt", "simplified"),
    "eq_17": ("docx", "simplified"),
    "eq_mo_18": ("txt", "traditional"),
    "amd_19": ("txt-gb18030", "simplified"),
    "amd_20": ("docx", "simplified"),
}


def output_name(name: str) -> str:
    return file_name(name, FORMATS[name][0])


def main() -> None:
    written = {n: f for n, f in FORMATS.items() if (CONTRACTS / "source" / f"{n}.txt").exists()}
    write_contracts(CONTRACTS, written)


if __name__ == "__main__":
    main()
