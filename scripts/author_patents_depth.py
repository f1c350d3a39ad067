# ruff: noqa: E501  (document text and convention prose are data, kept on their lines)
"""Write the blind patent-document gold set (tests/gold/patents_depth/ and patents_depth.json).

Authoring script, run once by the author: each document's text is written below by hand, with
the abstract, claims and a few description sentences taken from KPPatent-ZH
(/work/shared/data/kppatent-zh, MIT); each document's gold record is written by hand right after
it. Numbers, parties, people, agencies and dates are fictional. Nothing here runs the product.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from domain.numbers import cn_check_digit

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "tests" / "gold" / "patents_depth"
GOLD = ROOT / "tests" / "gold" / "patents_depth.json"
KP = Path("/work/shared/data/kppatent-zh/test_data_TAC.json")


def app(base: str) -> str:
    """An application number with its mod-11 check digit: '202111032587' -> '202111032587.X'."""
    return f"{base}.{cn_check_digit(base)}"


def kp_claims(index: int, count: int) -> list[str]:
    """The first `count` claims of a KPPatent-ZH record, without the PDF page tail."""
    records = json.loads(KP.read_text(encoding="utf-8"))
    text = records[index]["input"].split("权利声明：", 1)[1]
    lines = [line for line in text.split("\n") if re.match(r"\d+\.", line)]
    claims = [re.sub(r"CN\d+[AB]说明书\d+/\d+页.*$", "", line) for line in lines[:count]]
    return claims


def wrap(text: str, width: int, indent: str = "") -> str:
    """Break a paragraph into lines of `width` characters, as text copied from a PDF comes."""
    return "\n".join(indent + text[i : i + width] for i in range(0, len(text), width))


DOCS: list[dict] = []  # {file, encoding, newline, text, gold}


def add(file: str, text: str, gold: dict, encoding: str = "utf-8", newline: str = "\n") -> None:
    DOCS.append({"file": file, "encoding": encoding, "newline": newline, "text": text, "gold": gold})


# ---------------------------------------------------------------- p01 (tune) A, PDF copy, UTF-8
P01_ABS = (
    "本发明公开了一种近水平薄矿体智能掘进机机械开采方法，包括如下步骤：1)沿矿体走向划分盘区，盘区内沿倾向"
    "布置若干矿块；2)用智能掘进机对各矿块进行回采，采用房柱采矿方式在矿块回采时留间柱、点柱和底柱；3)矿块内"
    "沿倾向方向划分为若干竖直分层，竖直分层分为无点柱层和有点柱层，有点柱层内回采时留有点柱；4)矿块内按竖直"
    "分层逐层自下而上回采；一个矿块采完充填后再采上部另一个矿块。本发明方法适用于厚度3～8m的中等稳固以下、"
    "近水平薄矿体开采，为非爆连续机械采矿提供了新的方法。"
)
P01_APP = app("202111032587")
P01_CLAIMS = "\n".join(kp_claims(0, 4))
add(
    "p01_A_pdf_two_column.txt",
    f"""(19)国家知识产权局
(12)发明专利申请
(10)申请公布号 CN 113982417 A
(43)申请公布日 2022.01.28
(21)申请号 {P01_APP}
(22)申请日 2021.09.03
(71)申请人 长沙矿山研究院有限责任公司
     地址 410012 湖南省长沙市岳麓区麓山南路343号
(72)发明人 李向东　周益龙　曹辉　王其飞
(74)专利代理机构 长沙市融智专利事务所（普通合伙） 43114
     代理人 魏娟
(51)Int.Cl.
     E21C 41/16(2006.01)
     E21C 41/22(2006.01)
(54)发明名称
     一种近水平薄矿体智能掘进机机械开采方法
(57)摘要
{wrap(P01_ABS, 38, "     ")}
权利要求书1页  说明书4页  附图2页

权 利 要 求 书
{P01_CLAIMS}

说 明 书
一种近水平薄矿体智能掘进机机械开采方法
技术领域
[0001]本发明属于采矿技术领域，具体涉及一种近水平薄矿体智能掘进机机械开采方法。
背景技术
[0002]近水平薄矿体开采长期依赖凿岩爆破，爆破振动大、贫化损失高，矿柱回收困难。
发明内容
[0003]本发明方法适用于厚度3～8m的中等稳固以下、近水平薄矿体开采，为非爆连续机械采矿提供了新的方法。
[0004]沿矿体走向按40～60m宽度划分盘区，每个盘区沿倾向布置4～6个矿块，矿块斜长40～60m。
""",
    {
        "_split": "tune",
        "kind": "A",
        "publication_number": "CN113982417A",
        "application_number": "CN" + P01_APP,
        "filing_date": "2021-09-03",
        "publication_date": "2022-01-28",
        "applicants": ["长沙矿山研究院有限责任公司"],
        "inventors": ["李向东", "周益龙", "曹辉", "王其飞"],
        "agency": "长沙市融智专利事务所（普通合伙）",
        "ipc": ["E21C 41/16", "E21C 41/22"],
        "title": "一种近水平薄矿体智能掘进机机械开采方法",
        "abstract": P01_ABS,
    },
)

# ------------------------------------- p02 (tune) A, database text view, GB18030 CRLF, ( 21 ) codes
P02_ABS = (
    "本发明提供一种自动停车方法及设备，该方法包括：在接收到停车指令时，控制第一车辆行驶至入口地下通道；在检测到"
    "所述第一车辆进入所述入口地下通道时，加载所述入口地下通道对应的入口通道地图，并控制所述第一车辆根据所述入口"
    "通道地图行驶至停车区域；在检测到所述第一车辆进入停车区域时，加载所述停车区域对应的车库地图，并获取停车区域"
    "环境数据，根据所述停车区域环境数据与所述车库地图确定所述第一车辆的位姿信息；根据所述位姿信息和所述车库地图"
    "控制所述第一车辆停入目标停车位，在实现车辆的定位时，无需在停车区域安装UWB基站等专用通信设备便可以使车辆具有"
    "定位能力，降低定位步骤的繁琐性以及减少定位所需的安装设备成本。"
)
P02_APP = app("202110398765")
P02_CLAIMS = (
    "1.一种自动停车方法，其特征在于，应用于第一车辆，所述方法包括：在接收到停车指令时，控制所述第一车辆行驶至入口"
    "地下通道；在检测到所述第一车辆进入所述入口地下通道时，加载所述入口地下通道对应的入口通道地图，并控制所述第一"
    "车辆根据所述入口通道地图行驶至停车区域；在检测到所述第一车辆进入停车区域时，加载所述停车区域对应的车库地图，"
    "并获取停车区域环境数据，根据所述停车区域环境数据与所述车库地图确定所述第一车辆的位姿信息；根据所述位姿信息和"
    "所述车库地图控制所述第一车辆停入目标停车位。\n"
    "2.根据权利要求1所述的方法，其特征在于，在所述控制所述第一车辆行驶至入口地下通道之后，还包括：判断所述第一车辆"
    "是否在预设入口地面通道交换区域内；若所述第一车辆在所述预设入口地面通道交换区域内，则确定所述第一车辆进入所述"
    "入口地下通道；若所述第一车辆未在所述预设入口地面通道交换区域内，则确定所述第一车辆未进入所述入口地下通道。"
)
add(
    "p02_A_db_view_gb18030.txt",
    f"""( 19 )中华人民共和国国家知识产权局
