"""How the third blind export set was authored: 48 records written by hand as canonical values
(the gold) and how each exporter prints them (the export sources). Dev only; needs the
KPPatent-ZH data and the IPC 2026.01 table in /work/shared/data.

    python3 scripts/author_exports_depth3.py && python3 scripts/make_export_set.py exports_depth3

Writes tests/gold/exports_depth3/source/*.json and tests/gold/exports_depth3.json. Every record
carries the row it was placed on by hand; make_export_set.py checks that the written file puts
it there. The set was written blind: without reading the extractor, the bench or any test.
"""

# ruff: noqa: E501 - the records read best one per block, as written

from __future__ import annotations

from typing import Any

from export_authoring import (
    ExportSet,
    app,
    cn_date,
    dot_date,
    record,
    slash_date,
    write_set,
    xdate,
)

ABOUT = (
    "Expected normalised records of tests/gold/exports_depth3, the third blind set of analyst exports (all held out): "
    "seven fictional exports in the layouts of 专利之星 CPRS, 智慧芽 PatSnap's English UI, 中国知网 CNKI (bilingual "
    "headers, GB18030, tab-separated), a patent law firm's 案卷台账, a provincial IP office's 专利权质押登记 list, a "
    "university technology-transfer office's 专利转化清单 and Espacenet (semicolon CSV, European dates). Titles and "
    "abstracts are real Chinese patent text from /work/shared/data/kppatent-zh (none used by the earlier export sets); "
    "IPC codes exist in the IPC 2026.01 table; numbers, parties, people and dates are fictional. Per file: the data "
    "sheet, its header rows and preamble lines, and per record the 1-based row (sheet row for XLSX, the physical line "
    "where the record starts for CSV/TSV) and the fields that file exports, in canonical form. Field rules: "
    "tests/gold/README.md (Export gold format, and the conventions of the second blind export set); choices where "
    "they are silent: _conventions."
)

CONVENTIONS = {
    "inherited": "Every convention of exports_depth2.json applies (empty cells, publication and application number forms, combined priority cells, foreign priority numbers, non-record rows, multi-line cells, lists, legal status as exported, counts, operations, names as exported). The entries below are the choices this set needed beyond them.",
    "empty_cells": "An empty list cell is [] (no priority, no family); an empty scalar cell (CNKI's empty 摘要) leaves the field out of that record.",
    "application_number": "Canonical CN + digits + '.' + check digit from every form met here: 13 digits without dot or CN (2020115890340 -> CN202011589034.0, 2019105673481, 2020101098248, 2021100987653, 2018109654324), spaced without CN (2021 1 0234681.8, 2020 1 0456783.X), full-width (２０２１１０３４５６７２．６, ＺＬ２０２０１０５５７８９１．６), ZL prefix (ZL201811509872.5), ZL with spaces (ZL 2019 1 0543218.4), numbers without check digit (PatSnap CN201811093456, CNKI CN202110523467) -> computed and added; an old 8-digit CNKI number CN98100863.1 kept in its old form.",
    "application_number_docket": "The law firm's 官方文号 is the application number (the firm's 案卷号 and 客户案号 are its own references, not record fields).",
    "publication_number": "As in exports_depth2: kind code joined whatever separates it (CN 110479329 B, CN113943158 A, full-width ＣＮ１１４０２７５６７Ａ). The tech-transfer list's 授权公告号 is publication_number and 授权公告日 publication_date (as the SOE ledger's 公告号 in exports_depth2).",
    "dates": "ISO from every form met here: Excel date cells (whatever their number format), 2018.10.26, 2020/5/26, 20190628, 2019年7月19日, PatSnap 2021/3/26, and Espacenet's European dd/mm/yyyy (05/07/2022 is 5 July 2022: the whole Espacenet file is day-first).",
    "priority_separate_columns": "PatSnap's Priority Number and Priority Date columns are two ' | ' lists paired by position; the law firm's 优先权号 / 优先权日 cells are two newline lists paired by position. US numbers lose separators: US62/701,234 -> US62701234; JP2019-125432 -> JP2019125432.",
    "priority_espacenet": "Espacenet's 'Earliest priority' is a date without a number: no priority is annotated (field absent), as for Google Patents in exports_depth2. Its 'Earliest publication' (often a WO or EP document) is not the record's publication; 'CPC' and 'Family number' are not record fields.",
    "names_espacenet": "Espacenet appends the residence country in brackets to every applicant and inventor (DAIKIN IND LTD [JP], WEBER THOMAS [DE]); the bracketed two-letter country code is not part of the name and is dropped; the rest is kept exactly as exported (upper case, abbreviations, umlauts).",
    "names_patsnap_en": "PatSnap's English UI gives names in English (HUAWEI TECHNOLOGIES CO., LTD.), kept exactly, commas inside a name included (the list separator there is ' | ' or a newline, never a comma).",
    "lists_trailing_separator": "CNKI ends its lists with a separator (张明;李华;): no empty item is annotated.",
    "ipc": "Main code first. Where a file has both a main-code column and an all-codes column (专利之星 主分类号/分类号, PatSnap IPC Main/IPC - Current, CNKI 主分类号/分类号) the all-codes cell gives the list, which begins with the main code. The law firm's IPC分类 cell is comma-separated, Espacenet's one code per line.",
    "patsnap_assignees": "PatSnap 'Original Assignee' gives applicants, 'Current Assignee' current_owners; 'Simple Family' gives family; 'Cited by Count' cited_by_count; 'Legal Status' (Active, Pending, Inactive) legal_status as exported. 'Patent Type' and 'No.' are not fields.",
    "cnki_columns": "CNKI's bilingual headers: Title-题名 title, Applicant-申请人 applicants, Inventor-发明人 inventors, ApplyNum-申请号, ApplyDate-申请日, PubNo-公开号, PubTime-公开日, MainClass-主分类号 / Class-分类号 ipc, Summary-摘要 abstract. SrcDatabase-来源库, Address-地址, Agency-代理机构, Agent-代理人, CountryCode-国省代码 and Pages-页数 are not record fields.",
    "docket_columns": "The law firm's docket: 官方文号 application_number, 申请日 filing_date, 公开（公告）号 / 公开（公告）日 the latest publication and its date, 优先权号 + 优先权日 priority, 发明名称, 申请人, 发明人, IPC分类, 案件状态 legal_status as exported (已授权, 实审中, 驳回复审中, 已结案（视为撤回）). 案卷号, 客户案号, 官费, 代理费 and 下次缴费期限 are not fields. The hidden column A (序号) is not a field.",
    "pledge_register": "The 专利权质押登记 list gives per row one patent: 专利号 application_number, 专利名称 title, and one pledge {pledgors: 出质人 (co-pledgors joined by ；), pledgees: 质权人 (two joined by 、)}. A pledge whose 状态 is 已注销 is still annotated (the register lists it); 质押登记号, 专利类型, 质押登记日, 主债权金额 and 状态 are not annotated.",
    "tech_transfer": "The 专利转化清单's 转化方式 decides the operation: 转让 and 作价入股 (the patent is contributed to the company, whose it becomes) give transfers [{from: 转让人/许可人, to: 受让人/被许可人}]; 独占许可 / 排他许可 / 普通许可 give licenses [{licensors, licensees, type: the 转化方式 as exported}]. Each record carries both fields, the one that does not apply []. Co-owners joined by ；, two assignees by 、. 合同金额, 合同登记日 and 备注 are not annotated; the list has no applicant column, so applicants are absent.",
    "non_record_rows": "合计 rows, 注：/ 说明 footer lines and empty rows are not records; records after an empty row keep their real sheet rows.",
}

