"""Write the second blind held-out set (tests/gold/contracts_depth5) from its UTF-8 sources.

    python3 scripts/make_gold_depth5.py

Same writers as scripts/make_gold_depth.py (a line with tabs is a table row); FORMATS says what
each source becomes. The gold (tests/gold/contracts_depth5.json) was annotated by hand, blind.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_gold_depth import file_name, write_contracts

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "tests" / "gold" / "contracts_depth5"

# source name -> (output format, script); txt-gb18030 is a .txt file encoded in GB18030
FORMATS: dict[str, tuple[str, str]] = {
    "lic_excl_01": ("txt", "simplified"),
    "lic_sole_02": ("docx", "simplified"),
    "lic_ord_03": ("txt-gb18030", "simplified"),
    "lic_excl_hk_04": ("pdf", "traditional"),
    "tr_patent_05": ("docx", "simplified"),
    "tr_app_06": ("txt", "simplified"),
    "pledge_07": ("pdf", "simplified"),
    "ts_lic_08": ("docx", "simplified"),
    "nc_09": ("txt-gb18030", "simplified"),
    "nda_tw_10": ("txt", "traditional"),
    "coop_11": ("docx", "simplified"),
    "coop_12": ("txt", "simplified"),
    "eq_13": ("txt", "simplified"),
    "eq_mo_14": ("docx", "traditional"),
    "amd_15": ("txt", "simplified"),
    "amd_tw_16": ("pdf", "traditional"),
    "ts_lic_17": ("pdf", "simplified"),
    "nda_18": ("txt-gb18030", "simplified"),
    "tr_patent_tw_19": ("docx", "traditional"),
    "amd_20": ("txt-gb18030", "simplified"),
}


def output_name(name: str) -> str:
    return file_name(name, FORMATS[name][0])


def main() -> None:
    write_contracts(CONTRACTS, FORMATS)


if __name__ == "__main__":
    main()