( 12 )发明专利申请
( 10 )申请公布号
CN 113246802 A
( 43 )申请公布日
2021-08-13
( 21 )申请号
{P02_APP}
( 22 )申请日
2021-04-14
( 30 )优先权数据
2020-071234 2020-04-10 JP
( 71 )申请人
株式会社电装
地址 日本爱知县刈谷市昭和町1丁目1番地
( 72 )发明人
山田浩二；佐藤健一；中村美香
( 74 )专利代理机构
北京集佳知识产权代理有限公司 11227
代理人 王萍
( 51 )Int.Cl.
B60W 30/06 (2006.01)
G08G 1/14 (2006.01)
( 54 )发明名称
自动停车方法及设备
( 57 )摘要
{P02_ABS}

权利要求书
{P02_CLAIMS}

说明书
自动停车方法及设备
技术领域
本发明涉及自动驾驶技术领域，尤其涉及一种自动停车方法及设备。
背景技术
现有的地下车库定位依赖在停车区域安装UWB基站等专用通信设备，部署繁琐、成本高。
发明内容
本发明提供一种自动停车方法及设备，在实现车辆的定位时，无需在停车区域安装UWB基站等专用通信设备便可以使车辆具有定位能力。
""",
    {
        "_split": "tune",
        "kind": "A",
        "publication_number": "CN113246802A",
        "application_number": "CN" + P02_APP,
        "filing_date": "2021-04-14",
        "publication_date": "2021-08-13",
        "applicants": ["株式会社电装"],
        "inventors": ["山田浩二", "佐藤健一", "中村美香"],
        "agency": "北京集佳知识产权代理有限公司",
        "ipc": ["B60W 30/06", "G08G 1/14"],
        "title": "自动停车方法及设备",
        "abstract": P02_ABS,
        "priority": [{"number": "JP2020071234", "date": "2020-04-10"}],
    },
    encoding="gb18030",
    newline="\r\n",
)

# ------------------------------ p03 (tune) A, PCT national phase, UTF-8 with BOM, US+DE on one line
P03_ABS = (
    "本申请实施例提供了一种隐私保护的方法、装置和设备，包括：接收服务端发送的请求消息，请求消息用于请求携带隐私信息"
    "的数据；根据请求消息向用户推送遮蔽悬浮框，遮蔽悬浮框可以用于对用户隐私信息进行遮蔽；当接收用户完成对遮蔽悬浮框"
    "移动的指令时，对遮蔽悬浮框对应的用户隐私信息进行模糊处理，确定第一数据；向服务端发送第一数据，第一数据与请求消息"
    "请求的数据相对应。本申请，可以通过提供遮蔽悬浮框，为用户提供自由选择遮蔽敏感项目的范围，再将包含遮蔽敏感项目的"
    "第一数据发送到服务端，以便于服务端可以根据第一数据为用户提供精准的问题定位和解决方案，同时也能为在有效保护用户"
    "隐私的同时，提升用户体验感。"
)
P03_APP = app("202080071234")
P03_CLAIMS = "\n".join(kp_claims(225, 3))
add(
    "p03_A_pct_bom.txt",
    f"""(19)国家知识产权局
(12)发明专利申请
(10)申请公布号 CN 114600123 A (43)申请公布日 2022.06.07
(21)申请号 {P03_APP} (22)申请日 2020.10.16
(30)优先权数据
62/915,872 2019.10.16 US 10 2019 128 456.7 2019.10.22 DE
(85)PCT国际申请进入国家阶段日
2022.04.14
(86)PCT国际申请的申请数据
PCT/US2020/055812 2020.10.16
(87)PCT国际申请的公布数据
WO2021/076789 EN 2021.04.22
(71)申请人 西门子股份公司；西门子医疗有限公司
地址 德国慕尼黑
(72)发明人 F·施密特 M·韦伯 王磊
(74)专利代理机构 中国专利代理（香港）有限公司 72001
代理人 刘春元 王岳
(51)Int.Cl.
G06F 21/62(2013.01)
G06F 21/84(2013.01)
H04L 9/40(2022.01)
(54)发明名称
一种隐私保护的方法、装置及设备
(57)摘要
{wrap(P03_ABS, 42)}

权 利 要 求 书
{P03_CLAIMS}

说 明 书
一种隐私保护的方法、装置及设备
相关申请的交叉引用
本申请要求2019年10月16日提交的美国临时申请US 62/915,872和2019年10月22日提交的德国申请DE 10 2019 128 456.7的优先权。
技术领域
本申请涉及信息安全技术领域，尤其涉及一种隐私保护的方法、装置及设备。
发明内容
本申请，可以通过提供遮蔽悬浮框，为用户提供自由选择遮蔽敏感项目的范围。
""",
    {
        "_split": "tune",
        "kind": "A",
        "publication_number": "CN114600123A",
        "application_number": "CN" + P03_APP,
        "filing_date": "2020-10-16",
        "publication_date": "2022-06-07",
        "applicants": ["西门子股份公司", "西门子医疗有限公司"],
        "inventors": ["F·施密特", "M·韦伯", "王磊"],
        "agency": "中国专利代理（香港）有限公司",
        "ipc": ["G06F 21/62", "G06F 21/84", "H04L 9/40"],
        "title": "一种隐私保护的方法、装置及设备",
        "abstract": P03_ABS,
        "priority": [
            {"number": "US62915872", "date": "2019-10-16"},
            {"number": "DE102019128456", "date": "2019-10-22"},
        ],
        "pct_application": {"number": "PCT/US2020/055812", "date": "2020-10-16"},
        "pct_publication": {"number": "WO2021/076789", "date": "2021-04-22"},
        "pct_national_phase_date": "2022-04-14",
    },
    encoding="utf-8-sig",
)

# ------------- p04 (tune) A, divisional, dates 年月日, applicants on several lines, PDF page footer
P04_ABS = (
    "本发明属于化工领域，具体涉及一种低硅共晶纳米分子筛、制备方法及其用途，主要解决现有方法中制备的SAPO-18/SAPO-34"
    "共晶分子筛中AEI含量不高、模板剂价格昂贵、制备工序复杂以及在反应中烯烃选择性不高等问题。本发明所述分子筛的制备"
    "方法，具体过程包括：将硅源、铝源、磷源以及模板剂等加入至蒸馏水中，搅拌分散均匀，继而经晶化、分离、洗涤、烘干"
    "并焙烧后，即得到由SAPO-18和SAPO-34共生形成的共晶纳米分子筛。"
)
P04_APP = app("202210891234")
P04_PARENT = app("201911038765")
P04_CLAIMS = "\n".join(kp_claims(25, 3))
add(
    "p04_A_divisional_footer.txt",
    f"""(19)中华人民共和国国家知识产权局
