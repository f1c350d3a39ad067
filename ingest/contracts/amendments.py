"""补充协议: an amendment changes the term of the contract it names. The derived edges
(LICENSED_TO, PLEDGED_TO ...) carry the amended end date whichever file is loaded first: an
amendment rewrites its original's edges, and an original looks for amendments already loaded."""

from __future__ import annotations

import dataclasses
import re

from graph.model import Direction, EdgeRow, EdgeType, NodeLabel, NodeRow
from graph.store import GraphStore
from ingest.contracts.model import ContractExtraction, ContractKind
from ingest.contracts.structure import OLD_COLUMN, Layout, row_cells
from ingest.contracts.transform import BENEFICIARY
from ingest.transform import GraphBatch

# The old wording an amendment quotes: 原合同第三条“许可期限自…至2028年4月30日止。”变更为…
# (将原合同第四条修改为：“…” quotes the new wording: not blanked)
_QUOTED_OLD = re.compile(
    r"原(?:合同|协议|契约|合约)?\s*第[^「“\"『。；\n]{1,12}?(?:条|款|项)"
    r"(?![^「“\"『。；\n]{0,20}?(?:修改|变更|调整|修订|修正|更改|改|替换)(?:为|成)[：:]?\s*[「“\"『])"
    r"[^「“\"『。；\n]{0,20}?[「“\"『](?P<old>[^」”\"』]*)[」”\"』]"
)
# 《…合同》第五条原约定：“…” / 第三条原文为“…”: the article named first, then its old wording
_ARTICLE_WAS = re.compile(
    r"第[^「“\"『。；\n]{1,12}?(?:条|款|项)\s*原(?:约定|规定|内容|条文|文字|表述|文)?(?:为|是)?"
    r"[：:，,]?\s*[「“\"『](?P<old>[^」”\"』]*)[」”\"』]"
)
_TITLE = re.compile(r"《[^》\n]*》")
# 使用费由人民币50万元调整为人民币80万元 / 将到期日2026年6月30日变更为…: the old value
_FROM_OLD = re.compile(
    # 原契约第五条授权金总额新台币壹仟贰佰万元，修正为…: the old value may close its clause
    r"(?:由|从|将|把|原)(?P<old>[^，。；\n]{1,40}?[，,]?)"
    r"(?:调整|变更|修改|修订|修正|延长|缩短|增加|提高|降低|减少|改)(?:为|至)"
)
# Only the amounts and dates of an old value are blanked: its words still name the term.
_OLD_VALUE = re.compile(
    r"(?:人民币|港币|美元|欧元|RMB|HK\$|US\$|¥|￥)?\s*[\d,.]+\s*(?:万|亿)?(?:元|美元|欧元|港元)?"
    r"|[壹贰叁肆伍陆柒捌玖拾佰仟万亿零]+元|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
    r"|[百千万]分之[零一二三四五六七八九十点]+|\d+(?:\.\d+)?\s*[%％‰]"
    # 离职后一年内 / 十二个月: a period told in words
    r"|[零一二两三四五六七八九十百]+\s*个?(?:月|年)"
    # 地域为南方五省区: an area the original set
    r"|(?:(?<=地域为)|(?<=区域为)|(?<=范围为))[^，。；、\n]+"
)
# 鉴于…原合同约定许可期限至2024年5月9日止: what the original says, told as background
# 原合同第六条约定的许可使用费…已付清: the article may stand between
_ORIGINAL_SAYS = re.compile(
    # （以下简称原协议）约定…: the bracket of a defined name may close before the verb
    # 签订原契约，约定授权期间至…: the comma of a Taiwanese recital may stand before the verb
    # （以下简称“原协议”），约定…: a quote and a bracket may both close
    # 原合同（合同编号：ZR-77）约定… / 原合同第二条规定，转让价款为…: a bracketed number, and a
    # comma after the verb
    r"原(?:合同|协议|契约)?[）)”」]{0,2}(?:[（(][^（()）\n]{1,30}[）)])?(?:中)?"
    r"(?:第[^，。；\n]{1,8}?(?:条|款|项))?(?:中)?[，,]?"
    r"(?:约定|规定|确定)[，,：:]?"
    r"(?P<old>[^，。；\n]*)"
)
# 原协议已支付的入门费人民币300万元不予调整: money the original already settled, no new value
_ALREADY_SETTLED = re.compile(
    r"原(?:合同|协议|契约|合约)?(?:项下|中)?(?:已经|业已|已)(?:支付|付清|收取|缴纳|付)(?:的|之)"
    r"(?P<old>[^，。；\n]*)"
)
_CHANGE = re.compile(r"变更|调整|修改|修订|修正|延长|缩短|增加|提高|降低|减少|改为|现为")