SPLIT = {
    "patentstar_cprs.xlsx": "test",
    "patsnap_en.csv": "test",
    "cnki_patents.tsv": "test",
    "lawfirm_docket.xlsx": "test",
    "pledge_register.csv": "test",
    "tech_transfer.xlsx": "test",
    "espacenet.csv": "test",
}


def R(row: int, kp: int, **fields: Any) -> dict[str, Any]:
    return record(row, kp, fields)


# ---------------------------------------------------------------- the records, by hand
def records() -> dict[str, list[dict[str, Any]]]:
    F: dict[str, list[dict[str, Any]]] = {}
    F["patentstar_cprs"] = [
        R(8, 3, application_number=app("202011589034"), filing_date="2020-12-28",
          publication_number="CN112759871A", publication_date="2021-05-07",
          applicants=["珠海赛纳三维科技有限公司"], inventors=["吴晓宇", "陈奕君", "黄立斌"],
          ipc=["B33Y70/00", "C08L33/04", "B29C64/106"], priority=[], legal_status="实质审查"),
        R(9, 5, application_number=app("201910876125"), filing_date="2019-09-12",
          publication_number="CN110479329B", publication_date="2021-06-22",
          applicants=["武汉理工大学"], inventors=["邓明辉", "程雪"],
          ipc=["B01J27/185", "C25B11/091", "C25B1/04"], priority=[], legal_status="授权"),
        R(10, 18, application_number=app("201811234785"), filing_date="2018-10-26",
          publication_number="CN111097479A", publication_date="2020-05-05",
          applicants=["中国石油化工股份有限公司", "中国石油化工股份有限公司抚顺石油化工研究院"],
          inventors=["孙立华", "王继峰", "杨晓刚"],
          ipc=["B01J21/04", "B01J32/00", "C10G45/08"], priority=[], legal_status="实质审查"),
        R(11, 28, application_number=app("202110345672"), filing_date="2021-03-31",
          publication_number="CN113078318A", publication_date="2021-07-06",
          applicants=["宁波容百新能源科技股份有限公司"], inventors=["钱佳宁", "周敏"],
          ipc=["H01M4/525", "H01M4/36", "H01M10/0525"],
          priority=[{"number": app("202010976512"), "date": "2020-09-22"}], legal_status="实质审查"),
        R(12, 39, application_number=app("202010456783"), filing_date="2020-05-26",
          publication_number="CN111530904A", publication_date="2020-08-14",
          applicants=["重庆大学"], inventors=["蒋宏达", "刘婷婷"],
          ipc=["B21B1/22", "C22F1/06", "B21B37/74"], priority=[], legal_status="驳回"),
        R(13, 63, application_number=app("201910567348"), filing_date="2019-06-28",
          publication_number="CN110257712B", publication_date="2021-02-09",
          applicants=["江苏永钢集团有限公司"], inventors=["朱建华", "顾志强", "吴玲"],
          ipc=["C22C38/04", "C21D8/06", "B21B1/16"], priority=[], legal_status="授权"),
        R(14, 85, application_number=app("202110789018"), filing_date="2021-07-14",
          publication_number="CN113943158A", publication_date="2022-01-18",
          applicants=["TDK株式会社"], inventors=["山口健太", "中村由纪"],
          ipc=["C04B35/26", "H01F41/02", "C04B35/64"],
          priority=[{"number": "JP2020123456", "date": "2020-07-20"}, {"number": "JP2020198765", "date": "2020-11-30"}],
          legal_status="实质审查"),
    ]
    F["patsnap_en"] = [
        R(7, 42, publication_number="CN112567343A", application_number=app("201980048312"),
          filing_date="2019-07-17", publication_date="2021-03-26",
          applicants=["QUALCOMM INCORPORATED"], current_owners=["QUALCOMM INCORPORATED"],
          inventors=["MORRISON DANIEL", "GUPTA ANIL KUMAR"], ipc=["H04W4/90", "H04W4/46", "H04W76/50"],
          priority=[{"number": "US62701234", "date": "2018-07-20"}, {"number": "US16512345", "date": "2019-07-16"}],
          family=["US20200029197A1", "WO2020018976A1", "EP3824648A1"], cited_by_count=3, legal_status="Pending"),
        R(8, 92, publication_number="CN110892391A", application_number=app("201880047765"),
          filing_date="2018-06-12", publication_date="2020-03-17",
          applicants=["MITEL NETWORKS CORPORATION"], current_owners=["MITEL NETWORKS CORPORATION"],
          inventors=["OLSEN ERIK", "BRADLEY SEAN"], ipc=["H04L65/1076", "H04L9/40", "H04M7/00"],
          priority=[{"number": "US15621987", "date": "2017-06-13"}],
          family=["US20180359293A1", "WO2018231425A1"], cited_by_count=5, legal_status="Inactive"),
        R(9, 172, publication_number="CN109151952B", application_number=app("201710498765"),
          filing_date="2017-06-27", publication_date="2022-04-12",
          applicants=["ZTE CORPORATION"], current_owners=["ZTE CORPORATION", "SANECHIPS TECHNOLOGY CO., LTD."],
          inventors=["LI NAN", "SUN BO"], ipc=["H04W52/02", "H04W68/00"],
          priority=[], family=["WO2019001245A1"], cited_by_count=2, legal_status="Active"),
        R(11, 129, publication_number="CN112198595A", application_number=app("202010612387"),
          filing_date="2020-06-30", publication_date="2021-01-08",
          applicants=["SUMITOMO ELECTRIC INDUSTRIES, LTD."], current_owners=["SUMITOMO ELECTRIC INDUSTRIES, LTD."],
          inventors=["NAKANISHI HIROMI", "KURIHARA KEN"], ipc=["G02B6/42", "H04B10/40"],
          priority=[{"number": "JP2019125432", "date": "2019-07-04"}],
          family=["JP2021012345A", "US20210003792A1"], cited_by_count=0, legal_status="Pending"),
        R(12, 135, publication_number="CN110933049B", application_number=app("201811093456"),
          filing_date="2018-09-19", publication_date="2022-05-31",
          applicants=["HUAWEI TECHNOLOGIES CO., LTD."], current_owners=["HUAWEI TECHNOLOGIES CO., LTD."],
          inventors=["ZHANG WEILIANG", "CHEN XU"], ipc=["H04Q11/00", "H04L41/0803"],
          priority=[], family=["WO2020057421A1", "EP3843341A1", "US20210211347A1"], cited_by_count=4,
          legal_status="Active"),
        R(13, 146, publication_number="CN110612218B", application_number=app("201880031245"),
          filing_date="2018-05-11", publication_date="2023-08-22",
          applicants=["VMWARE, INC."], current_owners=["VMWARE LLC"],
          inventors=["PATEL RAVI", "KOWALSKI ADAM"], ipc=["G06F11/14", "G06F9/455"],
          priority=[{"number": "US15594098", "date": "2017-05-12"}],
          family=["US20180329731A1", "EP3625683A1"], cited_by_count=7, legal_status="Active"),
        R(14, 156, publication_number="CN112510356A", application_number=app("202011376429"),
          filing_date="2020-11-30", publication_date="2021-03-16",
          applicants=["GUANGDONG OPPO MOBILE TELECOMMUNICATIONS CORP., LTD."],
          current_owners=["GUANGDONG OPPO MOBILE TELECOMMUNICATIONS CORP., LTD."],
          inventors=["HUANG LIANG", "YANG XIAOBING"], ipc=["H01Q1/24", "H01Q1/50", "H01Q5/307"],
          priority=[], family=[], cited_by_count=1, legal_status="Pending"),
    ]
    F["cnki_patents"] = [
        R(2, 8, applicants=["绍兴市恒远纺织助剂有限公司"], inventors=["沈国良", "金丽萍"],
          filing_date="2020-07-27", application_number=app("202010734519"),
          publication_number="CN111826244A", publication_date="2020-10-27",
          ipc=["D06M13/17", "D06M13/46", "C11D1/83"]),
        R(3, 10, applicants=["山东农业大学", "山东绿丰生物科技有限公司"], inventors=["刘庆花", "张明亮", "徐飞"],
          filing_date="2019-12-26", application_number=app("201911365482"),
          publication_number="CN110950512A", publication_date="2020-04-03",
          ipc=["C05G3/80", "C05F17/20", "C05G3/00"], no_abstract=True),
        R(4, 31, applicants=["海南联塑科技实业有限公司"], inventors=["符海燕", "陈建伟"],
          filing_date="2018-06-22", application_number=app("201810653217"),
          publication_number="CN108864936A", publication_date="2018-11-23",
          ipc=["C08L23/08", "C08K13/02", "A01G9/14"]),
        R(5, 45, applicants=["福建农业大学"], inventors=["林振华"],
          filing_date="1998-03-16", application_number=app("98100863"),
          publication_number="CN1228927A", publication_date="1999-09-22",
          ipc=["A01G18/00", "A01G18/20"]),
        R(6, 44, applicants=["苏州奥洁纺织科技有限公司"], inventors=["钱晓燕"],
          filing_date="2021-05-21", application_number=app("202110523467"),
          publication_number="CN113249967A", publication_date="2021-08-13",
          ipc=["D04H1/425", "D04H1/492", "A61K8/98"]),
        R(7, 53, applicants=["江苏华峰超纤材料有限公司"], inventors=["杨银龙", "朱建英"],
          filing_date="2019-04-15", application_number=app("201910298765"),
          publication_number="CN109944034A", publication_date="2019-06-28",
          ipc=["D06C11/00", "D04B1/14"]),
        R(8, 58, applicants=["杭州华大海天科技有限公司"], inventors=["应华", "王晓峰"],
          filing_date="2020-10-20", application_number=app("202011023785"),
          publication_number="CN112144331A", publication_date="2020-12-29",
          ipc=["D21H27/00", "D21H19/38", "B41M5/035"]),
    ]
    F["lawfirm_docket"] = [
        R(7, 7, application_number=app("202110234681"), filing_date="2021-03-05",
          publication_number="CN114027567A", publication_date="2022-02-11",
          priority=[{"number": app("202010789456"), "date": "2020-08-06"}],
          applicants=["广东美的生活电器制造有限公司", "美的集团股份有限公司"], inventors=["梁志坚", "陈小伟"],
          ipc=["A47J27/00", "A47J36/24", "H05B3/20"], legal_status="实审中"),
        R(8, 9, application_number=app("201910654893"), filing_date="2019-07-19",
          publication_number="CN110387531B", publication_date="2021-04-27", priority=[],
          applicants=["无锡小天鹅电器有限公司"], inventors=["许升", "黄振兴"],
          ipc=["D06F39/08", "F16K1/22"], legal_status="已授权"),
        R(9, 19, application_number=app("202011452378"), filing_date="2020-12-11",
          publication_number="CN114623613A", publication_date="2022-06-14",
          priority=[{"number": app("202010345219"), "date": "2020-04-23"}, {"number": app("202010512398"), "date": "2020-06-05"}],
          applicants=["芜湖美的厨卫电器制造有限公司", "美的集团股份有限公司"], inventors=["何振宇", "罗伟民", "丁一凡"],
          ipc=["F24H1/00", "H01M8/04007", "F24H9/20"], legal_status="实审中"),
        R(10, 32, application_number=app("201811509872"), filing_date="2018-12-13",
          publication_number="CN111322882B", publication_date="2022-03-29", priority=[],
          applicants=["芜湖美的厨卫电器制造有限公司"], inventors=["郑涛"],
          ipc=["F24H9/20", "G01R31/52", "F24H1/20"], legal_status="已授权"),
        R(12, 49, application_number=app("202010109824"), filing_date="2020-02-21",
          publication_number="CN113296413A", publication_date="2021-08-24", priority=[],
          applicants=["佛山市顺德区美的电热电器制造有限公司"], inventors=["冯江平", "区嘉欣"],
          ipc=["G05B19/042", "H04L12/28"], legal_status="驳回复审中"),
        R(13, 57, application_number=app("201911187345"), filing_date="2019-11-28",
          publication_number="CN112880115B", publication_date="2022-07-08", priority=[],
          applicants=["广东美的暖通设备有限公司", "美的集团武汉暖通设备有限公司"], inventors=["欧阳明", "李卓"],
          ipc=["F24F11/88", "H04L12/40", "H04L61/5038"], legal_status="已授权"),
        R(14, 87, application_number=app("201810478123"), filing_date="2018-05-18",
          publication_number="CN110500726A", publication_date="2019-11-26", priority=[],
          applicants=["广东美的厨房电器制造有限公司"], inventors=["吴耀华", "周鸿"],
          ipc=["F24C15/20", "G01H17/00"], legal_status="已结案（视为撤回）"),
    ]
    F["pledge_register"] = [
        R(6, 29, application_number=app("202010387654"),
          pledges=[{"pledgors": ["江苏晨阳新型建材有限公司"], "pledgees": ["江苏银行股份有限公司南京分行"]}]),
        R(7, 35, application_number=app("201910543218"),
          pledges=[{"pledgors": ["江苏沪宁钢机股份有限公司", "宜兴市建邦钢结构有限公司"], "pledgees": ["中国建设银行股份有限公司宜兴支行"]}]),
        R(8, 37, application_number=app("202110098765"),
          pledges=[{"pledgors": ["中亿丰建设集团股份有限公司"], "pledgees": ["苏州银行股份有限公司"]}]),
        R(9, 43, application_number=app("201811376542"),
          pledges=[{"pledgors": ["江苏中南建筑产业集团有限责任公司"], "pledgees": ["南通农村商业银行股份有限公司"]}]),
        R(10, 60, application_number=app("202010876219"),
          pledges=[{"pledgors": ["南通四建集团有限公司"], "pledgees": ["中国工商银行股份有限公司南通分行", "江苏省信用再担保集团有限公司"]}]),
        R(11, 67, application_number=app("201910233451"),
          pledges=[{"pledgors": ["常熟丰彩建筑装饰工程有限公司"], "pledgees": ["江苏常熟农村商业银行股份有限公司"]}]),
    ]
    F["tech_transfer"] = [
        R(5, 25, application_number=app("201810276413"), filing_date="2018-03-29",
          publication_number="CN108408735B", publication_date="2020-07-14", inventors=["颜健", "梁志宏"],
          transfers=[{"from": ["华南理工大学"], "to": ["广州新宇催化材料有限公司"]}], licenses=[]),
        R(6, 54, application_number=app("201911067853"), filing_date="2019-11-04",
          publication_number="CN110776432B", publication_date="2021-09-28", inventors=["潘振兴", "陈可", "黄碧珊"],
          transfers=[], licenses=[{"licensors": ["华南理工大学"], "licensees": ["广东汇丰纸业有限公司"], "type": "独占许可"}]),
        R(7, 71, application_number=app("202010298713"), filing_date="2020-04-16",
          publication_number="CN111484025B", publication_date="2022-03-15", inventors=["邱文杰"],
          transfers=[], licenses=[{"licensors": ["华南理工大学"], "licensees": ["佛山市南海区科力新材料有限公司"], "type": "普通许可"}]),
        R(8, 90, application_number=app("201810965432"), filing_date="2018-08-23",
          publication_number="CN109136086B", publication_date="2021-11-02", inventors=["谭志远", "冯素琴"],
          transfers=[{"from": ["华南理工大学", "广东省人民医院"], "to": ["广州再生医学与健康广东省实验室"]}], licenses=[]),
        R(9, 102, application_number=app("202010557891"), filing_date="2020-06-18",
          publication_number="CN111686783B", publication_date="2023-01-10", inventors=["郭俊杰", "叶青"],
          transfers=[{"from": ["华南理工大学"], "to": ["广州华碳新能源科技有限公司"]}], licenses=[]),
        R(10, 105, application_number=app("201710983412"), filing_date="2017-10-20",
          publication_number="CN107699723B", publication_date="2019-12-17", inventors=["钟文斌", "刘晓"],
          transfers=[], licenses=[{"licensors": ["华南理工大学"], "licensees": ["东莞市精研粉体科技有限公司"], "type": "排他许可"}]),
        R(11, 122, application_number=app("201811623498"), filing_date="2018-12-28",
          publication_number="CN111384263B", publication_date="2022-06-21", inventors=["骆远航", "施洁"],
          transfers=[{"from": ["华南理工大学"], "to": ["TCL科技集团股份有限公司", "广东聚华印刷显示技术有限公司"]}], licenses=[]),
    ]
    F["espacenet"] = [
        R(6, 23, applicants=["DAIKIN IND LTD"], inventors=["TANAKA YUSUKE", "OKAMOTO HIROKI"],
          publication_number="CN112585231A", publication_date="2021-03-30", ipc=["C09K5/04", "F25B1/00"]),
        R(10, 27, applicants=["APPLIED MATERIALS INC"], inventors=["KUMAR RAJESH", "CHEN LISA", "NGUYEN TUAN"],
          publication_number="CN111868910A", publication_date="2020-10-30", ipc=["H10K71/16", "C04B41/87", "B05D1/32"]),
        R(16, 51, applicants=["CONTINENTAL REIFEN DEUTSCHLAND GMBH"], inventors=["WEBER THOMAS", "KLEIN MARTINA"],
          publication_number="CN112384628A", publication_date="2021-02-19", ipc=["C08J5/06", "B60C9/00", "C09J109/00"]),
        R(21, 56, applicants=["GENERAL ELECTRIC COMPANY", "GE AVIATION SYSTEMS LLC"], inventors=["GARRETT MICHAEL", "SHAH PRIYA", "YANG YAN"],
          publication_number="CN110520230B", publication_date="2022-07-05", ipc=["B22F10/28", "B33Y10/00", "B22F7/08"]),
        R(28, 64, applicants=["SUMITOMO RUBBER IND"], inventors=["SATO KENJI"],
          publication_number="CN113004540A", publication_date="2021-06-22", ipc=["C08L9/06", "C08K3/36", "B60C1/00"]),
        R(32, 120, applicants=["BASF COATINGS GMBH"], inventors=["MÜLLER HANS-PETER", "SCHÄFER ANNA"],
          publication_number="CN111556092A", publication_date="2020-08-18", ipc=["B05D7/14", "C08F220/18", "C08F220/14"]),
        R(37, 142, applicants=["QUALCOMM INC"], inventors=["SUN JING", "ZHANG XIAOXIA"],
          publication_number="CN111989965B", publication_date="2023-05-02", ipc=["H04W64/00", "G01S5/02"]),
    ]
    for rs in F.values():
        for r in rs:
            if r.pop("no_abstract", False):
                r["abstract"] = ""
    return F