(12)发明专利申请
(10)申请公布号 CN115121384A
(43)申请公布日 2022年9月30日
(21)申请号 {P04_APP}
(22)申请日 2019年10月29日
(62)分案原申请数据
{P04_PARENT} 2019.10.29
(71)申请人 中国石油化工股份有限公司
地址 100728 北京市朝阳区朝阳门北大街22号
申请人 中国石油化工股份有限公司上海石油化工研究院
地址 201208 上海市浦东新区浦东北路1658号
(72)发明人 刘苏、杨为民、王振东、周海波
(74)专利代理机构 上海东方易知识产权事务所 31121
代理人 沈原
(51)Int.Cl.
C01B 39/54(2006.01)
B01J 29/85(2006.01)
C07C 1/04(2006.01)
(54)发明名称
低硅共晶纳米分子筛、制备方法及其用途
(57)摘要
{wrap(P04_ABS, 40)}

权利要求书
{P04_CLAIMS}

说明书
低硅共晶纳米分子筛、制备方法及其用途
[0001]本申请是申请日为2019年10月29日、申请号为{P04_PARENT}、发明名称为“低硅共晶纳米分子筛、制备方法及其用途”的发明专利申请的分案申请。
技术领域
[0002]本发明属于化工领域，具体涉及一种低硅共晶纳米分子筛、制备方法及其用途。
CN 115121384 A 说明书 1/7页
背景技术
[0003]现有方法中制备的SAPO-18/SAPO-34共晶分子筛中AEI含量不高、模板剂价格昂贵、制备工序复杂。
[0004]本发明所得到的共晶分子筛中SAPO-18结构单元所占比例高，硅物种分散均匀。
CN 115121384 A 说明书 2/7页
""",
    {
        "_split": "tune",
        "kind": "A",
        "publication_number": "CN115121384A",
        "application_number": "CN" + P04_APP,
        "filing_date": "2019-10-29",
        "publication_date": "2022-09-30",
        "applicants": ["中国石油化工股份有限公司", "中国石油化工股份有限公司上海石油化工研究院"],
        "inventors": ["刘苏", "杨为民", "王振东", "周海波"],
        "agency": "上海东方易知识产权事务所",
        "ipc": ["C01B 39/54", "B01J 29/85", "C07C 1/04"],
        "title": "低硅共晶纳米分子筛、制备方法及其用途",
        "abstract": P04_ABS,
        "divisional_of": "CN" + P04_PARENT,
    },
)

# --------------------------- p05 (tune) B, grant, (73) two patentees after a transfer, (56) list
P05_ABS = (
    "本发明涉及一种交联乙丙共聚物及其制备方法和应用。该乙丙交联共聚物通过将乙烯、丙烯和二烯单体混合后在催化剂和助"
    "催化剂的存在下进行聚合反应制备。通过该方法制备的交联乙丙共聚物具有支化或交联结构，弹性较大，耐蠕变性能和回复"
    "性能得到提高，且具有剪切变稀行为，可在高温下熔融，降温后成型，适用于3D打印。该制备方法成本低廉，实施简便，便于"
    "规模化工业化生产。"
)
P05_APP = app("201811296543")
P05_CLAIMS = "\n".join(kp_claims(100, 4))
add(
    "p05_B_grant_cited.txt",
    f"""(19)中华人民共和国国家知识产权局
(12)发明专利
(10)授权公告号 CN 111138724 B
(45)授权公告日 2022.03.15
(21)申请号 {P05_APP}
(22)申请日 2018.11.02
(65)同一申请的已公布的文献号
申请公布号 CN 111138724 A
(43)申请公布日 2020.05.12
(73)专利权人 中国石油化工股份有限公司
地址 100728 北京市朝阳区朝阳门北大街22号
专利权人 中国石化北京燕山分公司
地址 102500 北京市房山区燕山岗南路1号
(72)发明人 乔金樑 张晓红 宋志海 戚桂村 蔡传伦
(74)专利代理机构 北京润平知识产权代理有限公司 11283
代理人 刘兵 肖冰滨
(51)Int.Cl.
C08F 210/18(2006.01)
C08F 4/649(2006.01)
B33Y 70/00(2020.01)
(56)对比文件
CN 107936171 A,2018.04.20
US 2016/0046786 A1,2016.02.18
JP 2005-154678 A,2005.06.16
审查员 赵琳
(54)发明名称
一种交联乙丙共聚物及其制备方法和应用
(57)摘要
{wrap(P05_ABS, 40)}
权利要求书1页 说明书7页

权利要求书
{P05_CLAIMS}

说 明 书
一种交联乙丙共聚物及其制备方法和应用
技术领域
本发明涉及高分子材料领域，具体涉及一种交联乙丙共聚物及其制备方法和应用。
背景技术
乙丙共聚物具有优良的耐候性，但线性结构的乙丙共聚物熔体强度低，难以直接用于3D打印。
发明内容
通过该方法制备的交联乙丙共聚物具有支化或交联结构，弹性较大，耐蠕变性能和回复性能得到提高。
""",
    {
        "_split": "tune",
        "kind": "B",
        "publication_number": "CN111138724B",
        "application_number": "CN" + P05_APP,
        "filing_date": "2018-11-02",
        "publication_date": "2022-03-15",
        "grant_date": "2022-03-15",
        "applicants": ["中国石油化工股份有限公司", "中国石化北京燕山分公司"],
        "inventors": ["乔金樑", "张晓红", "宋志海", "戚桂村", "蔡传伦"],
        "agency": "北京润平知识产权代理有限公司",
        "ipc": ["C08F 210/18", "C08F 4/649", "B33Y 70/00"],
        "title": "一种交联乙丙共聚物及其制备方法和应用",
        "abstract": P05_ABS,
        "earlier_publication": {"number": "CN111138724A", "date": "2020-05-12"},
        "cited": ["CN107936171A", "US20160046786A1", "JP2005154678A"],
    },
)

# ------- p06 (tune) B, database view with (71) and (73) after a transfer, GB18030 CRLF, （21） codes
P06_ABS = (
    "本发明提供一种内燃机的气门驱动机构的参数监测装置及气门驱动机构。气门驱动机构包括液压油供应通道和电磁阀，液压"
    "油供应通道用于供应液压油以驱动气门运动，电磁阀用于控制液压油供应通道的通断，参数监测装置包括瞬时流量计、温度"
    "传感器、压力传感器、第一瞬时安装座、第二瞬时安装座、堵头、瞬时压力传感器、位移传感器、应变片、以及控制器，控制"
    "器包括数据采集装置，数据采集装置接收瞬时流量计、温度传感器、压力传感器、瞬时压力传感器、位移传感器，以及应变片"
    "测量的参数，控制器根据参数控制电磁阀的工作，以及输出参数。由此，能同时对用于驱动气门运动的液压驱动机构的多个"
    "参数进行实时监测，能够以图表的形式实时显示给使用者。"
)
P06_APP = app("201980045612")
P06_CLAIMS = "\n".join(kp_claims(175, 3))
add(
    "p06_B_transfer_gb18030.txt",
    f"""（19）中华人民共和国国家知识产权局
