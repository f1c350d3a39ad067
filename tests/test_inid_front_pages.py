"""The plain-text patent document reader on front pages as IP departments receive them: each
page below was written for these tests (fictional numbers with valid check digits, real IPC
codes) in one of the layouts CNIPA texts come in, and each test names the reading rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ingest.errors import ErrorCode, IngestError
from ingest.readers import read_source, reader_for
from ingest.readers.columns import ColumnMap
from ingest.readers.inid_text import inid_document
from ingest.records import PatentRecord
from ingest.transform import validate

# A database's text view: `( 21 )` codes, `：` after labels, each value on the next line.
DB_VIEW = """( 19 )中华人民共和国国家知识产权局
( 12 )发明专利申请
( 10 )申请公布号：
CN 116012345 A
( 43 )申请公布日：
2023-04-25
( 21 )申请号：
202211234567.6
( 22 )申请日：
2022-09-30
( 30 )优先权数据：
10-2021-0134567 2021-10-08 KR
( 71 )申请人：
三星电子株式会社
首尔大学校产学协力团
( 72 )发明人：
金敏俊　朴智妍　李承焕
( 74 )专利代理机构：
北京市柳沈律师事务所 11105
代理人：
张明
( 51 )Int.Cl.：
H01L 21/02 (2006.01)
H01L 29/66 (2006.01)
( 54 )发明名称：
半导体器件及其制造方法
( 57 )摘要：
本发明提供一种半导体器件，包括衬底(10)和栅极，所述栅极
(12)设置在衬底上。

权利要求书
1.一种半导体器件，其特征在于，包括衬底(10)。

说明书
半导体器件及其制造方法
"""

# A PDF copy with two fields on a line, PCT data and two priorities on one line.
TWO_COLUMN = """(19)国家知识产权局
(12)发明专利申请
(10)申请公布号 CN 115998877 A (43)申请公布日 2023.04.21
(21)申请号 202180045678.X (22)申请日 2021.06.30
(30)优先权数据 63/046,123 2020.06.30 US 20 2020 123 456.1 2020.07.15 DE
(85)PCT国际申请进入国家阶段日 2022.12.28 (86)PCT国际申请的申请数据 PCT/EP2021/067890 2021.06.29
(87)PCT国际申请的公布数据 WO2022/003456 DE 2022.01.06
(71)申请人 罗伯特·博世有限公司 地址 德国斯图加特
(72)发明人 J·米勒 K·施耐德
(74)专利代理机构 中国专利代理（香港）有限公司 72001 代理人 吴鹏
(51)Int.Cl. G01S 7/40(2006.01) G01S 13/93(2020.01)
(54)发明名称 用于校准雷达传感器的方法
(57)摘要 本发明涉及一种用于校准雷达传感器的方法。
权利要求书2页 说明书8页 附图3页

权 利 要 求 书
1.一种用于校准雷达传感器的方法。
CN 115998877 A 权 利 要 求 书 1/2页

说 明 书
用于校准雷达传感器的方法
CN 115998877 A
技术领域
[0001]本发明涉及雷达传感器。
CN 115998877 A 说 明 书 2/8页
[0002]雷达传感器用于车辆。
第 3 页
"""

# A granted patent from a database view: full-width codes, (71) and (73), (65) with its (43),
# (56) citations with a non-patent line, a wrapped title, dates with 年月日.
GRANT = """（19）中华人民共和国国家知识产权局
（12）发明专利
（10）授权公告号：CN114567890B
（45）授权公告日：2023年8月22日
（21） 申请号：202110876543.X
（22） 申请日：2021年7月30日
（65）同一申请的已公布的文献号
申请公布号：CN113598765A
（43）申请公布日：2021年11月5日
（71）申请人：中国石油集团川庆钻探工程有限公司
（73）专利权人：中国石油天然气股份有限公司；中国石油大学（北京）
地址：100007 北京市东城区东直门北大街9号
（72）发明人：张伟、李强、王芳芳
（74）专利代理机构：北京市中咨律师事务所 11247
代理人：马江立
（51）Int.Cl.：E21B 43/26(2006.01)；E21B 49/00(2006.01)；G06F 30/20(2020.01)
（56）对比文件：
CN 109876543 A,2019.06.14
CN 105432109 B,2017.03.01
KR 10-2015-0012345 A,2015.02.02
US 2018/0123456 A1,2018.05.10,全文.
李明等.页岩气储层评价方法研究.《石油学报》.2018,第39卷(第5期),第1-9页.
审查员：赵琳
（54）发明名称：一种页岩气储层
压裂效果的评价方法
（57）摘要：本发明公开了一种页岩气储层压裂效果的评价方法。

