"""Rows of the lists an organisation keeps itself (asset lists, IP-management ledgers,
provincial conversion statistics, family-merged vendor exports): staff numbers after inventors,
the patentee of a granted list, the counterparty of a conversion, subtotal lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.readers import read_source
from ingest.readers.columns import ColumnMap, list_items
from ingest.readers.export_layout import is_data_row


@pytest.mark.parametrize(
    ("cell", "people"),
    [
        ("何振华（10234）、孙立新（10871）、魏晓雪（校外）", ["何振华", "孙立新", "魏晓雪"]),
        ("黄贞益（T03217）、李立(外聘)", ["黄贞益", "李立"]),
        ("陈静(13377)、Müller, Stefan（校外）", ["陈静", "Müller, Stefan"]),
        ("范红卫，OKADA, Hiroshi，李峰", ["范红卫", "OKADA, Hiroshi", "李峰"]),
        ("ZHANG SAN, LI SI", ["ZHANG SAN", "LI SI"]),  # two people, as before
        ("张三，李四", ["张三", "李四"]),
    ],
)
def test_inventors_without_staff_numbers_and_with_surname_first_names(
    cell: str, people: list[str]
) -> None:
    assert list_items("inventors", cell) == people


def test_a_rights_status_column_is_the_legal_status() -> None:
    record, unmapped = ColumnMap.load().to_record(
        {"申请号": "CN201911346285.3", "权利状态": "有效-年费待缴"}
    )
    assert unmapped == []
    assert record["legal_status"] == "有效-年费待缴"


def test_the_patentee_of_a_granted_list_is_the_owner_and_its_grant_the_publication() -> None:
    record, _ = ColumnMap.load().to_record(
        {"专利号": "ZL201810375246.5", "授权公告日": "2020-06-16", "专利权人": "甲大学、乙公司"}
    )
    assert record["current_owners"] == ["甲大学", "乙公司"]
    assert "applicants" not in record
    assert record["publication_date"] == "2020-06-16"


def test_a_bare_patentee_without_a_grant_stays_the_applicant() -> None:
    record, _ = ColumnMap.load().to_record({"申请号": "CN201810375246.5", "专利权人": "甲大学"})
    assert record["applicants"] == ["甲大学"]
    assert "current_owners" not in record and "publication_date" not in record


def test_a_family_merged_row_lists_its_family_without_itself() -> None:
    record, _ = ColumnMap.load().to_record(
        {"公开(公告)号": "CN110734753A", "简单同族": "CN110734753A; US2021012345A1; CN110734753B"}
    )
    assert record["family"] == ["US2021012345A1", "CN110734753B"]


@pytest.mark.parametrize(
    ("way", "field", "event"),
    [
        ("作价入股", "transfers", {"from": ["甲研究所", "乙大学"], "to": ["丙公司"]}),
        ("转让", "transfers", {"from": ["甲研究所", "乙大学"], "to": ["丙公司"]}),
        (
            "独占许可",
            "licenses",
            {"licensors": ["甲研究所", "乙大学"], "licensees": ["丙公司"], "type": "独占许可"},
        ),
    ],
)
def test_a_counterparty_column_takes_what_the_patentee_gave(
    way: str, field: str, event: dict[str, object]
) -> None:
    record, unmapped = ColumnMap.load().to_record(
        {
            "专利号": "CN201810926418.3",
            "授权公告日": "2020-12-08",
            "专利权人": "甲研究所、乙大学",
            "转化方式": way,
            "交易对方": "丙公司",
        }
    )
    assert unmapped == []
    assert record[field] == [event]
    assert "licenses" not in record if field == "transfers" else "transfers" not in record


def test_an_own_use_row_has_no_event() -> None:
    record, _ = ColumnMap.load().to_record(
        {
            "专利号": "CN201810926418.3",
            "专利权人": "甲研究所",
            "转化方式": "自行实施",
            "交易对方": "",
        }
    )
    assert "transfers" not in record and "licenses" not in record


@pytest.mark.parametrize(
    ("cell", "field", "event"),
    [
        (
            "已转让：受让人丙公司（2024-05-10）",
            "transfers",
            {"from": ["甲大学"], "to": ["丙公司"]},
        ),
        (
            "普通许可：被许可人Schlumberger Technology B.V.",
            "licenses",
            {
                "licensors": ["甲大学"],
                "licensees": ["Schlumberger Technology B.V."],
                "type": "普通许可",
            },
        ),
    ],
)
def test_a_conversion_cell_naming_the_taker_alone_was_given_by_the_patentee(
    cell: str, field: str, event: dict[str, object]
) -> None:
    record, unmapped = ColumnMap.load().to_record(
        {
            "专利号": "ZL201710826453.3",
            "授权公告日": "2019-12-03",
            "专利权人": "甲大学",
            "转化情况": cell,
        }
    )
    assert unmapped == []
    assert record[field] == [event]


def test_a_conversion_cell_saying_nothing_happened_has_no_event() -> None:
    record, _ = ColumnMap.load().to_record(
        {"专利号": "ZL201710826453.3", "专利权人": "甲大学", "转化情况": "未转化"}
    )
    assert "transfers" not in record and "licenses" not in record


HEADER = ["序号", "所属企业", "专利号", "专利名称", "转化方式", "合同金额（万元）"]


@pytest.mark.parametrize(
    "cells",
    [
        ["", "甲公司 小计", "", "", "3项", "165"],
        ["合计", "", "", "", "6项", "1045"],
        ["", "", "", "总计：", "", "1045"],
    ],
)
def test_subtotal_lines_are_no_records(cells: list[str]) -> None:
    assert not is_data_row(HEADER, cells)


def test_a_row_whose_title_ends_otherwise_stays_a_record() -> None:
    assert is_data_row(HEADER, ["1", "甲公司", "", "一种统计装置", "转让", "10"])


def test_a_statistics_csv_loads_its_rows_without_its_subtotals(tmp_path: Path) -> None:
    path = tmp_path / "stats.csv"
    path.write_text(
        "2026年度专利转化运用统计表\n"
        "序号,所属企业,专利号,专利名称,专利权人,授权公告日,转化方式,交易对方\n"
        "1,甲,CN201911062375.X,一种风扇控制方法,甲公司,2021-09-14,自行实施,\n"
        "2,甲,CN202010473192.3,一种编解码方法,甲公司,2022-05-27,普通许可,乙公司\n"
        ",甲 小计,,,,,2项,\n",
        encoding="utf-8",
    )
    records = read_source(path).records
    assert len(records) == 2