（12）发明专利
（10）授权公告号 CN 112513439 B
（45）授权公告日 2023.02.17
（21）申请号 {P06_APP}
（22）申请日 2019.07.05
（30）优先权数据
2018-135921 2018.07.19 JP
2019-045678 2019.03.13 JP
（85）PCT国际申请进入国家阶段日 2021.01.15
（86）PCT国际申请的申请数据 PCT/JP2019/026812 2019.07.05
（87）PCT国际申请的公布数据 WO2020/017345 JA 2020.01.23
（71）申请人 三菱重工发动机和增压器株式会社
（73）专利权人 三菱重工业株式会社
地址 日本东京都
（72）发明人 田中一郎 渡边诚 小林大辅
（74）专利代理机构 中科专利商标代理有限责任公司 11021
代理人 葛凡
（51）Int.Cl. F01L 9/10(2021.01) F01L 9/40(2021.01) G01M 15/09(2006.01)
（54）发明名称 内燃机的气门驱动机构的参数监测装置及气门驱动机构
（57）摘要 {P06_ABS}

权利要求书
{P06_CLAIMS}

说明书
内燃机的气门驱动机构的参数监测装置及气门驱动机构
技术领域
本发明涉及内燃机领域，具体涉及一种内燃机的气门驱动机构的参数监测装置及气门驱动机构。
背景技术
液压驱动的气门机构的流量、压力和温度通常分别测量，难以同时实时监测。
""",
    {
        "_split": "tune",
        "kind": "B",
        "publication_number": "CN112513439B",
        "application_number": "CN" + P06_APP,
        "filing_date": "2019-07-05",
        "publication_date": "2023-02-17",
        "grant_date": "2023-02-17",
        "applicants": ["三菱重工业株式会社"],
        "original_applicants": ["三菱重工发动机和增压器株式会社"],
        "inventors": ["田中一郎", "渡边诚", "小林大辅"],
        "agency": "中科专利商标代理有限责任公司",
        "ipc": ["F01L 9/10", "F01L 9/40", "G01M 15/09"],
        "title": "内燃机的气门驱动机构的参数监测装置及气门驱动机构",
        "abstract": P06_ABS,
        "priority": [
            {"number": "JP2018135921", "date": "2018-07-19"},
            {"number": "JP2019045678", "date": "2019-03-13"},
        ],
        "pct_application": {"number": "PCT/JP2019/026812", "date": "2019-07-05"},
        "pct_publication": {"number": "WO2020/017345", "date": "2020-01-23"},
        "pct_national_phase_date": "2021-01-15",
    },
    encoding="gb18030",
    newline="\r\n",
)

# ------------------------- p07 (tune) U (2008, kind Y), codes with a space before the label, UTF-8
P07_ABS = (
    "本实用新型公开一种洗衣机用驱动装置，包括转子、壳体和安装在壳体上的定子，所述壳体上安装有第一轴承，洗衣机的驱动"
    "轴穿过所述转子，端部支撑安装在所述第一轴承上，本实用新型中，将驱动装置的定子和转子设置在壳体内部，在壳体上设置"
    "轴承，在保持洗衣机容量及整机宽度不变的情况下，使得洗衣机的前后外形尺寸减小，大大减少了洗衣机尤其是滚筒洗衣机"
    "占用的空间，同时节省了工序及人工成本。"
)
P07_APP = app("200720129876")
P07_CLAIMS = "\n".join(c.replace("本发明", "本实用新型") for c in kp_claims(250, 3))
add(
    "p07_U_2008_kind_Y.txt",
    f"""(19) 中华人民共和国国家知识产权局
(12) 实用新型专利说明书
(10) 授权公告号 CN 201162321 Y
(45) 授权公告日 2008.12.10
(21) 申请号 {P07_APP}
(22) 申请日 2007.12.28
(73) 专利权人 青岛海尔洗衣机有限公司
     地址 266101 山东省青岛市崂山区海尔路1号海尔工业园
(72) 发明人 吕佩师 许升 张华成
(74) 专利代理机构 青岛联智专利商标事务所有限公司 37101
     代理人 邵新华
(51) Int.Cl.
     D06F 37/30 (2006.01)
     H02K 7/14 (2006.01)
(54) 实用新型名称
     一种洗衣机用驱动装置
(57) 摘要
{wrap(P07_ABS, 36, "     ")}

权 利 要 求 书
{P07_CLAIMS}

说 明 书
一种洗衣机用驱动装置
技术领域
本实用新型涉及洗衣机领域，尤其涉及一种洗衣机用驱动装置。
背景技术
现有滚筒洗衣机的电机安装在外桶后方，使洗衣机前后外形尺寸较大。
实用新型内容
本实用新型中，将驱动装置的定子和转子设置在壳体内部，在壳体上设置轴承。
""",
    {
        "_split": "tune",
        "kind": "U",
        "publication_number": "CN201162321Y",
        "application_number": "CN" + P07_APP,
        "filing_date": "2007-12-28",
        "publication_date": "2008-12-10",
        "grant_date": "2008-12-10",
        "applicants": ["青岛海尔洗衣机有限公司"],
        "inventors": ["吕佩师", "许升", "张华成"],
        "agency": "青岛联智专利商标事务所有限公司",
        "ipc": ["D06F 37/30", "H02K 7/14"],
        "title": "一种洗衣机用驱动装置",
        "abstract": P07_ABS,
    },
)

# ------------------ p08 (tune) U, domestic priority, dates 2021-01-05, header line in the description
P08_ABS = (
    "本实用新型公开一种水处理设备，水处理设备包括：蓄能箱，所述蓄能箱内设置有相变材料；蓄能环路，所述蓄能环路包括依次"
    "连通的相变换热器、取能换热器以及水泵，所述相变换热器位于所述蓄能箱内；换热模块，用以对所述取能换热器制冷或制热；"
    "进水管，连接所述蓄能环路；以及出水管，连接所述蓄能环路。本实用新型技术方案能够实现快速制冷/热水。"
)
P08_APP = app("202020987654")
P08_PRIO = app("202020125678")
P08_CLAIMS = "\n".join(kp_claims(275, 3))
add(
    "p08_U_domestic_priority.txt",
    f"""(19)国家知识产权局
(12)实用新型专利
(10)授权公告号 CN 213112456 U (45)授权公告日 2021-05-04
(21)申请号 {P08_APP} (22)申请日 2020-06-02
(30)优先权数据 {P08_PRIO} 2020-02-18 CN
(73)专利权人 佛山市顺德区美的饮水机制造有限公司 美的集团股份有限公司
     地址 528311 广东省佛山市顺德区北滘镇三乐路美的工业城
(72)发明人 陈小平；郭建刚；苏亚军
(74)专利代理机构 深圳市世纪恒程知识产权代理事务所 44287
     代理人 胡海国
(51)Int.Cl.
     C02F 1/02(2006.01)
     F28D 20/02(2006.01)
     F24H 1/18(2006.01)
(54)实用新型名称
     水处理设备
(57)摘要
{wrap(P08_ABS, 40, "     ")}

权利要求书
{P08_CLAIMS}

