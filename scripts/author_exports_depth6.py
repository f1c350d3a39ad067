"""How the sixth blind export set was authored: 30 records written by hand as canonical values
(the gold) and how each exporter prints them (the export sources). Dev only; needs the
KPPatent-ZH data and the IPC 2026.01 table in /work/shared/data.

    python3 scripts/author_exports_depth6.py && python3 scripts/make_export_set.py exports_depth6

Writes tests/gold/exports_depth6/source/*.json and tests/gold/exports_depth6.json. Every record
carries the row it was placed on by hand; scripts/make_export_set.py checks that the written file
puts it there. The set was written blind: without reading the extractor, the bench or any test.
A record's `cells` give the exact print form of a column where it differs from the default one
(the traps); the gold holds only the canonical values.
"""

# ruff: noqa: E501 - the records read best one per block, as written

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from export_authoring import (
    FW,
    ExportSet,
    L,
    P,
    T,
    app,
    bare,
    cn_date,
    cn_date0,
    digits,
    dot_date,
    iso_date,
    record,
    slash_date,
    write_set,
    xdate,
)

ABOUT = (
    "Expected normalised records of tests/gold/exports_depth6, the sixth blind set of analyst exports (all held out, "
    "a final measurement nobody tunes on): five fictional exports in layouts no earlier set used: a 国家重点研发计划 "
    "project's 知识产权成果清单 (XLSX, data sheet second, two merged header rows, 课题 separator rows), a patent agency's "
    "年费代缴清单 (CSV, UTF-8 with BOM, semicolon-separated, quoted multi-line cells, an old 8-digit number), a central "
    "SOE's 专利实施许可备案汇总 (a real Excel 97-2003 .xls, data sheet second, two header rows (a group row), 许可人/被许可人), "
    "incoPat's 法律状态 export (GB18030 tab-separated text, 转让人/受让人, 出质人/质权人), and a 专利导航 analysis "
    "workbook's 重点专利 sheet (HTML table saved as .xls, 被引证次数, 优先权). Titles and abstracts are real Chinese "
    "patent text from /work/shared/data/kppatent-zh (none used by the earlier export sets); IPC codes exist in the IPC "
    "2026.01 table; numbers, parties, people and dates are fictional. Per file: the data sheet, its header rows and "
    "preamble lines, and per record the 1-based row (sheet row for XLSX/XLS, the <tr> index for the HTML .xls, the "
    "physical line where the record starts for CSV/TSV) and the fields that file exports, in canonical form. Field rules: "
    "tests/gold/README.md (Export gold format, and the conventions of the second to fifth blind export sets); "
    "choices where they are silent: _conventions."
)