def new_wording(layout: Layout) -> Layout:
    """The amendment with what it does not newly state blanked out, offsets unchanged: the old
    clauses it quotes, the titles of the contracts it names (《专利独占许可协议》) and the old
    column of an old/new table. Values are read from what is left: the terms as amended."""
    text = list(layout.text)

    def blank(start: int, end: int, mark: str = " ") -> None:
        text[start:end] = mark * (end - start)

    for pattern in (_QUOTED_OLD, _ARTICLE_WAS):
        for match in pattern.finditer(layout.text):
            blank(match.start("old"), match.end("old"))
    for match in _TITLE.finditer(layout.text):
        blank(match.start(), match.end())
    for match in _FROM_OLD.finditer(layout.text):
        for value in _OLD_VALUE.finditer(layout.text, match.start("old"), match.end("old")):
            if value.group(0).strip():
                blank(value.start(), value.end())
    for match in _ORIGINAL_SAYS.finditer(layout.text):
        if _CHANGE.search(match.group("old")):
            continue  # 原合同约定的期限延长至…: the new value follows
        for value in _OLD_VALUE.finditer(layout.text, match.start("old"), match.end("old")):
            if value.group(0).strip():
                blank(value.start(), value.end())
    for match in _ALREADY_SETTLED.finditer(layout.text):
        for value in _OLD_VALUE.finditer(layout.text, match.start("old"), match.end("old")):
            if value.group(0).strip():
                blank(value.start(), value.end())
    for start, end, mark in _old_table_cells(layout.text):
        blank(start, end, mark)
    return dataclasses.replace(layout, text="".join(text))


def _old_table_cells(text: str) -> list[tuple[int, int, str]]:
    """The cells under an old-value header (原金额, 变更前) of a table, to the table's end, and
    what to blank them with: spaces in a tab row; a mark in a row a PDF printed with spaces,
    whose columns stay apart only while every cell holds a word."""
    spans: list[tuple[int, int, str]] = []
    old_columns: set[int] = set()
    width = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        cells = row_cells(line)
        if len(cells) < 2 or ("\t" not in line and len(cells) != width):
            old_columns = set()  # (a PDF's spaced row counts its cells like the header)
        if len(cells) >= 2 and any(OLD_COLUMN.match(c.strip()) for _, c in cells) and not (
            re.search(r"\d|[壹贰叁肆伍陆柒捌玖拾]", line)
        ):
            # a header row (原约定金额 | 变更后金额), not a row whose due cell starts with 原合同
            old_columns = {i for i, (_, c) in enumerate(cells) if OLD_COLUMN.match(c.strip())}
            width = len(cells)
        elif old_columns:
            mark = " " if "\t" in line else "—"
            spans += [
                (offset + at, offset + at + len(cell), mark)
                for index, (at, cell) in enumerate(cells)
                if index in old_columns
            ]
        offset += len(line)
    return spans


def apply_amendments(batch: GraphBatch, contract: ContractExtraction, graph: GraphStore) -> None:
    source = f"{contract.sha256[:16]}#1"
    if contract.amends is not None:
        _amend_original(batch, contract, contract.amends.value, graph, source)
    else:
        _take_earlier_amendments(batch, contract, graph)


def _amend_original(
    batch: GraphBatch,
    amendment: ContractExtraction,
    original_id: str,
    graph: GraphStore,
    source: str,
) -> None:
    original = graph.get_node(NodeLabel.CONTRACT, original_id)
    if original is None:
        # Keeps the AMENDS edge until the original arrives and fills this node in.
        batch.node(NodeLabel.CONTRACT, NodeRow(original_id, {"stub": True}, source))
        return
    if amendment.end_date is None:
        return
    kind = original.props.get("kind")
    if not isinstance(kind, str) or ContractKind(kind) not in BENEFICIARY:
        return
    role, edge_type = BENEFICIARY[ContractKind(kind)]
    change = {"end": amendment.end_date.value, "amended_by": amendment.id}
    parties = graph.neighbours(EdgeType.PARTY_TO, original_id, Direction.IN)
    beneficiaries = [p.id for p in parties if p.edge.get("role") == role.value]
    for patent in graph.neighbours(EdgeType.COVERS, original_id, Direction.OUT):
        for beneficiary in beneficiaries:
            batch.edge(edge_type, EdgeRow(patent.id, beneficiary, dict(change), source))


def _take_earlier_amendments(
    batch: GraphBatch, contract: ContractExtraction, graph: GraphStore
) -> None:
    amendments = [
        node
        for found in graph.neighbours(EdgeType.AMENDS, contract.id, Direction.IN)
        if (node := graph.get_node(NodeLabel.CONTRACT, found.id)) is not None
        and isinstance(node.props.get("end_date"), str)
    ]
    if not amendments:
        return
    latest = max(amendments, key=lambda n: (str(n.props.get("sign_date", "")), n.id))
    for edge_type in {edge for _, edge in BENEFICIARY.values()}:
        for key, row in list(batch.edges[edge_type].items()):
            if row.props.get("contract") == contract.id:
                props = {**row.props, "end": latest.props["end_date"], "amended_by": latest.id}
                batch.edges[edge_type][key] = EdgeRow(row.src, row.dst, props, row.source)