FIELDS = {
    "patentstar_cprs": ["application_number", "filing_date", "publication_number", "publication_date", "title",
                        "applicants", "inventors", "ipc", "priority", "legal_status", "abstract"],
    "patsnap_en": ["publication_number", "title", "abstract", "application_number", "filing_date",
                   "publication_date", "applicants", "current_owners", "inventors", "ipc", "priority",
                   "family", "cited_by_count", "legal_status"],
    "cnki_patents": ["title", "applicants", "inventors", "filing_date", "application_number",
                     "publication_number", "publication_date", "ipc", "abstract"],
    "lawfirm_docket": ["application_number", "filing_date", "publication_number", "publication_date", "priority",
                       "title", "applicants", "inventors", "ipc", "legal_status"],
    "pledge_register": ["application_number", "title", "pledges"],
    "tech_transfer": ["title", "application_number", "filing_date", "publication_number", "publication_date",
                      "inventors", "transfers", "licenses"],
    "espacenet": ["title", "inventors", "applicants", "publication_number", "ipc", "publication_date"],
}
FILES = {
    "patentstar_cprs": "patentstar_cprs.xlsx",
    "patsnap_en": "patsnap_en.csv",
    "cnki_patents": "cnki_patents.tsv",
    "lawfirm_docket": "lawfirm_docket.xlsx",
    "pledge_register": "pledge_register.csv",
    "tech_transfer": "tech_transfer.xlsx",
    "espacenet": "espacenet.csv",
}


