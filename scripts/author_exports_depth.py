"""How the depth exports were authored: the 30 records as written by hand (canonical values, the
gold), and how each vendor prints them (the export sources). Dev only; needs the KPPatent-ZH data.

    python3 scripts/author_exports_depth.py && python3 scripts/make_gold_depth.py

Writes tests/gold/exports_depth/source/*.json and tests/gold/exports_depth.json.
"""

# ruff: noqa: E501 - the records read best one per block, as written

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from domain.numbers import cn_check_digit

ROOT = Path(__file__).resolve().parents[1]
KP = json.loads(Path("/work/shared/data/kppatent-zh/test_data_TAC.json").read_text("utf-8"))
ABOUT = (
    "Expected normalised records of tests/gold/exports_depth (five fictional analyst exports in the layouts of "
    "incoPat, PatSnap, Himmpat/Soopat, the CNIPA 专利检索及分析 system and Derwent Innovation; titles and abstracts are real "
    "Chinese patent text from /work/shared/data/kppatent-zh, numbers, parties and dates are fictional). Per file: the data "
    "sheet, its header rows and preamble lines, and per record the 1-based row (sheet row for XLSX, physical line for CSV) "
    "and the fields that file exports, in canonical form. Fields and rules: tests/gold/README.md."
)


def text(i):
    lines = KP[i]["input"].split("\n")
    return lines[0].removeprefix("标题："), lines[1].removeprefix("摘要：")


def app(d):  # canonical application number from its digits
    return f"CN{d}.{cn_check_digit(d)}"


def R(kp, pub, appd, filing, pubdate, applicants, inventors, ipc, legal, **kw):
    title, abstract = text(kp)
    r = dict(
        publication_number=pub,
        application_number=app(appd),
        title=title,
        abstract=abstract,
        applicants=applicants,
        current_owners=kw.pop("owners", applicants),
        inventors=inventors,
        ipc=ipc,
        filing_date=filing,
        publication_date=pubdate,
        legal_status=legal,
    )
    r.update(kw)
    for key in (
        "priority",
        "cites",
        "cited_by",
        "family",
        "transfers",
        "pledges",
        "licenses",
        "legal_events",
    ):
        r.setdefault(key, [])
    r.setdefault("cited_by_count", len(r["cited_by"]))
    return r