CONVENTIONS = {
    "inherited": "Every convention of exports_depth2.json to exports_depth5.json applies (empty cells, number forms, combined and two-column priorities, foreign priority numbers, non-record rows, multi-line cells, lists, legal status as exported, counts, operations, names as exported, main IPC first); where two earlier sets chose differently for similar columns the most recent (exports_depth5) is followed. The entries below are the choices this set needed beyond them.",
    "empty_cells": "An empty list cell is [] (no transfer, no pledge, no priority); an empty scalar cell (an application not yet granted has no 授权公告号/授权公告日) leaves the field out of that record.",
    "application_number": "Canonical CN + digits + '.' + check digit from every form met here: bare with dot, 13 digits without dot, ZL, ZL with spaces, full-width ＺＬ, 'CN' + 12 digits without check digit (computed and added), the check digit after a hyphen; the old 8-digit number (年费 list ZL00235716.X, 2000) keeps its old form with its check digit.",
    "publication_number": "Kind code joined whatever separates it (CN 112345678 B). 授权公告号/授权公告日 give publication_number/publication_date (as in exports_depth4 and 5).",
    "dates": "ISO from every form met here: xlsx and xls date cells, 2019-03-05, 2019/3/5, 2019.03.05, 20190305, 2019年3月5日.",
    "project_ip_achievements": "国家重点研发计划 项目知识产权成果清单: 成果名称 title, 申请号 application_number, 申请日 filing_date, 授权公告号/授权公告日 publication, 权利人 applicants (the project's filing parties; several joined by 、), 发明人 inventors (joined by 、), 法律状态 legal_status as exported (已授权, 实审中, 已公开). 序号, 所属课题, 成果类型, 是否标注项目编号 are not fields; the 课题 separator rows ('课题一：…') and the 合计 row are not records.",
    "annuity_agency_list": "The agency's 年费代缴清单 (UTF-8 with BOM, semicolon-separated): 申请号 application_number, 专利名称 title, 专利权人 current_owners (several on lines of a quoted cell or joined by ；), 申请日 filing_date. 客户编号, 专利类型, 缴费年度, 缴费截止日, 年费/滞纳金/代理费 amounts and 客户确认 are not fields (a 缴费状态 column is not a legal status: not a field).",
    "soe_license_filing_summary": "The central SOE's 专利实施许可备案汇总 (.xls, data sheet second, two header rows: the group row 3 names 专利信息/许可信息 in each group's first cell, 序号/所属单位 stand in row 3 only): 专利号 application_number, 专利名称 title, 专利权人 current_owners (joined by 、), and licenses [{licensors: 许可人, licensees: 被许可人, type: 许可类型 as exported}]; one row is one licence; several licensees joined by 、. 备案号, 备案日期, 许可期限, 许可费 and 所属单位 are not fields.",
    "incopat_legal_status": "incoPat 法律状态 export (GB18030, tab-separated): 公开（公告）号 publication_number, 申请号 application_number, 标题 title, 申请日 filing_date, 申请人 applicants and 当前权利人 current_owners (joined by '; '), 法律状态 legal_status as exported (有效, 失效, 审中), 转让人/受让人 give transfers [{from, to}] (several transfers of one patent in the cells joined by ' | ', in order), 出质人/质权人 give pledges [{pledgors, pledgees}]; every record carries transfers and pledges ([] where empty). 法律事件, 法律状态更新日 are not fields.",
    "navigation_key_patents": "专利导航 analysis workbook's 重点专利 sheet (HTML table saved as .xls; row = 1-based <tr> index): 公开号 publication_number, 名称 title, 申请人 applicants (joined by ；), 申请日 filing_date, IPC ipc (main first, joined by ；), 优先权号/优先权日 a two-column priority (several joined by ； in both cells, paired in order; a JP number's hyphen dropped), 被引证次数 cited_by_count. 排名, 技术分支, 重要度评分 and 入选理由 are not fields.",
    "non_record_rows": "课题 separator rows, 合计 rows, 注：/说明/共 N 条 footer lines and empty rows are not records; records after an empty row keep their real rows.",
}

SPLIT = {
    "project_ip_achievements.xlsx": "test",
    "annuity_agency_list.csv": "test",
    "soe_license_filing_summary.xls": "test",
    "incopat_legal_status.tsv": "test",
    "navigation_key_patents.xls": "test",
}


