"""Write the second depth tune set (tests/gold/contracts_depth2) from its UTF-8 sources with the
writers of scripts/make_gold_depth.py, so the committed DOCX, PDF and GB18030 files reproduce.

    python3 scripts/make_gold_depth2.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_gold_depth import write_contracts

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "tests" / "gold" / "contracts_depth2"

# source name -> (output format, script); txt-gb18030 is a .txt file encoded in GB18030
FORMATS: dict[str, tuple[str, str]] = {
    "inst_three_01": ("txt", "simplified"),
    "inst_pct_02": ("txt", "simplified"),
    "inst_table_03": ("docx", "simplified"),
    "sub_consent_04": ("txt", "simplified"),
    "sub_affiliates_05": ("txt", "simplified"),
    "sub_subsidiary_tw_06": ("pdf", "traditional"),
    "sub_forbid_07": ("txt-gb18030", "simplified"),
    "dates_table_08": ("docx", "simplified"),
    "coop_dates_09": ("txt", "simplified"),
    "eq_contrib_10": ("txt", "simplified"),
    "eq_increase_11": ("docx", "simplified"),
    "ld_noncompete_12": ("txt", "simplified"),
    "ld_pct_13": ("txt", "simplified"),
    "ts_hk_14": ("txt", "traditional"),
    "dur_relative_15": ("txt", "simplified"),
    "eq_table_16": ("docx", "simplified"),
    "lic_sole_17": ("txt-gb18030", "simplified"),
    "lic_dur_18": ("pdf", "simplified"),
    "amd_pay_19": ("docx", "simplified"),
    "tr_tw_20": ("txt", "traditional"),
    "nc_ld_21": ("docx", "simplified"),
    "ts_dates_22": ("txt", "simplified"),
    "pledge_23": ("pdf", "simplified"),
    "amd_table_24": ("docx", "simplified"),
    "lic_table_25": ("docx", "simplified"),
}


def main() -> None:
    write_contracts(CONTRACTS, FORMATS)


if __name__ == "__main__":
    main()