说明书
水处理设备
技术领域
[0001]本实用新型涉及水处理技术领域，特别涉及一种水处理设备。
背景技术
[0002]现有饮水设备的制冷或制热依赖压缩机或加热管即时工作，出水温度变化慢。
CN 213112456 U 说 明 书 1/6页
实用新型内容
[0003]本实用新型技术方案能够实现快速制冷/热水。
""",
    {
        "_split": "tune",
        "kind": "U",
        "publication_number": "CN213112456U",
        "application_number": "CN" + P08_APP,
        "filing_date": "2020-06-02",
        "publication_date": "2021-05-04",
        "grant_date": "2021-05-04",
        "applicants": ["佛山市顺德区美的饮水机制造有限公司", "美的集团股份有限公司"],
        "inventors": ["陈小平", "郭建刚", "苏亚军"],
        "agency": "深圳市世纪恒程知识产权代理事务所",
        "ipc": ["C02F 1/02", "F28D 20/02", "F24H 1/18"],
        "title": "水处理设备",
        "abstract": P08_ABS,
        "priority": [{"number": "CN" + P08_PRIO, "date": "2020-02-18"}],
    },
)

# ---------------------------- p09 (test) A, Korean applicant, KR priority, two-column, UTF-8
P09_ABS = (
    "本发明涉及一种用于STI工艺的抛光浆料组合物，更具体地，涉及一种用于STI工艺的抛光浆料组合物，包括：抛光液，其包括"
    "抛光粒子；以及添加液，其包括具有酰胺键的聚合物的氮化膜抛光抑制剂。"
)
P09_APP = app("202011398712")
P09_CLAIMS = "\n".join(kp_claims(450, 2)) + "\n" + kp_claims(450, 4)[3]
add(
    "p09_A_kr_priority.txt",
    f"""(19)中华人民共和国国家知识产权局
(12)发明专利申请
(10)申请公布号 CN 113045988 A (43)申请公布日 2021.06.29
(21)申请号 {P09_APP} (22)申请日 2020.12.23
(30)优先权数据
10-2019-0178234 2019.12.30 KR
(71)申请人 凯斯科技股份有限公司
地址 韩国京畿道
(72)发明人 朴成泰 李相浩 金俊亨 黄晙夏
(74)专利代理机构 北京三友知识产权代理有限公司 11127
代理人 李辉 庞东成
(51)Int.Cl.
C09G 1/02(2006.01)
C09K 3/14(2006.01)
(54)发明名称
用于STI工艺的抛光浆料组合物
(57)摘要
{P09_ABS}

权 利 要 求 书
{P09_CLAIMS}

说 明 书
用于STI工艺的抛光浆料组合物
技术领域
本发明涉及一种用于STI工艺的抛光浆料组合物。
背景技术
浅沟槽隔离（STI）工艺中要求氧化膜对氮化膜的抛光选择比高，现有浆料对氮化膜的抛光抑制不足。
""",
    {
        "_split": "test",
        "kind": "A",
        "publication_number": "CN113045988A",
        "application_number": "CN" + P09_APP,
        "filing_date": "2020-12-23",
        "publication_date": "2021-06-29",
        "applicants": ["凯斯科技股份有限公司"],
        "inventors": ["朴成泰", "李相浩", "金俊亨", "黄晙夏"],
        "agency": "北京三友知识产权代理有限公司",
        "ipc": ["C09G 1/02", "C09K 3/14"],
        "title": "用于STI工艺的抛光浆料组合物",
        "abstract": P09_ABS,
        "priority": [{"number": "KR1020190178234", "date": "2019-12-30"}],
    },
)

# -------- p10 (test) A, labels and values on separate lines, ( 21 ) codes, GB18030 CRLF, 2022-06-14
P10_ABS = (
    "本发明公开了一种用于激光抗光屏幕的色膜组合物及色膜的制备方法，该色膜组合物包括100质量份的固含量为45～65%的"
    "有机硅压敏胶、0.3～0.5质量份的纳米级透明黑蓝相色浆、0.1～0.2质量份的氯铂酸、0.2～0.4质量份的分散剂、0.01～0.15"
    "质量份的流平剂、0.2～0.3质量份的消泡剂。本发明色膜用于激光抗光屏幕，可提高显示图像的对比度；可有效防止扩散层的"
    "色相干扰，保持屏幕的颜色纯正。"
)
P10_APP = app("202210187653")
P10_CLAIMS = "\n".join(kp_claims(350, 3))
add(
    "p10_A_labels_next_line_gb18030.txt",
    f"""( 19 )国家知识产权局
( 12 )发明专利申请
( 10 )申请公布号
CN 114561032 A
( 43 )申请公布日
2022-05-31
( 21 )申请号
{P10_APP}
( 22 )申请日
2022-02-25
( 71 )申请人
深圳市光峰光电技术有限公司
四川长虹电器股份有限公司
( 72 )发明人
王霖　胡飞　李屹　孙微
( 74 )专利代理机构
深圳市威世博知识产权代理事务所（普通合伙） 44280
代理人 何倚雯
( 51 )Int.Cl.
C09J 183/04 (2006.01)
G03B 21/56 (2006.01)
( 54 )发明名称
一种用于激光抗光屏幕的色膜组合物及色膜的制备方法
( 57 )摘要
{P10_ABS}

权利要求书
{P10_CLAIMS}

说 明 书
一种用于激光抗光屏幕的色膜组合物及色膜的制备方法
技术领域
本发明涉及投影显示技术领域，尤其涉及一种用于激光抗光屏幕的色膜组合物及色膜的制备方法。
背景技术
激光抗光屏幕的扩散层会带来色相干扰，降低显示图像的对比度。
""",
    {
        "_split": "test",
        "kind": "A",
        "publication_number": "CN114561032A",
        "application_number": "CN" + P10_APP,
        "filing_date": "2022-02-25",
        "publication_date": "2022-05-31",
        "applicants": ["深圳市光峰光电技术有限公司", "四川长虹电器股份有限公司"],
        "inventors": ["王霖", "胡飞", "李屹", "孙微"],
        "agency": "深圳市威世博知识产权代理事务所（普通合伙）",
        "ipc": ["C09J 183/04", "G03B 21/56"],
        "title": "一种用于激光抗光屏幕的色膜组合物及色膜的制备方法",
        "abstract": P10_ABS,
    },
    encoding="gb18030",
    newline="\r\n",
)

# -------------- p11 (test) A, divisional, （21） codes with a space, dates 年月日, inventors by ；
P11_ABS = (
    "为克服现有电容器化成箔存在升压时间长、漏电流大的问题，本发明提供了一种化成箔处理液，包括溶剂和结构式1所示的化合物；"
    "同时，本发明还公开了一种化成箔处理方法及化成箔。本发明提供的化成箔处理液能够有效缩短化成箔的升压时间，降低漏电流，"
    "有效缩短了电容器老化的时间，抑制电容器的漏电流回升，减少电容器的早期失效概率。"
)
P11_APP = app("202310456781")
P11_PARENT = app("202011579324")
P11_CLAIMS = "\n".join(kp_claims(525, 3))
add(
    "p11_A_divisional_fullwidth.txt",
    f"""（19）中华人民共和国国家知识产权局