# ---------------------------------------------------------------- how each exporter prints them
FW = str.maketrans("0123456789.ABCNZL", "０１２３４５６７８９．ＡＢＣＮＺＬ")


def fullwidth(s: str) -> str:
    return s.translate(FW)


def bare(number: str) -> str:
    """CN202011234561.X -> 202011234561.X."""
    return number.removeprefix("CN")


def digits(number: str) -> str:
    """CN202011234561.X -> 202011234561 (no CN, no check digit)."""
    return bare(number).split(".")[0]


def thirteen(number: str) -> str:
    """CN202011234561.X -> 202011234561X (13 digits, no dot, no CN)."""
    return bare(number).replace(".", "")


def spaced(number: str) -> str:
    """CN202110234681.1 -> 2021 1 0234681.1 (the way a docket clerk types it)."""
    n = bare(number)
    return f"{n[:4]} {n[4]} {n[5:]}"


def compact(iso: str) -> str:
    return iso.replace("-", "")


def euro_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def kind(pub: str) -> str:
    return pub[-1]


def spaced_pub(pub: str) -> str:
    """CN110479329B -> CN 110479329 B."""
    return f"{pub[:2]} {pub[2:-1]} {pub[-1]}"


# 专利之星 CPRS: 申请号 and date cells vary per record (kp -> (申请号 cell, 申请日 cell, 公开号 cell)).
def patentstar_cells(r: dict[str, Any]) -> tuple[Any, Any, Any, Any]:
    a, f, p, d = r["application_number"], r["filing_date"], r["publication_number"], r["publication_date"]
    table: dict[int, tuple[Any, Any, Any, Any]] = {
        3: (thirteen(a), xdate(f, "yyyy.mm.dd"), p, xdate(d, "yyyy.mm.dd")),
        5: (a, xdate(f, "yyyy.mm.dd"), spaced_pub(p), xdate(d, "yyyy.mm.dd")),
        18: (bare(a), dot_date(f), p, dot_date(d)),
        28: (fullwidth(bare(a)), xdate(f, "yyyy.mm.dd"), p, xdate(d, "yyyy.mm.dd")),
        39: (spaced(a), slash_date(f), p, slash_date(d)),
        63: (thirteen(a), compact(f), p, compact(d)),
        85: (a, xdate(f, "yyyy.mm.dd"), p[:-1] + " " + p[-1], xdate(d, "yyyy.mm.dd")),
    }
    return table[r["kp"]]