SINOPEC = "中国石油化工股份有限公司"
F = {}
F["incopat_like"] = [
    R(
        22,
        "CN113512379A",
        "202110587921",
        "2021-05-27",
        "2021-10-19",
        [SINOPEC, "中国石油化工股份有限公司北京化工研究院"],
        ["张立强", "周晓燕", "魏巍"],
        ["D01F6/04", "D01F1/10", "D01D5/04"],
        "实质审查",
        legal_events=["公开", "实质审查的生效"],
        cites=["CN109750381A", "CN110172740A"],
        cited_by=["CN115961375A"],
    ),
    R(
        88,
        "CN112135847B",
        "201980034567",
        "2019-10-15",
        "2023-03-14",
        ["株式会社LG化学"],
        ["李成圭", "金兑雨", "崔峻豪"],
        ["C08F6/00", "C08F6/10", "B01D3/14"],
        "授权",
        priority=[{"number": "KR1020180123456", "date": "2018-10-17"}],
        family=["KR20200043228A", "US20210246524A1", "EP3798259A1"],
        legal_events=["公开", "实质审查的生效", "授权"],
        cites=["CN1651473A", "US20140316086A1"],
        cited_by=[],
    ),
    R(
        253,
        "CN112939095B",
        "202110189543",
        "2021-02-19",
        "2022-09-13",
        ["中伟新材料股份有限公司"],
        ["刘兴国", "訚立新", "李卫华"],
        ["C01G53/00", "H01M4/505", "H01M4/525"],
        "授权",
        owners=["湖南中伟新能源科技有限公司"],
        transfers=[{"from": ["中伟新材料股份有限公司"], "to": ["湖南中伟新能源科技有限公司"]}],
        legal_events=["公开", "实质审查的生效", "授权", "专利权的转移"],
        cites=["CN108793744A", "CN110817975A", "JP2015227263A"],
        cited_by=["CN116375111A", "CN117023704A"],
    ),
    R(
        286,
        "CN114425424B",
        "202011077583",
        "2020-10-10",
        "2023-08-29",
        [SINOPEC, "中国石油化工股份有限公司上海石油化工研究院"],
        ["杨伟明", "王振东", "刘志成"],
        ["B01J29/76", "C01B39/04", "B01J35/10"],
        "授权",
        licenses=[
            {
                "licensors": [SINOPEC],
                "licensees": ["中石化催化剂(北京)有限公司"],
                "type": "普通许可",
            }
        ],
        legal_events=["公开", "实质审查的生效", "授权", "专利实施许可合同备案的生效"],
        cited_by=["CN117563512A"],
        cited_by_count=3,
    ),
    R(
        660,
        "CN115125579A",
        "202210716338",
        "2022-06-23",
        "2022-09-30",
        ["大连理工大学"],
        ["王致远", "邱建峰"],
        ["C25B11/091", "C25B1/04", "D01F9/08"],
        "实质审查",
        legal_events=["公开", "实质审查的生效"],
    ),
    R(
        671,
        "CN113817128B",
        "202111143027",
        "2021-09-28",
        "2023-04-07",
        ["东莞市雄林新材料科技股份有限公司"],
        ["何建雄", "王一良"],
        ["C08G18/66", "C08G18/48", "C08K5/521"],
        "授权",
        pledges=[
            {
                "pledgors": ["东莞市雄林新材料科技股份有限公司"],
                "pledgees": ["东莞农村商业银行股份有限公司"],
            }
        ],
        legal_events=["公开", "实质审查的生效", "授权", "专利权质押合同登记的生效"],
        cites=["CN106995516A"],
    ),
]
F["patsnap_like"] = [
    R(
        308,
        "CN114071916B",
        "202111188250",
        "2021-10-12",
        "2023-05-26",
        ["中车株洲电力机车研究所有限公司"],
        ["李江宏", "胡嘉禧", "彭凯"],
        ["H05K7/20", "G10K11/16", "H02M1/00"],
        "授权",
        cites=["CN208190466U", "CN110397553A"],
    ),
    R(
        484,
        "CN113246796A",
        "202110570318",
        "2021-05-25",
        "2021-08-13",
        ["国网电动汽车服务有限公司", "国家电网有限公司"],
        ["徐兴", "王智慧", "刘秀兰"],
        ["B60L58/12", "G01R31/367", "G01R31/36"],
        "驳回",
    ),
    R(
        396,
        "CN110943993B",
        "201911156788",
        "2019-11-22",
        "2022-05-13",
        ["OPPO广东移动通信有限公司"],
        ["陈岩"],
        ["H02J7/00", "G06F1/28"],
        "授权",
        priority=[{"number": app("201910125678"), "date": "2019-02-20"}],
        licenses=[
            {
                "licensors": ["OPPO广东移动通信有限公司"],
                "licensees": ["东莞市欧珀精密电子有限公司"],
                "type": "独占许可",
            }
        ],
        cited_by=["CN114039345A", "CN114465512A", "CN115514046A"],
    ),
    R(
        528,
        "CN113453475B",
        "202110720835",
        "2021-06-28",
        "2022-09-27",
        ["北京百度网讯科技有限公司"],
        ["高原", "陈晓光"],
        ["H05K7/20", "F24F11/46"],
        "授权",
        owners=["昆仑芯(北京)科技有限公司"],
        transfers=[{"from": ["北京百度网讯科技有限公司"], "to": ["昆仑芯(北京)科技有限公司"]}],
    ),
    R(
        99,
        "CN112442371A",
        "201910803374",
        "2019-08-28",
        "2021-03-05",
        ["TCL科技集团股份有限公司"],
        ["叶伟豪", "杨逸航"],
        ["C09K11/02", "C09K11/88", "B82Y20/00", "B82Y40/00"],
        "撤回",
        cites=["CN106905953A"],
    ),
    R(
        495,
        "CN113073384B",
        "202110315467",
        "2021-03-24",
        "2022-08-05",
        ["天通银厦新材料有限公司"],
        ["潘建忠", "马金峰", "杨兵"],
        ["C30B15/20", "C30B29/20", "G05B13/04"],
        "授权",
        pledges=[{"pledgors": ["天通银厦新材料有限公司"], "pledgees": ["宁夏银行股份有限公司"]}],
    ),
]
F["himmpat_like"] = [
    R(
        374,
        "CN1284560A",
        "99171033",
        "1999-08-12",
        "2001-02-21",
        ["冶金工业部钢铁研究总院"],
        ["刘文昌", "孙佳"],
        ["C22C19/07", "B23K35/30"],
        "专利权终止",
        owners=["中国钢研科技集团有限公司"],
    ),
    R(
        616,
        "CN1428446A",
        "01176563",
        "2001-12-28",
        "2003-07-09",
        ["合肥水泥研究设计院"],
        ["王宝明", "陈昌华"],
        ["C22C38/44", "B02C4/30"],
        "专利权终止",
    ),
    R(
        110,
        "CN111795381A",
        "202010634772",
        "2020-07-06",
        "2020-10-20",
        ["中国电建集团西北勘测设计研究院有限公司"],
        ["李建平", "赵卫东"],
        ["F16L55/045", "F16L55/04"],
        "实质审查",
    ),
    R(
        0,
        "CN112360470A",
        "202011236452",
        "2020-11-09",
        "2021-02-12",
        ["长沙矿山研究院有限责任公司"],
        ["王平", "周宗红", "罗勇"],
        ["E21C41/16", "E21C27/24"],
        "授权",
    ),
    R(
        418,
        "CN110593597A",
        "201910923614",
        "2019-09-27",
        "2019-12-20",
        ["中建三局集团有限公司"],
        ["陈卫国", "刘威"],
        ["E04G21/04", "E04G21/02"],
        "授权",
    ),
    R(
        572,
        "CN1480624A",
        "02192559",
        "2002-08-19",
        "2004-03-10",
        ["江苏省建筑工程集团有限公司"],
        ["钱洪兴"],
        ["E21B7/02", "B60P3/00"],
        "视为撤回",
    ),
]
F["cnipa_pss"] = [
    R(
        11,
        "CN114095850A",
        "202011031552",
        "2020-09-27",
        "2022-02-25",
        ["华为技术有限公司"],
        ["王钊", "刘亚林"],
        ["H04W4/02", "H04W64/00", "G01S5/02"],
        None,
    ),
    R(
        132,
        "CN110891315A",
        "201811058732",
        "2018-09-11",
        "2020-03-17",
        ["华为技术有限公司"],
        ["张嘉寅", "曾庆海"],
        ["H04W72/04", "H04W72/12"],
        None,
        priority=[{"number": app("201710814256"), "date": "2017-09-11"}],
    ),
    R(
        693,
        "CN111182620A",
        "201811332615",
        "2018-11-09",
        "2020-05-19",
        ["中国移动通信有限公司研究院", "中国移动通信集团有限公司"],
        ["孙俊帅", "王莹"],
        ["H04W52/14", "H04W52/24"],
        None,
    ),
    R(
        165,
        "CN111596444A",
        "202010578309",
        "2020-06-22",
        "2020-08-28",
        ["浙江舜宇光学有限公司"],
        ["贺凌峰", "戴建国", "赵烈"],
        ["G02B13/00", "G02B13/18", "G02B13/06"],
        None,
        priority=[{"number": "US63042117", "date": "2019-06-24"}],
    ),
    R(
        649,
        "CN113046067A",
        "201911367125",
        "2019-12-26",
        "2021-06-29",
        ["TCL科技集团股份有限公司"],
        ["邓天阳"],
        ["C09K11/02", "C09K11/56", "H01L33/50"],
        None,
    ),
    R(
        319,
        "CN112251723A",
        "202011120457",
        "2020-10-19",
        "2021-01-22",
        ["中国科学院上海硅酸盐研究所"],
        ["董宪林", "梁瑞红", "周志涌"],
        ["H01L41/316", "H01L41/187", "C23C14/35"],
        None,
    ),
]
F["derwent_like"] = [
    R(
        517,
        "CN113249555A",
        "202110517736",
        "2021-05-12",
        "2021-08-13",
        ["南京中科煜宸激光技术有限公司"],
        ["王明", "周宇"],
        ["C21D1/18", "C21D9/00", "B33Y10/00"],
        None,
    ),
    R(
        627,
        "CN112813299B",
        "202011598542",
        "2020-12-29",
        "2022-06-03",
        ["宝钛集团有限公司", "宝鸡钛业股份有限公司"],
        ["王建", "何书临", "杨建朝"],
        ["C22C14/00", "C22F1/18"],
        None,
        cited_by=["CN114717445A", "CN115449664A", "CN116200631A", "CN117305637A"],
    ),
    R(
        682,
        "CN111172440B",
        "202010027583",
        "2020-01-10",
        "2021-09-14",
        ["重庆大学"],
        ["蒋文斌", "潘永红"],
        ["C22C23/06", "C22F1/06"],
        None,
        cites=["CN105755340A", "CN108588524A"],
    ),
    R(
        583,
        "CN113737336A",
        "202110894513",
        "2021-08-05",
        "2021-12-03",
        ["东华大学"],
        ["覃晓丽", "王黎明"],
        ["D02G3/44", "D02G3/36", "H01B1/24"],
        None,
        family=["WO2023010731A1"],
    ),
    R(
        561,
        "CN112133836A",
        "202010921487",
        "2020-09-04",
        "2020-12-25",
        ["苏州大学"],
        ["张晓红", "王涛"],
        ["H01L51/42", "H01L51/46", "B82Y30/00"],
        None,
    ),
    R(
        451,
        "CN114751699A",
        "202210361548",
        "2022-04-07",
        "2022-07-15",
        ["中国建材国际工程集团有限公司", "凯盛科技集团有限公司"],
        ["彭志明", "马立云", "王芸"],
        ["C04B28/04", "H01L31/048", "E04D13/18"],
        None,
        family=["WO2023193326A1"],
        priority=[{"number": app("202210361548"), "date": "2022-04-07"}],
    ),
]

