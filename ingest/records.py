"""The project's own patent record: the contract of JSON/JSONL input (docs/record.schema.json)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from domain.dates import date_text
from domain.numbers import parse_priority
from domain.text import fold

_LIST_SEPARATORS = re.compile(r"[;；、\n]")
_PRIORITY_DATE = re.compile(
    r"\d{4}\s*[.\-/年]\s*\d{1,2}\s*[.\-/月]\s*\d{1,2}\s*日?"
    # eight digits are a date only standing alone and valid (EP20150001 is a number)
    r"|(?<![\dA-Za-z])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"
    # dotted with the year last is the European day-first form (PATENTSCOPE: 13.12.2017)
    r"|(?<![\d.])\d{1,2}\.\d{1,2}\.(?:19|20)\d\d(?![\d.])"
)

_LANGUAGE_CODE = re.compile(r"\s+[A-Z]{2}$")


class Transfer(BaseModel):
    """A change of owner as an export lists it (转让人 -> 受让人)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    transferors: list[str] = Field(default_factory=list, alias="from", description="转让人")
    transferees: list[str] = Field(default_factory=list, alias="to", description="受让人")


class Pledge(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pledgors: list[str] = Field(default_factory=list, description="出质人")
    pledgees: list[str] = Field(default_factory=list, description="质权人")


class License(BaseModel):
    model_config = ConfigDict(extra="forbid")

    licensors: list[str] = Field(default_factory=list, description="许可人")
    licensees: list[str] = Field(default_factory=list, description="被许可人")
    type: str | None = Field(default=None, description="许可类型 as exported, e.g. 独占许可")


class DocumentReference(BaseModel):
    """Another document named on a front page by its number and date: the PCT application (86),
    the PCT publication (87), the same application's earlier publication (65)/(43). JSON input
    may give it as an object or as one string, number then date (`PCT/US2020/055812
    2020.10.16`)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    number: str = Field(
        min_length=1,
        description="as printed without spaces: PCT/US2020/055812, WO2021/076789, CN111138724A",
    )
    date: dt.date | None = Field(default=None, description="its filing or publication date")

    @model_validator(mode="before")
    @classmethod
    def _from_one_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = fold(value)
            dated = _PRIORITY_DATE.search(text)
            # the (87) language code after a WO number (EN, JA) is not part of the number
            number = _LANGUAGE_CODE.sub("", fold(_PRIORITY_DATE.sub(" ", text)))
            return {"number": re.sub(r"\s", "", number), "date": dated.group(0) if dated else None}
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _date_in_any_usual_form(cls, value: Any) -> Any:
        return date_text(value) if value is not None else None


class PatentRecord(BaseModel):
    """One patent, as an analyst export or our own pipeline writes it."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "publication_number": "CN115000001A",
                    "application_number": "CN202210000001.5",
                    "title": "一种锂离子电池热失控预警方法",
                    "abstract": "本发明公开了一种锂离子电池热失控预警方法……",
                    "applicants": ["宁德时代新能源科技股份有限公司"],
                    "inventors": ["张伟", "李娜"],
                    "ipc": ["H01M 10/48", "G01R 31/367"],
                    "filing_date": "2022-01-04",
                    "publication_date": "2022-06-10",
                }
            ]
        },
    )

    publication_number: str | None = Field(
        default=None, description="公开(公告)号, e.g. CN115000001A"
    )
    application_number: str | None = Field(
        default=None, description="申请号, e.g. CN202210000001.5"
    )
    title: str = Field(min_length=1, description="发明名称")
    abstract: str = Field(default="", description="摘要")
    claims: str = Field(default="", description="权利要求书 (or 主权项, the first claim)")
    description: str = Field(default="", description="说明书")
    applicants: list[str] = Field(default_factory=list, description="申请人, in filing order")
    inventors: list[str] = Field(default_factory=list, description="发明人, in filing order")
    ipc: list[str] = Field(default_factory=list, description="IPC codes, main classification first")
    filing_date: dt.date | None = Field(default=None, description="申请日")
    publication_date: dt.date | None = Field(default=None, description="公开(公告)日")
    grant_date: dt.date | None = Field(default=None, description="授权公告日")
    legal_status: str | None = Field(
        default=None, description="法律状态 as exported, e.g. 有效 / 审中 / 失效 / 未缴年费终止"
    )
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    patent_type: str | None = Field(
        default=None, description="专利类型: 发明 / 实用新型 / 外观设计"
    )
    current_owners: list[str] = Field(default_factory=list, description="当前权利人")
    applicant_addresses: list[str] = Field(default_factory=list, description="申请人地址")
    legal_events: list[str] = Field(default_factory=list, description="法律事件, as exported")
    family: list[str] = Field(default_factory=list, description="简单同族 member numbers")
    priority: list[str] = Field(
        default_factory=list,
        description="优先权: claimed priority applications, number and optionally date and "
        "country, e.g. 'US63/123,456 2021.01.05' or '202110000001.X 2021-01-05 CN'",
    )
    priority_dates: list[dt.date | None] = Field(
        default_factory=list,
        description="优先权日, in the order of `priority` when the export prints the dates in a "
        "column of their own",
    )
    cites: list[str] = Field(default_factory=list, description="引证专利 numbers")
    cited_by: list[str] = Field(default_factory=list, description="被引证专利 numbers")
    cited_by_count: int | None = Field(
        default=None,
        ge=0,
        description="被引证次数 as exported (may exceed the listed citing patents)",
    )
    transfers: list[Transfer] = Field(default_factory=list, description="转让 (转让人/受让人)")
    pledges: list[Pledge] = Field(default_factory=list, description="质押 (出质人/质权人)")
    licenses: list[License] = Field(default_factory=list, description="许可 (许可人/被许可人)")
    agency: str | None = Field(default=None, description="专利代理机构")
    original_applicants: list[str] = Field(
        default_factory=list,
        description="(71) 申请人 of a granted patent whose (73) 专利权人 (then its `applicants`) "
        "differ after a transfer",
    )
    divisional_of: str | None = Field(
        default=None, description="(62) 分案原申请: the parent application number"
    )
    earlier_publication: DocumentReference | None = Field(
        default=None,
        description="(65) the same application's earlier publication (the A of a B) and its (43)",
    )
    pct_application: DocumentReference | None = Field(
        default=None, description="(86) PCT国际申请的申请数据: PCT/US2020/055812 and its date"
    )
    pct_publication: DocumentReference | None = Field(
        default=None, description="(87) PCT国际申请的公布数据: WO2021/076789 and its date"
    )
    pct_national_phase_date: dt.date | None = Field(
        default=None, description="(85) PCT国际申请进入国家阶段日"
    )
    locarno: list[str] = Field(
        default_factory=list,
        description="a design's Locarno classes ((51)/(52) LOC(12)Cl. 12-07 -> 12-07)",
    )

    @field_validator(
        "applicants",
        "inventors",
        "ipc",
        "current_owners",
        "applicant_addresses",
        "legal_events",
        "family",
        "priority",
        "cites",
        "cited_by",
        "original_applicants",
        "locarno",
        mode="before",
    )
    @classmethod
    def _split_joined_lists(cls, value: Any) -> Any:
        # Exports often join several names in one cell: "甲公司;乙公司" or "张三、李四".
        if isinstance(value, str):
            return [part for part in _LIST_SEPARATORS.split(value) if part.strip()]
        return value

    @field_validator(
        "filing_date", "publication_date", "grant_date", "pct_national_phase_date", mode="before"
    )
    @classmethod
    def _dates_in_any_usual_form(cls, value: Any) -> Any:
        # 2022-01-04, 20220104, 2022.01.04, 2022/1/4 and 2022年1月4日 are all the same date.
        return date_text(value) if value is not None else None

    @field_validator("priority_dates", mode="before")
    @classmethod
    def _priority_dates(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = _LIST_SEPARATORS.split(value)
        if isinstance(value, list):
            return [date_text(v) if v not in (None, "") else None for v in value]
        return value

    def priority_claims(self) -> list[tuple[str, str | None]]:
        """(canonical number, ISO date or None) per claimed priority: the date printed with the
        number (`US63/123,456 2021.01.05`) or in the 优先权日 column at the same position."""
        claims: list[tuple[str, str | None]] = []
        for index, raw in enumerate(self.priority):
            number = parse_priority(raw)
            if number is None:
                continue
            inline = _PRIORITY_DATE.search(fold(raw))
            date = date_text(inline.group(0)) if inline else None
            if date is None and index < len(self.priority_dates):
                column = self.priority_dates[index]
                date = column.isoformat() if column else None
            claims.append((number.canonical, date))
        return claims

    @model_validator(mode="after")
    def _has_a_number(self) -> PatentRecord:
        if not (self.publication_number or self.application_number):
            raise ValueError("a record needs publication_number or application_number")
        return self
