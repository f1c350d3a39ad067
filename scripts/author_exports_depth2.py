"""How the second blind export set was authored: 45 records written by hand as canonical values
(the gold) and how each vendor prints them (the export sources). Dev only; needs the KPPatent-ZH data.

    python3 scripts/author_exports_depth2.py && python3 scripts/make_export_set.py exports_depth2

Writes tests/gold/exports_depth2/source/*.json and tests/gold/exports_depth2.json. Every record
carries the row it was placed on by hand; the script checks that the rendered layout puts it there.
The set was written blind: without reading the extractor, the bench or any test.
"""

# ruff: noqa: E501 - the records read best one per block, as written

from __future__ import annotations

from typing import Any

from export_authoring import (
    ExportSet,
    app,
    dot_date,
    record,
    write_set,
    xdate,
)

ABOUT = (
    "Expected normalised records of tests/gold/exports_depth2, the second blind set of analyst exports: seven fictional "
    "exports in the layouts of 佰腾网 (Baiten), 知识产权出版社 CNIPR, a central SOE's 专利管理系统 ledger, 大为 innojoy, "
    "Lens.org (Chinese-localised), Orbit Intelligence (English headers, TSV) and Google Patents. Titles and abstracts are "
    "real Chinese patent text from /work/shared/data/kppatent-zh; numbers, parties, people and dates are fictional. Per "
    "file: the data sheet, its header rows and preamble lines, and per record the 1-based row (sheet row for XLSX, the "
    "physical line where the record starts for CSV/TSV) and the fields that file exports, in canonical form. Field rules: "
    "tests/gold/README.md (Export gold format); choices where it is silent: _conventions."
)

CONVENTIONS = {
    "empty_cells": "An empty list cell is [] (no priority, no citing patents, no current owner listed); an empty scalar cell (a pending application's 公告号 and 授权公告日 in the ledger) leaves that field out of the record.",
    "publication_number": "Kind code joined to the number whatever separates them: a space (CN 113318751 A, CN111149147 B), a dot (CN114130360.A), hyphens (Google's CN-112962195-A) or a separate 文献类型 column (CNIPR: 公开（公告）号 CN112712611 + 文献类型 B -> CN112712611B); full-width folded.",
    "application_number": "Canonical CN + digits + '.' + check digit, whatever the cell: without CN, full-width, ZL prefix (ZL201910345678.6 -> CN201910345678.6), spaced (ZL 2019 1 0345678.6), 13 digits without the dot (2020111234569 -> CN202011123456.9), without check digit (Orbit CN201880061234, the ledger's 202110987650, Lens CN 202110567890 A with Lens' kind letter dropped) -> computed and added; old 8-digit numbers keep their form (CN02138765.6, CN00123456.0).",
    "priority_combined_cell": "A combined 优先权 / 优先权信息 cell (number, space, date; several joined by ';') gives one {number, date} per claim: CNIPR 'CN201710678123.4 2017-08-11', innojoy 'JP2019-087654 2019.05.07' -> {JP2019087654, 2019-05-07}.",
    "priority_lens": "Lens' 优先权号 lists the priority numbers (for a domestic first filing: its own application, as Derwent does; annotated as exported, like derwent_like in exports_depth.json) and 最早优先权日 the earliest date; every Lens record here has one number, so number and date pair. Lens numbers lose their spaces and Lens' kind letter (CN 202110567890 A -> CN202110567890.4 with the check digit, JP 2018154321 A -> JP2018154321, FI 20185678 A -> FI20185678).",
    "priority_foreign_numbers": "Foreign priority numbers without separators and without any kind letter: JP2019-087654 -> JP2019087654, EP17192345, US16123456 (a US application as Orbit prints it), US62345678, TW109112345.",
    "priority_google": "Google Patents' 'priority date' column is a date without a number: no priority claim is annotated from it (the field is absent from google_patents.csv records). Its 'grant date' column is not a record field either.",
    "publication_date_google": "Google's 'publication date' is the date of the document in 'id' (for a B document, the grant).",
    "assignee_google": "Google's 'assignee' column gives applicants (names as exported, English ones included).",
    "ledger_columns": "In the SOE ledger, 申请人 gives applicants and 专利权人（当前） current_owners; 公告号 / 授权公告日 the publication number and date; 专利号/申请号 the application number; IPC主分类号 alone gives ipc as a one-item list. 所属单位, 专利类型, 专利分级, 年费缴纳截止日, 年费金额, 累计维持费用 and 备注 are ledger columns, not record fields (not annotated).",
    "non_record_rows": "A trailing 合计 row, a footer line (注：…, 本数据由…提供) and an empty row inside the data are not records; the rows of the records after an empty row keep their real sheet row numbers.",
    "multi_line_cells": "Orbit puts one item per line inside a quoted cell (assignees, inventors, IPC, priorities, family): each line is one list item. A record's row is the physical line where it starts.",
    "lists": "Lists in cell order, whatever the separator (; ；  ;; , 、 | newline).",
    "legal_status": "As exported (有权, 审中, 授权, 驳回, 有效, 失效（期限届满）, Granted, Pending, Lapsed); legal_events as exported, split at ；.",
    "counts": "cited_by_count is the exported count (被引用次数, 被引专利数, Cited by count); a count of cited patents without the list (Lens 引用专利数) and family sizes are not annotated.",
    "operations": "CNIPR's 权利转移 / 质押信息 / 许可信息 text cells give transfers {from, to}, pledges {pledgors, pledgees} and licenses {licensors, licensees, type}; registration numbers and dates in those cells are not annotated.",
    "names": "Names exactly as exported: English and upper-case ones kept (3M INNOVATIVE PROPERTIES COMPANY as applicant and 3M INNOVATIVE PROPERTIES CO as owner are two spellings, both as written), brackets as written.",
}