（12）发明专利申请
（10）申请公布号 CN 116313541 A
（43）申请公布日 2023年6月23日
（21） 申请号 {P11_APP}
（22） 申请日 2020年12月31日
（62） 分案原申请数据
{P11_PARENT} 2020.12.31
（71） 申请人 东莞东阳光科研发有限公司
地址 523871 广东省东莞市长安镇上沙村
申请人 乳源瑶族自治县东阳光化成箔有限公司
地址 512721 广东省韶关市乳源瑶族自治县乳城镇东阳光工业园
（72） 发明人 冯福金；王建中；邓利松；何凤荣
（74） 专利代理机构 北京清亦华知识产权代理事务所（普通合伙） 11201
代理人 宋融冰
（51） Int.Cl.
H01G 9/045(2006.01)
H01G 9/00(2006.01)
（54） 发明名称
一种化成箔处理液、处理方法及化成箔
（57） 摘要
{wrap(P11_ABS, 44)}

权 利 要 求 书
{P11_CLAIMS}

说明书
一种化成箔处理液、处理方法及化成箔
本申请是申请号为{P11_PARENT}、申请日为2020年12月31日的中国发明专利申请的分案申请。
技术领域
本发明属于电容器技术领域，具体涉及一种化成箔处理液、处理方法及化成箔。
背景技术
现有电容器化成箔存在升压时间长、漏电流大的问题。
""",
    {
        "_split": "test",
        "kind": "A",
        "publication_number": "CN116313541A",
        "application_number": "CN" + P11_APP,
        "filing_date": "2020-12-31",
        "publication_date": "2023-06-23",
        "applicants": ["东莞东阳光科研发有限公司", "乳源瑶族自治县东阳光化成箔有限公司"],
        "inventors": ["冯福金", "王建中", "邓利松", "何凤荣"],
        "agency": "北京清亦华知识产权代理事务所（普通合伙）",
        "ipc": ["H01G 9/045", "H01G 9/00"],
        "title": "一种化成箔处理液、处理方法及化成箔",
        "abstract": P11_ABS,
        "divisional_of": "CN" + P11_PARENT,
    },
)

# ---------- p12 (test) A, PCT, two US priorities on separate lines, title wrapped over two lines
P12_ABS = (
    "公开了用于捕获图像的设备、方法、系统及计算机可读存储介质。本申请涉及一种使用自然语言命令可操作的相机。通常，本公开"
    "的技术可以使计算设备基于自然语言用户输入来捕获一个或多个图像。当计算设备在图像捕获模式中操作时，接收与图像捕获命令"
    "相关联的自然语言用户输入的指示。计算设备基于图像捕获命令，确定要被包括在由计算设备的相机捕获的一个或多个图像中的"
    "视觉令牌。当在图像捕获模式中操作时，计算设备定位由计算设备输出的图像预览内的视觉令牌。计算设备捕获视觉令牌的一个"
    "或多个图像。"
)
P12_APP = app("201880036219")
P12_CLAIMS = "\n".join(kp_claims(300, 2))
add(
    "p12_A_pct_us_priorities.txt",
    f"""(19)中华人民共和国国家知识产权局
(12)发明专利申请
(10)申请公布号 CN 110785735 A
(43)申请公布日 2020.02.11
(21)申请号 {P12_APP}
(22)申请日 2018.06.08
(30)优先权数据
62/538,916 2017.07.31 US
15/678,531 2017.08.16 US
(85)PCT国际申请进入国家阶段日
2019.11.29
(86)PCT国际申请的申请数据
PCT/US2018/036702 2018.06.08
(87)PCT国际申请的公布数据
WO2019/027563 EN 2019.02.07
(71)申请人 谷歌有限责任公司
地址 美国加利福尼亚州
(72)发明人 罗兰·德拉什 恩里克·罗德里格斯 李在炫
(74)专利代理机构 中原信达知识产权代理有限责任公司 11219
代理人 周亚荣 邓聪惠
(51)Int.Cl.
H04N 23/611(2023.01)
G06F 3/16(2006.01)
G10L 15/22(2006.01)
(54)发明名称
用于捕获图像的设备、方法、系统及计算机可读存储
介质
(57)摘要
{wrap(P12_ABS, 40)}

权利要求书
{P12_CLAIMS}

说明书
用于捕获图像的设备、方法、系统及计算机可读存储介质
技术领域
本申请涉及一种使用自然语言命令可操作的相机。
背景技术
用户通常需要手动调整相机控制以聚焦、变焦或裁剪图像预览内的对象。
""",
    {
        "_split": "test",
        "kind": "A",
        "publication_number": "CN110785735A",
        "application_number": "CN" + P12_APP,
        "filing_date": "2018-06-08",
        "publication_date": "2020-02-11",
        "applicants": ["谷歌有限责任公司"],
        "inventors": ["罗兰·德拉什", "恩里克·罗德里格斯", "李在炫"],
        "agency": "中原信达知识产权代理有限责任公司",
        "ipc": ["H04N 23/611", "G06F 3/16", "G10L 15/22"],
        "title": "用于捕获图像的设备、方法、系统及计算机可读存储介质",
        "abstract": P12_ABS,
        "priority": [
            {"number": "US62538916", "date": "2017-07-31"},
            {"number": "US15678531", "date": "2017-08-16"},
        ],
        "pct_application": {"number": "PCT/US2018/036702", "date": "2018-06-08"},
        "pct_publication": {"number": "WO2019/027563", "date": "2019-02-07"},
        "pct_national_phase_date": "2019-11-29",
    },
)

# --------------- p13 (test) B, (73) after a transfer, (56) with a non-patent line, dates 年月日
P13_ABS = (
    "本发明公开了一种适用于薄表面铜填孔应用的任意层电镀铜浴及方法，属于集成电路封装基板、HDI或3DIC硅通孔制造技术领域。"
    "具体提供一种用于电子封装层间互连电镀铜填孔的电镀铜浴及方法，其特征在于所述填孔电镀工艺的实验流程为：除油(除锈)→"
    "水洗→填孔电镀，无需预浸增艳剂有助于简化操作流程降低成本、减少预浸工序带入杂质。所述均镀剂在硫酸铜作为主盐镀液并"
    "加入载体剂及增艳剂条件下通过搅拌措施搭配合理的电镀工艺可获得较好的填孔效果的同时面铜厚度得到控制，简化镀铜填孔"
    "工序，提高电子电路电镀铜浴稳定性及铜互连线品质，降低电子封装领域电镀填孔铜互连制作技术的成本，提升生产效率。"
)
P13_APP = app("202111178064")
P13_CLAIMS = "\n".join(kp_claims(425, 3))
add(
    "p13_B_transfer_cited.txt",
    f"""(19)国家知识产权局