FW = str.maketrans("0123456789.ACN", "０１２３４５６７８９．ＡＣＮ")


def fullwidth(s):
    return s.translate(FW)


def dot(d):
    return d.replace("-", ".")


def ipc_derwent(c):  # C21D1/18 -> C21D-001/18
    head, tail = c[:4], c[4:]
    group, sub = tail.split("/")
    return f"{head}-{int(group):03d}/{sub}"


def names(xs, sep):
    return sep.join(xs)


def ops(r, key, part, sep):
    return sep.join(n for o in r[key] for n in o[part])


PREAMBLE = {
    "incopat_like": [
        "检索式：(AP=(中国石油化工股份有限公司 OR 中伟新材料股份有限公司 OR 大连理工大学 OR 株式会社LG化学 OR 东莞市雄林新材料科技股份有限公司)) AND (AD>=20190101)",
        "导出时间：2025-02-18 10:32:45",
        "数据库：中国发明申请;中国发明授权;中国实用新型",
        "命中数：6",
    ],
    "himmpat_like": [
        "检索式：TI=(开采 OR 施工 OR 合金 OR 水锤 OR 钻机) AND PR=(CN)",
        "导出时间：2025/02/20 15:06",
        "数据库：中国专利",
        "命中数：6",
    ],
    "cnipa_pss": [
        "检索式：申请（专利权）人=(华为技术有限公司 OR 中国移动通信有限公司研究院 OR 浙江舜宇光学有限公司 OR TCL科技集团股份有限公司 OR 中国科学院上海硅酸盐研究所)",
        "检索时间：2025-02-21 09:14:33",
        "数据库：中国专利文摘数据库",
        "命中数：6",
    ],
}


