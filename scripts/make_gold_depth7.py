"""Write the fourth blind held-out set (tests/gold/contracts_depth7) from its UTF-8 sources.

    python3 scripts/make_gold_depth7.py

Same writers as scripts/make_gold_depth.py (a line with tabs is a table row); FORMATS says what
each source becomes. The gold (tests/gold/contracts_depth7.json) was annotated by hand, blind.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_gold_depth import file_name, write_contracts

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "tests" / "gold" / "contracts_depth7"

# source name -> (output format, script); txt-gb18030 is a .txt file encoded in GB18030
FORMATS: dict[str, tuple[str, str]] = {
    "lic_excl_01": ("txt", "simplified"),
    "lic_sole_02": ("docx", "simplified"),
    "lic_ord_tw_03": ("pdf", "traditional"),
    "tr_patent_04": ("txt-gb18030", "simplified"),
    "tr_app_05": ("docx", "simplified"),
    "pledge_06": ("pdf", "simplified"),
    "ts_lic_07": ("txt", "simplified"),
    "ts_lic_hk_08": ("docx", "traditional"),
    "nda_09": ("txt", "simplified"),
    "nc_10": ("docx", "simplified"),
    "nc_11": ("txt-gb18030", "simplified"),
    "nc_12": ("pdf", "simplified"),
    "nc_tw_13": ("txt", "traditional"),
    "coop_14": ("txt", "simplified"),
    "coop_15": ("docx", "simplified"),
    "coop_16": ("pdf", "simplified"),
    "coop_mo_17": ("txt", "traditional"),
    "eq_18": ("txt", "simplified"),
    "eq_19": ("docx", "simplified"),
    "eq_20": ("txt-gb18030", "simplified"),
    "eq_hk_21": ("pdf", "traditional"),
    "amd_22": ("txt", "simplified"),
    "amd_23": ("docx", "simplified"),
    "amd_24": ("txt-gb18030", "simplified"),
}


def output_name(name: str) -> str:
    return file_name(name, FORMATS[name][0])


def main() -> None:
    written = {n: f for n, f in FORMATS.items() if (CONTRACTS / "source" / f"{n}.txt").exists()}
    write_contracts(CONTRACTS, written)


if __name__ == "__main__":
    main()