(12)发明专利
(10)授权公告号 CN113943987B
(45)授权公告日 2023年8月22日
(21)申请号 {P13_APP}
(22)申请日 2021年10月9日
(65)同一申请的已公布的文献号
申请公布号 CN113943987A
(43)申请公布日 2022年1月18日
(73)专利权人 深圳市创智成功科技有限公司
地址 518000 广东省深圳市宝安区福海街道展城社区
(72)发明人 章晓冬、刘江波、陈修宁、胡波
(74)专利代理机构 深圳市精英专利事务所 44242
代理人 冯筠
(51)Int.Cl.
C25D 3/38(2006.01)
H05K 3/42(2006.01)
C25D 7/12(2006.01)
(56)对比文件
CN 111826687 A,2020.10.27
CN 105018977 B,2017.12.12
KR 10-2012-0048312 A,2012.05.15
US 2004/0045832 A1,2004.03.11
李亚冰等.印制电路板电镀铜填盲孔添加剂研究进展.电镀与精饰,2019,第41卷(第3期),第25-30页.
审查员 孙晓
(54)发明名称
一种适用于薄表面铜填孔应用的任意层电镀铜浴及方法
(57)摘要
{wrap(P13_ABS, 40)}

权利要求书
{P13_CLAIMS}

说明书
一种适用于薄表面铜填孔应用的任意层电镀铜浴及方法
技术领域
本发明属于集成电路封装基板、HDI或3DIC硅通孔制造技术领域。
背景技术
专利CN111826687A公开了一种填孔电镀铜浴，但需要预浸增艳剂，面铜厚度难以控制。
""",
    {
        "_split": "test",
        "kind": "B",
        "publication_number": "CN113943987B",
        "application_number": "CN" + P13_APP,
        "filing_date": "2021-10-09",
        "publication_date": "2023-08-22",
        "grant_date": "2023-08-22",
        "applicants": ["深圳市创智成功科技有限公司"],
        "inventors": ["章晓冬", "刘江波", "陈修宁", "胡波"],
        "agency": "深圳市精英专利事务所",
        "ipc": ["C25D 3/38", "H05K 3/42", "C25D 7/12"],
        "title": "一种适用于薄表面铜填孔应用的任意层电镀铜浴及方法",
        "abstract": P13_ABS,
        "earlier_publication": {"number": "CN113943987A", "date": "2022-01-18"},
        "cited": ["CN111826687A", "CN105018977B", "KR1020120048312A", "US20040045832A1"],
    },
)

# ---- p14 (test) B, database view: (71) original applicant and (73) patentee, GB18030 CRLF, （21）
P14_ABS = (
    "本发明公开了一种高强度汽车车轮用钢，按重量百分比计包括以下成分：C0.05～0.10%、Si0.10～0.20%、Mn1.40～1.60%、"
    "P≤0.020%、S≤0.008%、Cr0.15～0.30%、Nb0.04～0.06%、Ti0.020～0.040%、Als0.015~0.050%,余量为Fe及不可避免的杂质。"
    "本发明还公开了高强度汽车车轮用钢的制备方法，按照高强度汽车车轮用钢的成分准备原料后按照以下步骤进行：铁水脱硫→"
    "转炉冶炼→LF精炼→RH→板坯连铸→热轧→卷取→冷却。"
)
P14_APP = app("202010562319")
P14_CLAIMS = "\n".join(kp_claims(675, 3))
add(
    "p14_B_transfer_db_gb18030.txt",
    f"""（19）中华人民共和国国家知识产权局
（12）发明专利
（10）授权公告号：CN 111621717 B
（45）授权公告日：2021.11.26
（21）申请号：{P14_APP}
（22）申请日：2020.06.19
（71）申请人：武汉钢铁有限公司
（73）专利权人：宝武集团鄂城钢铁有限公司；武汉钢铁有限公司
（72）发明人：刘永前　李利巍　周少云　刘昌明
（74）专利代理机构：武汉开元知识产权代理有限公司 42104
代理人：刘琳 朱盛华
（51）Int.Cl.：C22C 38/28(2006.01)；C22C 38/26(2006.01)；C21D 8/02(2006.01)
（54）发明名称：高强度汽车车轮用钢及其制备方法
（57）摘要：{P14_ABS}

权利要求书
{P14_CLAIMS}

说明书
高强度汽车车轮用钢及其制备方法
技术领域
本发明属于钢铁冶金技术领域，具体涉及一种高强度汽车车轮用钢及其制备方法。
背景技术
汽车轻量化要求车轮用钢在提高强度的同时保持良好的塑性和焊接性能。
""",
    {
        "_split": "test",
        "kind": "B",
        "publication_number": "CN111621717B",
        "application_number": "CN" + P14_APP,
        "filing_date": "2020-06-19",
        "publication_date": "2021-11-26",
        "grant_date": "2021-11-26",
        "applicants": ["宝武集团鄂城钢铁有限公司", "武汉钢铁有限公司"],
        "original_applicants": ["武汉钢铁有限公司"],
        "inventors": ["刘永前", "李利巍", "周少云", "刘昌明"],
        "agency": "武汉开元知识产权代理有限公司",
        "ipc": ["C22C 38/28", "C22C 38/26", "C21D 8/02"],
        "title": "高强度汽车车轮用钢及其制备方法",
        "abstract": P14_ABS,
    },
    encoding="gb18030",
    newline="\r\n",
)

# ----------- p15 (test) U, 2003 (kind Y), old 8-digit application number, Int.Cl.7, page footer
P15_ABS = (
    "本实用新型涉及梳棉机技术领域，且公开了一种亚麻混纺用梳棉机，所述第一步进电机的转子同轴固定有丝杆，所述丝杆的外周"
    "设有升降杆，所述升降杆的两侧内壁均匀焊接有卡齿，所述卡齿与丝杆的表面相啮合，所述升降杆的两侧均固定有滑块，所述"
    "安装腔室的两侧内部均焊接有滑轨，所述滑块均嵌入于对应位置的滑轨中，所述升降杆的底端固定有收集斗。"
)
P15_APP = app("02261847")
P15_CLAIMS = "\n".join(kp_claims(575, 2))
add(
    "p15_U_2003_old_number.txt",
    f"""[19]中华人民共和国国家知识产权局
[12]实用新型专利说明书
[21] ZL专利号 {P15_APP}
[45]授权公告日 2003年10月29日
[11]授权公告号 CN 2583456Y
[22]申请日 2002.09.16
[73]专利权人 江苏宏源纺机股份有限公司
地址 214400 江苏省江阴市澄江东路99号
[72]设计人 顾建新 陶红兵
[74]专利代理机构 江阴市同盛专利事务所
代理人 唐纫兰
[51]Int.Cl.7
D01G 15/46
D01G 15/12
[54]实用新型名称 一种亚麻混纺用梳棉机
[57]摘要
{wrap(P15_ABS, 34)}

权 利 要 求 书
{P15_CLAIMS}

说 明 书 第1/3页
一种亚麻混纺用梳棉机
技术领域
本实用新型涉及梳棉机技术领域，具体是一种亚麻混纺用梳棉机。
背景技术
亚麻纤维在传送带表面越积越多，需要停机人工清理。
CN 2583456Y 说 明 书 第2/3页
""",
    {
        "_split": "test",
        "kind": "U",
        "publication_number": "CN2583456Y",
        "application_number": "CN" + P15_APP,
        "filing_date": "2002-09-16",
        "publication_date": "2003-10-29",
        "grant_date": "2003-10-29",
        "applicants": ["江苏宏源纺机股份有限公司"],
        "inventors": ["顾建新", "陶红兵"],
        "agency": "江阴市同盛专利事务所",
        "ipc": ["D01G 15/46", "D01G 15/12"],
        "title": "一种亚麻混纺用梳棉机",
        "abstract": P15_ABS,
    },
)

# -------------------------- p16 (test) S, design: LOC classification, 简要说明, no claims
P16_APP = app("201930512846")
add(
    "p16_S_design.txt",
    f"""(19)中华人民共和国国家知识产权局