def incopat(rs):
    head = [
        "序号",
        "公开（公告）号",
        "申请号",
        "标题",
        "摘要",
        "申请（专利权）人",
        "当前专利权人",
        "发明（设计）人",
        "申请日",
        "公开（公告）日",
        "IPC主分类号",
        "IPC分类号",
        "法律状态",
        "法律事件",
        "优先权号",
        "优先权日",
        "简单同族",
        "引证专利",
        "被引证专利",
        "被引证次数",
        "转让人",
        "受让人",
        "质押",
        "许可",
    ]
    rows = []
    for i, r in enumerate(rs, 1):
        pl = "；".join(
            f"出质人：{'、'.join(p['pledgors'])}；质权人：{'、'.join(p['pledgees'])}"
            for p in r["pledges"]
        )
        li = "；".join(
            f"{lic['type']}；许可人：{'、'.join(lic['licensors'])}；被许可人：{'、'.join(lic['licensees'])}"
            for lic in r["licenses"]
        )
        rows.append(
            [
                i,
                r["publication_number"],
                r["application_number"],
                r["title"],
                r["abstract"],
                names(r["applicants"], "; "),
                names(r["current_owners"], "; "),
                names(r["inventors"], "; "),
                r["filing_date"],
                r["publication_date"],
                r["ipc"][0],
                names(r["ipc"], "; "),
                r["legal_status"],
                names(r["legal_events"], "; "),
                names([p["number"] for p in r["priority"]], "; "),
                names([p["date"] for p in r["priority"]], "; "),
                names(r["family"], "; "),
                names(r["cites"], "; "),
                names(r["cited_by"], "; "),
                r["cited_by_count"],
                ops(r, "transfers", "from", "; "),
                ops(r, "transfers", "to", "; "),
                pl,
                li,
            ]
        )
    return [
        {
            "name": "检索结果",
            "preamble": PREAMBLE["incopat_like"] + [""],
            "header": [head],
            "rows": rows,
        }
    ]


