"""The same contract written differently reads the same (issue 15; bench/contracts_probe.py
measures it on every tuned gold): a title that names no kind, a preamble that names another
kind in passing, a number in traditional script, half-width punctuation, lines wrapped by a PDF
conversion."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.contracts.documents import read_contract
from ingest.contracts.extract import extract_contract
from tests.contract_texts import extract_text

_NDA = (
    "青松项目协议书\n编号：QS-2025-01\n甲方：东岭材料有限公司\n乙方：南港检测有限公司\n"
    "鉴于双方拟就新型涂层合作研究开发事宜进行洽谈，甲方将向乙方提供相关资料。\n"
    "第一条 乙方对甲方提供的保密信息负有保密义务，不得披露给任何第三方。\n"
    "第二条 保密期限为三年。\n签订日期：2025年3月3日\n"
)
_SHORT_NON_COMPETE = (
    "约定书\n编号：NC-7\n甲方：日月光半导体制造股份有限公司\n乙方：林宜蓁\n"
    "一、乙方于离职后十八个月内，不得自营或为他人经营与甲方相同或类似之业务。\n"
    "中华民国113年10月1日\n"
)


def test_a_preamble_naming_another_kind_in_passing_does_not_decide() -> None:
    # 合作研究开发 in the recital; every role and clause is an NDA's
    assert extract_text(_NDA).kind.value.value == "nda"


def test_a_short_text_is_read_from_a_few_words_of_one_kind() -> None:
    contract = extract_text(_SHORT_NON_COMPETE)
    assert contract.kind.value.value == "non_compete"
    assert contract.kind.evidence is not None and contract.kind.evidence.confidence < 0.6


def test_a_text_with_no_word_of_any_kind_is_still_refused() -> None:
    from ingest.errors import IngestError

    with pytest.raises(IngestError, match="INGEST_CONTRACT_NOT_RECOGNISED"):
        extract_text("会议纪要\n甲方：东岭材料有限公司\n一、双方就年度计划交换了意见。\n")


def test_a_contract_number_keeps_the_documents_script() -> None:
    text = (
        "專利權質押合同\n合同編號：建株質字（2023）第0086號\n出質人：臺灣東嶺材料股份有限公司\n"
        "質權人：中國建設銀行股份有限公司株洲分行\n第一條 出質人以專利權出質。\n"
        "簽訂日期：2023年5月6日\n"
    )
    contract = extract_text(text)
    assert contract.id == "建株質字(2023)第0086號"
    assert contract.contract_number is not None
    assert contract.contract_number.value == contract.id


def test_a_half_width_bracket_closing_a_note_is_not_part_of_the_number() -> None:
    text = (
        "专利许可合同补充协议\n协议编号：SPCI-BC-2025-01\n（原合同编号:SPCI-JSMM-2024-11)\n"
        "甲方：东岭材料有限公司\n乙方：南港检测有限公司\n第一条 许可期限延长至2027年12月31日。\n"
        "签订日期：2025年3月3日\n"
    )
    contract = extract_text(text)
    assert contract.amends is not None and contract.amends.value == "SPCI-JSMM-2024-11"


def test_half_width_commas_beside_chinese_end_a_clause() -> None:
    text = (
        "专利实施许可合同\n编号：LIC-9\n许可方：东岭材料有限公司\n被许可方：南港检测有限公司\n"
        "第一条 许可方式为普通许可,许可费为人民币1,200,000元。\n"
        "第二条 因本合同发生的争议,双方协商解决;协商不成的,提交上海仲裁委员会仲裁。\n"
        "签订日期：2025年3月3日\n"
    )
    contract = extract_text(text)
    assert contract.dispute_forum is not None
    assert contract.dispute_forum.value == "上海仲裁委员会"
    assert contract.amount is not None and contract.amount.value.amount == 1_200_000


_LONG_CLAUSES = (
    "专利实施许可合同\n合同编号：WR-2025-3\n许可方：东岭材料有限公司\n被许可方：南港检测有限公司\n"
    "第一条 许可方同意将其拥有的一种高镍三元前驱体共沉淀方法发明专利（专利号：ZL202110587921.2）"
    "以普通许可方式许可被许可方在中华人民共和国境内实施，许可期限自2025年4月1日起至2028年3月31日止。\n"
    "第二条 许可使用费总额为人民币叁佰万元，被许可方应于本合同生效后三十日内一次性支付给许可方，"
    "逾期支付的按日支付万分之五的滞纳金。\n"
    "第三条 因本合同引起的或与本合同有关的任何争议，双方应友好协商解决，协商不成的，"
    "任何一方均可提交中国国际经济贸易仲裁委员会按照其仲裁规则进行仲裁。\n"
    "签订日期：2025年3月20日\n"
)


def _wrapped(text: str, width: int) -> str:
    return "\n".join(
        "\n".join(line[i : i + width] for i in range(0, len(line), width))
        for line in text.split("\n")
    )


def test_a_text_file_with_lines_wrapped_by_a_pdf_conversion_reads_as_the_original(
    tmp_path: Path,
) -> None:
    (tmp_path / "plain.txt").write_text(_LONG_CLAUSES, encoding="utf-8")
    (tmp_path / "wrapped.txt").write_text(_wrapped(_LONG_CLAUSES, 30), encoding="utf-8")
    plain = extract_contract(read_contract(tmp_path / "plain.txt"))
    wrapped = extract_contract(read_contract(tmp_path / "wrapped.txt"))
    for name in ("start_date", "end_date", "amount", "dispute_forum", "territory"):
        assert getattr(plain, name) is not None, name
        assert getattr(wrapped, name) is not None, name
        assert getattr(wrapped, name).value == getattr(plain, name).value, name
    assert [p.number for p in wrapped.patents] == [p.number for p in plain.patents]