(12)外观设计专利
(10)授权公告号 CN 305612839 S
(45)授权公告日 2020.02.21
(21)申请号 {P16_APP}
(22)申请日 2019.09.19
(73)专利权人 深圳市大疆创新科技有限公司
地址 518057 广东省深圳市南山区高新区南区粤兴一道9号香港科大深圳产研院6楼
(72)设计人 邓磊 赵涛 张通
(74)专利代理机构 深圳市赛恩倍吉知识产权代理有限公司 44334
代理人 习冬梅
(51)LOC(12)Cl.
12-07
图片或照片7幅 简要说明1页
(54)使用外观设计的产品名称
无人机

简要说明
1．本外观设计产品的名称：无人机。
2．本外观设计产品的用途：用于航拍及巡检。
3．本外观设计产品的设计要点：在于形状。
4．最能表明设计要点的图片或照片：立体图。
""",
    {
        "_split": "test",
        "kind": "S",
        "publication_number": "CN305612839S",
        "application_number": "CN" + P16_APP,
        "filing_date": "2019-09-19",
        "publication_date": "2020-02-21",
        "grant_date": "2020-02-21",
        "applicants": ["深圳市大疆创新科技有限公司"],
        "inventors": ["邓磊", "赵涛", "张通"],
        "agency": "深圳市赛恩倍吉知识产权代理有限公司",
        "title": "无人机",
        "locarno": ["12-07"],
    },
)


CONVENTIONS = {
    "blind": (
        "Written and annotated without opening ingest/ (except ingest/samples/CN115000004A.sample.txt), "
        "domain/ (only domain.numbers.cn_check_digit imported), graph/, search_api/, search/, cli/, "
        "usecases/, stores/, bench/, config/ or tests/*.py, and without running the ingest, the CLI, a "
        "bench or a test."
    ),
    "sources": (
        "Titles, abstracts, claims and a few description sentences are KPPatent-ZH text "
        "(/work/shared/data/kppatent-zh, MIT); figure labels that leaked into KPPatent abstracts were "
        "removed by hand, 本发明 became 本实用新型 in utility models, and p11's formula sentence was cut. "
        "Numbers, parties, people, agencies and dates are fictional; IPC codes exist in IPC 2026.01."
    ),
    "publication_number": (
        "The number of this document ((10) 申请公布号 / 授权公告号, [11] in the 2003 layout) canonical: "
        "CN + digits + kind code, spaces removed (CN 113982417 A -> CN113982417A, CN 2583456Y -> CN2583456Y)."
    ),
    "application_number": (
        "(21) 申请号 / [21] ZL专利号 canonical: CN + number with its check digit after a dot "
        "(CN202111032587.0); the pre-2003 8-digit form keeps its form (CN02261847.3); ZL dropped."
    ),
    "dates": (
        "ISO YYYY-MM-DD whatever the document writes (2022.01.28, 2021-08-13, 2022年9月30日). "
        "filing_date is (22); for a divisional it is the (22) as printed, the parent's filing date. "
        "publication_date is the date of this document: (43) for A, (45) for B/U/S. grant_date is (45) "
        "and exists only for B, U and S. The (43) date of an earlier A publication printed on a B under "
        "(65) goes to earlier_publication {number, date}, not to publication_date."
    ),
    "applicants": (
        "The owners the document names, in order: (71) 申请人 on A documents; on B, U and S documents "
        "the (73) 专利权人 (the owner at grant, after any transfer). Where a database view prints both "
        "(71) and (73) (p06, p14), applicants are the (73) names and the (71) names are kept in "
        "original_applicants. Several names on one line are split at ； or at a space (p08: two "
        "companies separated by one space); a name on a continuation line 申请人 / 专利权人 is a further "
        "name; 地址 lines are not names."
    ),
    "inventors": (
        "(72) 发明人 / 设计人 names in order, split at ASCII or full-width spaces, ；, 、; "
        "transliterated names keep their · (F·施密特, 罗兰·德拉什); 代理人 and 审查员 are not annotated."
    ),
    "agency": (
        "(74) 专利代理机构 name without its 5-digit code, with (普通合伙) brackets as written; "
        "代理人 (agents) are not annotated."
    ),
    "ipc": (
        "(51) Int.Cl. codes, first printed first, as 'H04B 7/06' (subclass, one space, group), without "
        "version notes (2006.01) and without the 7 of Int.Cl.7. A design has a Locarno class (51)LOC(12)Cl. "
        "12-07 instead: locarno ['12-07'], no ipc."
    ),
    "title": (
        "(54) 发明名称 / 实用新型名称 / 使用外观设计的产品名称, lines joined without a break (p12)."
    ),
    "abstract": (
        "(57) 摘要 text exactly, its lines joined without line breaks and without the indentation "
        "of the PDF copy. A design has no abstract (its 简要说明 is not annotated)."
    ),
    "priority": (
        "(30) 优先权数据: one {number, date} per claim, whether claims share a line or not. Numbers "
        "canonical: office prefix from the trailing country code + number without separators "
        "(62/915,872 US -> US62915872; 10 2019 128 456.7 DE -> DE102019128456, the German check digit "
        "after the dot dropped; 2020-071234 JP -> JP2020071234; 10-2019-0178234 KR -> KR1020190178234); "
        "a CN priority is a canonical application number with its check digit (CN202020125678.3)."
    ),
    "pct": (
        "(86) -> pct_application {number as printed PCT/US2020/055812, date}; (87) -> pct_publication "
        "{number as printed WO2021/076789, date}, the language code (EN, JA) is not annotated; (85) -> "
        "pct_national_phase_date."
    ),
    "divisional_of": "(62) 分案原申请数据: the parent application number canonical; its date is not a field.",
    "cited": (
        "(56) 对比文件: patent numbers in order, canonical without separators, kind code kept "
        "(US 2016/0046786 A1 -> US20160046786A1, JP 2005-154678 A -> JP2005154678A, "
        "KR 10-2012-0048312 A -> KR1020120048312A); the dates after the comma and non-patent "
        "literature lines are not annotated; numbers cited only in the description are not (56) citations."
    ),
    "absent": "A field the document does not print is absent from its record (no empty values).",
    "kind": "kind (A, B, U, S) is the document type, for reading the table; it is not scored.",
}


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    records = {}
    for doc in DOCS:
        text = doc["text"].replace("\n", doc["newline"])
        (OUT_DIR / doc["file"]).write_bytes(text.encode(doc["encoding"]))
        records[doc["file"]] = {"encoding": doc["encoding"], "crlf": doc["newline"] == "\r\n", **doc["gold"]}
    gold = {"_conventions": CONVENTIONS, "documents": records}
    GOLD.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(records)} documents")


if __name__ == "__main__":
    main()
