"""How the fifth blind export set was authored: 40 records written by hand as canonical values
(the gold) and how each exporter prints them (the export sources). Dev only; needs the
KPPatent-ZH data and the IPC 2026.01 table in /work/shared/data.

    python3 scripts/author_exports_depth5.py && python3 scripts/make_export_set.py exports_depth5

Writes tests/gold/exports_depth5/source/*.json and tests/gold/exports_depth5.json. Every record
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
    "Expected normalised records of tests/gold/exports_depth5, the fifth blind set of analyst exports (all held out, "
    "a final measurement nobody tunes on): six fictional exports in layouts no earlier set used: the CNIPA 中国及多国专利"
    "审查信息查询 result export (XLSX, data sheet second, two merged header rows, 案件状态), the CNIPA 专利实施许可合同备案 "
    "list (CSV, GB18030, 让与人/受让人/许可种类, quoted multi-line cells), a provincial 专利转化运用 statistics sheet of a "
    "group's subsidiaries (a real Excel 97-2003 .xls, data sheet second, 小计/合计 rows, 转化方式/交易对方), incoPat's "
    "family-merged export (XLSX, data sheet third, 简单同族 members on lines, combined 优先权信息), a 企业知识产权管理系统 "
    "patent ledger saved as Unicode text (UTF-16LE with BOM, tab-separated, 权利状态/到期日/年费), and a university's "
    "专利资产清单 saved by its asset system as an HTML table named .xls (发明人（工号）, 转化情况). Titles and abstracts are "
    "real Chinese patent text from /work/shared/data/kppatent-zh (none used by the earlier export sets); IPC codes exist in "
    "the IPC 2026.01 table; numbers, parties, people and dates are fictional. Per file: the data sheet, its header rows "
    "and preamble lines, and per record the 1-based row (sheet row for XLSX/XLS, the <tr> index for the HTML .xls, the "
    "physical line where the record starts for CSV/TSV) and the fields that file exports, in canonical form. Field rules: "
    "tests/gold/README.md (Export gold format, and the conventions of the second, third and fourth blind export sets); "
    "choices where they are silent: _conventions."
)

CONVENTIONS = {
    "inherited": "Every convention of exports_depth2.json, exports_depth3.json and exports_depth4.json applies (empty cells, number forms, combined and two-column priorities, foreign priority numbers, non-record rows, multi-line cells, lists, legal status as exported, counts, operations, names as exported, main IPC first); where two earlier sets chose differently for similar columns the most recent (exports_depth4) is followed. The entries below are the choices this set needed beyond them.",
    "empty_cells": "An empty list cell is [] (no priority, no family, no operation); an empty scalar cell (an application not yet granted has no 授权公告号/授权公告日) leaves the field out of that record.",
    "application_number": "Canonical CN + digits + '.' + check digit from every form met here: 13 digits without dot (CNIPA's own print form, 2019107345212), with CN, ZL, ZL with spaces, ZL + 13 digits, spaced (2021 1 0539812.3), full-width ＺＬ and full-width bare digits, 'CN' + 12 digits without check digit (computed and added), and the check digit after a hyphen (201811562907-1); the old 8-digit number (备案 list ZL02113579.7) keeps its old form with its check digit (CN02113579.7).",
    "publication_number": "Kind code joined whatever separates it (CN 112345678 B, CN112345678 A). 授权公告号/授权公告日 give publication_number/publication_date (as in exports_depth4); the 转化运用 sheet's and the asset list's 授权公告日 give publication_date.",
    "dates": "ISO from every form met here: xlsx and xls date cells (shown yyyy-mm-dd, yyyy/m/d, yyyy年m月d日), 2019-03-05, 2019/3/5, 2019.03.05, 20190305, 2019年3月5日, 2019年03月05日, 2019-3-5.",
    "cnipa_review_query": "中国及多国专利审查信息查询: 申请号/专利号 application_number, 发明创造名称 title, 申请人 applicants (several joined by ；), 申请日 filing_date, 案件状态 legal_status exactly as exported (专利权维持, 等年费滞纳金, 实审请求生效, 驳回等复审请求, 专利权终止, 授权等登记费), 授权公告号/授权公告日 publication, 主分类号 a one-item ipc. 序号 and the hidden 案件编号 column (B) are not fields.",
    "license_filing_register": "专利实施许可合同备案 list: one row is one licence on one patent: 专利号 application_number, 发明名称 title, 申请日 filing_date, and licenses [{licensors: 让与人, licensees: 受让人, type: 许可种类 as exported (独占许可, 排他许可, 普通许可)}]; several parties on lines of the quoted cell or joined by ；; foreign names exactly as exported, commas inside them included (never a separator). 备案号, 备案日期, 合同有效期 and 备注 are not fields.",
    "province_conversion_stats": "The 专利转化运用 statistics sheet: 专利号 application_number, 专利名称 title, 专利权人 current_owners (as the sheet states it, co-owners joined by 、), 授权公告日 publication_date; 转化方式 + 交易对方 give the operation: 转让 and 作价入股 -> transfers [{from: 专利权人, to: 交易对方}] (an equity contribution moves the patent right to the invested company), 独占许可/排他许可/普通许可 -> licenses [{licensors: 专利权人, licensees: 交易对方, type: 转化方式 as exported}], 自行实施 -> neither. Every record carries transfers and licenses ([] where not given). 所属企业, 专利类型, 合同金额 and 登记日期 are not fields; 小计 and 合计 rows are not records.",
    "incopat_family": "incoPat 同族合并 export: one row per simple family, its representative document's bibliographic data. 公开（公告）号 publication_number, 申请号 application_number, 申请人 applicants and 发明人 inventors (joined by '; ', foreign names with commas kept whole), IPC the list (main first), 优先权信息 a combined cell ('number date' claims joined by '; '; a JP number's hyphen and a US provisional's '/' and ',' dropped: JP2019-047215 -> JP2019047215, US62/812,345 -> US62812345), 被引证次数 cited_by_count. The 简单同族 cell lists every member on its own line, the representative included; family is the other members (the representative itself is dropped, as family never holds the record's own number in earlier sets). 同族数量 and 合并说明 are not fields.",
    "ipms_ledger": "The 企业知识产权管理系统 ledger (Unicode text: UTF-16LE with BOM, tab-separated): 专利名称 title, 申请号 application_number, 申请日 filing_date, 授权公告号/授权公告日 publication, 权利人 current_owners (joined by ；), 发明人 inventors (joined by ，), 权利状态 legal_status as exported (有效, 审中, 失效, 有效-年费待缴). 资产编号, 专利类型, 到期日, 下次缴费日, 应缴年费, 代理机构, 管理员 and 备注 (one multi-line) are not fields.",
    "university_asset_list": "The university 专利资产清单 (HTML table saved as .xls; row = 1-based <tr> index, as in exports_depth4): 专利名称 title, 专利号 application_number, 申请日 filing_date, 授权公告日 publication_date, 发明人（工号） inventors as names only (joined by 、; the 工号 in brackets, full- or half-width, and a '校外' mark dropped), 专利权人 current_owners (joined by 、), 法律状态 legal_status as exported. 转化情况 gives transfers ('已转让：受让人X（date）' -> {from: 专利权人, to: X}) and licenses ('普通许可：被许可人Y' -> {licensors: 专利权人, licensees: Y, type: 普通许可}); '未转化' gives neither; every record carries both ([] where not given). 序号, 学院, 专利类型 and 账面价值 are not fields.",
    "non_record_rows": "小计 / 合计 rows, 注： / 共 N 条记录 / 说明 footer lines and empty rows (an empty <tr> in the HTML .xls) are not records; records after an empty row keep their real rows.",
}

SPLIT = {
    "cnipa_review_query.xlsx": "test",
    "license_filing_register.csv": "test",
    "province_conversion_stats.xls": "test",
    "incopat_family.xlsx": "test",
    "ipms_ledger.tsv": "test",
    "university_asset_list.xls": "test",
}


def R(row: int, kp: int, cells: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    return record(row, kp, fields, cells=cells or {})


# ---------------------------------------------------------------- the records, by hand
def records() -> dict[str, list[dict[str, Any]]]:
    F: dict[str, list[dict[str, Any]]] = {}
    # CNIPA 审查信息查询: data sheet 审查信息 second; 4 preamble rows, header rows 5-6; an empty row 11.
    F["cnipa_review_query"] = [
        R(7, 651, application_number=app("201910734521"), applicants=["中化学科学技术研究有限公司"],
          filing_date="2019-08-02", legal_status="专利权维持", publication_number="CN110451976B",
          publication_date="2022-03-15", ipc=["B01J23/10"]),
        R(8, 429, cells={"申请号/专利号": "canonical", "申请日": "slash_date"},
          application_number=app("202010287364"), applicants=["中化蓝天集团有限公司", "浙江工业大学"],
          filing_date="2020-04-10", legal_status="实审请求生效"),
        R(9, 665, cells={"申请号/专利号": "hyphen_check", "授权公告号": "space_kind"},
          application_number=app("201811562907"), applicants=["沈阳化工研究院有限公司"],
          filing_date="2018-12-26", legal_status="等年费滞纳金", publication_number="CN109628091B",
          publication_date="2021-07-09", ipc=["C09K11/75"]),
        R(10, 439, cells={"申请日": "cn_date"},
          application_number=app("201710948236"), applicants=["中化国际（控股）股份有限公司"],
          filing_date="2017-10-13", legal_status="专利权终止", publication_number="CN107652783B",
          publication_date="2019-11-26", ipc=["C04B28/00"]),
        R(12, 680, cells={"申请号/专利号": "zl"},
          application_number=app("201980052174"), applicants=["PPG Industries Ohio, Inc."],
          filing_date="2019-07-31", legal_status="驳回等复审请求", ipc=["B05D7/14"]),
        R(13, 683, cells={"申请号/专利号": "spaced", "申请日": "compact"},
          application_number=app("202110539812"), applicants=["中化泉州石化有限公司"],
          filing_date="2021-05-18", legal_status="授权等登记费", ipc=["C07C45/00"]),
        R(14, 695, cells={"授权公告日": "dot_date"},
          application_number=app("201880061543"), applicants=["BASF SE"],
          filing_date="2018-09-20", legal_status="专利权维持", publication_number="CN111132744B",
          publication_date="2023-06-02", ipc=["C07C45/38"]),
    ]
    # 许可合同备案 list (GB18030 CSV): 3 preamble lines, header line 4; multi-line party cells; blank line 10.
    F["license_filing_register"] = [
        R(5, 656, cells={"专利号": "zl"}, application_number=app("201880037419"), filing_date="2018-05-22",
          licenses=[L(["BAUER Spezialtiefbau GmbH"], ["中建八局第三建设有限公司"], "独占许可")]),
        R(6, 663, cells={"申请日": "cn_date0"}, application_number=app("202010614328"), filing_date="2020-06-30",
          licenses=[L(["长安大学", "陕西交通控股集团有限公司"], ["陕西路桥集团有限公司"], "普通许可")]),
        R(8, 653, cells={"专利号": "zl_old"}, application_number=app("02113579"), filing_date="2002-04-16",
          licenses=[L(["同济大学"], ["上海城建市政工程（集团）有限公司"], "排他许可")]),
        R(9, 678, cells={"专利号": "fullwidth_zl", "申请日": "slash_date"}, application_number=app("202120918463"),
          filing_date="2021-04-29",
          licenses=[L(["中国建筑第五工程局有限公司"], ["湖南建工集团有限公司"], "普通许可")]),
        R(11, 690, cells={"专利号": "zl_spaced"}, application_number=app("201920476185"), filing_date="2019-04-09",
          licenses=[L(["中铁建工集团有限公司"], ["Sika Technology AG", "Doka GmbH"], "普通许可")]),
        R(12, 691, application_number=app("201811093547"), filing_date="2018-09-19",
          licenses=[L(["Saint-Gobain Placo, S.A.S."], ["圣戈班石膏建材（上海）有限公司", "北新集团建材股份有限公司"], "独占许可")]),
        R(14, 692, cells={"申请日": "compact"}, application_number=app("201910327846"), filing_date="2019-04-24",
          licenses=[L(["北新集团建材股份有限公司"], ["泰山石膏有限公司"], "排他许可")]),
    ]
    # 转化运用 statistics (.xls): data sheet second; 3 preamble rows, header row 4; 小计 rows 8 and 12, 合计 13.
    F["province_conversion_stats"] = [
        R(5, 669, application_number=app("201911062375"), current_owners=["中电科技（南京）电子信息发展有限公司"],
          publication_date="2021-09-14", transfers=[], licenses=[]),
        R(6, 681, cells={"授权公告日": "cn_date"}, application_number=app("202010473192"),
          current_owners=["中电科技（南京）电子信息发展有限公司"], publication_date="2022-05-27",
          transfers=[], licenses=[L(["中电科技（南京）电子信息发展有限公司"], ["Samsung Electronics Co., Ltd."], "普通许可")]),
        R(7, 689, cells={"专利号": "thirteen"}, application_number=app("201810926418"),
          current_owners=["中电科技（南京）电子信息发展有限公司", "东南大学"], publication_date="2020-12-08",
          transfers=[T(["中电科技（南京）电子信息发展有限公司", "东南大学"], ["南京云帆数据服务有限公司"])], licenses=[]),
        R(9, 412, cells={"专利号": "bare"}, application_number=app("201910548231"),
          current_owners=["中国电子科技集团公司第二十八研究所"], publication_date="2021-03-02",
          transfers=[], licenses=[L(["中国电子科技集团公司第二十八研究所"], ["江苏中科院智能科学技术应用研究院"], "独占许可")]),
        R(10, 655, cells={"授权公告日": "iso"}, application_number=app("201780091254"),
          current_owners=["中国电子科技集团公司第二十八研究所"], publication_date="2020-10-16",
          transfers=[], licenses=[L(["中国电子科技集团公司第二十八研究所"], ["南京莱斯信息技术股份有限公司"], "排他许可")]),
        R(11, 679, cells={"专利号": "zl"}, application_number=app("202110286534"),
          current_owners=["中国电子科技集团公司第二十八研究所"], publication_date="2022-08-19",
          transfers=[T(["中国电子科技集团公司第二十八研究所"], ["南京智窗科技有限公司"])], licenses=[]),
    ]
    # incoPat 同族合并 (XLSX): data sheet third; 4 preamble rows, header row 5, records 6-12.
    F["incopat_family"] = [
        R(6, 659, publication_number="CN110734753A", application_number=app("201911028374"),
          filing_date="2019-10-28", publication_date="2020-01-31", applicants=["TCL华星光电技术有限公司"],
          inventors=["李冬泽", "邱启明"], ipc=["C09K11/02", "C09K11/88"], priority=[], family=[], cited_by_count=4),
        R(7, 415, cells={"申请号": "thirteen"}, publication_number="CN111826149A", application_number=app("202010598736"),
          filing_date="2020-06-29", publication_date="2020-10-27", applicants=["SAMSUNG DISPLAY CO., LTD.", "SAMSUNG SDI CO., LTD."],
          inventors=["KIM, Sung Woo", "PARK, Ji Hye", "LEE, Chang Ho"], ipc=["G03B21/20", "H01S5/024"],
          priority=[{"number": "KR1020190078215", "date": "2019-06-28"}, {"number": "KR1020200041986", "date": "2020-04-07"}],
          family=["US20200407624A1", "KR1020210002318A", "EP3757188A1"], cited_by_count=9),
        R(8, 686, cells={"公开（公告）号": "space_kind", "申请日": "dot_date"}, publication_number="CN108863137B",
          application_number=app("201810617245"), filing_date="2018-06-14", publication_date="2021-04-23",
          applicants=["芜湖长信科技股份有限公司"], inventors=["高前", "张伟华"], ipc=["C03C17/00"], priority=[],
          family=[], cited_by_count=0),
        R(9, 661, publication_number="CN112174667A", application_number=app("201980038465"),
          filing_date="2019-05-09", publication_date="2021-01-05", applicants=["Murata Manufacturing Co., Ltd."],
          inventors=["YAMAMOTO, Takashi", "ITO, Keiko"], ipc=["C04B35/491", "H10N30/853"],
          priority=[{"number": "JP2018093126", "date": "2018-05-14"}],
          family=["WO2019220983A1", "JP2019200742A", "US20210066587A1"], cited_by_count=2),
        R(10, 667, publication_number="CN111171482A", application_number=app("202010053164"),
          filing_date="2020-01-17", publication_date="2020-05-19", applicants=["中国科学院宁波材料技术与工程研究所"],
          inventors=["黄晓伟", "江南", "林正得"], ipc=["H05K9/00", "C08J9/00"], priority=[], family=[], cited_by_count=15),
        R(11, 401, cells={"申请日": "cn_date"}, publication_number="CN113403517B", application_number=app("202110598174"),
          filing_date="2021-05-31", publication_date="2022-08-12", applicants=["Magnesium Elektron, Ltd.", "重庆大学"],
          inventors=["WILKS, Timothy", "潘复生", "蒋斌"], ipc=["C22C14/00", "C22F1/18"],
          priority=[{"number": "US62812345", "date": "2019-03-01"}, {"number": "JP2019047215", "date": "2019-03-13"}],
          family=["WO2020180462A1", "US20220098715A1"], cited_by_count=3),
        R(12, 666, publication_number="CN109811164B", application_number=app("201910186437"),
          filing_date="2019-03-13", publication_date="2020-07-31", applicants=["中南大学"],
          inventors=["刘咏", "曹远奎"], ipc=["C22C21/00", "C22C1/05", "B22F3/15"], priority=[], family=[], cited_by_count=6),
    ]
    # 知识产权管理系统 ledger (UTF-16 TSV): 3 preamble lines, header line 4; record 3's 备注 spans lines 7-8.
    F["ipms_ledger"] = [
        R(5, 650, application_number=app("201911346285"), filing_date="2019-12-24", publication_number="CN110983547B",
          publication_date="2021-06-22", current_owners=["恒力石化（大连）有限公司"], inventors=["范红卫", "李峰"],
          legal_status="有效"),
        R(6, 654, cells={"申请号": "cn_nocheck", "申请日": "slash_date"}, application_number=app("202010735182"),
          filing_date="2020-07-28", current_owners=["江苏恒力化纤股份有限公司"], inventors=["王山水", "刘冬梅", "陈锋"],
          legal_status="审中"),
        R(7, 668, cells={"申请日": "cn_date0"}, application_number=app("201810254673"), filing_date="2018-03-26",
          publication_number="CN108457097B", publication_date="2020-11-03",
          current_owners=["江苏恒力化纤股份有限公司", "苏州大学"], inventors=["龙家杰", "朱亚伟"], legal_status="有效-年费待缴"),
        R(9, 670, application_number=app("201710483912"), filing_date="2017-06-23", publication_number="CN107299436B",
          publication_date="2019-09-10", current_owners=["恒力石化（大连）有限公司"], inventors=["张鹏飞"],
          legal_status="失效"),
        R(10, 676, cells={"申请号": "zl_thirteen", "授权公告号": "space_kind"}, application_number=app("201910563827"),
          filing_date="2019-06-26", publication_number="CN110258112B", publication_date="2022-02-18",
          current_owners=["江苏德力化纤有限公司"], inventors=["丁建中", "顾文", "谢兰"], legal_status="有效"),
        R(11, 662, cells={"授权公告日": "compact"}, application_number=app("202020741356"), filing_date="2020-05-08",
          publication_number="CN212103476U", publication_date="2020-12-11",
          current_owners=["恒力（苏州）智能家电有限公司"], inventors=["周俊"], legal_status="有效"),
        R(12, 438, application_number=app("201811512634"), filing_date="2018-12-12",
          current_owners=["恒力（苏州）智能家电有限公司", "Daikin Industries, Ltd."], inventors=["OKADA, Hiroshi", "赵伟"],
          legal_status="审中"),
    ]
    # 大学专利资产清单 (HTML .xls): 2 preamble <tr>s, header <tr> 3; an empty <tr> 7; 合计 <tr> 11.
    F["university_asset_list"] = [
        R(4, 658, application_number=app("201810375246"), filing_date="2018-04-25", publication_date="2020-06-16",
          inventors=["何振华", "孙立新", "魏晓雪"], current_owners=["西南石油大学"], legal_status="有权",
          transfers=[], licenses=[]),
        R(5, 664, cells={"专利号": "zl", "申请日": "cn_date"}, application_number=app("201710826453"), filing_date="2017-09-14",
          publication_date="2019-12-03", inventors=["郭建春", "陈红军"], current_owners=["西南石油大学"], legal_status="有权",
          transfers=[T(["西南石油大学"], ["四川页岩智控科技有限公司"])], licenses=[]),
        R(6, 672, cells={"申请日": "slash_date"}, application_number=app("201910674382"), filing_date="2019-07-25",
          publication_date="2021-08-31", inventors=["赵金洲", "任岚"], current_owners=["西南石油大学", "中国石油天然气股份有限公司"],
          legal_status="有权", transfers=[], licenses=[L(["西南石油大学", "中国石油天然气股份有限公司"], ["Schlumberger Technology B.V."], "普通许可")]),
        R(8, 410, cells={"专利号": "fullwidth_bare"}, application_number=app("202010923614"), filing_date="2020-09-04",
          publication_date="2022-01-25", inventors=["黄贞益", "李立"], current_owners=["西南石油大学"], legal_status="有权",
          transfers=[], licenses=[L(["西南石油大学"], ["攀钢集团研究院有限公司"], "普通许可")]),
        R(9, 677, application_number=app("201811407325"), filing_date="2018-11-23", publication_date="2020-09-01",
          inventors=["胡平", "邓文"], current_owners=["西南石油大学"], legal_status="无权-未缴年费",
          transfers=[], licenses=[]),
        R(10, 688, cells={"申请日": "compact"}, application_number=app("202110647518"), filing_date="2021-06-11",
          publication_date="2023-04-18", inventors=["陈静", "杨帆", "Müller, Stefan"], current_owners=["西南石油大学"],
          legal_status="有权", transfers=[T(["西南石油大学"], ["成都微化合成科技有限公司"])], licenses=[]),
    ]
    return F


FIELDS = {
    "cnipa_review_query": ["application_number", "title", "applicants", "filing_date", "legal_status",
                           "publication_number", "publication_date", "ipc"],
    "license_filing_register": ["application_number", "title", "filing_date", "licenses"],
    "province_conversion_stats": ["application_number", "title", "current_owners", "publication_date", "transfers",
                                  "licenses"],
    "incopat_family": ["publication_number", "title", "abstract", "application_number", "filing_date", "publication_date",
                       "applicants", "inventors", "ipc", "priority", "family", "cited_by_count"],
    "ipms_ledger": ["title", "application_number", "filing_date", "publication_number", "publication_date",
                    "current_owners", "inventors", "legal_status"],
    "university_asset_list": ["title", "application_number", "filing_date", "publication_date", "inventors",
                              "current_owners", "legal_status", "transfers", "licenses"],
}
FILES = {
    "cnipa_review_query": "cnipa_review_query.xlsx",
    "license_filing_register": "license_filing_register.csv",
    "province_conversion_stats": "province_conversion_stats.xls",
    "incopat_family": "incopat_family.xlsx",
    "ipms_ledger": "ipms_ledger.tsv",
    "university_asset_list": "university_asset_list.xls",
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


def cnipa_review(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    group = ["序号", "案件编号", "申请信息", "", "", "", "审查信息", "", "", "分类"]
    head = ["", "", "申请号/专利号", "发明创造名称", "申请人", "申请日", "案件状态", "授权公告号", "授权公告日", "主分类号"]
    rows: list[list[Any]] = []
    for i, r in enumerate(rs, 1):
        granted = "publication_number" in r
        rows.append([
            i, f"SQ{88410023 + 7 * i}", cell(r, "申请号/专利号", r["application_number"], "thirteen"), r["title"],
            "；".join(r["applicants"]), date_cell(r, "申请日", r["filing_date"]), r["legal_status"],
            cell(r, "授权公告号", r["publication_number"], "canonical") if granted else "",
            date_cell(r, "授权公告日", r["publication_date"], "yyyy/m/d") if granted else "",
            r["ipc"][0] if "ipc" in r else "",
        ])
        if i == 4:
            rows.append([])
    rows.append(["注：案件状态以国家知识产权局最新公布为准；未授权案件无授权公告号。"])
    cond = {"name": "查询条件", "header": [["查询项", "内容"]], "rows": [
        ["系统", "中国及多国专利审查信息查询（cpquery.cponline.cnipa.gov.cn）"],
        ["申请人", "中化学科学技术研究有限公司；中化蓝天集团有限公司；沈阳化工研究院有限公司；等"],
        ["申请日", "2017-01-01 至 2021-12-31"],
        ["查询时间", "2026年11月28日 16:05"],
    ]}
    preamble_rows = [
        ["中国及多国专利审查信息查询 查询结果"],
        ["查询条件：申请人包含“中化” 或 合作申请人为集团外企业；申请日 2017-01-01 至 2021-12-31"],
        ["导出时间：2026年11月28日 16:05    共7条"],
        [],
    ]
    data = {"name": "审查信息", "preamble_rows": preamble_rows, "header": [group, head], "rows": rows,
            "merged": ["A5:A6", "B5:B6", "C5:F5", "G5:I5"], "hidden_columns": ["B"]}
    return [cond, data]


FILING_REFS = {656: ("X2025990000318", "2025-10-09"), 663: ("X2025610000427", "2025-10-15"),
               653: ("X2025310000096", "2025-10-22"), 678: ("X2025430000175", "2025-11-03"),
               690: ("X2025110000533", "2025-11-12"), 691: ("X2025310000612", "2025-11-20"),
               692: ("X2025370000088", "2025-12-01")}


def license_filing(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["备案号", "专利号", "发明名称", "申请日", "让与人", "受让人", "许可种类", "备案日期", "合同有效期", "备注"]
    rows: list[list[Any]] = []
    for i, r in enumerate(rs, 1):
        x = r["licenses"][0]
        ref, day = FILING_REFS[r["kp"]]
        licensors = "\n".join(x["licensors"]) if r["kp"] == 663 else "；".join(x["licensors"])
        licensees = "\n".join(x["licensees"]) if r["kp"] == 691 else "；".join(x["licensees"])
        rows.append([
            ref, cell(r, "专利号", r["application_number"], "bare"), r["title"],
            cell(r, "申请日", r["filing_date"], "iso"), licensors, licensees, x["type"], day,
            f"{day[:4]}-{day[5:7]}-{day[8:]}至{int(day[:4]) + 5}-{day[5:7]}-{day[8:]}", "",
        ])
        if i == 4:
            rows.append([])
    rows.append(["注：本表依据《专利实施许可合同备案办法》公告，许可种类以备案证明为准。"])
    preamble = [
        "专利实施许可合同备案信息（2025年第四季度）",
        "发布单位：国家知识产权局知识产权运用促进司    统计范围：建筑材料与施工技术",
        "",
    ]
    return [{"name": "license_filing_register", "preamble": preamble, "header": [head], "rows": rows}]


STATS_UNITS = {669: "中电南京", 681: "中电南京", 689: "中电南京", 412: "二十八所", 655: "二十八所", 679: "二十八所"}
STATS_DEALS = {
    669: ("自行实施", "", ""), 681: ("普通许可", "Samsung Electronics Co., Ltd.", 45.0),
    689: ("转让", "南京云帆数据服务有限公司", 120.0), 412: ("独占许可", "江苏中科院智能科学技术应用研究院", 300.0),
    655: ("排他许可", "南京莱斯信息技术股份有限公司", 80.0), 679: ("作价入股", "南京智窗科技有限公司", 500.0),
}


def province_stats(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "所属企业", "专利号", "专利名称", "专利类型", "专利权人", "授权公告日", "转化方式", "交易对方",
            "合同金额（万元）", "登记日期"]
    rows: list[list[Any]] = []
    subtotal = 0.0
    for i, r in enumerate(rs, 1):
        way, party, amount = STATS_DEALS[r["kp"]]
        rows.append([
            i, STATS_UNITS[r["kp"]], cell(r, "专利号", r["application_number"], "canonical"), r["title"], "发明",
            "、".join(r["current_owners"]), date_cell(r, "授权公告日", r["publication_date"]), way, party, amount,
            xdate("2026-0" + str(3 + i) + "-15") if way != "自行实施" else "",
        ])
        subtotal += amount if isinstance(amount, float) else 0.0
        if i in (3, 6):
            rows.append(["", f"{STATS_UNITS[r['kp']]} 小计", "", "", "", "", "", "3项", "", subtotal, ""])
            subtotal = 0.0
    rows.append(["合计", "", "", "", "", "", "", "6项", "", 1045.0, ""])
    rows.append(["注：转化方式填写转让、许可（独占/排他/普通）、作价入股或自行实施；金额以合同约定为准。"])
    guide = {"name": "填表说明", "header": [["说明"]], "rows": [
        ["1. 本表统计2026年1月1日至10月31日期间发生的专利转化运用事项。"],
        ["2. 专利权人按转化发生前的登记填写。"],
    ]}
    summary = {"name": "汇总", "header": [["转化方式", "项数", "金额（万元）"]], "rows": [
        ["转让", 1, 120.0], ["许可", 3, 425.0], ["作价入股", 1, 500.0], ["自行实施", 1, 0.0],
    ]}
    preamble_rows = [
        ["附件2"],
        ["2026年度江苏省专利转化运用专项统计表（中央企业在苏所属单位）"],
        ["填报单位（盖章）：中国电子科技集团有限公司华东区域总部    填报日期：2026-11-20"],
    ]
    data = {"name": "转化运用明细", "preamble_rows": preamble_rows, "header": [head], "rows": rows}
    return [guide, data, summary]


def incopat_family(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "公开（公告）号", "标题", "摘要", "申请号", "申请日", "公开（公告）日", "申请人", "发明人", "IPC",
            "优先权信息", "简单同族", "同族数量", "被引证次数", "合并说明"]
    rows: list[list[Any]] = []
    for i, r in enumerate(rs, 1):
        prio = "; ".join(f"{PRIO_PRINT.get(p['number'], p['number'])} {p['date']}" for p in r["priority"])
        members = [r["publication_number"], *r["family"]]
        rows.append([
            i, cell(r, "公开（公告）号", r["publication_number"], "canonical"), r["title"], r["abstract"],
            cell(r, "申请号", r["application_number"], "canonical"), date_cell(r, "申请日", r["filing_date"]),
            xdate(r["publication_date"], "yyyy/m/d"), "; ".join(r["applicants"]), "; ".join(r["inventors"]),
            "; ".join(r["ipc"]), prio, "\n".join(members), len(members), r["cited_by_count"],
            "按简单同族合并，代表文献为中国公开文本" if len(members) > 1 else "",
        ])
    rows.append(["说明：被引证次数为同族被引证次数之和；同族按 incoPat 简单同族合并。"])
    stats = {"name": "检索统计", "header": [["申请人", "件数"]], "rows": [["中南大学", 1], ["SAMSUNG DISPLAY CO., LTD.", 1]]}
    info = {"name": "导出说明", "header": [["项目", "内容"]], "rows": [
        ["数据库", "incoPat 科技创新情报平台"],
        ["检索式", "(TI=(量子点 OR ITO OR 压电陶瓷 OR 电磁屏蔽 OR 镁合金 OR 铝基复合)) AND AD=[20180101 TO 20211231]"],
        ["合并方式", "简单同族合并"],
        ["导出时间", "2026-11-27 10:18:44"],
    ]}
    preamble_rows = [
        ["incoPat 专利导出（同族合并）"],
        ["检索式：(TI=(量子点 OR ITO OR 压电陶瓷 OR 电磁屏蔽 OR 镁合金 OR 铝基复合)) AND AD=[20180101 TO 20211231]"],
        ["合并前 19 件，合并后 7 个简单同族    导出时间：2026-11-27 10:18:44"],
        [],
    ]
    data = {"name": "专利列表（同族合并）", "preamble_rows": preamble_rows, "header": [head], "rows": rows}
    return [stats, info, data]


PRIO_PRINT = {"JP2019047215": "JP2019-047215", "US62812345": "US62/812,345", "JP2018093126": "JP2018-093126"}
IPMS_IDS = {650: "HL-P-0317", 654: "HL-P-0402", 668: "HL-P-0235", 670: "HL-P-0119", 676: "HL-P-0388",
            662: "HL-U-0051", 438: "HL-P-0296"}


def add_years(iso: str, years: int) -> str:
    return f"{int(iso[:4]) + years}{iso[4:]}"


def ipms(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["资产编号", "专利名称", "专利类型", "申请号", "申请日", "授权公告号", "授权公告日", "权利人", "发明人",
            "权利状态", "到期日", "下次缴费日", "应缴年费（元）", "代理机构", "管理员", "备注"]
    rows: list[list[Any]] = []
    for r in rs:
        utility = r["publication_number"].endswith("U") if "publication_number" in r else False
        note = "2026年评估为核心专利\n建议续缴至期满" if r["kp"] == 668 else ""
        granted = "publication_number" in r
        rows.append([
            IPMS_IDS[r["kp"]], r["title"], "实用新型" if utility else "发明", cell(r, "申请号", r["application_number"], "canonical"),
            cell(r, "申请日", r["filing_date"], "iso"),
            cell(r, "授权公告号", r["publication_number"], "canonical") if granted else "",
            cell(r, "授权公告日", r["publication_date"], "iso") if granted else "",
            "；".join(r["current_owners"]), "，".join(r["inventors"]), r["legal_status"],
            add_years(r["filing_date"], 10 if utility else 20), "2027-" + r["filing_date"][5:] if granted else "",
            ("900" if utility else "2000") if granted else "", "北京集佳知识产权代理有限公司", "张敏", note,
        ])
    rows.append(["共 7 条记录"])
    preamble = [
        "汇桔云·企业知识产权管理系统 专利台账导出",
        "导出人：张敏    导出时间：2026/11/26 09:12",
        "筛选条件：权利状态=全部；专利类型=全部；所属公司=恒力集团及下属企业",
    ]
    return [{"name": "ipms_ledger", "preamble": preamble, "header": [head], "rows": rows}]


UNI_STAFF = {"何振华": "（10234）", "孙立新": "（10871）", "魏晓雪": "（校外）", "郭建春": "(20019)", "陈红军": "(20133)",
             "赵金洲": "（10002）", "任岚": "（11560）", "黄贞益": "（T03217）", "李立": "（校外）", "胡平": "（10458）",
             "邓文": "（12093）", "陈静": "(13377)", "杨帆": "(13402)", "Müller, Stefan": "（校外）"}
UNI_DEALS = {664: "已转让：受让人四川页岩智控科技有限公司（2024-05-10）", 688: "已转让：受让人成都微化合成科技有限公司（2025-03-28）"}
UNI_SCHOOLS = {658: "地球科学与技术学院", 664: "石油与天然气工程学院", 672: "石油与天然气工程学院", 410: "新能源与材料学院",
               677: "新能源与材料学院", 688: "化学化工学院"}


def university(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "学院", "专利名称", "专利号", "专利类型", "申请日", "授权公告日", "发明人（工号）", "专利权人",
            "法律状态", "转化情况", "账面价值（元）"]
    rows: list[list[Any]] = []
    for i, r in enumerate(rs, 1):
        deal = UNI_DEALS.get(r["kp"], "")
        for x in r["licenses"]:
            deal = f"{x['type']}：被许可人{'、'.join(x['licensees'])}"
        rows.append([
            i, UNI_SCHOOLS[r["kp"]], r["title"], cell(r, "专利号", r["application_number"], "bare"), "发明专利",
            cell(r, "申请日", r["filing_date"], "iso"), r["publication_date"],
            "、".join(f"{n}{UNI_STAFF[n]}" for n in r["inventors"]), "、".join(r["current_owners"]),
            r["legal_status"], deal or "未转化", f"{8000 + 1500 * i:.2f}",
        ])
        if i == 3:
            rows.append([])
    rows.append(["合计", "", "6项", "", "", "", "", "", "", "", "已转化4项", "63500.00"])
    preamble = [
        "西南石油大学 专利资产清单（无形资产—专利权）",
        "资产管理处 导出日期：2026年11月25日    资产类别：专利权",
    ]
    return [{"name": "专利资产清单", "preamble": preamble, "header": [head], "rows": rows}]


RENDER = {
    "cnipa_review_query": cnipa_review,
    "license_filing_register": license_filing,
    "province_conversion_stats": province_stats,
    "incopat_family": incopat_family,
    "ipms_ledger": ipms,
    "university_asset_list": university,
}
OUTPUT: dict[str, dict[str, Any]] = {
    "cnipa_review_query": {"type": "xlsx", "data_sheet": "审查信息"},
    "license_filing_register": {"type": "csv", "encoding": "gb18030", "bom": False, "delimiter": ","},
    "province_conversion_stats": {"type": "xls", "data_sheet": "转化运用明细"},
    "incopat_family": {"type": "xlsx", "data_sheet": "专利列表（同族合并）"},
    "ipms_ledger": {"type": "csv", "encoding": "utf-16-le", "bom": True, "delimiter": "\t"},
    "university_asset_list": {"type": "html_xls", "encoding": "utf-8"},
}



def main() -> None:
    write_set(ExportSet(
        name="exports_depth5", about=ABOUT, split=SPLIT, conventions=CONVENTIONS, records=records,
        render=RENDER, output=OUTPUT, files=FILES, fields=FIELDS,
        fresh_checked=True,
    ))


if __name__ == "__main__":
    main()