SPLIT = {
    "baiten_like.xlsx": "tune",
    "innojoy_like.csv": "tune",
    "orbit_like.tsv": "tune",
    "cnipr_like.xlsx": "test",
    "soe_ledger.xlsx": "test",
    "lens_zh.csv": "test",
    "google_patents.csv": "test",
}


def R(row: int, kp: int, **fields: Any) -> dict[str, Any]:
    return record(row, kp, fields)


# ---------------------------------------------------------------- the records, by hand
def records() -> dict[str, list[dict[str, Any]]]:
    F: dict[str, list[dict[str, Any]]] = {}
    F["baiten_like"] = [
        R(4, 52, publication_number="CN112410868A", application_number=app("202011234561"),
          applicants=["天齐锂业股份有限公司", "四川大学"], current_owners=["天齐锂业股份有限公司", "四川大学"],
          inventors=["李明辉", "张雪"], filing_date="2020-11-06", publication_date="2021-02-26",
          ipc=["C25F3/16", "C25F3/02", "H01M4/134"], legal_status="审中",
          cites=["CN108166044A", "CN110323411A"], cited_by_count=2, family=[]),
        R(5, 73, publication_number="CN110551431B", application_number=app("201910876543"),
          applicants=["北新集团建材股份有限公司"], current_owners=["北新集团建材股份有限公司"],
          inventors=["王克刚", "陈红霞", "孙立新"], filing_date="2019-09-16", publication_date="2021-07-20",
          ipc=["B05D7/24", "B05D5/00", "B05D1/02"], legal_status="有权",
          cites=[], cited_by_count=5, family=[]),
        R(6, 147, publication_number="CN108642591B", application_number=app("201810456789"),
          applicants=["东华大学"], current_owners=["上海东华高新技术开发有限公司"],
          inventors=["周志刚", "吴晓丽"], filing_date="2018-05-14", publication_date="2020-11-03",
          ipc=["D01F9/08", "H01F1/147"], legal_status="有权",
          cites=["CN1570229A"], cited_by_count=0, family=[]),
        R(7, 183, publication_number="CN112888656A", application_number=app("201980067890"),
          applicants=["TOKUYAMA CORPORATION"], current_owners=["TOKUYAMA CORPORATION"],
          inventors=["山本浩二", "佐藤健"], filing_date="2019-10-28", publication_date="2021-06-01",
          ipc=["C01B33/18", "C09C1/30", "C09C3/12"], legal_status="审中",
          cites=["JP2014114175A"], cited_by_count=1,
          family=["JP2020070123A", "WO2020090812A1", "US20210387546A1"]),
        R(8, 239, publication_number="CN114130360A", application_number=app("202111456781"),
          applicants=["中国科学院大连化学物理研究所"], current_owners=["中国科学院大连化学物理研究所"],
          inventors=["赵宏伟", "孔祥飞"], filing_date="2021-12-01", publication_date="2022-03-04",
          ipc=["B01J23/46", "B01J37/02", "C07C29/141"], legal_status="审中",
          cites=[], cited_by_count=0, family=[]),
        R(9, 391, publication_number="CN113845130B", application_number=app("202010598765"),
          applicants=["中国石油天然气股份有限公司"], current_owners=["中国石油天然气股份有限公司"],
          inventors=["刘红星", "高晓晨", "张斌"], filing_date="2020-06-28", publication_date="2023-01-17",
          ipc=["C01B39/48", "B01J29/70"], legal_status="有权",
          cites=["CN106830006A", "CN109422273A"], cited_by_count=3, family=[]),
        R(10, 442, publication_number="CN114591427A", application_number=app("202210234567"),
          applicants=["兰州空间技术物理研究所"], current_owners=["兰州空间技术物理研究所"],
          inventors=["杨建平", "马晓东"], filing_date="2022-03-04", publication_date="2022-06-07",
          ipc=["C03C17/34", "B64G1/22", "B05D5/06"], legal_status="审中",
          cites=[], cited_by_count=0, family=[]),
    ]
    F["cnipr_like"] = [
        R(8, 16, publication_number="CN113496602A", application_number=app("202010187654"),
          applicants=["华为技术有限公司"], current_owners=["华为技术有限公司"],
          inventors=["刘晓峰", "陈静"], filing_date="2020-03-17", publication_date="2021-10-12",
          ipc=["G07C5/08", "G06Q50/40", "H04W4/40"], priority=[],
          legal_status="实质审查", legal_events=["公开", "实质审查的生效"],
          transfers=[], pledges=[], licenses=[]),
        R(9, 66, publication_number="CN112712611B", application_number=app("201911023456"),
          applicants=["北京嘀嘀无限科技发展有限公司"], current_owners=["北京嘀嘀无限科技发展有限公司"],
          inventors=["孙伟", "郭子豪"], filing_date="2019-10-25", publication_date="2023-02-03",
          ipc=["H04L67/12", "G06Q10/08", "H04W4/44"], priority=[],
          legal_status="授权", legal_events=["公开", "实质审查的生效", "授权", "专利实施许可合同备案的生效"],
          transfers=[], pledges=[],
          licenses=[{"licensors": ["北京嘀嘀无限科技发展有限公司"], "licensees": ["滴滴智慧交通科技有限公司"], "type": "普通许可"}]),
        R(10, 225, publication_number="CN114386211B", application_number=app("202011123456"),
          applicants=["华为技术有限公司"], current_owners=["荣耀终端有限公司"],
          inventors=["黄磊", "王振", "李亚楠"], filing_date="2020-10-16", publication_date="2023-06-13",
          ipc=["G06F21/62", "H04L9/40"], priority=[],
          legal_status="授权", legal_events=["公开", "实质审查的生效", "授权", "专利权的转移"],
          transfers=[{"from": ["华为技术有限公司"], "to": ["荣耀终端有限公司"]}], pledges=[], licenses=[]),
        R(11, 290, publication_number="CN111034307B", application_number=app("201880098765"),
          applicants=["OPPO广东移动通信有限公司"], current_owners=["OPPO广东移动通信有限公司"],
          inventors=["唐海涛", "林雅楠"], filing_date="2018-08-10", publication_date="2022-11-25",
          ipc=["H04W72/04", "H04L5/00"], priority=[{"number": app("201710678123"), "date": "2017-08-11"}],
          legal_status="授权", legal_events=["公开", "实质审查的生效", "授权"],
          transfers=[], pledges=[], licenses=[]),
        R(12, 369, publication_number="CN111949177A", application_number=app("202010765432"),
          applicants=["维沃移动通信有限公司"], current_owners=["维沃移动通信有限公司"],
          inventors=["陈晨"], filing_date="2020-07-31", publication_date="2020-11-17",
          ipc=["G06F3/0482", "H04L51/04", "G06F9/451"], priority=[],
          legal_status="驳回", legal_events=["公开", "实质审查的生效", "发明专利申请公布后的驳回"],
          transfers=[], pledges=[], licenses=[]),
        R(13, 421, publication_number="CN110995864B", application_number=app("201911234876"),
          applicants=["深圳传音控股股份有限公司"], current_owners=["深圳传音控股股份有限公司"],
          inventors=["张云飞", "刘洋"], filing_date="2019-12-02", publication_date="2022-08-30",
          ipc=["G10L15/22", "H04M1/72409", "G06F3/16"], priority=[],
          legal_status="授权", legal_events=["公开", "实质审查的生效", "授权", "专利权质押合同登记的生效"],
          transfers=[], pledges=[{"pledgors": ["深圳传音控股股份有限公司"], "pledgees": ["中国银行股份有限公司深圳市分行"]}],
          licenses=[]),
        R(14, 428, publication_number="CN113299855A", application_number=app("202110556677"),
          applicants=["OPPO广东移动通信有限公司", "东莞市欧珀精密电子有限公司"],
          current_owners=["OPPO广东移动通信有限公司", "东莞市欧珀精密电子有限公司"],
          inventors=["杨松", "何伟"], filing_date="2021-05-20", publication_date="2021-08-24",
          ipc=["H10K71/00", "H10K59/12", "H10K50/844"],
          priority=[{"number": app("202010456789"), "date": "2020-05-26"}],
          legal_status="实质审查", legal_events=["公开", "实质审查的生效"],
          transfers=[], pledges=[], licenses=[]),
    ]
    F["soe_ledger"] = [
        R(7, 111, publication_number="CN110056084B", application_number=app("201910345678"),
          applicants=["中铁十四局集团有限公司", "中铁十四局集团建筑工程有限公司"],
          current_owners=["中铁十四局集团有限公司", "中铁十四局集团建筑工程有限公司"],
          inventors=["王海涛", "李强", "赵磊"], filing_date="2019-04-26", publication_date="2021-03-16",
          ipc=["E04G13/00"], legal_status="有效"),
        R(8, 133, publication_number="CN109083210B", application_number=app("201810987654"),
          applicants=["中国铁建大桥工程局集团有限公司"], current_owners=["中国铁建大桥工程局集团有限公司"],
          inventors=["张国庆", "刘伟"], filing_date="2018-08-29", publication_date="2020-10-30",
          ipc=["E02D35/00"], legal_status="有效"),
        R(9, 169, publication_number="CN111441330B", application_number=app("202010234567"),
          applicants=["中铁十一局集团有限公司"], current_owners=["中铁十一局集团有限公司"],
          inventors=["陈志强", "黄文斌", "吴敏"], filing_date="2020-03-24", publication_date="2021-09-14",
          ipc=["E02D33/00"], legal_status="有效"),
        R(10, 268, publication_number="CN1167432C", application_number=app("00123456"),
          applicants=["中国铁建重工集团股份有限公司"], current_owners=["中国铁建重工集团股份有限公司"],
          inventors=["刘建飞", "程永红"], filing_date="2000-08-15", publication_date="2004-09-22",
          ipc=["E21D23/00"], legal_status="失效（期限届满）"),
        R(12, 478, publication_number="CN113684739B", application_number=app("202110987650"),
          applicants=["中铁二十四局集团有限公司"], current_owners=["中铁二十四局集团有限公司"],
          inventors=["周文", "钱卫东", "孙浩"], filing_date="2021-08-30", publication_date="2022-09-06",
          ipc=["E01C3/04"], legal_status="有效"),
        R(13, 508, application_number=app("202310456789"),
          applicants=["中铁十五局集团有限公司"], current_owners=["中铁十五局集团有限公司"],
          inventors=["马骏", "高峰"], filing_date="2023-04-25",
          ipc=["E02D13/06"], legal_status="审中"),
        R(14, 501, publication_number="CN111075163B", application_number=app("201911398765"),
          applicants=["中国铁建房地产集团有限公司"], current_owners=["中铁建发展集团有限公司"],
          inventors=["孙丽", "郑宏"], filing_date="2019-12-31", publication_date="2021-10-22",
          ipc=["E04F21/00"], legal_status="有效"),
        R(15, 297, publication_number="CN111962661B", application_number=app("202010811223"),
          applicants=["中铁第四勘察设计院集团有限公司", "中铁城市发展投资集团有限公司"],
          current_owners=["中铁第四勘察设计院集团有限公司", "中铁城市发展投资集团有限公司"],
          inventors=["李鹏", "王静"], filing_date="2020-08-13", publication_date="2022-03-18",
          ipc=["E03F3/04"], legal_status="有效"),
    ]
    F["innojoy_like"] = [
        R(8, 1, publication_number="CN112301632A", application_number=app("201910654321"),
          applicants=["青岛海尔洗衣机有限公司", "海尔智家股份有限公司"], inventors=["吕文杰", "许晓升"],
          filing_date="2019-07-23", publication_date="2021-02-02",
          ipc=["D06F33/32", "D06F34/05", "D06F33/36"], priority=[], legal_status="实质审查"),
        R(9, 103, publication_number="CN1400335A", application_number=app("02138765"),
          applicants=["无锡小天鹅股份有限公司"], inventors=["华小明"],
          filing_date="2002-08-02", publication_date="2003-03-05",
          ipc=["D06F39/08", "D06F37/12"], priority=[], legal_status="视为撤回"),
        R(10, 118, publication_number="CN111519389B", application_number=app("202010345123"),
          applicants=["珠海格力电器股份有限公司"], inventors=["张宗辉", "周云龙", "王晓雨"],
          filing_date="2020-04-28", publication_date="2022-07-26",
          ipc=["D06F34/14", "D06F39/08"], priority=[], legal_status="授权"),
        R(11, 204, publication_number="CN111926536A", application_number=app("202010321456"),
          applicants=["松下知识产权经营株式会社"], inventors=["山田太郎", "铃木一郎"],
          filing_date="2020-04-21", publication_date="2020-11-13",
          ipc=["D06F33/32", "D06F34/28", "D06F34/04"],
          priority=[{"number": "JP2019087654", "date": "2019-05-07"}], legal_status="实质审查"),
        R(12, 493, publication_number="CN111058235B", application_number=app("201811223344"),
          applicants=["博西家用电器有限公司", "博西华电器(江苏)有限公司"], inventors=["王刚", "施密特"],
          filing_date="2018-10-16", publication_date="2023-04-28",
          ipc=["D06F39/08", "D06F37/26"], priority=[], legal_status="授权"),
        R(13, 457, publication_number="CN112797535A", application_number=app("202011254321"),
          applicants=["海信(山东)空调有限公司"], inventors=["邵明波", "袁海军"],
          filing_date="2020-11-11", publication_date="2021-05-14",
          ipc=["F24F11/64", "F24F11/89", "F24F11/00"],
          priority=[{"number": app("201911098765"), "date": "2019-11-12"}], legal_status="实质审查"),
    ]
    F["lens_zh"] = [
        R(2, 523, publication_number="CN113318751A", application_number=app("202110567890"),
          applicants=["中国科学院上海高等研究院"], inventors=["孙宇航", "高鹏飞"],
          current_owners=["中国科学院上海高等研究院"], filing_date="2021-05-26", publication_date="2021-08-31",
          priority=[{"number": app("202110567890"), "date": "2021-05-26"}],
          ipc=["B01J23/80", "C07C1/12"], cited_by_count=4),
        R(3, 254, publication_number="CN114433178A", application_number=app("202011187652"),
          applicants=["中国石油化工股份有限公司", "中国石油化工股份有限公司大连石油化工研究院"],
          inventors=["王海川", "刘全胜", "徐慧"],
          current_owners=["中国石油化工股份有限公司", "中国石油化工股份有限公司大连石油化工研究院"],
          filing_date="2020-10-29", publication_date="2022-05-06",
          priority=[{"number": app("202011187652"), "date": "2020-10-29"}],
          ipc=["B01J23/58", "B01J37/02", "C07C5/09"], cited_by_count=0),
        R(4, 486, publication_number="CN112534021A", application_number=app("201980067123"),
          applicants=["ANDRITZ OY"], inventors=["LEHTINEN ESA", "PIKKA OLLI"],
          current_owners=["ANDRITZ OY"], filing_date="2019-08-20", publication_date="2021-03-19",
          priority=[{"number": "FI20185678", "date": "2018-08-21"}],
          ipc=["D21C11/00", "D21C11/04"], cited_by_count=1),
        R(5, 582, publication_number="CN112566863A", application_number=app("201980054321"),
          applicants=["3M INNOVATIVE PROPERTIES COMPANY"], inventors=["SAKABE KEISUKE", "YOSHIDA HIROSHI"],
          current_owners=["3M INNOVATIVE PROPERTIES CO"], filing_date="2019-08-19", publication_date="2021-03-26",
          priority=[{"number": "JP2018154321", "date": "2018-08-20"}],
          ipc=["F01N3/28", "F16L59/02", "C04B35/80"], cited_by_count=2),
        R(6, 597, publication_number="CN111944786A", application_number=app("202010876543"),
          applicants=["湖南省农业环境生态研究所"], inventors=["彭明亮", "刘孝文"],
          current_owners=[], filing_date="2020-08-27", publication_date="2020-11-17",
          priority=[{"number": app("202010876543"), "date": "2020-08-27"}],
          ipc=["C09K17/06", "C09K17/02", "B09C1/08"], cited_by_count=0),
        R(7, 634, publication_number="CN110951538A", application_number=app("201911301234"),
          applicants=["山东威高集团医用高分子制品股份有限公司"], inventors=["张华", "李雪梅"],
          current_owners=["山东威高集团医用高分子制品股份有限公司"], filing_date="2019-12-17", publication_date="2020-04-03",
          priority=[{"number": app("201911301234"), "date": "2019-12-17"}],
          ipc=["C11D3/386", "C11D1/83", "A61L2/18"], cited_by_count=7),
    ]
    F["orbit_like"] = [
        R(2, 312, publication_number="CN111149147B", application_number=app("201880061234"),
          filing_date="2018-09-20", publication_date="2022-07-12",
          priority=[{"number": "EP17192345", "date": "2017-09-21"}, {"number": "EP18160123", "date": "2018-03-06"}],
          applicants=["DOLBY LABORATORIES LICENSING CORPORATION"],
          current_owners=["DOLBY LABORATORIES LICENSING CORPORATION"],
          inventors=["ATKINS ROBERT", "MILLER JONATHAN"],
          ipc=["G09G3/34", "H04N21/435", "G09G3/36"], legal_status="Granted", cited_by_count=3,
          family=["US20200211495A1", "EP3685374A1", "WO2019060500A1"]),
        R(10, 552, publication_number="CN112639506A", application_number=app("201980058765"),
          filing_date="2019-09-05", publication_date="2021-04-09",
          priority=[{"number": "US16123456", "date": "2018-09-06"}],
          applicants=["US CONEC LTD"], current_owners=["US CONEC LTD"],
          inventors=["CHILDERS DAVID", "HIGGINS JASON"],
          ipc=["G02B6/38"], legal_status="Pending", cited_by_count=0,
          family=["US20200073057A1", "WO2020051417A1"]),
        R(13, 590, publication_number="CN114078179A", application_number=app("202110901234"),
          filing_date="2021-08-06", publication_date="2022-02-22",
          priority=[{"number": "US16987654", "date": "2020-08-07"}],
          applicants=["APPLE INC"], current_owners=["APPLE INC"],
          inventors=["LIU XIAOMING", "ZHANG WEI"],
          ipc=["G06T7/20", "G06T3/40", "G06T1/20"], legal_status="Pending", cited_by_count=1,
          family=["US20220044233A1"]),
        R(17, 176, publication_number="CN109564573B", application_number=app("201780049876"),
          filing_date="2017-08-09", publication_date="2023-09-12",
          priority=[{"number": "US15234567", "date": "2016-08-10"}],
          applicants=["GOOGLE LLC"], current_owners=["GOOGLE LLC"],
          inventors=["BEHRENS DAVID", "KOSTER JAN"],
          ipc=["G06F16/332", "G06F16/903"], legal_status="Granted", cited_by_count=5,
          family=["US20180046695A1", "WO2018031656A1", "EP3497591A1"]),
        R(22, 140, publication_number="CN109415677A", application_number=app("201780034512"),
          filing_date="2017-06-01", publication_date="2019-03-01",
          priority=[{"number": "US62345678", "date": "2016-06-03"}],
          applicants=["YISSUM RESEARCH DEVELOPMENT COMPANY OF THE HEBREW UNIVERSITY OF JERUSALEM", "NEW YORK STEM CELL FOUNDATION"],
          current_owners=["YISSUM RESEARCH DEVELOPMENT COMPANY OF THE HEBREW UNIVERSITY OF JERUSALEM"],
          inventors=["BENVENUTO NATHAN", "SAGIV IDAN"],
          ipc=["C12N5/0735", "C12Q1/6883", "C12N15/10"], legal_status="Lapsed", cited_by_count=0,
          family=["US20190153225A1", "EP3464580A1", "WO2017210462A1"]),
        R(29, 626, publication_number="CN113555936A", application_number=app("202010398765"),
          filing_date="2020-05-11", publication_date="2021-10-26",
          priority=[{"number": "TW109112345", "date": "2020-04-13"}],
          applicants=["ACER INCORPORATED"], current_owners=["ACER INCORPORATED"],
          inventors=["LIN CHENG-YU", "CHEN WEN-HSIANG"],
          ipc=["H02J7/00", "H01M10/44", "G06F1/3212"], legal_status="Pending", cited_by_count=0,
          family=[]),
    ]
    F["google_patents"] = [
        R(3, 24, publication_number="CN112962195A", applicants=["江苏阳光集团有限公司"],
          inventors=["陈丽芬", "王伟"], filing_date="2021-03-02", publication_date="2021-06-15"),
        R(4, 161, publication_number="CN110344234B", applicants=["浙江理工大学"],
          inventors=["张建义", "李晓东", "周华"], filing_date="2019-07-22", publication_date="2021-05-25"),
        R(5, 575, publication_number="CN113151934A", applicants=["湖南华升株洲雪松有限公司"],
          inventors=["刘志勇"], filing_date="2021-04-19", publication_date="2021-07-23"),
        R(6, 154, publication_number="CN109335876B", applicants=["经纬智能纺织机械有限公司", "中国恒天集团有限公司"],
          inventors=["高卫东", "张伟", "马磊"], filing_date="2018-10-10", publication_date="2020-08-04"),
        R(7, 261, publication_number="CN111979765A", applicants=["Huntsman Textile Effects (Germany) Gmbh"],
          inventors=["Stefan Müller", "Jürgen Weber"], filing_date="2020-05-15", publication_date="2020-11-24"),
    ]
    return F