def patentstar_priority(r: dict[str, Any]) -> str:
    parts = []
    for q in r["priority"]:
        number = q["number"]
        if number.startswith("JP"):
            number = f"{number[:6]}-{number[6:]}"
        parts.append(f"{number} {dot_date(q['date'])}")
    return "；".join(parts)


def patentstar(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "申请号", "申请日", "公开号", "公开日", "发明名称", "申请人", "发明人", "主分类号", "分类号",
            "优先权", "当前法律状态", "摘要"]
    rows = []
    for i, r in enumerate(rs, 1):
        a, f, p, d = patentstar_cells(r)
        rows.append([
            i, a, f, p, d, r["title"], "；".join(r["applicants"]), "；".join(r["inventors"]), r["ipc"][0],
            "；".join(r["ipc"]), patentstar_priority(r), r["legal_status"], r["abstract"],
        ])
    report = {
        "name": "检索报告",
        "header": [["项目", "内容"]],
        "rows": [
            ["检索系统", "专利之星检索系统（CPRS）"],
            ["检索式", "F XX (3D打印 + 电催化 + 加氢处理 + 正极材料 + 镁合金 + 盘条 + 铁氧体)/TI/AB"],
            ["检索时间", "2026-11-20 15:22:08"],
            ["数据范围", "中国发明专利申请、中国发明专利授权"],
            ["命中条数", len(rs)],
        ],
    }
    preamble = [
        "专利之星检索系统（CPRS） 检索结果列表",
        "检索式：F XX (3D打印 + 电催化 + 加氢处理 + 正极材料 + 镁合金 + 盘条 + 铁氧体)/TI/AB",
        "检索时间：2026-11-20 15:22:08",
        "数据库：中国发明专利申请；中国发明专利授权",
        f"共{len(rs)}条",
        "",
    ]
    data = {"name": "专利列表", "preamble": preamble, "header": [head], "rows": rows}
    counts: dict[str, int] = {}
    for r in rs:
        counts[r["ipc"][0][:4]] = counts.get(r["ipc"][0][:4], 0) + 1
    stats = {"name": "IPC统计", "header": [["IPC小类", "件数"]], "rows": [[k, v] for k, v in sorted(counts.items())]}
    return [report, data, stats]


