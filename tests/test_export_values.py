"""The cell values of analyst exports read by the vendors' rules: numbers, dates, priority
claims, list cells, event cells, and workbooks holding one table on several sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from domain.dates import date_text
from domain.legal_status import legal_status
from domain.numbers import parse_application_number, parse_priority, parse_publication_number
from ingest.readers import read_source
from ingest.readers.columns import ColumnMap, list_items, priority_claims_in
from ingest.readers.export_layout import (
    day_first,
    find_header,
    is_data_row,
    is_known_header,
    names,
    transfer_cell,
    with_date_order,
    without_country,
)
from ingest.records import PatentRecord
from ingest.transform import unmapped_headers


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("CN 113318751 A", "CN113318751A"),
        ("CN-112962195-A", "CN112962195A"),
        ("CN111149147 B", "CN111149147B"),
        ("CN114130360.A", "CN114130360A"),
        ("ＣＮ１１３３１８７５１Ａ", "CN113318751A"),
    ],
)
def test_publication_numbers(raw: str, canonical: str) -> None:
    assert parse_publication_number(raw).canonical == canonical


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("ZL201910345678.6", "CN201910345678.6"),
        ("ZL 2019 1 0345678.6", "CN201910345678.6"),
        ("专利号：ZL201910345678.6", "CN201910345678.6"),
        ("2019103456786", "CN201910345678.6"),
        ("CN201910345678", "CN201910345678.6"),
        ("CN 201910345678 A", "CN201910345678.6"),  # Lens prints the kind letter
        ("２０１９１０３４５６７８．６", "CN201910345678.6"),
        ("ZL00123456.0", "CN00123456.0"),
        ("CN202110987650.X", "CN202110987650.X"),
    ],
)
def test_application_numbers(raw: str, canonical: str) -> None:
    assert parse_application_number(raw).canonical == canonical


def test_publication_numbers_keep_their_kind_as_applications() -> None:
    # an application number's kind letter is dropped; a publication number's is not touched
    assert parse_application_number("CN113318751A").canonical == "CN113318751A"


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("JP2019-087654 2019.05.07", "JP2019087654"),
        ("2019.05.07 JP 2019-087654", "JP2019087654"),
        ("[JP]2019-087654 2019-05-07", "JP2019087654"),
        ("JP2019-087654(2019-05-07)", "JP2019087654"),
        ("EP 17192345 A", "EP17192345"),
        ("FI 20185678 A", "FI20185678"),
        ("CN 202110567890 A", "CN202110567890.4"),
        ("KR10-2018-0123456 2018.10.17", "KR1020180123456"),
    ],
)
def test_priority_numbers(raw: str, number: str) -> None:
    found = parse_priority(raw)
    assert found is not None and found.canonical == number


def test_an_eight_digit_number_after_its_country_is_no_date() -> None:
    record = PatentRecord(
        publication_number="CN1A", title="t", priority=["EP20150001"], priority_dates=["2020-01-06"]
    )
    assert record.priority_claims() == [("EP20150001", "2020-01-06")]


def test_claims_written_one_after_another() -> None:
    assert priority_claims_in("JP2019-087654 2019.05.07 CN201911098765.2 2019.11.12") == [
        "JP2019-087654 2019.05.07",
        "CN201911098765.2 2019.11.12",
    ]
    assert priority_claims_in("2019.05.07 JP 2019-087654 20191112 CN 201911098765.2") == [
        "2019.05.07 JP 2019-087654",
        "20191112 CN 201911098765.2",
    ]
    assert priority_claims_in("CN201911098765.2 20191112") == ["CN201911098765.2 20191112"]


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2021.05.12", "2021-05-12"),
        ("2021/5/12", "2021-05-12"),
        ("20210512", "2021-05-12"),
        ("2021年5月12日", "2021-05-12"),
        ("12.05.2021", "2021-05-12"),
        ("5/12/2021", "2021-05-12"),
        ("25/12/2021", "2021-12-25"),
        ("May 12, 2021", "2021-05-12"),
        ("12 May 2021", "2021-05-12"),
        ("12-May-2021", "2021-05-12"),
    ],
)
def test_dates(raw: str, iso: str) -> None:
    assert date_text(raw) == iso


def test_excel_day_counts_in_date_columns_only() -> None:
    columns = ColumnMap.load()
    record, _ = columns.to_record({"申请日": "44328", "公开日": 44400.0, "被引次数": "44328"})
    assert record["filing_date"] == "2021-05-12"
    assert record["publication_date"] == "2021-07-23"
    assert record["cited_by_count"] == 44328


@pytest.mark.parametrize(
    ("name", "cell", "items"),
    [
        ("applicants", "甲公司;乙公司", ["甲公司", "乙公司"]),
        ("applicants", "甲公司；；乙公司", ["甲公司", "乙公司"]),
        ("applicants", "ANDRITZ OY;;VALMET AB", ["ANDRITZ OY", "VALMET AB"]),
        ("inventors", "张三、李四", ["张三", "李四"]),
        ("inventors", "张三 | 李四", ["张三", "李四"]),
        ("inventors", "张三\n李四", ["张三", "李四"]),
        ("applicants", "Acme Co., Ltd., Foo, Inc.", ["Acme Co., Ltd.", "Foo, Inc."]),
        ("family", "US10,123,456 B2, EP3685374A1", ["US10,123,456 B2", "EP3685374A1"]),
        ("family", "US20200211495 A1 WO2019060500 A1", ["US20200211495 A1", "WO2019060500 A1"]),
        ("priority", "US63/042,117 2020-06-19", ["US63/042,117 2020-06-19"]),
    ],
)
def test_list_cells(name: str, cell: str, items: list[str]) -> None:
    assert list_items(name, cell) == items


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (
            "转让人：甲公司；受让人：乙公司、丙公司；变更生效日：2021-05-06",
            [("甲公司", "乙公司丙公司")],
        ),
        ("转让人:甲公司 受让人:乙公司", [("甲公司", "乙公司")]),
        ("变更前权利人：甲公司\n变更后权利人：乙公司", [("甲公司", "乙公司")]),
        ("甲公司→乙公司 | 由乙公司转让给丁公司", [("甲公司", "乙公司"), ("乙公司", "丁公司")]),
        ("Assignor: ACME CO., LTD.; Assignee: FOO LLC", [("ACME CO., LTD.", "FOO LLC")]),
    ],
)
def test_transfer_cells(cell: str, expected: list[tuple[str, str]]) -> None:
    found = [("".join(t["from"]), "".join(t["to"])) for t in transfer_cell(cell)]
    assert found == expected


def test_event_names_keep_legal_forms() -> None:
    assert names("Samsung Electronics Co., Ltd.，甲公司、乙公司") == [
        "Samsung Electronics Co., Ltd.",
        "甲公司",
        "乙公司",
    ]


def test_rows_that_are_no_records() -> None:
    header = ["序号", "名称", "申请号", "申请日"]
    assert not is_data_row(header, ["本数据由某数据库提供，共6条记录。"])
    assert not is_data_row(header, ["合计", "", "", "共3件"])
    assert not is_data_row(header, ["注：以上数据仅供参考"])
    assert not is_data_row(header, ["Total", "3"])
    assert not is_data_row(header, ["", "", "", ""])
    assert not is_data_row(header, ["序号", "名称", "申请号", "申请日"])
    # a record stays a record, with or without its number, whatever its first words
    assert is_data_row(header, ["1", "统计方法", "", ""])
    assert is_data_row(header, ["合计", "", "202010345123.4", ""])


def test_group_row_above_and_parts_below() -> None:
    layout = find_header(
        [
            ["检索式：TI=(阀)"],
            ["序号", "公开号", "申请号", "优先权", None, "摘要"],
            [None, None, None, "号", "日", None],
            ["1", "CN114000001A", "202110000001.6", "US16/1", "2020-01-01", "……"],
        ]
    )
    assert layout is not None and (layout.index, layout.rows) == (2, 2)
    assert layout.names == ["序号", "公开号", "申请号", "优先权号", "优先权日", "摘要"]


def test_one_table_on_several_sheets(tmp_path: Path) -> None:
    workbook = Workbook()
    search = workbook.active
    assert search is not None
    search.title = "检索条件"
    search.append(["检索式", "申请人=甲公司"])
    header = ["序号", "专利名称", "申请号", "申请日", "公告号"]
    for title, row in (
        ("发明", [1, "一种阀门", "202110000001.6", dt.datetime(2021, 1, 1), "CN114000001B"]),
        ("实用新型", [1, "一种管件", "202120000002.3", "2021.02.02", "CN214000002U"]),
    ):
        sheet = workbook.create_sheet(title)
        sheet.append(header)
        sheet.append(row)
    counts = workbook.create_sheet("申请人统计")
    counts.append(["申请人", "专利数量"])
    counts.append(["甲公司", 2])
    path = tmp_path / "ledger.xlsx"
    workbook.save(path)
    records = read_source(path).records
    assert [r.data["公告号"] for r in records] == ["CN114000001B", "CN214000002U"]


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("有权", "valid"),
        ("无权", "invalid"),
        ("ACTIVE", "valid"),
        ("INACTIVE", "invalid"),
        ("Alive", "valid"),
        ("Dead", "invalid"),
        ("审查中", "pending"),
    ],
)
def test_legal_status_words_of_the_vendors(raw: str, status: str) -> None:
    assert legal_status(raw) == status


def test_numbered_name_columns_are_mapped() -> None:
    columns = ColumnMap.load()
    assert columns.field_of("发明人2") == "inventors"
    record, unmapped = columns.to_record(
        {"公开号": "CN1A", "发明人": "张三", "发明人2": "李四", "第3发明人": "王五"}
    )
    assert record["inventors"] == ["张三", "李四", "王五"] and unmapped == []


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("日本 2019-087654 2019.05.07", "JP2019087654"),
        ("2019.05.07 日本 2019-087654", "JP2019087654"),
        ("美国 62/345,678 2016.06.03", "US62345678"),
        ("中国 201911098765.2 2019.11.12", "CN201911098765.2"),
    ],
)
def test_priority_offices_named_in_chinese(raw: str, number: str) -> None:
    found = parse_priority(raw)
    assert found is not None and found.canonical == number


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Assignee(s)", "applicants"),
        ("Inventor(s)", "inventors"),
        ("Title (Original)", "title"),
        ("申请人(中文)", "applicants"),
        ("标题(英文)", None),  # a translation is not the title
        ("IPC(主)", "ipc_main"),
        ("Appln. No.", "application_number"),
        ("法律状态（最新）", "legal_status"),
    ],
)
def test_header_forms(header: str, field: str | None) -> None:
    assert ColumnMap.load().field_of(header) == field


def test_cells_kept_as_text_for_excel() -> None:
    record, _ = ColumnMap.load().to_record(
        {"申请号": '="2020111234569"', "公开号": "'CN112000008B", "标题": "x"}
    )
    assert record["application_number"] == "2020111234569"
    assert record["publication_number"] == "CN112000008B"


@pytest.mark.parametrize(
    ("number", "kind", "canonical"),
    [
        ("CN112000008", "B", "CN112000008B"),
        ("CN112000008", "发明授权", "CN112000008B"),
        ("CN1167432", "发明授权", "CN1167432C"),
        ("CN212000008", "实用新型", "CN212000008U"),
        ("CN2567432", "实用新型", "CN2567432Y"),
        ("CN112000008A", "B", "CN112000008A"),  # a number's own kind is kept
    ],
)
def test_kind_in_its_own_column(number: str, kind: str, canonical: str) -> None:
    record, _ = ColumnMap.load().to_record({"公开（公告）号": number, "文献类型": kind})
    assert record["publication_number"] == canonical


def test_priorities_joined_by_commas_before_an_office_name() -> None:
    assert list_items("priority", "日本 2019-087654 2019.05.07，美国 62/345,678 2016.06.03") == [
        "日本 2019-087654 2019.05.07",
        "美国 62/345,678 2016.06.03",
    ]


@pytest.mark.parametrize(
    ("cell", "people"),
    [
        ("MÜLLER, HANS", ["MÜLLER, HANS"]),
        ("SMITH, JOHN; DOE, JANE", ["SMITH, JOHN", "DOE, JANE"]),
        ("Hans Müller, Peter Schmidt", ["Hans Müller", "Peter Schmidt"]),
        ("张三,李四", ["张三", "李四"]),
    ],
)
def test_an_inventor_written_surname_first_is_one_person(cell: str, people: list[str]) -> None:
    assert list_items("inventors", cell) == people


def test_a_number_cell_listing_the_family_gives_the_chinese_number() -> None:
    record, _ = ColumnMap.load().to_record(
        {"Patent Number": "US2021123456-A1; CN112345678-A; WO2021000001-A1", "Title": "x"}
    )
    assert record["publication_number"] == "CN112345678-A"


def test_the_earliest_priority_date_yields_to_dates_per_claim() -> None:
    record, _ = ColumnMap.load().to_record(
        {
            "最早优先权日": "2019-01-02",
            "优先权号": "JP2019-000001；JP2019-000002",
            "优先权日": "2019-01-02；2019-03-04",
        }
    )
    assert record["priority_dates"] == ["2019-01-02", "2019-03-04"]


def test_a_count_of_citations_yields_to_one_of_citing_patents() -> None:
    columns = ColumnMap.load()
    record, _ = columns.to_record({"公开号": "CN1A", "引用次数": "3", "被引证次数": "7"})
    assert record["cited_by_count"] == 7
    record, _ = columns.to_record({"公开号": "CN1A", "引用次数": "3"})
    assert record["cited_by_count"] == 3


def test_columns_known_to_hold_no_field() -> None:
    columns = ColumnMap.load()
    record, _ = columns.to_record({"序号": "1", "Lens ID": "000-1", "公开号": "CN114000026A"})
    assert record == {"publication_number": "CN114000026A"}
    assert columns.field_of("序号") is None  # still named in the unmapped-columns warning
    assert unmapped_headers(["序号", "公开号"], columns) == ["序号"]
    assert is_known_header("Lens ID") and is_known_header("result link")


def test_a_chinese_publication_number_written_without_cn() -> None:
    columns = ColumnMap.load()
    record, _ = columns.to_record({"公开号": "112345678A", "申请号": "202010000001.2"})
    assert record["publication_number"] == "CN112345678A"
    record, _ = columns.to_record({"公开号": "1167432C"})
    assert record["publication_number"] == "CN1167432C"
    record, _ = columns.to_record({"公开号": "2020123456"})  # no kind: not sure it is CN's
    assert record["publication_number"] == "2020123456"
    record, _ = columns.to_record({"公开号": "112000008", "文献类型": "B"})
    assert record["publication_number"] == "CN112000008B"


def test_placeholder_cells_are_empty() -> None:
    record, _ = ColumnMap.load().to_record(
        {
            "公开号": "CN114000027A",
            "引用专利": "无",
            "同族专利": "-",
            "优先权日": "N/A",
            "申请日": "暂无",
            "当前权利人": "nan",
        }
    )
    assert record == {"publication_number": "CN114000027A"}


def test_priority_offices_in_a_column_of_their_own() -> None:
    record, _ = ColumnMap.load().to_record(
        {
            "公开号": "CN114000028A",
            "优先权号": "2019-087654；62/345,678",
            "优先权国家/地区": "JP；US",
            "优先权日": "2019-05-07；2016-06-03",
        }
    )
    found = PatentRecord.model_validate({**record, "title": "t"}).priority_claims()
    assert found == [("JP2019087654", "2019-05-07"), ("US62345678", "2016-06-03")]


def test_dates_listed_per_family_member_follow_the_number_taken() -> None:
    record, _ = ColumnMap.load().to_record(
        {
            "Publication number": "US2022000001 A1\nCN114000029 A\nEP4000001 A1",
            "Publication date": "2022-01-06\n2022-03-01\n2022-05-04",
            "Application number": "CN202110000029",
            "Application date": "2021-02-01",
        }
    )
    assert record["publication_number"] == "CN114000029 A"
    assert record["publication_date"] == "2022-03-01"
    record, _ = ColumnMap.load().to_record(
        {"公开号": "CN114000030A", "公开日": "2022-03-01；2023-01-01"}
    )
    assert record["publication_date"] == "2022-03-01"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("ApplyNum-申请号", "application_number"),
        ("PubNo-公开号", "publication_number"),
        ("MainClass-主分类号", "ipc_main"),
        ("Summary-摘要", "abstract"),
        ("公开号 Publication No.", "publication_number"),
        ("当前专利权人（Current Assignee）", "current_owners"),
        ("Inventor_发明人", "inventors"),
        ("Title-未知栏目", "title"),  # the English name when the Chinese one is unknown
        ("SrcDatabase-来源库", None),
        ("PCT-申请号", None),  # an acronym qualifies the Chinese name: no translation
        ("官方文号", "application_number"),
        ("案卷号", None),
        ("转化方式", "transaction_type"),
        ("受让方（被许可方）", "transferees"),
        ("申请日（yyyy-mm-dd）", "filing_date"),
        ("申请号（PCT）", None),  # a PCT application is not the national one
        ("合同金额（万元）", None),
    ],
)
def test_bilingual_and_docket_headers(header: str, field: str | None) -> None:
    assert ColumnMap.load().field_of(header) == field


def test_a_province_code_is_no_office() -> None:
    record, _ = ColumnMap.load().to_record(
        {"PubNo-公开号": "111826244A", "CountryCode-国省代码": "33", "国家": "CN"}
    )
    assert record["publication_number"] == "CN111826244A"


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("DAIKIN IND LTD [JP]", "DAIKIN IND LTD"),
        ("MÜLLER HANS-PETER [DE]", "MÜLLER HANS-PETER"),
        ("WEBER THOMAS ［DE］", "WEBER THOMAS"),
        ("ACME [US] HOLDINGS", "ACME [US] HOLDINGS"),  # only after the name
        ("甲公司", "甲公司"),
    ],
)
def test_the_residence_code_after_a_name_is_dropped(name: str, bare: str) -> None:
    assert without_country(name) == bare


def test_residence_codes_in_list_cells_and_event_cells() -> None:
    assert list_items("inventors", "KLEIN MARTINA [DE]\nWEBER THOMAS [DE]") == [
        "KLEIN MARTINA",
        "WEBER THOMAS",
    ]
    assert list_items("inventors", "Weiß, Jürgen [DE]") == ["Weiß, Jürgen"]
    assert names("BASF SE [DE]; ACME, INC. [US]") == ["BASF SE", "ACME, INC."]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["31/08/2018", "x"], ["05/07/2022", ""]], True),  # a day above 12 somewhere
        ([["08/31/2018"], ["05/07/2022"]], False),  # a month-first file
        ([["05/07/2022"], ["02/05/2023"]], None),  # nothing tells
        ([["31/08/2018"], ["08/31/2018"]], None),  # both: no order to trust
        ([["2022-07-05", "Title 13/14/2020 x"]], None),  # only whole-cell dates count
        ([["10/01/2020\n25/12/2020"]], True),  # one date per line
        ([["31-08-2018"]], True),
    ],
)
def test_the_date_order_of_a_file(rows: list[list[str]], expected: bool | None) -> None:
    assert day_first(rows) is expected


def test_dates_written_in_the_files_order() -> None:
    assert with_date_order("05/07/2022", True) == "2022-07-05"
    assert with_date_order("05/07/2022", False) == "2022-05-07"
    assert with_date_order("05/07/2022", None) == "05/07/2022"  # date_text's default then
    assert with_date_order("01/02/2020\n03/04/2021", True) == "2020-02-01\n2021-04-03"
    assert with_date_order("05/07/2022 lot 3", True) == "05/07/2022 lot 3"
    assert with_date_order("05/07/2022 09:30", True) == "2022-07-05"
    assert with_date_order(20220705, True) == 20220705


@pytest.mark.parametrize(
    ("operation", "transfers", "licenses"),
    [
        ("转让", [{"from": ["甲大学", "乙医院"], "to": ["丙公司"]}], None),
        ("作价入股", [{"from": ["甲大学", "乙医院"], "to": ["丙公司"]}], None),
        ("独占许可", None, [("独占许可", ["甲大学", "乙医院"], ["丙公司"])]),
        ("普通许可", None, [("普通许可", ["甲大学", "乙医院"], ["丙公司"])]),
        ("Exclusive licence", None, [("Exclusive licence", ["甲大学", "乙医院"], ["丙公司"])]),
    ],
)
def test_the_operation_column_decides_transfer_or_licence(
    operation: str, transfers: Any, licenses: Any
) -> None:
    record, _ = ColumnMap.load().to_record(
        {
            "专利号": "ZL201810276413.0",
            "转化方式": operation,
            "转让人/许可人": "甲大学；乙医院",
            "受让人/被许可人": "丙公司",
        }
    )
    assert "transaction_type" not in record
    assert record.get("transfers") == transfers
    found = record.get("licenses")
    assert (
        None
        if found is None
        else [(lic["type"], lic["licensors"], lic["licensees"]) for lic in found]
    ) == licenses


def test_an_operation_naming_neither_leaves_the_party_columns_as_before() -> None:
    record, _ = ColumnMap.load().to_record(
        {"专利号": "ZL201810276413.0", "转化方式": "", "转让人": "甲大学", "受让人": "丙公司"}
    )
    assert record["transfers"] == [{"from": ["甲大学"], "to": ["丙公司"]}]
    record, _ = ColumnMap.load().to_record(
        {"专利号": "ZL201810276413.0", "转化方式": "技术开发", "许可人": "甲", "被许可人": "乙"}
    )
    assert record["licenses"] == [{"licensors": ["甲"], "licensees": ["乙"], "type": None}]


def test_a_licence_register_names_its_parties_like_a_transfer() -> None:
    record, _ = ColumnMap.load().to_record(
        {"专利号": "ZL201810276413.0", "让与人": "甲大学", "受让人": "乙公司", "许可种类": "独占"}
    )
    assert "transfers" not in record
    assert record["licenses"] == [
        {"licensors": ["甲大学"], "licensees": ["乙公司"], "type": "独占"}
    ]


@pytest.mark.parametrize(
    ("headers", "field"),
    [
        (("变更前权利人", "变更后权利人"), "transfers"),  # CNIPA's transfer register
        (("出质人名称", "质权人名称"), "pledges"),
        (("许可人名称", "被许可人名称"), "licenses"),
    ],
)
def test_register_party_columns(headers: tuple[str, str], field: str) -> None:
    record, unmapped = ColumnMap.load().to_record(
        {"专利号": "ZL201810276413.0", headers[0]: "甲公司", headers[1]: "乙公司"}
    )
    assert unmapped == []
    assert len(record[field]) == 1


def test_a_licence_way_column_saying_transfer_is_a_transfer() -> None:
    record, _ = ColumnMap.load().to_record(
        {"专利号": "ZL201810276413.0", "许可方式": "转让", "让与人": "甲", "受让人": "乙"}
    )
    assert record["transfers"] == [{"from": ["甲"], "to": ["乙"]}]
    assert "licenses" not in record


def test_priority_number_date_country_with_a_dotted_european_date() -> None:
    raw = "1854821 04.06.2018 FR"
    number = parse_priority(raw)
    assert number is not None and number.canonical == "FR1854821"
    record = PatentRecord(title="t", publication_number="CN114000070A", priority=[raw])
    assert record.priority_claims() == [("FR1854821", "2018-06-04")]
    korean = parse_priority("10-2019-0170341 19.12.2019 KR")
    assert korean is not None and korean.canonical == "KR1020190170341"
    assert names("SOLENIS TECHNOLOGIES CAYMAN, L.P., ACME, L.L.P.") == [
        "SOLENIS TECHNOLOGIES CAYMAN, L.P.",
        "ACME, L.L.P.",
    ]