说明书
背景技术
现有技术如CN109876543A公开了一种评价方法。
"""

# The 2003 layout: square-bracket codes, ZL 专利号, 8-digit number, Int.Cl.7, 设计人.
LAYOUT_2003 = """[19]中华人民共和国国家知识产权局
[12]实用新型专利说明书
[21] ZL 专利号 03245678.6
[45]授权公告日 2004年3月17日 [11]授权公告号 CN 2606789Y
[22]申请日 2003.2.18
[73]专利权人 鞍山钢铁集团公司
    地址 114021 辽宁省鞍山市铁西区
[72]设计人 王建国 刘洪涛
[74]专利代理机构 鞍山华惠专利事务所
    代理人 赵长芳
[51]Int.Cl.7 B21B 31/07
[54]实用新型名称 轧机轴承座的密封装置
[57]摘要 本实用新型公开一种轧机轴承座的密封装置。

说 明 书
轧机轴承座的密封装置
说 明 书 第1/3页
本实用新型涉及轧机。
"""

# A design: Locarno class on the line after its code, 设计人, no abstract, 简要说明.
DESIGN = """(19)国家知识产权局
(12)外观设计专利
(10)授权公告号 CN 307654321 S
(45)授权公告日 2022.11.29
(21)申请号 202230456789.7
(22)申请日 2022.07.20
(73)专利权人 小米科技有限责任公司
     地址 100085 北京市海淀区
(72)设计人 张伟，刘洋
(74)专利代理机构 北京品源专利代理有限公司 11332
     代理人 孟金喆
(51)LOC(13)Cl.
     14-03
(54)使用外观设计的产品名称
     智能手机