FIELDS = {
    "baiten_like": ["publication_number", "application_number", "title", "abstract", "applicants",
                    "current_owners", "inventors", "filing_date", "publication_date", "ipc",
                    "legal_status", "cites", "cited_by_count", "family"],
    "cnipr_like": ["publication_number", "application_number", "title", "abstract", "applicants",
                   "current_owners", "inventors", "filing_date", "publication_date", "ipc",
                   "priority", "legal_status", "legal_events", "transfers", "pledges", "licenses"],
    "soe_ledger": ["publication_number", "application_number", "title", "applicants",
                   "current_owners", "inventors", "filing_date", "publication_date", "ipc",
                   "legal_status"],
    "innojoy_like": ["publication_number", "application_number", "title", "abstract", "applicants",
                     "inventors", "filing_date", "publication_date", "ipc", "priority",
                     "legal_status"],
    "lens_zh": ["publication_number", "application_number", "title", "abstract", "applicants",
                "inventors", "current_owners", "filing_date", "publication_date", "priority",
                "ipc", "cited_by_count"],
    "orbit_like": ["publication_number", "title", "abstract", "application_number", "filing_date",
                   "publication_date", "priority", "applicants", "current_owners", "inventors",
                   "ipc", "legal_status", "cited_by_count", "family"],
    "google_patents": ["publication_number", "title", "applicants", "inventors", "filing_date",
                       "publication_date"],
}
FILES = {
    "baiten_like": "baiten_like.xlsx",
    "cnipr_like": "cnipr_like.xlsx",
    "soe_ledger": "soe_ledger.xlsx",
    "innojoy_like": "innojoy_like.csv",
    "lens_zh": "lens_zh.csv",
    "orbit_like": "orbit_like.tsv",
    "google_patents": "google_patents.csv",
}


