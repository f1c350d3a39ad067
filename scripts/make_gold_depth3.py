"""Write the blind held-out set (tests/gold/contracts_depth3) from its UTF-8 sources with the
writers of scripts/make_gold_depth.py, so the committed DOCX, PDF and GB18030 files reproduce.

    python3 scripts/make_gold_depth3.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_gold_depth import file_name, write_contracts

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "tests" / "gold" / "contracts_depth3"

# source name -> (output format, script); txt-gb18030 is a .txt file encoded in GB18030
FORMATS: dict[str, tuple[str, str]] = {
    "lic_excl_01": ("txt", "simplified"),
    "lic_sole_02": ("docx", "simplified"),
    "lic_ord_03": ("txt-gb18030", "simplified"),
    "lic_excl_tw_04": ("pdf", "traditional"),
    "lic_hk_05": ("txt", "traditional"),
    "tr_patent_06": ("docx", "simplified"),
    "tr_app_07": ("txt", "simplified"),
    "tr_app_tw_08": ("pdf", "traditional"),
    "pledge_09": ("txt", "simplified"),
    "pledge_10": ("docx", "simplified"),
    "ts_lic_11": ("txt-gb18030", "simplified"),
    "ts_lic_tw_12": ("docx", "traditional"),
    "nda_13": ("txt", "simplified"),
    "nc_14": ("docx", "simplified"),
    "nc_tw_15": ("txt", "traditional"),
    "coop_16": ("txt", "simplified"),
    "coop_17": ("docx", "simplified"),
    "coop_tw_18": ("pdf", "traditional"),
    "eq_19": ("txt", "simplified"),
    "eq_20": ("txt-gb18030", "simplified"),
    "eq_tw_21": ("docx", "traditional"),
    "amd_22": ("txt-gb18030", "simplified"),
    "amd_23": ("pdf", "simplified"),
    "amd_tw_24": ("txt", "traditional"),
    "lic_excl_25": ("docx", "simplified"),
    "lic_ord_26": ("txt-gb18030", "simplified"),
    "ts_lic_27": ("pdf", "simplified"),
    "eq_28": ("docx", "simplified"),
    "nc_29": ("txt", "simplified"),
    "lic_mo_30": ("txt", "traditional"),
    "tr_patent_31": ("txt", "simplified"),
    "lic_sole_32": ("pdf", "simplified"),
    "pledge_tw_33": ("docx", "traditional"),
    "amd_34": ("docx", "simplified"),
}


def output_name(name: str) -> str:
    return file_name(name, FORMATS[name][0])


def main() -> None:
    write_contracts(CONTRACTS, FORMATS)


if __name__ == "__main__":
    main()