简要说明
1.本外观设计产品的名称：智能手机。
"""

# A front page retyped by an agency: no codes on some fields, priority claims on two lines,
# a divisional, utility-model kind Y, the agency without a code.
RETYPED = """(19)中华人民共和国国家知识产权局
(12)发明专利申请
(10)申请公布号 CN 117001234 A
(43)申请公布日 2023.10.27
(21)申请号 202211876540.7
(22)申请日 2021.03.15
(62)分案原申请数据 202111987654.4 2021.03.15
(30)优先权数据
62/991,234 2020.03.18 US
63/005,678 2020.04.06 US
申请人 华为技术有限公司
地址 518129 广东省深圳市龙岗区
申请人 华为终端有限公司
发明人 马克·约翰逊；陈晓；杜鹏
专利代理机构 北京同立钧成知识产权代理有限公司
代理人 刘芳
(51)Int.Cl.
H04W 72/04(2009.01)
(54)发明名称
一种通信方法及装置
(57)摘要
本申请提供一种通信方法。
"""


def _read(text: str) -> dict[str, Any]:
    return inid_document(text, "front.txt").data


def _record(text: str) -> PatentRecord:
    record = validate(inid_document(text, "front.txt"), "front.txt", ColumnMap.load())
    assert isinstance(record, PatentRecord), record
    return record


def test_values_on_the_line_after_their_label_with_colons() -> None:
    data = _read(DB_VIEW)
    assert data["publication_number"] == "CN116012345A"
    assert data["application_number"] == "CN202211234567.6"
    assert (data["filing_date"], data["publication_date"]) == ("2022-09-30", "2023-04-25")
    assert data["applicants"] == ["三星电子株式会社", "首尔大学校产学协力团"]
    assert data["inventors"] == ["金敏俊", "朴智妍", "李承焕"]
    assert data["agency"] == "北京市柳沈律师事务所"
    assert data["ipc"] == ["H01L 21/02", "H01L 29/66"]
    assert data["title"] == "半导体器件及其制造方法"


def test_reference_numerals_in_the_abstract_are_no_codes() -> None:
    data = _read(DB_VIEW)
    abstract = "本发明提供一种半导体器件，包括衬底(10)和栅极，所述栅极(12)设置在衬底上。"
    assert data["abstract"] == abstract
    assert data["claims"].startswith("1.一种半导体器件")


def test_korean_priority_with_its_country_after_the_date() -> None:
    assert _record(DB_VIEW).priority_claims() == [("KR1020210134567", "2021-10-08")]


def test_two_fields_on_one_line_and_pct_data() -> None:
    data = _read(TWO_COLUMN)
    assert data["publication_number"] == "CN115998877A"
    assert data["publication_date"] == "2023-04-21"
    assert data["application_number"] == "CN202180045678.X"
    assert data["filing_date"] == "2021-06-30"
    assert data["pct_national_phase_date"] == "2022-12-28"
    assert data["pct_application"] == {"number": "PCT/EP2021/067890", "date": "2021-06-29"}
    assert data["pct_publication"] == {"number": "WO2022/003456", "date": "2022-01-06"}


def test_several_priority_claims_on_one_line_and_the_german_check_digit() -> None:
    assert _record(TWO_COLUMN).priority_claims() == [
        ("US63046123", "2020-06-30"),
        ("DE202020123456", "2020-07-15"),
    ]


def test_inline_address_and_agent_and_transliterated_names() -> None:
    data = _read(TWO_COLUMN)
    assert data["applicants"] == ["罗伯特·博世有限公司"]
    assert data["applicant_addresses"] == ["德国斯图加特"]
    assert data["inventors"] == ["J·米勒", "K·施耐德"]
    assert data["agency"] == "中国专利代理（香港）有限公司"
    assert data["ipc"] == ["G01S 7/40", "G01S 13/93"]


def test_page_count_header_and_footer_lines_are_dropped() -> None:
    data = _read(TWO_COLUMN)
    assert data["abstract"] == "本发明涉及一种用于校准雷达传感器的方法。"
    assert data["claims"] == "1.一种用于校准雷达传感器的方法。"
    assert "页" not in data["description"] and "CN 115998877 A" not in data["description"]
    assert "[0002]雷达传感器用于车辆。" in data["description"]


def test_a_grant_is_published_on_its_grant_date_and_names_its_earlier_publication() -> None:
    data = _read(GRANT)
    assert data["publication_number"] == "CN114567890B"
    assert data["application_number"] == "CN202110876543.X"
    assert data["publication_date"] == data["grant_date"] == "2023-08-22"
    assert data["filing_date"] == "2021-07-30"
    assert data["earlier_publication"] == {"number": "CN113598765A", "date": "2021-11-05"}


def test_patentees_are_the_applicants_and_the_71_names_the_original_ones() -> None:
    data = _read(GRANT)
    assert data["applicants"] == ["中国石油天然气股份有限公司", "中国石油大学（北京）"]
    assert data["original_applicants"] == ["中国石油集团川庆钻探工程有限公司"]
    assert data["applicant_addresses"] == ["100007 北京市东城区东直门北大街9号"]
    assert data["inventors"] == ["张伟", "李强", "王芳芳"]
    assert data["agency"] == "北京市中咨律师事务所"


def test_ipc_codes_split_by_semicolons_and_a_wrapped_title() -> None:
    data = _read(GRANT)
    assert data["ipc"] == ["E21B 43/26", "E21B 49/00", "G06F 30/20"]
    assert data["title"] == "一种页岩气储层压裂效果的评价方法"
    assert data["abstract"] == "本发明公开了一种页岩气储层压裂效果的评价方法。"


def test_cited_documents_keep_their_kind_codes_and_skip_literature() -> None:
    assert _read(GRANT)["cites"] == [
        "CN109876543A",
        "CN105432109B",
        "KR1020150012345A",
        "US20180123456A1",
    ]


def test_the_2003_layout_with_square_brackets_and_an_8_digit_number() -> None:
    data = _read(LAYOUT_2003)
    assert data["publication_number"] == "CN2606789Y"
    assert data["application_number"] == "CN03245678.6"
    assert data["publication_date"] == data["grant_date"] == "2004-03-17"
    assert data["filing_date"] == "2003-02-18"
    assert data["applicants"] == ["鞍山钢铁集团公司"]
    assert data["inventors"] == ["王建国", "刘洪涛"]
    assert data["agency"] == "鞍山华惠专利事务所"
    assert data["ipc"] == ["B21B 31/07"]
    assert data["title"] == "轧机轴承座的密封装置"
    assert data["description"] == "轧机轴承座的密封装置\n本实用新型涉及轧机。"


def test_a_design_has_a_locarno_class_and_no_abstract() -> None:
    data = _read(DESIGN)
    assert data["locarno"] == ["14-03"]
    assert "ipc" not in data and "abstract" not in data
    assert data["title"] == "智能手机"
    assert data["inventors"] == ["张伟", "刘洋"]
    assert data["publication_date"] == data["grant_date"] == "2022-11-29"
    assert data["agency"] == "北京品源专利代理有限公司"


def test_label_only_lines_and_a_divisional() -> None:
    data = _read(RETYPED)
    assert data["divisional_of"] == "CN202111987654.4"
    assert data["filing_date"] == "2021-03-15"
    assert data["applicants"] == ["华为技术有限公司", "华为终端有限公司"]
    assert data["inventors"] == ["马克·约翰逊", "陈晓", "杜鹏"]
    assert data["agency"] == "北京同立钧成知识产权代理有限公司"
    assert data["ipc"] == ["H04W 72/04"]
    assert data["title"] == "一种通信方法及装置"


def test_priority_claims_on_two_lines() -> None:
    assert _record(RETYPED).priority_claims() == [
        ("US62991234", "2020-03-18"),
        ("US63005678", "2020-04-06"),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(30)优先权数据 2019.10.16 US 62/915,872", [("US62915872", "2019-10-16")]),
        ("(30)优先权数据 US 62/915,872 2019.10.16", [("US62915872", "2019-10-16")]),
        ("(30)优先权数据 2020-071234 2020-04-10 JP", [("JP2020071234", "2020-04-10")]),
        ("(30)优先权数据 202020125678.3 2020年2月18日 CN", [("CN202020125678.3", "2020-02-18")]),
    ],
)
def test_priority_print_forms(line: str, expected: list[tuple[str, str]]) -> None:
    text = f"(10)申请公布号 CN 115000004 A\n(21)申请号 202210000004.4\n{line}\n(54)发明名称 方法\n"
    assert _record(text).priority_claims() == expected


def test_new_fields_reach_the_record() -> None:
    record = _record(GRANT)
    assert record.original_applicants == ["中国石油集团川庆钻探工程有限公司"]
    assert record.earlier_publication is not None
    assert record.earlier_publication.number == "CN113598765A"
    record = _record(TWO_COLUMN)
    assert record.pct_application is not None and record.pct_publication is not None
    assert str(record.pct_national_phase_date) == "2022-12-28"
    assert _record(DESIGN).locarno == ["14-03"]
    assert _record(RETYPED).divisional_of == "CN202111987654.4"


def test_a_gb18030_file_with_full_width_codes_is_a_patent_document(tmp_path: Path) -> None:
    path = tmp_path / "grant.txt"
    path.write_bytes(GRANT.replace("\n", "\r\n").encode("gb18030"))
    assert reader_for(path).name == "txt"
    source = read_source(path)
    [raw] = list(source.records)
    assert raw.data["publication_number"] == "CN114567890B"  # type: ignore[union-attr]


def test_a_contract_with_numbered_items_stays_a_contract(tmp_path: Path) -> None:
    path = tmp_path / "contract.txt"
    items = "\n".join(f"({n})乙方应于每季度支付许可费。" for n in range(10, 25))
    path.write_text(f"专利实施许可合同\n申请号、申请日见附件。\n{items}\n", encoding="utf-8")
    assert reader_for(path).name == "contract"


def test_a_text_without_a_front_page_is_refused_with_a_code_naming_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("会议纪要\n讨论了专利布局。\n", encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        read_source(path, "txt")
    assert caught.value.problem.code == ErrorCode.RECORD_INVALID
    assert str(path) in str(caught.value)


# The 1990s layout: priority in separate (32) date, (33) country and (31) number fields, a label
# printed before its code, a number without its kind code, Latin names.
LAYOUT_1999 = """[19]中华人民共和国国家知识产权局
[12]发明专利申请公开说明书
[21]申请号 98123456.1
[43]公开日 1999年6月2日 公开号[11] CN 1219876
[22]申请日 1998.10.12
[30]优先权
[32]1997.10.14 [33]JP [31]280567/97
[71]申请人 MATSUSHITA ELECTRIC INDUSTRIAL CO., LTD.
[72]发明人 TARO YAMADA; ICHIRO SUZUKI
[74]专利代理机构 中国专利代理(香港)有限公司
代理人 王勇
[51]Int.Cl6 H01M 10/40
[54]发明名称 非水电解质二次电池
[57]摘要 一种非水电解质二次电池。
"""


def test_the_1999_layout_with_separate_priority_fields_and_latin_names() -> None:
    data = _read(LAYOUT_1999)
    assert data["publication_number"] == "CN1219876A"  # the kind from 申请公开说明书
    assert data["application_number"] == "CN98123456.1"
    assert (data["publication_date"], data["filing_date"]) == ("1999-06-02", "1998-10-12")
    assert data["applicants"] == ["MATSUSHITA ELECTRIC INDUSTRIAL CO., LTD."]
    assert data["inventors"] == ["TARO YAMADA", "ICHIRO SUZUKI"]
    assert data["ipc"] == ["H01M 10/40"]
    assert _record(LAYOUT_1999).priority_claims() == [("JP28056797", "1997-10-14")]


# A PDF copied with its layout kept: the right column ((10)/(43), (54), (57)) beside the left.
SIDE_BY_SIDE = """(19)国家知识产权局                       (10)申请公布号 CN 115998877 A
                                          (43)申请公布日 2023.04.21
