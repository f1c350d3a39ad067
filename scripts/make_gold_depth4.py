"""Write the third depth tune set (tests/gold/contracts_depth4) from its UTF-8 sources with the
writers of scripts/make_gold_depth.py, so the committed DOCX, PDF and GB18030 files reproduce.

    python3 scripts/make_gold_depth4.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_gold_depth import write_contracts

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "tests" / "gold" / "contracts_depth4"

# source name -> (output format, script); txt-gb18030 is a .txt file encoded in GB18030
FORMATS: dict[str, tuple[str, str]] = {
    "lic_cn_dates_01": ("txt", "simplified"),
    "lic_table_term_02": ("docx", "simplified"),
    "ts_expiry_03": ("txt-gb18030", "simplified"),
    "eq_three_04": ("txt", "simplified"),
    "eq_tw_05": ("pdf", "traditional"),
    "amd_term_06": ("docx", "simplified"),
    "pledge_until_07": ("pdf", "simplified"),
    "nda_term_08": ("txt-gb18030", "simplified"),
    "lic_pct_steps_09": ("txt", "simplified"),
    "lic_hk_10": ("txt", "traditional"),
    "tr_milestone_11": ("docx", "simplified"),
    "nc_multiple_12": ("txt", "simplified"),
    "lic_until_13": ("pdf", "simplified"),
    "lic_tw_roc_14": ("pdf", "traditional"),
    "lic_royalty_table_15": ("docx", "simplified"),
    "eq_subscribe_16": ("txt-gb18030", "simplified"),
    "lic_except_17": ("txt", "simplified"),
    "amd_pay_table_18": ("docx", "simplified"),
    "amd_extend_19": ("txt", "simplified"),
    "lic_effective_20": ("txt", "simplified"),
    "nda_period_21": ("txt-gb18030", "simplified"),
    "eq_lockup_22": ("pdf", "simplified"),
    "eq_party_table_23": ("docx", "simplified"),
    "pledge_term_24": ("txt", "simplified"),
    "nc_ld_amount_25": ("txt-gb18030", "simplified"),
    "lic_region_26": ("pdf", "traditional"),
    "app_person_27": ("txt-gb18030", "simplified"),
    "eq_detail_lines_28": ("docx", "simplified"),
    "pledge_cn_number_29": ("txt", "simplified"),
    "ts_hk_court_30": ("pdf", "traditional"),
    "nc_floor_31": ("txt", "simplified"),
    "pledge_wrap_32": ("pdf", "simplified"),  # lines wrap before a date and before 乙方
    "lic_header_table_33": ("docx", "simplified"),
    "lic_tw_header_34": ("docx", "traditional"),
    "lic_semicolon_35": ("txt-gb18030", "simplified"),
    "amd_pledge_36": ("txt", "simplified"),
    "eq_hk_37": ("pdf", "traditional"),
    "tr_price_38": ("txt", "simplified"),
    "coop_budget_39": ("txt", "traditional"),
    "lic_roc_short_40": ("docx", "traditional"),
    "amd_new_quote_41": ("txt", "simplified"),
    "lic_others_42": ("txt-gb18030", "simplified"),
    "eq_capital_increase_43": ("txt", "simplified"),
    "eq_target_44": ("docx", "simplified"),
    "lic_start_end_45": ("txt", "simplified"),
    "lic_effective_len_46": ("pdf", "simplified"),
    "lic_period_word_47": ("txt-gb18030", "simplified"),
    "lic_group_48": ("txt", "simplified"),
    "lic_world_49": ("docx", "simplified"),
    "pay_rest_50": ("txt", "simplified"),
    "pay_dates_51": ("docx", "simplified"),
    "pay_as_follows_52": ("txt-gb18030", "simplified"),
    "amd_extend_two_53": ("txt", "simplified"),
    "amd_changed_54": ("pdf", "simplified"),
    "app_fee_words_55": ("txt", "simplified"),
    "lic_row_table_56": ("docx", "simplified"),
    "pledge_loan_57": ("pdf", "simplified"),
    "lic_jpy_58": ("txt", "simplified"),
    "lic_scope_row_59": ("docx", "simplified"),
    "coop_hk_cash_60": ("pdf", "traditional"),
    "coop_fund_table_61": ("docx", "simplified"),
    "nc_self_run_62": ("txt", "simplified"),
    "nc_tw_self_63": ("txt", "traditional"),
    "tr_person_64": ("txt", "simplified"),
    "lic_unit_royalty_65": ("txt", "simplified"),
    "tr_person_second_66": ("txt", "simplified"),
    "eq_allot_hk_67": ("txt", "traditional"),
    "ts_hk_suit_68": ("txt", "traditional"),
    "lic_per_unit_69": ("txt", "simplified"),
    "coop_first_party_70": ("pdf", "traditional"),
    "coop_name_first_71": ("txt", "traditional"),
    "coop_joint_funds_72": ("docx", "simplified"),
    "lic_tw_begins_73": ("docx", "traditional"),
    "lic_hk_years_until_74": ("txt", "traditional"),
    "lic_then_affiliates_75": ("txt", "simplified"),
    "lic_controlled_76": ("txt", "simplified"),
    "lic_grant_subs_77": ("txt", "simplified"),
    "amd_fee_split_78": ("txt", "simplified"),
    "coop_recital_three_79": ("txt", "traditional"),
}


def main() -> None:
    write_contracts(CONTRACTS, FORMATS)


if __name__ == "__main__":
    main()
