"""Write the third blind held-out set (tests/gold/contracts_depth6) from its UTF-8 sources.

    python3 scripts/make_gold_depth6.py

Same writers as scripts/make_gold_depth.py (a line with tabs is a table row); FORMATS says what
each source becomes. The gold (tests/gold/contracts_depth6.json) was annotated by hand, blind.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_gold_depth import file_name, write_contracts

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "tests" / "gold" / "contracts_depth6"

# source name -> (output format, script); txt-gb18030 is a .txt file encoded in GB18030
FORMATS: dict[str, tuple[str, str]] = {
    "lic_excl_01": ("txt", "simplified"),
    "lic_sole_02": ("docx", "simplified"),
    "lic_ord_03": ("txt-gb18030", "simplified"),
    "lic_excl_hk_04": ("pdf", "traditional"),
    "tr_patent_05": ("docx", "simplified"),
    "tr_app_06": ("txt", "simplified"),
    "pledge_07": ("pdf", "simplified"),
    "ts_lic_08": ("txt", "simplified"),
    "ts_lic_tw_09": ("docx", "traditional"),
    "nda_10": ("txt", "simplified"),
    "nc_11": ("txt-gb18030", "simplified"),
    "nc_12": ("docx", "simplified"),
    "nda_mo_13": ("txt", "traditional"),
    "coop_14": ("txt", "simplified"),
    "coop_15": ("docx", "simplified"),
    "coop_16": ("pdf", "simplified"),
    "coop_17": ("txt-gb18030", "simplified"),
    "coop_hk_18": ("txt", "traditional"),
    "eq_19": ("txt", "simplified"),
    "eq_20": ("docx", "simplified"),
    "eq_21": ("pdf", "simplified"),
    "eq_tw_22": ("txt", "traditional"),
    "amd_23": ("txt", "simplified"),
    "amd_24": ("docx", "simplified"),
    "amd_25": ("pdf", "simplified"),
    "tr_app_26": ("txt-gb18030", "simplified"),
}


def output_name(name: str) -> str:
    return file_name(name, FORMATS[name][0])


def main() -> None:
    write_contracts(CONTRACTS, FORMATS)


if __name__ == "__main__":
    main()