def R(row: int, kp: int, cells: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    return record(row, kp, fields, cells=cells or {})


# ---------------------------------------------------------------- the records, by hand
def records() -> dict[str, list[dict[str, Any]]]:
    F: dict[str, list[dict[str, Any]]] = {}
    # 成果清单 (XLSX): data sheet second; 3 preamble rows, header rows 4-5; 课题 rows 6 and 10; 合计 14.
    F["project_ip_achievements"] = [
        R(7, 20, application_number=app("202111478526"), filing_date="2021-11-29", publication_number="CN114152307B",
          publication_date="2023-08-15", applicants=["上海核工程研究设计院股份有限公司"], inventors=["邹志强", "蒋文娟"],
          legal_status="已授权"),
        R(8, 21, cells={"申请号": "zl", "申请日": "slash_date"}, application_number=app("202210365184"), filing_date="2022-04-06",
          applicants=["国核电力规划设计研究院有限公司", "西安交通大学"], inventors=["梁宇轩", "苏光辉", "田文喜"],
          legal_status="实审中"),
        R(9, 34, cells={"申请号": "hyphen_check"}, application_number=app("202220817645"), filing_date="2022-04-11",
          publication_number="CN216921673U", publication_date="2022-07-08", applicants=["中国石油集团渤海钻探工程有限公司"],
          inventors=["何世明"], legal_status="已授权"),
        R(11, 48, cells={"申请号": "fullwidth_zl", "授权公告号": "space_kind"}, application_number=app("202120583916"),
          filing_date="2021-03-23", publication_number="CN215109302U", publication_date="2021-12-10",
          applicants=["中国石油天然气股份有限公司", "大庆油田有限责任公司"], inventors=["韩秀梅", "刘春林"], legal_status="已授权"),
        R(12, 68, cells={"申请日": "cn_date"}, application_number=app("202310246871"), filing_date="2023-03-15",
          applicants=["中国石油化工股份有限公司", "中国石油化工股份有限公司胜利油田分公司"], inventors=["曹绪龙", "祝仰文", "Zhao, Lin"],
          legal_status="已公开"),
        R(13, 74, cells={"申请号": "thirteen"}, application_number=app("202110927364"), filing_date="2021-08-12",
          publication_number="CN113586713B", publication_date="2022-11-25", applicants=["中国船舶重工集团公司第七一一研究所"],
          inventors=["许建新", "冯玉"], legal_status="已授权"),
    ]
    # 年费代缴清单 (UTF-8 BOM CSV, ';'): 4 preamble lines, header line 5; record 2's 专利权人 spans lines 7-8; blank line 11.
    F["annuity_agency_list"] = [
        R(6, 2, application_number=app("201820457319"), filing_date="2018-03-30", current_owners=["江南造船（集团）有限责任公司"]),
        R(7, 6, cells={"申请号": "zl"}, application_number=app("201910826374"), filing_date="2019-09-03",
          current_owners=["蓝思科技股份有限公司", "蓝思科技（长沙）有限公司"]),
        R(9, 12, cells={"申请号": "cn_nocheck", "申请日": "compact"}, application_number=app("202021384651"), filing_date="2020-07-14",
          current_owners=["SZ DJI Osmo Technology Co., Ltd."]),
        R(10, 13, cells={"申请号": "zl_old"}, application_number=app("00235716"), filing_date="2000-11-08",
          current_owners=["北京市市政工程研究院"]),
        R(12, 15, cells={"申请日": "dot_date"}, application_number=app("202110736258"), filing_date="2021-06-30",
          current_owners=["中电建新能源集团股份有限公司"]),
        R(13, 36, cells={"申请号": "zl_spaced", "申请日": "cn_date"}, application_number=app("201721635482"), filing_date="2017-11-29",
          current_owners=["京东方科技集团股份有限公司", "北京京东方显示技术有限公司"]),
    ]
    # 许可备案汇总 (.xls): data sheet second; 2 preamble rows, header rows 3-4; 合计 row 11.
    F["soe_license_filing_summary"] = [
        R(5, 14, application_number=app("201810642537"), current_owners=["中国航天科工集团第二研究院"],
          licenses=[L(["中国航天科工集团第二研究院"], ["际华三五零二职业装有限公司"], "普通许可")]),
        R(6, 26, cells={"专利号": "zl"}, application_number=app("202010358746"), current_owners=["航天科工智慧产业发展有限公司"],
          licenses=[L(["航天科工智慧产业发展有限公司"], ["北京华文教育科技有限公司", "深圳市创想智学科技有限公司"], "普通许可")]),
        R(7, 30, application_number=app("201911273648"), current_owners=["航天科工空间工程发展有限公司", "北京航空航天大学"],
          licenses=[L(["航天科工空间工程发展有限公司", "北京航空航天大学"], ["航天科工卫星导航有限公司"], "独占许可")]),
        R(8, 33, cells={"专利号": "spaced"}, application_number=app("202110583421"), current_owners=["航天科工智能机器人有限责任公司"],
          licenses=[L(["航天科工智能机器人有限责任公司"], ["Husqvarna AB"], "排他许可")]),
        R(9, 40, cells={"专利号": "thirteen"}, application_number=app("201780024519"), current_owners=["Thales Alenia Space Italia S.p.A."],
          licenses=[L(["Thales Alenia Space Italia S.p.A."], ["航天科工防御技术研究试验中心"], "普通许可")]),
        R(10, 46, application_number=app("202020936147"), current_owners=["航天云网科技发展有限责任公司"],
          licenses=[L(["航天云网科技发展有限责任公司"], ["河南航天云网科技有限公司"], "普通许可")]),
    ]
    # incoPat 法律状态 (GB18030 TSV): 3 preamble lines, header line 4; footer after record 6.
    F["incopat_legal_status"] = [
        R(5, 17, publication_number="CN109722749B", application_number=app("201811594263"), filing_date="2018-12-25",
          applicants=["东丽纤维研究所（中国）有限公司"], current_owners=["东丽纤维研究所（中国）有限公司"], legal_status="有效",
          transfers=[], pledges=[]),
        R(6, 41, cells={"申请号": "bare", "申请日": "slash_date"}, publication_number="CN111206437A", application_number=app("201980004173"),
          filing_date="2019-02-14", applicants=["KANEKA CORPORATION"], current_owners=["KANEKA CORPORATION"], legal_status="审中",
          transfers=[], pledges=[]),
        R(7, 50, publication_number="CN110394827B", application_number=app("201910631748"), filing_date="2019-07-12",
          applicants=["宝山钢铁股份有限公司"], current_owners=["宝钢包装股份有限公司"], legal_status="有效",
          transfers=[T(["宝山钢铁股份有限公司"], ["宝钢包装股份有限公司"])], pledges=[]),
        R(8, 59, cells={"公开（公告）号": "space_kind"}, publication_number="CN112063259B", application_number=app("202010847315"),
          filing_date="2020-08-21", applicants=["张家港市盛港防火板业科技有限公司"], current_owners=["江苏晨光涂料有限公司"], legal_status="有效",
          transfers=[T(["张家港市盛港防火板业科技有限公司"], ["苏州绿涂新材料科技有限公司"]), T(["苏州绿涂新材料科技有限公司"], ["江苏晨光涂料有限公司"])],
          pledges=[P(["江苏晨光涂料有限公司"], ["江苏张家港农村商业银行股份有限公司"])]),
        R(9, 61, cells={"申请日": "cn_date"}, publication_number="CN108915297A", application_number=app("201810736429"),
          filing_date="2018-07-06", applicants=["浙江大东吴集团建设有限公司", "浙江工业大学"], current_owners=["浙江大东吴集团建设有限公司", "浙江工业大学"],
          legal_status="失效", transfers=[], pledges=[]),
        R(10, 69, publication_number="CN113832718B", application_number=app("202111067352"), filing_date="2021-09-13",
          applicants=["际华集团股份有限公司"], current_owners=["际华集团股份有限公司"], legal_status="有效",
          transfers=[], pledges=[P(["际华集团股份有限公司"], ["中国工商银行股份有限公司北京长安支行"])]),
    ]
    # 专利导航 重点专利 (HTML .xls): 3 preamble <tr>s, header <tr> 4; an empty <tr> 8; 说明 <tr> 12.
    F["navigation_key_patents"] = [
        R(5, 38, publication_number="CN109629869B", applicants=["湖南环境生物职业技术学院"], filing_date="2019-01-18",
          ipc=["E04H1/12", "E03D13/00"], priority=[], cited_by_count=11),
        R(6, 47, cells={"申请日": "dot_date"}, publication_number="CN112411174A", applicants=["LG Electronics Inc."], filing_date="2020-08-20",
          ipc=["D06M13/00"], priority=[{"number": "KR1020190102365", "date": "2019-08-21"}], cited_by_count=3),
        R(7, 55, publication_number="CN111853805B", applicants=["河南省农业科学院"], filing_date="2020-07-27",
          ipc=["F23G7/00", "B04C3/00"], priority=[], cited_by_count=0),
        R(9, 62, cells={"公开号": "space_kind"}, publication_number="CN110532143B", applicants=["Panasonic Intellectual Property Management Co., Ltd."],
          filing_date="2018-05-23", ipc=["G06F11/30"],
          priority=[{"number": "JP2017103684", "date": "2017-05-25"}, {"number": "JP2018017492", "date": "2018-02-02"}], cited_by_count=7),
        R(10, 65, cells={"申请日": "cn_date"}, publication_number="CN108297813A", applicants=["浙江师范大学", "金华市艺创文具有限公司"],
          filing_date="2018-02-09", ipc=["B43L13/00"], priority=[], cited_by_count=2),
        R(11, 70, publication_number="CN111418928A", applicants=["汕头市金平区宏达乳胶制品有限公司"], filing_date="2020-03-31",
          ipc=["A41C3/00", "B32B15/08"], priority=[], cited_by_count=5),
    ]
    return F


FIELDS = {
    "project_ip_achievements": ["title", "application_number", "filing_date", "publication_number", "publication_date",
                                "applicants", "inventors", "legal_status"],
    "annuity_agency_list": ["application_number", "title", "current_owners", "filing_date"],
    "soe_license_filing_summary": ["application_number", "title", "current_owners", "licenses"],
    "incopat_legal_status": ["publication_number", "application_number", "title", "filing_date", "applicants",
                             "current_owners", "legal_status", "transfers", "pledges"],
    "navigation_key_patents": ["publication_number", "title", "applicants", "filing_date", "ipc", "priority",
                               "cited_by_count"],
}
FILES = {
    "project_ip_achievements": "project_ip_achievements.xlsx",
    "annuity_agency_list": "annuity_agency_list.csv",
    "soe_license_filing_summary": "soe_license_filing_summary.xls",
    "incopat_legal_status": "incopat_legal_status.tsv",
    "navigation_key_patents": "navigation_key_patents.xls",
}


FORMATS: dict[str, Callable[[str], str]] = {
    "canonical": lambda n: n,
    "bare": bare,
    "thirteen": lambda n: bare(n).replace(".", ""),
    "spaced": lambda n: f"{bare(n)[:4]} {bare(n)[4]} {bare(n)[5:]}",
    "zl": lambda n: "ZL" + bare(n),
    "zl_spaced": lambda n: f"ZL {bare(n)[:4]} {bare(n)[4]} {bare(n)[5:]}",
    "zl_thirteen": lambda n: "ZL" + bare(n).replace(".", ""),
    "fullwidth_bare": lambda n: bare(n).translate(FW),
    "fullwidth_zl": lambda n: ("ZL" + bare(n)).translate(FW),
    "zl_old": lambda n: "ZL" + bare(n),
    "hyphen_check": lambda n: bare(n).replace(".", "-"),
    "cn_nocheck": lambda n: "CN" + digits(n),
    "space_kind": lambda p: f"{p[:-1]} {p[-1]}",
    "spaced_pub": lambda p: f"{p[:2]} {p[2:-1]} {p[-1]}",
    "iso": iso_date,
    "cn_date": cn_date,
    "cn_date0": cn_date0,
    "slash_date": slash_date,
    "dot_date": dot_date,
    "compact": lambda iso: iso.replace("-", ""),
}


def cell(r: dict[str, Any], header: str, value: Any, default: str | None = None) -> Any:
    """The record's print form of one column: its override (a format name or a literal) or the default."""
    form = r["cells"].get(header, default)
    if form is None:
        return value
    if form in FORMATS:
        return FORMATS[form](value)
    return form


def date_cell(r: dict[str, Any], header: str, iso: str, number_format: str = "yyyy-mm-dd") -> Any:
    if header in r["cells"]:
        return cell(r, header, iso)
    return xdate(iso, number_format)


def project_ip(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    group = ["序号", "所属课题", "成果信息", "", "", "", "", "", "", "", "成果类型", "是否标注项目编号"]
    head = ["", "", "成果名称", "申请号", "申请日", "授权公告号", "授权公告日", "权利人", "发明人", "法律状态", "", ""]
    topics = {20: "课题一", 21: "课题一", 34: "课题一", 48: "课题二", 68: "课题二", 74: "课题二"}
    rows: list[list[Any]] = []
    for i, r in enumerate(rs, 1):
        if i == 1:
            rows.append(["课题一：深层复杂油气藏安全高效开发关键装备"])
        if i == 4:
            rows.append(["课题二：提高采收率化学体系与配套工艺"])
        granted = "publication_number" in r
        utility = granted and r["publication_number"].endswith("U")
        rows.append([
            i, topics[r["kp"]], r["title"], cell(r, "申请号", r["application_number"], "bare"),
            date_cell(r, "申请日", r["filing_date"]),
            cell(r, "授权公告号", r["publication_number"], "canonical") if granted else "",
            date_cell(r, "授权公告日", r["publication_date"]) if granted else "",
            "、".join(r["applicants"]), "、".join(r["inventors"]), r["legal_status"],
            "实用新型专利" if utility else "发明专利", "是",
        ])
    rows.append(["合计", "", "6项", "", "", "", "", "", "", "其中已授权4项", "", ""])
    rows.append(["注：成果须标注“国家重点研发计划（2021YFB3301200）资助”；法律状态截至填报日。"])
    guide = {"name": "填报说明", "header": [["说明"]], "rows": [
        ["1. 本表填报项目执行期内产生的全部专利成果。"],
        ["2. 权利人为项目承担单位或参与单位。"],
    ]}
    stats = {"name": "成果统计", "header": [["课题", "专利申请", "授权"]], "rows": [["课题一", 3, 2], ["课题二", 3, 2]]}
    preamble_rows = [
        ["国家重点研发计划“战略性矿产资源开发利用”重点专项 项目知识产权成果清单"],
        ["项目编号：2021YFB3301200    项目牵头单位：中国石油集团工程技术研究院有限公司    填报日期：2026年11月20日"],
        [],
    ]
    data = {"name": "知识产权成果清单", "preamble_rows": preamble_rows, "header": [group, head], "rows": rows,
            "merged": ["A4:A5", "B4:B5", "C4:J4", "K4:K5", "L4:L5"]}
    return [guide, data, stats]


ANNUITY = {2: ("KH-0417", "实用新型", "第9年", "2027-03-30", 1200), 6: ("KH-0233", "发明", "第8年", "2026-09-03", 2000),
           12: ("KH-1058", "实用新型", "第7年", "2027-07-14", 900), 13: ("KH-0089", "发明", "第27年", "", 0),
           15: ("KH-0751", "发明", "第6年", "2027-06-30", 1200), 36: ("KH-0612", "实用新型", "第10年", "2027-11-29", 1200)}


def annuity(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["客户编号", "申请号", "专利名称", "专利类型", "专利权人", "申请日", "缴费年度", "缴费截止日", "年费（元）",
            "滞纳金（元）", "代理费（元）", "缴费状态", "客户确认"]
    rows: list[list[Any]] = []
    for i, r in enumerate(rs, 1):
        client, kind, year, due, fee = ANNUITY[r["kp"]]
        owners = "\n".join(r["current_owners"]) if r["kp"] == 6 else "；".join(r["current_owners"])
        status = "已缴" if r["kp"] == 15 else ("保护期满不再缴费" if r["kp"] == 13 else "待缴")
        rows.append([
            client, cell(r, "申请号", r["application_number"], "bare"), r["title"], kind, owners,
            cell(r, "申请日", r["filing_date"], "iso"), year, due, str(fee), "0", "150" if fee else "0", status,
            "是" if i % 2 else "",
        ])
        if i == 4:
            rows.append([])
    rows.append(["共 6 条记录；金额单位：元；缴费截止日为官费缴纳期限，逾期6个月内可缴滞纳金。"])
    preamble = [
        "北京华锐知识产权代理事务所（普通合伙） 年费代缴清单",
        "清单编号：NF-2026-11-037",
        "缴费期间：2026年12月至2027年11月    制表：王婷",
        "",
    ]
    return [{"name": "annuity_agency_list", "preamble": preamble, "header": [head], "rows": rows}]


LICENCE_REFS = {14: "2026110000231", 26: "2026110000418", 30: "2026110000502", 33: "2026990000077",
                40: "2026990000119", 46: "2026410000263"}


def soe_license(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    group = ["序号", "所属单位", "专利信息", "", "", "许可信息", "", "", "", "", "", ""]
    head = ["", "", "专利号", "专利名称", "专利权人", "许可人", "被许可人", "许可类型", "备案号", "备案日期", "许可期限", "许可费（万元）"]
    rows: list[list[Any]] = []
    for i, r in enumerate(rs, 1):
        x = r["licenses"][0]
        rows.append([
            i, "二院" if i < 3 else "科工集团本部", cell(r, "专利号", r["application_number"], "bare"), r["title"],
            "、".join(r["current_owners"]), "、".join(x["licensors"]), "、".join(x["licensees"]), x["type"],
            LICENCE_REFS[r["kp"]], xdate(f"2026-{3 + i:02d}-1{i}"), "3年", 10.0 * i,
        ])
    rows.append(["合计", "", "", "", "", "", "", "6项", "", "", "", 210.0])
    rows.append(["说明：本表汇总集团所属单位2026年度已在国家知识产权局备案的专利实施许可合同。"])
    cover = {"name": "封面", "header": [["中国航天科工集团有限公司"]], "rows": [["2026年度专利实施许可备案汇总"], ["报送：科技与质量部"]]}
    by_unit = {"name": "按单位统计", "header": [["单位", "件数", "许可费（万元）"]], "rows": [["二院", 2, 30.0], ["科工集团本部", 4, 180.0]]}
    preamble_rows = [
        ["中国航天科工集团有限公司 2026年度专利实施许可备案汇总表"],
        ["统计截止：2026年11月15日"],
    ]
    # xlwt writes no merged ranges here: the group row names each group in its first cell only.
    data = {"name": "许可备案汇总", "preamble_rows": preamble_rows, "header": [group, head], "rows": rows}
    return [cover, data, by_unit]


def incopat_legal(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "公开（公告）号", "标题", "申请号", "申请日", "申请人", "当前权利人", "法律状态", "法律事件",
            "转让人", "受让人", "出质人", "质权人", "法律状态更新日"]
    rows: list[list[Any]] = []
    events = {"有效": "授权", "审中": "实质审查的生效", "失效": "未缴年费专利权终止"}
    for i, r in enumerate(rs, 1):
        event = events[r["legal_status"]]
        if r["transfers"]:
            event += " | 专利申请权、专利权的转移"
        if r["pledges"]:
            event += " | 专利权质押合同登记的生效"
        rows.append([
            i, cell(r, "公开（公告）号", r["publication_number"], "canonical"), r["title"],
            cell(r, "申请号", r["application_number"], "canonical"), cell(r, "申请日", r["filing_date"], "iso"),
            "; ".join(r["applicants"]), "; ".join(r["current_owners"]), r["legal_status"], event,
            " | ".join("; ".join(t["from"]) for t in r["transfers"]), " | ".join("; ".join(t["to"]) for t in r["transfers"]),
            " | ".join("; ".join(p["pledgors"]) for p in r["pledges"]), " | ".join("; ".join(p["pledgees"]) for p in r["pledges"]),
            "2026-11-0" + str(i),
        ])
    rows.append(["共6条"])
    preamble = [
        "数据库：incoPat 科技创新情报平台    导出模板：法律状态",
        "检索式：AP=(东丽纤维 OR KANEKA OR 宝山钢铁 OR 盛港防火板 OR 大东吴 OR 际华集团) AND AD=[20180101 TO 20211231]",
        "导出时间：2026-11-27 14:02:19",
    ]
    return [{"name": "incopat_legal_status", "preamble": preamble, "header": [head], "rows": rows}]


PRIO_PRINT = {"JP2017103684": "JP2017-103684", "JP2018017492": "JP2018-017492"}
NAV = {38: ("环卫设施", 92.5, "被引证次数高"), 47: ("衣物护理", 88.0, "跨国申请人"), 55: ("废弃物处理", 81.0, "核心技术"),
       62: ("设备运维", 86.5, "多国优先权"), 65: ("文教用品", 70.0, "产学研合作"), 70: ("乳胶制品", 75.5, "工艺路线")}


def navigation(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["排名", "公开号", "名称", "申请人", "申请日", "IPC", "技术分支", "优先权号", "优先权日", "被引证次数",
            "重要度评分", "入选理由"]
    rows: list[list[Any]] = []
    for i, r in enumerate(rs, 1):
        branch, score, why = NAV[r["kp"]]
        rows.append([
            i, cell(r, "公开号", r["publication_number"], "canonical"), r["title"], "；".join(r["applicants"]),
            cell(r, "申请日", r["filing_date"], "iso"), "；".join(r["ipc"]), branch,
            "；".join(PRIO_PRINT.get(p["number"], p["number"]) for p in r["priority"]),
            "；".join(p["date"] for p in r["priority"]), str(r["cited_by_count"]), f"{score:.1f}", why,
        ])
        if i == 3:
            rows.append([])
    rows.append(["说明：重要度评分综合被引证次数、同族规模、权利要求数与法律状态；评分仅供导航分析参考。"])
    preamble = [
        "宁波市绿色制造产业专利导航分析报告 附表3",
        "重点专利清单（筛选自 1,287 件相关专利）",
        "数据截止：2026年10月31日",
    ]
    return [{"name": "重点专利", "preamble": preamble, "header": [head], "rows": rows}]


RENDER = {
    "project_ip_achievements": project_ip,
    "annuity_agency_list": annuity,
    "soe_license_filing_summary": soe_license,
    "incopat_legal_status": incopat_legal,
    "navigation_key_patents": navigation,
}
OUTPUT: dict[str, dict[str, Any]] = {
    "project_ip_achievements": {"type": "xlsx", "data_sheet": "知识产权成果清单"},
    "annuity_agency_list": {"type": "csv", "encoding": "utf-8", "bom": True, "delimiter": ";"},
    "soe_license_filing_summary": {"type": "xls", "data_sheet": "许可备案汇总"},
    "incopat_legal_status": {"type": "csv", "encoding": "gb18030", "bom": False, "delimiter": "\t"},
    "navigation_key_patents": {"type": "html_xls", "encoding": "utf-8"},
}


def main() -> None:
    write_set(ExportSet(
        name="exports_depth6", about=ABOUT, split=SPLIT, conventions=CONVENTIONS, records=records,
        render=RENDER, output=OUTPUT, files=FILES, fields=FIELDS,
        fresh_checked=True,
    ))


if __name__ == "__main__":
    main()