def patsnap_priority_number(number: str) -> str:
    if number.startswith("US") and len(number) == 10:
        return f"US{number[2:4]}/{number[4:7]},{number[7:]}"
    if number.startswith("JP"):
        return f"{number[:6]}-{number[6:]}"
    return number


def patsnap_en(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["No.", "Publication Number", "Title", "Abstract", "Application Number", "Application Date",
            "Publication Date", "Original Assignee", "Current Assignee", "Inventor", "IPC Main", "IPC - Current",
            "Priority Number", "Priority Date", "Simple Family", "Cited by Count", "Legal Status", "Patent Type"]
    rows = []
    for i, r in enumerate(rs, 1):
        a = r["application_number"]
        if r["kp"] == 135:
            a = "CN" + digits(a)
        owners = "\n".join(r["current_owners"]) if r["kp"] == 172 else " | ".join(r["current_owners"])
        rows.append([
            i, r["publication_number"], r["title"], r["abstract"], a, slash_date(r["filing_date"]),
            slash_date(r["publication_date"]), " | ".join(r["applicants"]), owners, " | ".join(r["inventors"]),
            r["ipc"][0], " | ".join(r["ipc"]),
            " | ".join(patsnap_priority_number(q["number"]) for q in r["priority"]),
            " | ".join(slash_date(q["date"]) for q in r["priority"]),
            " | ".join(r["family"]), r["cited_by_count"], r["legal_status"],
            "Granted Patent" if kind(r["publication_number"]) == "B" else "Application",
        ])
    preamble = [
        "PatSnap Analytics - Patent Export",
        "Query: TAC:(emergency call OR VoIP OR optical module OR optical network unit OR snapshot OR antenna OR wake-up radio) AND PN:CN",
        "Export Time: 2026-11-21 10:03:45 (UTC+08:00)",
        f"Total: {len(rs)} patents",
        "",
    ]
    return [{"name": "patsnap_en", "preamble": preamble, "header": [head], "rows": rows}]


CNKI_EXTRA = {
    8: ("312000 浙江省绍兴市柯桥区马鞍街道", "绍兴市越兴专利事务所(普通合伙) 33220", "蒋卫东", "33", 9),
    10: ("271018 山东省泰安市岱宗大街61号", "济南圣达知识产权代理有限公司 37221", "王书刚", "37", 7),
    31: ("571100 海南省海口市秀英区", "海口翔翔专利事务所(普通合伙) 46001", "王茜", "46", 6),
    45: ("350002 福建省福州市仓山区", "福州元创专利商标代理有限公司 35100", "蔡学俊", "35", 5),
    44: ("215000 江苏省苏州市吴中区", "苏州创元专利商标事务所有限公司 32103", "孙仿卫", "32", 8),
    53: ("226000 江苏省南通市崇川区", "南京纵横知识产权代理有限公司 32224", "董建林", "32", 4),
    58: ("310000 浙江省杭州市余杭区", "杭州求是专利事务所有限公司 33200", "邱启旺", "33", 11),
}


def cnki(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["SrcDatabase-来源库", "Title-题名", "Applicant-申请人", "Inventor-发明人", "ApplyDate-申请日",
            "ApplyNum-申请号", "PubNo-公开号", "PubTime-公开日", "MainClass-主分类号", "Class-分类号",
            "Summary-摘要", "Address-地址", "Agency-代理机构", "Agent-代理人", "CountryCode-国省代码", "Pages-页数"]
    rows = []
    for r in rs:
        a = r["application_number"]
        if r["kp"] == 44:
            a = "CN" + digits(a)
        address, agency, agent, code, pages = CNKI_EXTRA[r["kp"]]
        rows.append([
            "专利", r["title"], "".join(n + ";" for n in r["applicants"]), "".join(n + ";" for n in r["inventors"]),
            r["filing_date"], a, r["publication_number"], r["publication_date"], r["ipc"][0], ";".join(r["ipc"]),
            r["abstract"], address, agency, agent, code, pages,
        ])
    return [{"name": "cnki_patents", "header": [head], "rows": rows}]


def docket_cells(r: dict[str, Any]) -> tuple[Any, Any, Any, Any]:
    a, f, p, d = r["application_number"], r["filing_date"], r["publication_number"], r["publication_date"]
    table: dict[int, tuple[Any, Any, Any, Any]] = {
        7: (spaced(a), xdate(f), fullwidth(p), xdate(d)),
        9: (bare(a), cn_date(f), p, xdate(d)),
        19: (a, xdate(f), p, xdate(d)),
        32: ("ZL" + bare(a), xdate(f), spaced_pub(p), xdate(d)),
        49: (thirteen(a), xdate(f), p, cn_date(d)),
        57: (bare(a), xdate(f), p, xdate(d)),
        87: (bare(a), cn_date(f), p, xdate(d)),
    }
    return table[r["kp"]]


DOCKET_REFS = {7: ("MD21-0087", "MIDEA-2021-SE-0312", 3450, 6000, "2026-12-05"),
               9: ("MD19-0412", "LS-2019-0733", 1200, 8500, "2027-07-19"),
               19: ("MD20-0931", "WH-2020-1188", 3450, 7000, "2026-12-11"),
               32: ("MD18-1127", "WH-2018-0905", 900, 8500, "2026-12-13"),
               49: ("MD20-0145", "SD-2020-0021", 1000, 4500, "2027-01-20"),
               57: ("MD19-1033", "NT-2019-0466", 1200, 8500, "2026-11-28"),
               87: ("MD18-0356", "CF-2018-0117", 0, 3000, "")}


def lawfirm_docket(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    top = ["序号", "案卷信息", "", "官方信息", "", "", "", "", "", "著录信息", "", "", "", "案件状态", "费用", "", ""]
    sub = ["", "案卷号", "客户案号", "官方文号", "申请日", "公开（公告）号", "公开（公告）日", "优先权号", "优先权日",
           "发明名称", "申请人", "发明人", "IPC分类", "", "官费（元）", "代理费（元）", "下次缴费期限"]
    rows: list[list[Any]] = []
    fees = [0, 0]
    for i, r in enumerate(rs, 1):
        a, f, p, d = docket_cells(r)
        ref, client_ref, official, agency, due = DOCKET_REFS[r["kp"]]
        rows.append([
            i, ref, client_ref, a, f, p, d, "\n".join(q["number"] for q in r["priority"]),
            "\n".join(dot_date(q["date"]) for q in r["priority"]), r["title"], "、".join(r["applicants"]),
            "、".join(r["inventors"]), ",".join(r["ipc"]), r["legal_status"], official, agency, due,
        ])
        fees[0] += official
        fees[1] += agency
        if i == 4:
            rows.append([])  # the clerk leaves a blank line between 2018-2019 and later cases
    rows.append(["", "合计", "", f"{len(rs)}件", "", "", "", "", "", "", "", "", "", "", fees[0], fees[1], ""])
    rows.append(["", "注：官费以国家知识产权局缴费通知为准；状态更新至2026年11月17日。"])
    preamble_rows = [
        ["", "北京华信诚知识产权代理有限公司 发明专利案卷台账"],
        ["", "客户：美的集团股份有限公司及其下属公司"],
        ["", "导出人：张悦（流程部）  导出时间：2026年11月18日 09:12"],
        [],
    ]
    merged = ["A5:A6", "B5:C5", "D5:I5", "J5:M5", "N5:N6", "O5:Q5"]
    data = {"name": "案卷台账", "preamble_rows": preamble_rows, "header": [top, sub], "merged": merged,
            "hidden_columns": ["A"], "rows": rows}
    fee_sheet = {"name": "费用汇总", "header": [["年度", "官费（元）", "代理费（元）"]],
                 "rows": [[2025, 15800, 42000], [2026, fees[0], fees[1]]]}
    return [data, fee_sheet]


PLEDGE_CELLS = {
    29: ("Y2026320000412", "ZL", "2026/7/3", 800, "有效"),
    35: ("Y2026320000437", "ZL_spaced", "2026/7/9", 1500, "有效"),
    37: ("Y2026320000502", "thirteen", "2026/8/3", 500, "有效"),
    43: ("Y2026320000518", "ZL", "2026/8/11", 300, "已注销"),
    60: ("Y2026320000566", "ZL", "2026/9/1", 2000, "有效"),
    67: ("Y2026320000590", "ZL", "2026/9/24", 200, "有效"),
}


def pledge_register(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "质押登记号", "专利号", "专利名称", "专利类型", "出质人", "质权人", "质押登记日",
            "主债权金额（万元）", "状态"]
    rows: list[list[Any]] = []
    total = 0
    for i, r in enumerate(rs, 1):
        reg, form, day, amount, state = PLEDGE_CELLS[r["kp"]]
        a = r["application_number"]
        number = {"ZL": "ZL" + bare(a), "ZL_spaced": "ZL " + spaced(a), "thirteen": thirteen(a)}[form]
        pledge = r["pledges"][0]
        rows.append([i, reg, number, r["title"], "发明", "；".join(pledge["pledgors"]), "、".join(pledge["pledgees"]),
                     day, amount, state])
        total += amount
    rows.append(["合计", "", "", "", "", "", "", "", total, ""])
    rows.append(["注：本表仅为登记信息公示，质押合同的效力以登记通知书为准。"])
    preamble = [
        "江苏省知识产权局 专利权质押登记信息公示（2026年第三季度）",
        "数据截止：2026年9月30日",
        f"共{len(rs)}条",
        "",
    ]
    return [{"name": "pledge_register", "preamble": preamble, "header": [head], "rows": rows}]


TRANSFER_CELLS = {
    25: ("ZL", "xdate", "", "转让", 120, "2025-03-18", ""),
    54: ("bare", "xdate", "", "独占许可", 80, "2025-04-02", "许可期限5年"),
    71: ("ZL_spaced", "dot", "", "普通许可", 15, "2025-05-20", ""),
    90: ("thirteen", "xdate", "", "转让", 60, "2025-06-11", "共有人广东省人民医院同意转让"),
    102: ("fullwidth", "xdate", "", "作价入股", 500, "2025-08-26", "作价投资，学校持股"),
    105: ("ZL", "dot", "spaced", "排他许可", 30, "2025-09-30", ""),
    122: ("ZL", "xdate", "", "转让", 200, "2025-11-14", ""),
}


def tech_transfer(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["序号", "专利名称", "专利号", "申请日", "授权公告号", "授权公告日", "发明人", "转化方式",
            "转让人/许可人", "受让人/被许可人", "合同金额（万元）", "合同登记日", "备注"]
    rows: list[list[Any]] = []
    total = 0
    for i, r in enumerate(rs, 1):
        number_form, date_form, pub_form, mode, amount, signed, note = TRANSFER_CELLS[r["kp"]]
        a = r["application_number"]
        number = {"ZL": "ZL" + bare(a), "bare": bare(a), "ZL_spaced": "ZL " + spaced(a), "thirteen": thirteen(a),
                  "fullwidth": fullwidth("ZL" + bare(a))}[number_form]
        f, d = r["filing_date"], r["publication_date"]
        filing, granted = (xdate(f, "yyyy/m/d"), xdate(d, "yyyy/m/d")) if date_form == "xdate" else (dot_date(f), dot_date(d))
        pub = spaced_pub(r["publication_number"]) if pub_form else r["publication_number"]
        if r["transfers"]:
            giver, taker = r["transfers"][0]["from"], r["transfers"][0]["to"]
        else:
            giver, taker = r["licenses"][0]["licensors"], r["licenses"][0]["licensees"]
        rows.append([i, r["title"], number, filing, pub, granted, "，".join(r["inventors"]), mode,
                     "；".join(giver), "、".join(taker), amount, xdate(signed, "yyyy/m/d"), note])
        total += amount
    rows.append(["合计", "", "", "", "", "", "", "", "", "", total, "", ""])
    preamble = [
        "华南理工大学2025年度专利转化清单（转让、许可、作价入股）",
        "填报单位：技术转移中心（盖章）    填报日期：2026年1月15日",
        "",
    ]
    guide = {"name": "填表说明", "header": [["说明"]], "rows": [
        ["1. 本表填报2025年1月1日至12月31日完成合同登记的专利转化项目。"],
        ["2. 转化方式填写：转让、独占许可、排他许可、普通许可、作价入股。"],
        ["3. 合同金额以万元计，作价入股填写作价金额。"],
    ]}
    data = {"name": "转化清单", "preamble": preamble, "header": [head], "rows": rows}
    summary = {"name": "汇总", "header": [["转化方式", "项数", "合同金额（万元）"]], "rows": [
        ["转让", 3, 380], ["许可", 3, 125], ["作价入股", 1, 500],
    ]}
    return [guide, data, summary]


ESPACENET_EXTRA = {
    23: ("JP", "2018-08-31", "C09K5/045 (EP); F25B1/00 (EP)", "WO2020045614A1", "69644122"),
    27: ("US", "2018-04-02", "C23C16/042 (EP); H01J37/32477 (EP)", "US2019305264A1", "68057238"),
    51: ("DE", "2018-05-29", "C08J5/06 (EP); B60C9/0042 (EP)", "DE102018208402A1", "66542253"),
    56: ("US", "2017-04-19", "B22F10/28 (EP); B33Y10/00 (EP)", "US2018304365A1", "63853582"),
    64: ("JP", "2019-12-19", "C08L9/06 (EP); B60C1/0016 (EP)", "JP2021095473A", "73544901"),
    120: ("DE", "2018-01-10", "C09D133/08 (EP); B05D7/14 (EP)", "WO2019137851A1", "60954944"),
    142: ("US", "2018-04-23", "H04W64/00 (EP); G01S5/0284 (EP)", "US2019327537A1", "66171221"),
}


def espacenet(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    head = ["No", "Title", "Inventors", "Applicants", "Publication number", "Earliest priority", "IPC", "CPC",
            "Publication date", "Earliest publication", "Family number"]
    rows = []
    for i, r in enumerate(rs, 1):
        country, earliest, cpc, first_pub, family = ESPACENET_EXTRA[r["kp"]]
        applicant_country = {"GE AVIATION SYSTEMS LLC": "US"}
        rows.append([
            i, r["title"], "\n".join(f"{n} [{country}]" for n in r["inventors"]),
            "\n".join(f"{n} [{applicant_country.get(n, country)}]" for n in r["applicants"]),
            r["publication_number"], euro_date(earliest), "\n".join(r["ipc"]), cpc.replace("; ", "\n"),
            euro_date(r["publication_date"]), first_pub, family,
        ])
    preamble = [
        "Espacenet - Result list",
        "Query: pn = \"CN\" AND pa any \"DAIKIN APPLIED MATERIALS CONTINENTAL GENERAL ELECTRIC SUMITOMO BASF QUALCOMM\"",
        "Date: 21/11/2026",
        "",
    ]
    return [{"name": "espacenet", "preamble": preamble, "header": [head], "rows": rows}]


RENDER = {
    "patentstar_cprs": patentstar,
    "patsnap_en": patsnap_en,
    "cnki_patents": cnki,
    "lawfirm_docket": lawfirm_docket,
    "pledge_register": pledge_register,
    "tech_transfer": tech_transfer,
    "espacenet": espacenet,
}
OUTPUT: dict[str, dict[str, Any]] = {
    "patentstar_cprs": {"type": "xlsx", "data_sheet": "专利列表"},
    "patsnap_en": {"type": "csv", "encoding": "utf-8", "bom": True, "delimiter": ","},
    "cnki_patents": {"type": "csv", "encoding": "gb18030", "bom": False, "delimiter": "\t"},
    "lawfirm_docket": {"type": "xlsx", "data_sheet": "案卷台账"},
    "pledge_register": {"type": "csv", "encoding": "utf-8", "bom": False, "delimiter": ","},
    "tech_transfer": {"type": "xlsx", "data_sheet": "转化清单"},
    "espacenet": {"type": "csv", "encoding": "utf-8", "bom": True, "delimiter": ";"},
}



def main() -> None:
    write_set(ExportSet(
        name="exports_depth3", about=ABOUT, split=SPLIT, conventions=CONVENTIONS, records=records,
        render=RENDER, output=OUTPUT, files=FILES, fields=FIELDS,
    ))


if __name__ == "__main__":
    main()