(12)发明专利申请
(21)申请号 202180045678.X                 (54)发明名称
(22)申请日 2021.06.30                          用于校准雷达传感器的方法
(71)申请人 罗伯特·博世有限公司           (57)摘要
     地址 德国斯图加特                         本发明涉及一种用于校准雷达
(72)发明人 J·米勒 K·施耐德                    传感器的方法，包括发送(10)
(74)专利代理机构 中国专利代理（香港）          信号。
     有限公司 72001
     代理人 吴鹏
(51)Int.Cl.                                权利要求书2页 说明书8页 附图3页
     G01S 7/40(2006.01)
"""


def test_columns_side_by_side_are_read_one_after_the_other() -> None:
    data = _read(SIDE_BY_SIDE)
    assert data["publication_number"] == "CN115998877A"
    assert data["publication_date"] == "2023-04-21"
    assert data["filing_date"] == "2021-06-30"
    assert data["title"] == "用于校准雷达传感器的方法"
    assert data["abstract"] == "本发明涉及一种用于校准雷达传感器的方法，包括发送(10)信号。"
    assert data["applicants"] == ["罗伯特·博世有限公司"]
    assert data["inventors"] == ["J·米勒", "K·施耐德"]
    assert data["agency"] == "中国专利代理（香港）有限公司"  # wrapped over two lines
    assert data["ipc"] == ["G01S 7/40"]


def test_priority_claims_joined_by_semicolons_and_citations_after_a_label() -> None:
    from ingest.readers.inid_values import citations, priority_claims

    assert priority_claims("2020-071234 2020.04.10 JP；2020-081234 2020.05.10 JP") == [
        "JP2020071234 2020-04-10",
        "JP2020081234 2020-05-10",
    ]
    assert citations("对比文件：CN107936171A；US20160046786A1\nUS 6,123,456 B1,2000.09.19") == [
        "CN107936171A",
        "US20160046786A1",
        "US6123456B1",
    ]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("LG电子株式会社 LG化学株式会社", ["LG电子株式会社", "LG化学株式会社"]),
        ("SIEMENS AKTIENGESELLSCHAFT", ["SIEMENS AKTIENGESELLSCHAFT"]),
        ("甲科技有限公司、乙研究院", ["甲科技有限公司", "乙研究院"]),
        ("中国专利代理（香港）有限公司", ["中国专利代理（香港）有限公司"]),
    ],
)
def test_owner_names_split_at_separators_and_between_chinese_names(
    line: str, names: list[str]
) -> None:
    from ingest.readers.inid_values import organisation_names

    assert organisation_names(line) == names


def test_the_earlier_publication_printed_with_its_own_code_under_65() -> None:
    text = """(12)发明专利
(10)授权公告号 CN 111138724 B
(45)授权公告日 2022.03.15
(21)申请号 201811296543.7
(65)同一申请的已公布的文献号
(10)申请公布号 CN 111138724 A
(43)申请公布日 2020.05.12
(54)发明名称 一种方法
"""
    data = _read(text)
    assert data["publication_number"] == "CN111138724B"
    assert data["publication_date"] == "2022-03-15"
    assert data["earlier_publication"] == {"number": "CN111138724A", "date": "2020-05-12"}