# ---------------------------------------------------------------- how each vendor prints them
FW = str.maketrans("0123456789.ABCN", "０１２３４５６７８９．ＡＢＣＮ")


def fullwidth(s: str) -> str:
    return s.translate(FW)


def bare(number: str) -> str:
    """CN202011234561.X -> 202011234561.X (the CN dropped, as many vendors print it)."""
    return number.removeprefix("CN")


def digits(number: str) -> str:
    """CN202011234561.X -> 202011234561 (no CN, no check digit)."""
    return bare(number).split(".")[0]


def cn_date(iso: str) -> str:
    if not iso:
        return ""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def slash_date(iso: str) -> str:
    if not iso:
        return ""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}/{m}/{d}"


def compact(iso: str) -> str:
    return iso.replace("-", "")


def kind(pub: str) -> str:
    return pub[-1]


def baiten(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "专利名称", "申请号", "申请日", "公开(公告)号", "公开(公告)日", "申请(专利权)人",
            "当前权利人", "发明人", "主分类号", "IPC分类号", "专利类型", "法律状态", "引用专利",
            "被引用次数", "同族专利", "摘要"]
    rows = []
    for i, r in enumerate(rs, 1):
        a = bare(r["application_number"])
        if r["kp"] == 391:
            a = fullwidth(a)
        p = r["publication_number"]
        if r["kp"] == 239:
            p = p[:-1] + "." + p[-1]
        filing = slash_date(r["filing_date"]) if r["kp"] == 442 else r["filing_date"]
        rows.append([
            i, r["title"], a, filing, p, r["publication_date"], ";".join(r["applicants"]),
            ";".join(r["current_owners"]), ";".join(r["inventors"]), r["ipc"][0], ";".join(r["ipc"]),
            "发明授权" if kind(r["publication_number"]) == "B" else "发明申请", r["legal_status"],
            "；".join(r["cites"]), r["cited_by_count"], " | ".join(r["family"]), r["abstract"],
        ])
    owners: dict[str, int] = {}
    for r in rs:
        for name in r["applicants"]:
            owners[name] = owners.get(name, 0) + 1
    conditions = {
        "name": "检索条件",
        "header": [["项目", "内容"]],
        "rows": [
            ["检索式", "申请人=(" + " OR ".join(owners) + ") AND 申请日>=2018-01-01"],
            ["检索时间", "2025-03-05 10:12:36"],
            ["导出条数", len(rs)],
            ["数据来源", "佰腾网 专利检索"],
        ],
    }
    data = {"name": "专利信息", "preamble": [f"专利信息列表（共{len(rs)}条）", ""], "header": [head], "rows": rows}
    stats = {"name": "申请人统计", "header": [["申请人", "专利数量"]], "rows": [[k, v] for k, v in owners.items()]}
    return [conditions, data, stats]


