"""How the fourth blind export set was authored: 46 records written by hand as canonical values
(the gold) and how each exporter prints them (the export sources). Dev only; needs the
KPPatent-ZH data and the IPC 2026.01 table in /work/shared/data.

    python3 scripts/author_exports_depth4.py && python3 scripts/make_export_set.py exports_depth4

Writes tests/gold/exports_depth4/source/*.json and tests/gold/exports_depth4.json. Every record
carries the row it was placed on by hand; make_export_set.py checks that the written file puts
it there. The set was written blind: without reading the extractor, the bench or any test.
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
    wipo_date,
    write_set,
    xdate,
)

ABOUT = (
    "Expected normalised records of tests/gold/exports_depth4, the fourth blind set of analyst exports (all held out, "
    "a final measurement nobody tunes on): seven fictional exports in the layouts of 万方数据 (CSV, UTF-8 with BOM), "
    "Patentics (a real Excel 97-2003 .xls), WIPO PATENTSCOPE (CSV, day-first dd.mm.yyyy dates, kind code in its own "
    "column), incoPat's English UI (XLSX, data sheet second, two merged header rows, a hidden column, operation columns), "
    "a municipal 技术合同登记 list of 专利实施许可 contracts (GB18030, tab-separated, quoted multi-line cells), an "
    "annual-fee (年费) payment list saved by a patent database as an HTML table named .xls, and a central SOE's "
    "高价值专利分级台账 (XLSX, data sheet third, 所属单位/专利分级/维持决策, an operations text column). Titles and "
    "abstracts are real Chinese patent text from /work/shared/data/kppatent-zh (none used by the earlier export sets); "
    "IPC codes exist in the IPC 2026.01 table; numbers, parties, people and dates are fictional. Per file: the data "
    "sheet, its header rows and preamble lines, and per record the 1-based row (sheet row for XLSX/XLS, the <tr> index "
    "for the HTML .xls, the physical line where the record starts for CSV/TSV) and the fields that file exports, in "
    "canonical form. Field rules: tests/gold/README.md (Export gold format, and the conventions of the second and third "
    "blind export sets); choices where they are silent: _conventions."
)

CONVENTIONS = {
    "inherited": "Every convention of exports_depth2.json and exports_depth3.json applies (empty cells, number forms, combined and two-column priorities, foreign priority numbers, non-record rows, multi-line cells, lists, legal status as exported, counts, operations, names as exported, main IPC first). The entries below are the choices this set needed beyond them.",
    "empty_cells": "An empty list cell is [] (no priority, no family, no operation); an empty scalar cell leaves the field out of that record.",
    "application_number": "Canonical CN + digits + '.' + check digit from every form met here: with CN, 13 digits without dot or CN, without CN, spaced (2020 1 0567341.2), ZL / ZL with spaces, full-width (with and without ＺＬ), PATENTSCOPE's bare 12 digits without check digit (computed and added); the old 8-digit numbers (万方 CN00112358.0, the SOE ledger's ZL01108642.4) keep their old form with their check digit.",
    "publication_number": "Kind code joined whatever separates it; PATENTSCOPE's Publication Number (digits only, no CN) + its Kind column -> CN + digits + kind (the file is a CN-only result list, its Country column says CN). The annual-fee list and the SOE ledger's 授权公告号 are publication_number and 授权公告日 publication_date.",
    "dates": "ISO from every form met here: xlsx and xls date cells, 2019-07-26, 2020/3/6, 2019.06.05, 2021.12.07, 20210412, 2018年10月17日, 2018年6月4日, 2021年04月12日, and PATENTSCOPE's day-first dd.mm.yyyy (04.06.2019 is 4 June 2019; the whole file is day-first).",
    "priority_patentscope": "PATENTSCOPE's Priorities Data cell lists claims as '<number> <dd.mm.yyyy> <country>' joined by ';': the country code is prefixed to the number and separators are dropped (2018-112345 12.06.2018 JP -> JP2018112345; 62/598,312 -> US62598312; 10-2019-0170341 -> KR1020190170341; 1854821 ... FR -> FR1854821).",
    "priority_other": "万方's 优先权 is a combined cell ('number date', claims joined by ';' or on separate lines); Patentics' 优先权号 / 优先权日 are two ';' lists paired by position; incoPat English's Priority cell is combined ('number date', claims joined by ' | ').",
    "ipc": "Where a file has a main-code column and an all-codes column (万方 主分类号/分类号, Patentics IPC主分类/IPC, incoPat IPC Main/IPC) the all-codes cell gives the list, which begins with the main code. PATENTSCOPE's IPC cell is ';'-separated with the main code first. The SOE ledger has IPC主分类号 alone -> a one-item ipc.",
    "patentscope_columns": "Application Id (WIPO's internal id) and Country are not fields; Applicants -> applicants, Inventors -> inventors; names exactly as exported (English, upper case).",
    "incopat_en_columns": "incoPat English UI: Applicant -> applicants, Current Assignee -> current_owners, Times Cited -> cited_by_count, Simple Family -> family, Legal Status (Granted, Under Examination, Withdrawn, Rejected) as exported. Assignor / Assignee columns give transfers [{from: Assignor, to: Assignee}] (names joined by ' | '); the Pledge and License text cells ('Pledgor: …; Pledgee: …; Registration Date: …', 'Licensor: …; Licensee: …; Type: Exclusive License; …') give pledges and licenses with the type as exported. Every record carries transfers, pledges and licenses ([] where the cell is empty). The hidden column C (Record ID) and the No. column are not fields.",
    "patentics_columns": "Patentics: 公开号, 标题, 申请号, 申请日, 公开日, 申请人, 发明人, IPC, 优先权号/优先权日, 同族专利 -> family, 被引用次数 -> cited_by_count, 当前权利人 -> current_owners, 法律状态 as exported. 序号 and 相关度 are not fields.",
    "tech_contract_register": "The 技术合同登记 list gives per row one licence contract on one patent: 专利号 application_number, 专利名称 title, and one license {licensors: 许可方（卖方）, licensees: 被许可方（买方）, type: 许可方式 as exported (独占实施许可, 排他实施许可, 普通实施许可)}; several parties on separate lines inside the quoted cell. 登记编号, 合同名称, 成交金额, 技术交易额 and 登记日期 are not annotated.",
    "annual_fee_list": "The 年费 list saved as an HTML .xls: a record's row is the 1-based index of its <tr> in the file's one table (the preamble rows are <tr>s with one colspan cell, as the database writes them; that is the row Excel shows). 专利号 application_number, 专利名称 title, 专利权人 current_owners (co-owners joined by ；), 申请日 filing_date, 授权公告号/授权公告日 publication. 专利类型, 缴费年度, 应缴年费, 滞纳金, 缴费截止日 and 缴费状态 are not fields.",
    "soe_grading_ledger": "The SOE's 高价值专利分级台账: 专利号 application_number, 专利名称 title, 申请日 filing_date, 授权公告号/日 publication, 专利权人 current_owners, 发明人 inventors (joined by 、), IPC主分类号 ipc (one item). 所属单位, 专利分级, 价值评分, 维持决策, 内部编号 (hidden column B) are not fields. The 运营情况 cell ('转让：转让人X→受让人Y（2023-05-10）', '质押：出质人X，质权人Y', '许可（普通许可）：许可人X，被许可人Y', '无') gives transfers / pledges / licenses (license type as exported inside the brackets); every record carries all three, those not given [].",
    "non_record_rows": "合计 rows, 注： / Note: / 数据来源： footer lines and empty rows (an empty <tr> in the HTML .xls) are not records; records after an empty row keep their real rows.",
}

SPLIT = {
    "wanfang_patents.csv": "test",
    "patentics.xls": "test",
    "patentscope.csv": "test",
    "incopat_en.xlsx": "test",
    "tech_contract_licenses.tsv": "test",
    "annual_fee_list.xls": "test",
    "soe_grading_ledger.xlsx": "test",
}


def R(row: int, kp: int, cells: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    return record(row, kp, fields, cells=cells or {})


# ---------------------------------------------------------------- the records, by hand
def records() -> dict[str, list[dict[str, Any]]]:
    F: dict[str, list[dict[str, Any]]] = {}
    # 万方: 4 preamble lines, header on line 5; record 3's priority cell holds two lines.
    F["wanfang_patents"] = [
        R(6, 302, application_number=app("201910683452"), filing_date="2019-07-26",
          publication_number="CN110369215A", publication_date="2019-10-25",
          applicants=["南京农业大学"], inventors=["顾晓峰", "严玉平", "蒋林"],
          ipc=["C02F1/28", "A01G24/10", "C02F101/10"], priority=[]),
        R(7, 322, cells={"申请/专利号": "thirteen", "申请日期": "slash_date"},
          application_number=app("202010156473"), filing_date="2020-03-06",
          publication_number="CN111253841A", publication_date="2020-06-09",
          applicants=["浙江荣晟环保纸业股份有限公司"], inventors=["冯晓东", "陆志宏"],
          ipc=["D21H19/14", "D21H19/20", "D21H19/24"], priority=[]),
        R(8, 325, cells={"优先权": "lines"},
          application_number=app("201910398561"), filing_date="2019-05-14",
          publication_number="CN110157175A", publication_date="2019-08-23",
          applicants=["金发科技股份有限公司", "珠海万通化工有限公司"], inventors=["焦建", "曾祥斌", "蔡彤旻"],
          ipc=["C08L67/02", "C08J5/18", "C08K3/26"],
          priority=[{"number": app("201810456123"), "date": "2018-05-17"}, {"number": app("201811023457"), "date": "2018-09-04"}]),
        R(10, 332, cells={"申请/专利号": "canonical", "公开/公告号": "space_kind"},
          application_number=app("00112358"), filing_date="2000-08-29",
          publication_number="CN1286275A", publication_date="2001-03-07",
          applicants=["中国石油化工集团公司", "中国石油化工股份有限公司北京化工研究院"], inventors=["龙军", "田辉平"],
          ipc=["B01J20/18", "C10G25/05"], priority=[]),
        R(11, 342, cells={"申请/专利号": "fullwidth_bare", "申请日期": "cn_date0"},
          application_number=app("202110412683"), filing_date="2021-04-12",
          publication_number="CN113151791A", publication_date="2021-07-23",
          applicants=["有研亿金新材料有限公司"], inventors=["何金江", "罗俊锋", "万小勇"],
          ipc=["C22B59/00", "B22D7/00", "C22F1/16"], priority=[]),
        R(12, 360, cells={"优先权": "JP2018-204517 2018.10.31"},
          application_number=app("201911043876"), filing_date="2019-10-30",
          publication_number="CN111118898A", publication_date="2020-05-08",
          applicants=["东丽株式会社"], inventors=["铃木宏明", "高桥直树"],
          ipc=["D06M15/27", "D06M13/46", "D06M101/32"],
          priority=[{"number": "JP2018204517", "date": "2018-10-31"}]),
        R(13, 375, application_number=app("201810739126"), filing_date="2018-07-06",
          publication_number="CN108867138B", publication_date="2020-11-17",
          applicants=["湖南华升股份有限公司"], inventors=["彭源德", "刘正初"],
          ipc=["D21C9/16", "D21C9/10"], priority=[], legal_status="有权"),
    ]
    # Patentics .xls: data sheet 专利数据 second; 3 preamble rows (title, 检索式, blank), header row 4.
    F["patentics"] = [
        R(5, 305, cells={"申请号": "thirteen"},
          publication_number="CN110072157A", application_number=app("201910345612"),
          filing_date="2019-04-26", publication_date="2019-07-30",
          applicants=["北京小米移动软件有限公司"], inventors=["王兴龙", "陈强"],
          ipc=["H04W12/06", "H04W48/16", "H04W84/12"], priority=[], family=[], cited_by_count=3,
          current_owners=["北京小米移动软件有限公司"], legal_status="有效"),
        R(6, 310, publication_number="CN112379876A", application_number=app("202011294735"),
          filing_date="2020-11-18", publication_date="2021-02-19",
          applicants=["华为技术有限公司"], inventors=["陈晓晓", "韩翔", "王红军"],
          ipc=["G06F8/38", "G06F3/0481", "G06F3/0488"],
          priority=[{"number": app("201911138224"), "date": "2019-11-20"}],
          family=["WO2021098865A1", "EP4053245A1"], cited_by_count=12,
          current_owners=["华为技术有限公司"], legal_status="审中"),
        R(7, 320, cells={"申请日": "dot_date", "公开号": "space_kind"},
          publication_number="CN110313177B", application_number=app("201980004126"),
          filing_date="2019-06-05", publication_date="2021-10-15",
          applicants=["深圳市大疆创新科技有限公司"], inventors=["刘利剑", "苏冠华"],
          ipc=["H04N23/695", "G03B17/56", "F16M11/10"],
          priority=[], family=["WO2020243943A1", "US20220086352A1"], cited_by_count=7,
          current_owners=["深圳市大疆创新科技有限公司"], legal_status="有效"),
        R(8, 340, publication_number="CN109614267A", application_number=app("201811487253"),
          filing_date="2018-12-06", publication_date="2019-04-12",
          applicants=["深圳创维-RGB电子有限公司"], inventors=["李振华"],
          ipc=["G06F11/07", "H04N21/443"], priority=[], family=[], cited_by_count=0,
          current_owners=["深圳创维-RGB电子有限公司"], legal_status="失效"),
        R(9, 359, publication_number="CN113056010A", application_number=app("202110218764"),
          filing_date="2021-02-26", publication_date="2021-06-29",
          applicants=["OPPO广东移动通信有限公司"], inventors=["杨宁", "唐海"],
          ipc=["H04W76/15", "H04W76/30"],
          priority=[{"number": "US63002117", "date": "2020-03-30"}, {"number": "US63041286", "date": "2020-06-19"}],
          family=["WO2021196952A1"], cited_by_count=1,
          current_owners=["OPPO广东移动通信有限公司"], legal_status="审中"),
        R(10, 381, cells={"申请号": "cn_nocheck"},
          publication_number="CN107291976A", application_number=app("201710562398"),
          filing_date="2017-07-11", publication_date="2017-10-24",
          applicants=["歌尔科技有限公司"], inventors=["张超", "姜滨"],
          ipc=["G06T19/00", "G06F3/01"], priority=[], family=[], cited_by_count=5,
          current_owners=["歌尔光学科技有限公司"], legal_status="有效"),
    ]
    # PATENTSCOPE: no preamble, header line 1; record 4's applicants on two lines.
    F["patentscope"] = [
        R(2, 303, publication_number="CN112236472A", application_number=app("201980037712"),
          filing_date="2019-06-04", publication_date="2021-01-15",
          applicants=["COMPAGNIE GENERALE DES ETABLISSEMENTS MICHELIN"], inventors=["LABRUNIE, Nicolas", "PIERRE, Anne-Lise"],
          ipc=["C08L9/00", "C08K5/47", "B60C1/00"],
          priority=[{"number": "FR1854821", "date": "2018-06-04"}]),
        R(3, 306, publication_number="CN111836512A", application_number=app("201880090234"),
          filing_date="2018-12-11", publication_date="2020-10-27",
          applicants=["SOLENIS TECHNOLOGIES CAYMAN, L.P."], inventors=["FRIEDRICH, Michael", "ROSS, Ellen"],
          ipc=["C02F1/28", "C02F1/44", "C02F101/32"],
          priority=[{"number": "US62598312", "date": "2017-12-13"}]),
        R(4, 335, publication_number="CN112313759A", application_number=app("201980041156"),
          filing_date="2019-06-10", publication_date="2021-02-02",
          applicants=["MENICON CO., LTD."], inventors=["OKUMURA, Takeshi"],
          ipc=["G02C7/04", "C08F220/20", "B29D11/00"],
          priority=[{"number": "JP2018112345", "date": "2018-06-12"}]),
        R(5, 352, publication_number="CN111263814A", application_number=app("201880068473"),
          filing_date="2018-10-09", publication_date="2020-06-09",
          applicants=["SABIC GLOBAL TECHNOLOGIES B.V.", "SAUDI ARABIAN OIL COMPANY"], inventors=["AL-HAJRI, Faisal", "VAN DER BERG, Joost"],
          ipc=["F28D7/16", "B01J8/06", "F28F1/40"],
          priority=[{"number": "US62570126", "date": "2017-10-10"}]),
        R(7, 361, publication_number="CN113004801A", application_number=app("202011503269"),
          filing_date="2020-12-18", publication_date="2021-06-22",
          applicants=["SAMSUNG ELECTRONICS CO., LTD."], inventors=["KIM, Min-Jae", "PARK, So-Yeon"],
          ipc=["C11D7/32", "C11D11/00", "B08B3/08"],
          priority=[{"number": "KR1020190170341", "date": "2019-12-19"}]),
        R(8, 367, publication_number="CN112011048B", application_number=app("202010466358"),
          filing_date="2020-05-28", publication_date="2023-07-11",
          applicants=["SHIN-ETSU CHEMICAL CO., LTD."], inventors=["MATSUDA, Kenji", "IWAI, Hiroaki"],
          ipc=["C08L83/07", "C08K5/5419", "G03F7/075"],
          priority=[{"number": "JP2019101873", "date": "2019-05-31"}, {"number": "JP2019203412", "date": "2019-11-08"}]),
        R(9, 379, publication_number="CN112106218A", application_number=app("201980031167"),
          filing_date="2019-05-03", publication_date="2020-12-18",
          applicants=["OXFORD UNIVERSITY INNOVATION LIMITED"], inventors=["SNAITH, Henry James"],
          ipc=["H10K30/50", "H10K71/12"],
          priority=[{"number": "GB1807314", "date": "2018-05-04"}]),
    ]
    # incoPat English UI: data sheet 'Patent List' second; 3 preamble rows + blank, header rows 5-6.
    F["incopat_en"] = [
        R(7, 309, publication_number="CN112064363B", application_number=app("202010976134"),
          filing_date="2020-09-16", publication_date="2023-02-28",
          applicants=["无锡小天鹅电器有限公司"], current_owners=["无锡小天鹅电器有限公司"], inventors=["刘春苗", "朱彪"],
          ipc=["D06F33/32", "D06F34/18", "D06F58/38"], priority=[], cited_by_count=4, family=[],
          legal_status="Granted", transfers=[], pledges=[], licenses=[]),
        R(8, 311, cells={"Application No.": "spaced"},
          publication_number="CN112941835A", application_number=app("201911287365"),
          filing_date="2019-12-13", publication_date="2021-06-11",
          applicants=["青岛海尔洗衣机有限公司", "海尔智家股份有限公司"], current_owners=["青岛海尔洗衣机有限公司", "海尔智家股份有限公司"],
          inventors=["吕佩师", "许升", "赵志强"], ipc=["D06F34/18", "D06F33/32", "G06V20/10"],
          priority=[], cited_by_count=2, family=["WO2021115435A1"], legal_status="Under Examination",
          transfers=[], pledges=[], licenses=[L(["青岛海尔洗衣机有限公司"], ["日日顺供应链科技股份有限公司"], "Non-exclusive License")]),
        R(9, 315, publication_number="CN109812876B", application_number=app("201910105487"),
          filing_date="2019-02-02", publication_date="2021-11-30",
          applicants=["广东美的制冷设备有限公司", "美的集团股份有限公司"], current_owners=["广东美的制冷设备有限公司"],
          inventors=["黄宁杰", "蔡序杰"], ipc=["F24F1/0047", "F24F13/20"], priority=[], cited_by_count=0, family=[],
          legal_status="Granted",
          transfers=[T(["广东美的制冷设备有限公司", "美的集团股份有限公司"], ["广东美的制冷设备有限公司"])], pledges=[], licenses=[]),
        R(10, 373, publication_number="CN110736243A", application_number=app("201911023618"),
          filing_date="2019-10-25", publication_date="2020-01-31",
          applicants=["珠海格力电器股份有限公司"], current_owners=["珠海格力电器股份有限公司"],
          inventors=["宋德超", "陈翀", "罗晓宇"], ipc=["F24F11/64", "F24F11/58", "G06N20/00"],
          priority=[], cited_by_count=9, family=[], legal_status="Withdrawn",
          transfers=[], pledges=[], licenses=[]),
        R(11, 313, cells={"Priority": "JP2019-058217 2019-03-26 | JP2019-163044 2019-09-06"},
          publication_number="CN111750034A", application_number=app("202010198456"),
          filing_date="2020-03-19", publication_date="2020-10-09",
          applicants=["株式会社斯巴鲁"], current_owners=["株式会社斯巴鲁"], inventors=["山本拓也", "小林亮"],
          ipc=["F16C1/10", "F16J15/52", "B60K20/02"],
          priority=[{"number": "JP2019058217", "date": "2019-03-26"}, {"number": "JP2019163044", "date": "2019-09-06"}],
          cited_by_count=1, family=["JP2020159452A", "US20200309243A1"], legal_status="Rejected",
          transfers=[], pledges=[], licenses=[]),
        R(12, 380, cells={"Publication No.": "spaced_pub"},
          publication_number="CN109624847B", application_number=app("201811576920"),
          filing_date="2018-12-23", publication_date="2020-08-25",
          applicants=["重庆金康新能源汽车有限公司"], current_owners=["重庆金康赛力斯新能源汽车设计院有限公司"],
          inventors=["罗海波", "邓秋红"], ipc=["B60J5/06", "E05D15/10"], priority=[], cited_by_count=3, family=[],
          legal_status="Granted",
          transfers=[T(["重庆金康新能源汽车有限公司"], ["重庆金康赛力斯新能源汽车设计院有限公司"])],
          pledges=[P(["重庆金康赛力斯新能源汽车设计院有限公司"], ["重庆农村商业银行股份有限公司沙坪坝支行"])], licenses=[]),
        R(13, 328, publication_number="CN110324449A", application_number=app("201910617538"),
          filing_date="2019-07-09", publication_date="2019-10-11",
          applicants=["OPPO广东移动通信有限公司"], current_owners=["OPPO广东移动通信有限公司"], inventors=["陈仕权"],
          ipc=["H04M1/02", "B29C45/14", "C25D11/04"], priority=[], cited_by_count=6, family=[],
          legal_status="Granted",
          transfers=[], pledges=[P(["OPPO广东移动通信有限公司"], ["中国银行股份有限公司东莞分行"])],
          licenses=[L(["OPPO广东移动通信有限公司"], ["一加科技（深圳）有限公司"], "Exclusive License")]),
    ]
    # 技术合同登记: GB18030 TSV, 3 preamble lines, header on line 4; records 2 and 5 span two lines.
    F["tech_contract_licenses"] = [
        R(5, 321, cells={"专利号": "zl_spaced"}, application_number=app("202010567341"),
          licenses=[L(["湖南中科星城石墨有限公司"], ["长沙晟锋新材料有限公司"], "普通实施许可")]),
        R(6, 326, cells={"专利号": "zl"}, application_number=app("201811364820"),
          licenses=[L(["中南大学", "湖南大学"], ["长沙康润光电材料有限公司"], "独占实施许可")]),
        R(8, 363, cells={"专利号": "fullwidth_zl"}, application_number=app("201910856203"),
          licenses=[L(["湖南省林业科学院"], ["湖南竹韵日用品有限公司"], "排他实施许可")]),
        R(9, 338, cells={"专利号": "bare"}, application_number=app("201810935471"),
          licenses=[L(["湖南金叶众望科技股份有限公司"], ["长沙鑫泰包装印刷有限公司"], "普通实施许可")]),
        R(10, 347, cells={"专利号": "zl_thirteen"}, application_number=app("202011284357"),
          licenses=[L(["湖南千山制药机械股份有限公司"], ["株洲千金药业股份有限公司", "湖南尔康制药股份有限公司"], "普通实施许可")]),
        R(12, 351, cells={"专利号": "zl_spaced"}, application_number=app("201911174528"),
          licenses=[L(["湘潭大学"], ["湖南艾华集团股份有限公司"], "独占实施许可")]),
    ]
    # 年费 list (HTML .xls): <tr> 1 title, 2 查询条件, 3 header; an empty <tr> after record 3.
    F["annual_fee_list"] = [
        R(4, 304, cells={"专利号": "zl", "申请日": "cn_date"},
          application_number=app("201811205367"), filing_date="2018-10-17",
          publication_number="CN109184187B", publication_date="2020-09-22",
          current_owners=["大亚人造板集团有限公司"]),
        R(5, 316, cells={"专利号": "fullwidth_zl"},
          application_number=app("201910734612"), filing_date="2019-08-09",
          publication_number="CN110439012B", publication_date="2021-03-16",
          current_owners=["中建三局集团有限公司", "中建三局第一建设工程有限责任公司"]),
        R(6, 331, cells={"专利号": "thirteen", "授权公告日": "compact"},
          application_number=app("202010123784"), filing_date="2020-02-24",
          publication_number="CN111236782B", publication_date="2021-04-12",
          current_owners=["南京林业大学"]),
        R(8, 336, cells={"专利号": "zl_spaced"},
          application_number=app("201811098236"), filing_date="2018-09-20",
          publication_number="CN109138472B", publication_date="2020-12-01",
          current_owners=["中国建筑第八工程局有限公司"]),
        R(9, 353, application_number=app("202010876524"), filing_date="2020-08-27",
          publication_number="CN111962497B", publication_date="2022-01-04",
          current_owners=["河海大学", "江苏省水利科学研究院"]),
        R(10, 385, cells={"授权公告号": "spaced_pub"},
          application_number=app("201810287135"), filing_date="2018-03-30",
          publication_number="CN108546312B", publication_date="2020-07-31",
          current_owners=["北新集团建材股份有限公司"]),
    ]
    # 国家能源集团 高价值专利分级台账: data sheet third; 3 preamble rows + blank, header rows 5-6; an empty row after record 4.
    F["soe_grading_ledger"] = [
        R(7, 318, application_number=app("201910278364"), filing_date="2019-04-09",
          publication_number="CN110006061B", publication_date="2020-10-30",
          current_owners=["国家能源集团科学技术研究院有限公司"], inventors=["姚宣", "李德波", "王玉龙"],
          ipc=["F23N5/00"], transfers=[], pledges=[], licenses=[]),
        R(8, 337, cells={"专利号": "zl", "申请日": "cn_date"},
          application_number=app("201810567219"), filing_date="2018-06-04",
          publication_number="CN108756874B", publication_date="2020-01-10",
          current_owners=["国家能源集团新能源技术研究院有限公司"], inventors=["许天福", "冯波"],
          ipc=["E21B43/24"],
          transfers=[T(["北京低碳清洁能源研究院"], ["国家能源集团新能源技术研究院有限公司"])], pledges=[], licenses=[]),
        R(9, 343, cells={"专利号": "zl_spaced"},
          application_number=app("201910654127"), filing_date="2019-07-19",
          publication_number="CN110259444B", publication_date="2021-05-25",
          current_owners=["国能神东煤炭集团有限责任公司"], inventors=["贺安民", "杨俊哲", "刘兵"],
          ipc=["E21D9/10"], transfers=[], pledges=[],
          licenses=[L(["国能神东煤炭集团有限责任公司"], ["中煤科工开采研究院有限公司"], "普通许可")]),
        R(10, 383, cells={"专利号": "thirteen"},
          application_number=app("202010038925"), filing_date="2020-01-14",
          publication_number="CN111242803B", publication_date="2022-08-16",
          current_owners=["国能龙源电力技术工程有限责任公司"], inventors=["严万军"],
          ipc=["G06Q50/06"], transfers=[], pledges=[], licenses=[]),
        R(12, 329, cells={"专利号": "zl"},
          application_number=app("01108642"), filing_date="2001-03-15",
          publication_number="CN1163462C", publication_date="2004-08-25",
          current_owners=["国能铁路装备有限责任公司"], inventors=["王建国", "孙立新"],
          ipc=["B32B15/01"], transfers=[],
          pledges=[P(["国能铁路装备有限责任公司"], ["国家开发银行股份有限公司"])], licenses=[]),
        R(13, 384, application_number=app("201811123067"), filing_date="2018-09-25",
          publication_number="CN109092806B", publication_date="2021-04-13",
          current_owners=["国能铁路装备有限责任公司", "重庆大学"], inventors=["潘复生", "汤爱涛", "蒋斌"],
          ipc=["B21C37/06"], transfers=[], pledges=[], licenses=[]),
        R(14, 386, cells={"授权公告日": "dot_date"},
          application_number=app("202010945176"), filing_date="2020-09-10",
          publication_number="CN112063937B", publication_date="2021-12-07",
          current_owners=["国能包神铁路集团有限责任公司"], inventors=["赵岩", "李卫东"],
          ipc=["C22C38/32"],
          transfers=[T(["国能铁路装备有限责任公司"], ["国能包神铁路集团有限责任公司"])], pledges=[], licenses=[]),
    ]
    return F


FIELDS = {
    "wanfang_patents": ["title", "application_number", "filing_date", "publication_number", "publication_date",
                        "applicants", "inventors", "ipc", "abstract", "priority", "legal_status"],
    "patentics": ["publication_number", "title", "application_number", "filing_date", "publication_date",
                  "applicants", "inventors", "ipc", "priority", "family", "cited_by_count", "current_owners",
                  "legal_status"],
    "patentscope": ["application_number", "filing_date", "publication_number", "publication_date", "title",
                    "applicants", "inventors", "ipc", "priority"],
    "incopat_en": ["publication_number", "title", "abstract", "application_number", "filing_date",
                   "publication_date", "applicants", "current_owners", "inventors", "ipc", "priority",
                   "cited_by_count", "family", "legal_status", "transfers", "pledges", "licenses"],
    "tech_contract_licenses": ["application_number", "title", "licenses"],
    "annual_fee_list": ["application_number", "title", "current_owners", "filing_date", "publication_number",
                        "publication_date"],
    "soe_grading_ledger": ["application_number", "title", "filing_date", "publication_number", "publication_date",
                           "current_owners", "inventors", "ipc", "transfers", "pledges", "licenses"],
}
FILES = {
    "wanfang_patents": "wanfang_patents.csv",
    "patentics": "patentics.xls",
    "patentscope": "patentscope.csv",
    "incopat_en": "incopat_en.xlsx",
    "tech_contract_licenses": "tech_contract_licenses.tsv",
    "annual_fee_list": "annual_fee_list.xls",
    "soe_grading_ledger": "soe_grading_ledger.xlsx",
}


# ---------------------------------------------------------------- how each exporter prints them
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


def wanfang(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "题名", "专利类型", "申请/专利号", "申请日期", "公开/公告号", "公开/公告日", "申请/专利权人",
            "发明/设计人", "主分类号", "分类号", "摘要", "优先权", "法律状态"]
    rows = []
    for i, r in enumerate(rs, 1):
        sep = "\n" if r["cells"].get("优先权") == "lines" else ";"
        prio = sep.join(f"{p['number']} {dot_date(p['date'])}" for p in r["priority"])
        if "优先权" in r["cells"] and r["cells"]["优先权"] != "lines":
            prio = r["cells"]["优先权"]
        rows.append([
            i, r["title"], "发明专利", cell(r, "申请/专利号", r["application_number"], "canonical"),
            cell(r, "申请日期", r["filing_date"], "iso"), cell(r, "公开/公告号", r["publication_number"], "canonical"),
            cell(r, "公开/公告日", r["publication_date"], "iso"), ";".join(r["applicants"]),
            ";".join(r["inventors"]), r["ipc"][0], ";".join(r["ipc"]), r["abstract"], prio, r.get("legal_status", ""),
        ])
    rows.append(["数据来源：万方数据知识服务平台（www.wanfangdata.com.cn），仅供检索分析参考。"])
    preamble = [
        "万方数据知识服务平台 专利检索结果导出",
        "检索表达式：主题:(吸附 OR 涂料 OR 复合膜 OR 靶材 OR 整理剂 OR 漂白) AND 申请日:[2000 TO 2021]",
        "导出时间：2026-11-25 10:41:07",
        "",
    ]
    return [{"name": "wanfang_patents", "preamble": preamble, "header": [head], "rows": rows}]


def patentics(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "公开号", "标题", "申请号", "申请日", "公开日", "申请人", "发明人", "IPC主分类", "IPC", "优先权号",
            "优先权日", "同族专利", "被引用次数", "当前权利人", "法律状态", "相关度"]
    rows = []
    for i, r in enumerate(rs, 1):
        rows.append([
            i, cell(r, "公开号", r["publication_number"], "canonical"), r["title"],
            cell(r, "申请号", r["application_number"], "bare"), date_cell(r, "申请日", r["filing_date"]),
            date_cell(r, "公开日", r["publication_date"]), " ; ".join(r["applicants"]), " ; ".join(r["inventors"]),
            r["ipc"][0], " ; ".join(r["ipc"]), ";".join(p["number"] for p in r["priority"]),
            ";".join(p["date"] for p in r["priority"]), " ; ".join(r["family"]), r["cited_by_count"],
            " ; ".join(r["current_owners"]), r["legal_status"], round(0.97 - 0.04 * i, 2),
        ])
    rows.append([])
    rows.append(["注：被引用次数为全球引用次数；相关度由语义检索给出。"])
    info = {"name": "检索信息", "header": [["项目", "内容"]], "rows": [
        ["数据库", "Patentics 中国专利全文库"],
        ["检索式", "R/无线 终端 显示 AND APD/2017-2021"],
        ["检索时间", "2026-11-23 14:20"],
        ["命中数", 6],
    ]}
    preamble_rows = [["Patentics 检索结果（语义排序）"], ["检索式：R/无线 终端 显示 AND APD/2017-2021"], []]
    data = {"name": "专利数据", "preamble_rows": preamble_rows, "header": [head], "rows": rows}
    return [info, data]


PRIORITY_WIPO = {
    "FR1854821": ("1854821", "FR"), "US62598312": ("62/598,312", "US"), "JP2018112345": ("2018-112345", "JP"),
    "US62570126": ("62/570,126", "US"), "KR1020190170341": ("10-2019-0170341", "KR"),
    "JP2019101873": ("2019-101873", "JP"), "JP2019203412": ("2019-203412", "JP"), "GB1807314": ("1807314", "GB"),
}
WIPO_IDS = {303: "CN311204871", 306: "CN309553218", 335: "CN311987432", 352: "CN310476529", 361: "CN322817644",
            367: "CN318290357", 379: "CN312064885"}


def patentscope(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["Application Id", "Country", "Application Number", "Application Date", "Publication Number", "Kind",
            "Publication Date", "Title", "Applicants", "Inventors", "IPC", "Priorities Data"]
    rows = []
    for r in rs:
        sep = "\n" if len(r["applicants"]) > 1 else "; "
        prio = "; ".join(
            f"{PRIORITY_WIPO[p['number']][0]} {wipo_date(p['date'])} {PRIORITY_WIPO[p['number']][1]}" for p in r["priority"]
        )
        pub = r["publication_number"]
        rows.append([
            WIPO_IDS[r["kp"]], "CN", digits(r["application_number"]), wipo_date(r["filing_date"]), pub[2:-1], pub[-1],
            wipo_date(r["publication_date"]), r["title"], sep.join(r["applicants"]), "; ".join(r["inventors"]),
            "; ".join(r["ipc"]), prio,
        ])
    return [{"name": "patentscope", "header": [head], "rows": rows}]


INCOPAT_DATES = {309: ("2023-04-18", "2024-09-02"), 315: ("2021-12-20", ""), 380: ("2021-03-09", "2023-05-12"),
                 328: ("", "2022-11-07"), 311: ("", "2023-02-15")}


def incopat_ops(r: dict[str, Any]) -> tuple[str, str, str, str]:
    assignor = " | ".join(n for t in r["transfers"] for n in t["from"])
    assignee = " | ".join(n for t in r["transfers"] for n in t["to"])
    pledge = "\n".join(
        f"Pledgor: {' | '.join(p['pledgors'])}; Pledgee: {' | '.join(p['pledgees'])}; Registration Date: 2023-05-12"
        for p in r["pledges"]
    )
    license_ = "\n".join(
        f"Licensor: {' | '.join(x['licensors'])}; Licensee: {' | '.join(x['licensees'])}; Type: {x['type']}; Record Date: 2022-08-01"
        for x in r["licenses"]
    )
    return assignor, assignee, pledge, license_


def incopat_en(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    group = ["No.", "Bibliographic Data", "", "", "", "", "", "", "", "", "", "", "",
             "Priority, Citation & Family", "", "", "Legal Status", "Transactions", "", "", ""]
    head = ["", "Publication No.", "Record ID", "Title", "Abstract", "Application No.", "Application Date",
            "Publication Date", "Applicant", "Current Assignee", "Inventor", "IPC Main", "IPC", "Priority",
            "Times Cited", "Simple Family", "", "Assignor", "Assignee", "Pledge", "License"]
    rows = []
    for i, r in enumerate(rs, 1):
        prio = " | ".join(f"{p['number']} {p['date']}" for p in r["priority"])
        rows.append([
            i, cell(r, "Publication No.", r["publication_number"], "canonical"), f"IP{7204310 + 17 * i}", r["title"],
            r["abstract"], cell(r, "Application No.", r["application_number"], "canonical"),
            xdate(r["filing_date"], "yyyy-mm-dd" if i % 2 else "yyyy/mm/dd"), xdate(r["publication_date"]),
            " | ".join(r["applicants"]), " | ".join(r["current_owners"]), " | ".join(r["inventors"]), r["ipc"][0],
            " | ".join(r["ipc"]), r["cells"].get("Priority", prio), r["cited_by_count"], " | ".join(r["family"]),
            r["legal_status"], *incopat_ops(r),
        ])
    rows.append(["Note: Times Cited counts citing documents worldwide; transactions as recorded by CNIPA."])
    info = {"name": "Search Info", "header": [["Item", "Value"]], "rows": [
        ["Database", "incoPat Global Patent Database"],
        ["Query", "(AP=(美的 OR 海尔 OR 格力 OR OPPO OR 斯巴鲁 OR 金康)) AND AD=[20180101 TO 20201231]"],
        ["Export Time", "2026-11-24 15:02:37"],
        ["Records", 7],
    ]}
    preamble_rows = [
        ["incoPat Patent Export"],
        ["Search Query: (AP=(美的 OR 海尔 OR 格力 OR OPPO OR 斯巴鲁 OR 金康)) AND AD=[20180101 TO 20201231]"],
        ["Export Time: 2026-11-24 15:02:37    Records: 7"],
        [],
    ]
    data = {"name": "Patent List", "preamble_rows": preamble_rows, "header": [group, head], "rows": rows,
            "merged": ["A5:A6", "B5:M5", "N5:P5", "Q5:Q6", "R5:U5"], "hidden_columns": ["C"]}
    charts = {"name": "Charts", "header": [["Applicant", "Records"]], "rows": [
        ["OPPO广东移动通信有限公司", 1], ["青岛海尔洗衣机有限公司", 1], ["广东美的制冷设备有限公司", 1],
    ]}
    return [info, data, charts]


CONTRACT_REFS = {321: ("2025430102000318", 12.0), 326: ("2025430102000457", 180.0), 363: ("2025430103000122", 95.5),
                 338: ("2025430104000076", 8.0), 347: ("2025430102000902", 30.0), 351: ("2025430105000214", 260.0)}


def tech_contract(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["登记编号", "合同名称", "专利号", "专利名称", "许可方（卖方）", "被许可方（买方）", "许可方式",
            "成交金额（万元）", "技术交易额（万元）", "登记日期"]
    rows = []
    total = 0.0
    for i, r in enumerate(rs):
        ref, amount = CONTRACT_REFS[r["kp"]]
        lic = r["licenses"][0]
        total += amount
        rows.append([
            ref, f"“{r['title']}”专利实施许可合同", cell(r, "专利号", r["application_number"]), r["title"],
            "\n".join(lic["licensors"]), "\n".join(lic["licensees"]), lic["type"], f"{amount:.2f}",
            f"{amount:.2f}", f"2025-{3 + i:02d}-{10 + 2 * i:02d}",
        ])
    rows.append(["合计", "", "", "", "", "", "", f"{total:.2f}", f"{total:.2f}", ""])
    preamble = [
        "长沙市技术市场管理办公室 技术合同认定登记明细表（专利实施许可）",
        "登记期间：2025年1月1日—2025年12月31日    导出日期：2026年1月8日",
        "",
    ]
    return [{"name": "tech_contract_licenses", "preamble": preamble, "header": [head], "rows": rows}]


FEE_YEARS = {304: (8, 2000), 316: (7, 2000), 331: (6, 1200), 336: (8, 2000), 353: (6, 1200), 385: (8, 2000)}


def annual_fee(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "专利号", "专利名称", "专利类型", "专利权人", "申请日", "授权公告号", "授权公告日", "缴费年度",
            "应缴年费（元）", "滞纳金（元）", "缴费截止日", "缴费状态"]
    rows: list[list[Any]] = []
    total = 0
    for i, r in enumerate(rs, 1):
        year, fee = FEE_YEARS[r["kp"]]
        total += fee
        due = r["filing_date"].replace(r["filing_date"][:4], "2026")
        rows.append([
            i, cell(r, "专利号", r["application_number"], "zl"), r["title"], "发明", "；".join(r["current_owners"]),
            cell(r, "申请日", r["filing_date"], "iso"), cell(r, "授权公告号", r["publication_number"], "canonical"),
            cell(r, "授权公告日", r["publication_date"], "iso"), f"第{year}年", fee, 0 if i != 2 else 100, due,
            "已缴纳" if i % 3 else "待缴纳",
        ])
        if i == 3:
            rows.append([])
    rows.append(["合计", "", "", "", "", "", "", "", "", total, 100, "", ""])
    rows.append(["注：年费标准按国家知识产权局现行收费标准计算；滞纳金按逾期月数计收。"])
    preamble = [
        "专利年费缴纳清单（2026年度）",
        "查询条件：缴费截止日 2026-01-01 至 2026-12-31；专利类型：发明　导出时间：2026-11-20 16:05",
    ]
    return [{"name": "annual_fee_list", "preamble": preamble, "header": [head], "rows": rows}]


SOE_UNITS = {318: ("科技研究院", "A级", 92, "维持"), 337: ("新能源院", "A级", 88, "维持"), 343: ("神东煤炭", "A级", 95, "维持"),
             383: ("龙源技术", "B级", 71, "维持"), 329: ("铁路装备", "C级", 52, "评估后放弃"),
             384: ("铁路装备", "B级", 76, "维持"), 386: ("包神铁路", "B级", 69, "维持")}
SOE_TRANSFER_DATES = {337: "2021-06-18", 386: "2023-05-10"}


def soe_ops(r: dict[str, Any]) -> str:
    parts = []
    for t in r["transfers"]:
        parts.append(f"转让：转让人{'、'.join(t['from'])}→受让人{'、'.join(t['to'])}（{SOE_TRANSFER_DATES[r['kp']]}）")
    for p in r["pledges"]:
        parts.append(f"质押：出质人{'、'.join(p['pledgors'])}，质权人{'、'.join(p['pledgees'])}")
    for x in r["licenses"]:
        parts.append(f"许可（{x['type']}）：许可人{'、'.join(x['licensors'])}，被许可人{'、'.join(x['licensees'])}")
    return "；".join(parts) or "无"


def soe_grading(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    group = ["序号", "内部编号", "所属单位", "专利信息", "", "", "", "", "", "", "IPC主分类号", "分级评估", "", "",
             "运营情况"]
    head = ["", "", "", "专利号", "专利名称", "申请日", "授权公告号", "授权公告日", "专利权人", "发明人", "",
            "专利分级", "价值评分", "维持决策", ""]
    rows: list[list[Any]] = []
    for i, r in enumerate(rs, 1):
        unit, grade, score, decision = SOE_UNITS[r["kp"]]
        rows.append([
            i, f"CHN-ENERGY-IP-{2026000 + 31 * i}", unit, cell(r, "专利号", r["application_number"], "canonical"),
            r["title"], date_cell(r, "申请日", r["filing_date"], "yyyy年m月d日"),
            cell(r, "授权公告号", r["publication_number"], "canonical"),
            date_cell(r, "授权公告日", r["publication_date"]), "；".join(r["current_owners"]), "、".join(r["inventors"]),
            r["ipc"][0], grade, score, decision, soe_ops(r),
        ])
        if i == 4:
            rows.append([])
    rows.append(["合计", "", "共7件", "", "", "", "", "", "", "", "", "A级3件", "", "", ""])
    rows.append(["注：专利分级依据《集团公司高价值专利评价办法》；维持决策经知识产权管理委员会审定。"])
    guide = {"name": "填报说明", "header": [["说明"]], "rows": [
        ["1. 分级台账按所属单位填报已授权发明专利。"],
        ["2. 专利分级：A级（核心）、B级（重要）、C级（一般）。"],
        ["3. 运营情况填写转让、质押、许可，无则填“无”。"],
    ]}
    summary = {"name": "分级汇总", "header": [["专利分级", "件数"]], "rows": [["A级", 3], ["B级", 3], ["C级", 1]]}
    preamble_rows = [
        ["国家能源投资集团有限责任公司 高价值专利分级管理台账（2026年度）"],
        ["填报单位：科技部知识产权处    统计截止：2026年10月31日"],
        ["密级：内部"],
        [],
    ]
    data = {"name": "分级台账", "preamble_rows": preamble_rows, "header": [group, head], "rows": rows,
            "merged": ["A5:A6", "B5:B6", "C5:C6", "D5:J5", "K5:K6", "L5:N5", "O5:O6"], "hidden_columns": ["B"]}
    return [guide, summary, data]


RENDER = {
    "wanfang_patents": wanfang,
    "patentics": patentics,
    "patentscope": patentscope,
    "incopat_en": incopat_en,
    "tech_contract_licenses": tech_contract,
    "annual_fee_list": annual_fee,
    "soe_grading_ledger": soe_grading,
}
OUTPUT: dict[str, dict[str, Any]] = {
    "wanfang_patents": {"type": "csv", "encoding": "utf-8", "bom": True, "delimiter": ","},
    "patentics": {"type": "xls", "data_sheet": "专利数据"},
    "patentscope": {"type": "csv", "encoding": "utf-8", "bom": False, "delimiter": ","},
    "incopat_en": {"type": "xlsx", "data_sheet": "Patent List"},
    "tech_contract_licenses": {"type": "csv", "encoding": "gb18030", "bom": False, "delimiter": "\t"},
    "annual_fee_list": {"type": "html_xls", "encoding": "utf-8"},
    "soe_grading_ledger": {"type": "xlsx", "data_sheet": "分级台账"},
}



def main() -> None:
    write_set(ExportSet(
        name="exports_depth4", about=ABOUT, split=SPLIT, conventions=CONVENTIONS, records=records,
        render=RENDER, output=OUTPUT, files=FILES, fields=FIELDS,
        fresh_checked=True,
    ))


if __name__ == "__main__":
    main()