def patsnap(rs):
    top = [
        "序号",
        "基本信息",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "分类",
        "",
        "优先权",
        "",
        "引用",
        "",
        "",
        "法律状态/事件",
        "运营信息",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    sub = [
        "",
        "标题",
        "摘要",
        "公开(公告)号",
        "申请号",
        "申请日",
        "公开(公告)日",
        "申请(专利权)人",
        "当前申请(专利权)人",
        "发明人",
        "IPC主分类",
        "IPC分类",
        "优先权号",
        "优先权日",
        "引用专利",
        "被引用专利",
        "被引用专利数量",
        "",
        "转让人",
        "受让人",
        "出质人",
        "质权人",
        "许可人",
        "被许可人",
        "许可类型",
    ]
    rows = []
    for i, r in enumerate(rs, 1):
        rows.append(
            [
                i,
                r["title"],
                r["abstract"],
                r["publication_number"],
                r["application_number"],
                r["filing_date"],
                r["publication_date"],
                names(r["applicants"], " | "),
                names(r["current_owners"], " | "),
                names(r["inventors"], " | "),
                r["ipc"][0],
                names(r["ipc"], " | "),
                names([p["number"] for p in r["priority"]], " | "),
                names([p["date"] for p in r["priority"]], " | "),
                names(r["cites"], " | "),
                names(r["cited_by"], " | "),
                r["cited_by_count"],
                r["legal_status"],
                ops(r, "transfers", "from", " | "),
                ops(r, "transfers", "to", " | "),
                ops(r, "pledges", "pledgors", " | "),
                ops(r, "pledges", "pledgees", " | "),
                ops(r, "licenses", "licensors", " | "),
                ops(r, "licenses", "licensees", " | "),
                " | ".join(lic["type"] for lic in r["licenses"]),
            ]
        )
    merged = ["A1:A2", "B1:J1", "K1:L1", "M1:N1", "O1:Q1", "R1:R2", "S1:Y1"]
    info = {
        "name": "检索信息",
        "header": [["项目", "内容"]],
        "rows": [
            [
                "检索式",
                "ANCS:(中车株洲电力机车研究所有限公司 OR 国网电动汽车服务有限公司 OR OPPO广东移动通信有限公司 OR 北京百度网讯科技有限公司 OR TCL科技集团股份有限公司 OR 天通银厦新材料有限公司)",
            ],
            ["数据范围", "中国"],
            ["导出时间", "2025-02-19 16:40:12"],
            ["专利数量", 6],
            ["去重方式", "按申请号去重"],
        ],
    }
    return [{"name": "专利列表", "header": [top, sub], "merged": merged, "rows": rows}, info]


def himmpat(rs):
    head = [
        "序号",
        "申请号",
        "申请日",
        "公开（公告）号",
        "公开（公告）日",
        "名称",
        "摘要",
        "申请（专利权）人",
        "当前权利人",
        "发明（设计）人",
        "主分类号",
        "分类号",
        "法律状态",
        "优先权",
    ]
    rows = []
    for i, r in enumerate(rs, 1):
        a = r["application_number"][2:]
        p = r["publication_number"]
        if i == 4:
            a = fullwidth(a)
        if i == 5:
            p = fullwidth(p)
        rows.append(
            [
                i,
                a,
                dot(r["filing_date"]),
                p,
                dot(r["publication_date"]),
                r["title"],
                r["abstract"],
                names(r["applicants"], ";"),
                names(r["current_owners"], ";"),
                names(r["inventors"], ";"),
                r["ipc"][0],
                names(r["ipc"], ";"),
                r["legal_status"],
                ";".join(f"{q['number']} {dot(q['date'])}" for q in r["priority"]),
            ]
        )
    return [
        {"name": "himmpat", "preamble": PREAMBLE["himmpat_like"], "header": [head], "rows": rows}
    ]


def cnipa(rs):
    head = [
        "申请号",
        "申请日",
        "公开（公告）号",
        "公开（公告）日",
        "发明名称",
        "IPC分类号",
        "申请（专利权）人",
        "发明人",
        "优先权号",
        "优先权日",
        "摘要",
    ]

    def prio(n):
        return "US63/042,117" if n == "US63042117" else n

    rows = []
    for i, r in enumerate(rs, 1):
        p = r["publication_number"]
        if i == 4:
            p = fullwidth(p)
        rows.append(
            [
                r["application_number"],
                dot(r["filing_date"]),
                p,
                dot(r["publication_date"]),
                r["title"],
                names(r["ipc"], ";"),
                names(r["applicants"], ";"),
                names(r["inventors"], ";"),
                ";".join(prio(q["number"]) for q in r["priority"]),
                ";".join(dot(q["date"]) for q in r["priority"]),
                r["abstract"],
            ]
        )
    return [
        {"name": "Sheet1", "preamble": PREAMBLE["cnipa_pss"] + [""], "header": [head], "rows": rows}
    ]


def derwent(rs):
    head = [
        "公开号",
        "标题",
        "摘要",
        "申请人/专利权人",
        "发明人",
        "IPC分类号",
        "申请号",
        "申请日",
        "公开日",
        "优先权号",
        "优先权日",
        "同族专利",
        "引证专利",
        "被引证专利",
        "被引证次数",
    ]
    rows = []
    for r in rs:
        p = r["publication_number"]
        p = p[:-1] + "-" + p[-1]
        rows.append(
            [
                p,
                r["title"],
                r["abstract"],
                names(r["applicants"], " | "),
                names(r["inventors"], " | "),
                " | ".join(ipc_derwent(c) for c in r["ipc"]),
                r["application_number"].split(".")[0],
                r["filing_date"],
                r["publication_date"],
                " | ".join(q["number"].split(".")[0] for q in r["priority"]),
                " | ".join(q["date"] for q in r["priority"]),
                names(r["family"], " | "),
                names(r["cites"], " | "),
                names(r["cited_by"], " | "),
                r["cited_by_count"],
            ]
        )
    return [{"name": "derwent", "header": [head], "rows": rows}]


RENDER = {
    "incopat_like": incopat,
    "patsnap_like": patsnap,
    "himmpat_like": himmpat,
    "cnipa_pss": cnipa,
    "derwent_like": derwent,
}
FIELDS = {
    "incopat_like": [
        "publication_number",
        "application_number",
        "title",
        "abstract",
        "applicants",
        "current_owners",
        "inventors",
        "filing_date",
        "publication_date",
        "ipc",
        "legal_status",
        "legal_events",
        "priority",
        "family",
        "cites",
        "cited_by",
        "cited_by_count",
        "transfers",
        "pledges",
        "licenses",
    ],
    "patsnap_like": [
        "publication_number",
        "application_number",
        "title",
        "abstract",
        "applicants",
        "current_owners",
        "inventors",
        "filing_date",
        "publication_date",
        "ipc",
        "priority",
        "cites",
        "cited_by",
        "cited_by_count",
        "legal_status",
        "transfers",
        "pledges",
        "licenses",
    ],
    "himmpat_like": [
        "publication_number",
        "application_number",
        "title",
        "abstract",
        "applicants",
        "current_owners",
        "inventors",
        "filing_date",
        "publication_date",
        "ipc",
        "legal_status",
        "priority",
    ],
    "cnipa_pss": [
        "publication_number",
        "application_number",
        "title",
        "abstract",
        "applicants",
        "inventors",
        "filing_date",
        "publication_date",
        "ipc",
        "priority",
    ],
    "derwent_like": [
        "publication_number",
        "application_number",
        "title",
        "abstract",
        "applicants",
        "inventors",
        "filing_date",
        "publication_date",
        "ipc",
        "priority",
        "family",
        "cites",
        "cited_by",
        "cited_by_count",
    ],
}
FILES = {
    "incopat_like": "incopat_like.xlsx",
    "patsnap_like": "patsnap_like.xlsx",
    "himmpat_like": "himmpat_like.csv",
    "cnipa_pss": "cnipa_pss.xlsx",
    "derwent_like": "derwent_like.csv",
}
FIRST_ROW = {
    "incopat_like": 7,
    "patsnap_like": 3,
    "himmpat_like": 6,
    "cnipa_pss": 7,
    "derwent_like": 2,
}


def main() -> None:
    gold: dict[str, Any] = {"_about": ABOUT}
    for name, rs in F.items():
        sheets = RENDER[name](rs)
        source = {"vendor_layout": name, "sheets": sheets}
        target = ROOT / "tests" / "gold" / "exports_depth" / "source" / f"{name}.json"
        target.write_text(json.dumps(source, ensure_ascii=False, indent=1), "utf-8")
        recs = []
        for i, r in enumerate(rs):
            g: dict[str, Any] = {"row": FIRST_ROW[name] + i}
            g.update({k: r[k] for k in FIELDS[name]})
            recs.append(g)
        gold[FILES[name]] = {
            "sheet": sheets[0]["name"],
            "header_rows": len(sheets[0]["header"]),
            "preamble_lines": len(sheets[0].get("preamble", [])),
            "records": recs,
        }
    gold_file = ROOT / "tests" / "gold" / "exports_depth.json"
    gold_file.write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