CNIPR_OPS = {
    225: {"transfer": "转让人：华为技术有限公司；受让人：荣耀终端有限公司；变更生效日：2021-11-26"},
    421: {"pledge": "出质人：深圳传音控股股份有限公司；质权人：中国银行股份有限公司深圳市分行；登记号：Y2022440000871；生效日：2022-10-14"},
    66: {"license": "许可人：北京嘀嘀无限科技发展有限公司；被许可人：滴滴智慧交通科技有限公司；许可类型：普通许可；备案号：X2023110000215"},
}


def cnipr(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    top = ["序号", "著录项目", "", "", "", "", "", "", "", "", "分类", "", "优先权信息", "法律信息", "",
           "运营信息", "", "", "摘要"]
    sub = ["", "公开（公告）号", "文献类型", "申请号", "申请日", "公开（公告）日", "名称", "申请（专利权）人",
           "专利权人（当前）", "发明（设计）人", "主分类号", "分类号", "", "法律状态", "法律事件", "权利转移",
           "质押信息", "许可信息", ""]
    rows = []
    for i, r in enumerate(rs, 1):
        a = r["application_number"]
        if r["kp"] == 225:
            a = a.replace(".", "").removeprefix("CN")
        ops = CNIPR_OPS.get(r["kp"], {})
        rows.append([
            i, r["publication_number"][:-1], kind(r["publication_number"]), a,
            xdate(r["filing_date"], "yyyy/m/d"), xdate(r["publication_date"], "yyyy/m/d"), r["title"],
            ";".join(r["applicants"]), ";".join(r["current_owners"]), ";".join(r["inventors"]),
            r["ipc"][0], ";".join(r["ipc"]),
            ";".join(f"{q['number']} {q['date']}" for q in r["priority"]),
            r["legal_status"], "；".join(r["legal_events"]),
            ops.get("transfer", ""), ops.get("pledge", ""), ops.get("license", ""), r["abstract"],
        ])
    preamble = [
        "中外专利数据库服务平台（CNIPR）检索结果导出",
        "检索表达式：申请（专利权）人=(华为技术有限公司 OR 北京嘀嘀无限科技发展有限公司 OR OPPO广东移动通信有限公司 OR 维沃移动通信有限公司 OR 深圳传音控股股份有限公司)",
        "导出时间：2025年03月06日 09:41",
        f"命中记录：{len(rs)}条",
        "",
    ]
    merged = ["A6:A7", "B6:J6", "K6:L6", "M6:M7", "N6:O6", "P6:R6", "S6:S7"]
    return [{"name": "CNIPR检索结果", "preamble": preamble, "header": [top, sub], "merged": merged, "rows": rows}]


# kp -> (所属单位, 专利号/申请号 cell, 申请日 cell, 公告号 cell, 授权公告日 cell, 专利分级, 年费截止, 年费, 累计, 备注)
def ledger_cells(r: dict[str, Any]) -> list[Any]:
    a, f, p, d = r["application_number"], r["filing_date"], r.get("publication_number", ""), r.get("publication_date", "")
    n = digits(a)
    zl = "ZL" + bare(a)
    table: dict[int, list[Any]] = {
        111: ["中铁十四局集团有限公司", f"ZL {n[:4]} {n[4]} {n[5:]}.{a[-1]}", cn_date(f), p, cn_date(d), "A级", "2025-04-26", 1200, 5650, ""],
        133: ["中国铁建大桥工程局集团有限公司", zl, xdate(f), p, xdate(d), "B级", "2025-08-29", 1200, 7450, ""],
        169: ["中铁十一局集团有限公司", zl, slash_date(f), fullwidth(p), slash_date(d), "A级", "2025-03-24", 900, 3150, ""],
        268: ["中国铁建重工集团股份有限公司", zl, cn_date(f), p, cn_date(d), "C级", "", 0, 38600, "2020年8月15日期限届满"],
        478: ["中铁二十四局集团有限公司", n, xdate(f), p, xdate(d), "B级", "2025-08-30", 900, 1800, ""],
        508: ["中铁十五局集团有限公司", a, cn_date(f), "", "", "", "", "", "", "实质审查中"],
        501: ["中国铁建房地产集团有限公司", zl, dot_date(f), p, dot_date(d), "C级", "2025-12-31", 900, 2700, "2023年专利权人变更为中铁建发展集团有限公司"],
        297: ["中铁第四勘察设计院集团有限公司", zl, xdate(f), p, xdate(d), "A级", "2025-08-13", 1200, 2100, ""],
    }
    return table[r["kp"]]


def soe_ledger(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "所属单位", "专利名称", "专利类型", "专利号/申请号", "申请日", "公告号", "授权公告日",
            "申请人", "专利权人（当前）", "发明人", "IPC主分类号", "法律状态", "专利分级", "年费缴纳截止日",
            "年费金额（元）", "累计维持费用（元）", "备注"]
    rows: list[list[Any]] = []
    fees = [0, 0]
    for i, r in enumerate(rs, 1):
        unit, number, filing, pub, pubdate, grade, due, fee, total, note = ledger_cells(r)
        joiner = "；" if len(r["applicants"]) > 1 else ""
        rows.append([
            i, unit, r["title"], "发明", number, filing, pub, pubdate, joiner.join(r["applicants"]),
            joiner.join(r["current_owners"]), "、".join(r["inventors"]), r["ipc"][0], r["legal_status"],
            grade, due, fee, total, note,
        ])
        fees[0] += fee or 0
        fees[1] += total or 0
        if i == 4:
            rows.append([])  # a blank line the user left between two blocks of the ledger
    rows.append(["合计", "", f"共{len(rs)}件", "", "", "", "", "", "", "", "", "", "", "", "", fees[0], fees[1], ""])
    rows.append(["注：费用数据截至2025年3月7日，来源于专利管理系统年费模块；本表仅供内部使用。"])
    preamble = [
        "中国铁建股份有限公司 知识产权管理系统 专利台账",
        "导出人：刘建国（科技创新部知识产权处）",
        "导出时间：2025年3月7日 16:05",
        "筛选条件：专利类型=发明；法律状态=全部；所属单位=全部",
        "",
    ]
    return [{"name": "专利台账", "preamble": preamble, "header": [head], "rows": rows}]


INNOJOY_AGENCY = {
    1: "青岛联信知识产权代理事务所(普通合伙) 37227",
    103: "无锡市大为专利商标事务所 32104",
    118: "广州三环专利商标代理有限公司 44202",
    204: "北京市柳沈律师事务所 11105",
    493: "永新专利商标代理有限公司 72002",
    457: "北京康信知识产权代理有限责任公司 11240",
}


def innojoy(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "名称", "申请号", "申请日", "公开（公告）号", "公开（公告）日", "申请（专利权）人",
            "发明（设计）人", "主分类号", "分类号", "优先权", "摘要", "法律状态", "代理机构"]
    rows: list[list[Any]] = []
    for i, r in enumerate(rs, 1):
        a = bare(r["application_number"])
        if r["kp"] == 118:
            a = r["application_number"]
        prio = []
        for q in r["priority"]:
            number = "JP2019-087654" if q["number"] == "JP2019087654" else q["number"]
            prio.append(f"{number} {dot_date(q['date'])}")
        rows.append([
            i, r["title"], a, compact(r["filing_date"]), r["publication_number"],
            compact(r["publication_date"]), "；".join(r["applicants"]), "；".join(r["inventors"]),
            r["ipc"][0], "；".join(r["ipc"]), "；".join(prio), r["abstract"], r["legal_status"],
            INNOJOY_AGENCY[r["kp"]],
        ])
    rows.append(["本数据由大为innojoy专利搜索引擎提供，导出完成，共6条记录。"])
    preamble = [
        "大为innojoy专利搜索引擎 检索结果导出",
        "检索表达式：(申请人=(青岛海尔洗衣机有限公司 OR 无锡小天鹅股份有限公司 OR 珠海格力电器股份有限公司 OR 松下知识产权经营株式会社 OR 博西家用电器有限公司 OR 海信(山东)空调有限公司)) AND (名称=(洗衣机 OR 衣物 OR 空调))",
        "检索数据库：中国发明专利;中国发明授权;中国实用新型",
        "导出日期：20250308",
        f"共{len(rs)}条",
        "",
    ]
    return [{"name": "innojoy", "preamble": preamble, "header": [head], "rows": rows}]


LENS_IDS = {523: "015-882-413-276-510", 254: "108-374-926-551-03X", 486: "046-219-735-880-127",
            582: "172-603-448-915-294", 597: "033-751-264-097-868", 634: "190-427-368-762-441"}
LENS_CITES = {523: 12, 254: 6, 486: 9, 582: 15, 597: 4, 634: 8}
LENS_FAMILY = {523: 1, 254: 1, 486: 5, 582: 4, 597: 1, 634: 1}


def lens_number(number: str, kind_letter: str = "A") -> str:
    """CN202110567890.4 -> CN 202110567890 A; JP2018154321 -> JP 2018154321 A."""
    body = number.split(".")[0]
    return f"{body[:2]} {body[2:]} {kind_letter}"


def lens(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "管辖区", "文献种类", "显示号", "Lens ID", "公开日期", "公开年份", "申请号", "申请日期",
            "优先权号", "最早优先权日", "标题", "摘要", "申请人", "发明人", "权利人", "链接", "文献类型",
            "引用专利数", "被引专利数", "简单同族数", "IPCR分类号"]
    rows = []
    for i, r in enumerate(rs, 1):
        pub = r["publication_number"]
        lid = LENS_IDS[r["kp"]]
        rows.append([
            i, "CN", kind(pub), f"CN {pub[2:-1]} {kind(pub)}", lid, r["publication_date"],
            int(r["publication_date"][:4]), lens_number(r["application_number"]), r["filing_date"],
            ";;".join(lens_number(q["number"]) for q in r["priority"]),
            min(q["date"] for q in r["priority"]), r["title"], r["abstract"], ";;".join(r["applicants"]),
            ";;".join(r["inventors"]), ";;".join(r["current_owners"]),
            f"https://www.lens.org/lens/patent/{lid}", "专利申请", LENS_CITES[r["kp"]], r["cited_by_count"],
            LENS_FAMILY[r["kp"]], ";;".join(r["ipc"]),
        ])
    return [{"name": "lens_zh", "header": [head], "rows": rows}]


def orbit_pub(number: str) -> str:
    """CN111149147B -> CN111149147 B; US20200211495A1 -> US20200211495 A1."""
    for i, ch in enumerate(number[2:], 2):
        if ch.isalpha():
            return number[:i] + " " + number[i:]
    return number


def orbit(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["Publication number", "Title", "Abstract", "Application number", "Application date",
            "Publication date", "Priority numbers", "Priority dates", "Original assignee",
            "Current assignees", "Inventors", "IPC - International classification", "Legal status",
            "Cited by count", "Family members"]
    rows = []
    for r in rs:
        rows.append([
            orbit_pub(r["publication_number"]), r["title"], r["abstract"], "CN" + digits(r["application_number"]),
            r["filing_date"], r["publication_date"], "\n".join(q["number"] for q in r["priority"]),
            "\n".join(q["date"] for q in r["priority"]), "\n".join(r["applicants"]),
            "\n".join(r["current_owners"]), "\n".join(r["inventors"]), "\n".join(r["ipc"]),
            r["legal_status"], r["cited_by_count"], "\n".join(orbit_pub(f) for f in r["family"]),
        ])
    return [{"name": "orbit_like", "header": [head], "rows": rows}]


GOOGLE_PRIORITY = {261: "2019-05-20"}
GOOGLE_FIGURES = {24: True, 161: True, 575: False, 154: True, 261: False}


def google(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["id", "title", "assignee", "inventor/author", "priority date", "filing/creation date",
            "publication date", "grant date", "result link", "representative figure link"]
    rows = []
    for r in rs:
        pub = r["publication_number"]
        gid = f"CN-{pub[2:-1]}-{kind(pub)}"
        granted = kind(pub) == "B"
        figure = (f"https://patentimages.storage.googleapis.com/{pub[2:5]}/{pub[5:8]}/{pub}-D00000.png"
                  if GOOGLE_FIGURES[r["kp"]] else "")
        rows.append([
            gid, r["title"], ", ".join(r["applicants"]), ", ".join(r["inventors"]),
            GOOGLE_PRIORITY.get(r["kp"], r["filing_date"]), r["filing_date"], r["publication_date"],
            r["publication_date"] if granted else "", f"https://patents.google.com/patent/{pub}/zh", figure,
        ])
    preamble_row = ["search URL:", "https://patents.google.com/?q=(%E9%9D%A2%E6%96%99+OR+%E6%A2%B3%E6%A3%89%E6%9C%BA+OR+%E6%BC%82%E7%99%BD)&country=CN&before=priority:20220101"]
    return [{"name": "google_patents", "preamble_rows": [preamble_row], "header": [head], "rows": rows}]


RENDER = {
    "baiten_like": baiten,
    "cnipr_like": cnipr,
    "soe_ledger": soe_ledger,
    "innojoy_like": innojoy,
    "lens_zh": lens,
    "orbit_like": orbit,
    "google_patents": google,
}
# How each file is written: xlsx (data sheet named in the gold) or delimited text. This set's
# workbooks carry the first set's zip stamps (time, no member mode), not make_export_set's defaults.
XLSX_STAMPS = {"fixed_time": "2025-03-01T09:00:00", "zip_member_mode": None}
OUTPUT = {
    "baiten_like": {"type": "xlsx", "data_sheet": "专利信息", **XLSX_STAMPS},
    "cnipr_like": {"type": "xlsx", "data_sheet": "CNIPR检索结果", **XLSX_STAMPS},
    "soe_ledger": {"type": "xlsx", "data_sheet": "专利台账", **XLSX_STAMPS},
    "innojoy_like": {"type": "csv", "encoding": "gbk", "bom": False, "delimiter": ","},
    "lens_zh": {"type": "csv", "encoding": "utf-8", "bom": False, "delimiter": ","},
    "orbit_like": {"type": "csv", "encoding": "utf-8", "bom": True, "delimiter": "\t"},
    "google_patents": {"type": "csv", "encoding": "utf-8", "bom": False, "delimiter": ","},
}



def main() -> None:
    write_set(ExportSet(
        name="exports_depth2", about=ABOUT, split=SPLIT, conventions=CONVENTIONS, records=records,
        render=RENDER, output=OUTPUT, files=FILES, fields=FIELDS,
        ipc_checked=False,
    ))


if __name__ == "__main__":
    main()
