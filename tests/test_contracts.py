"""Contracts: every annotated field of the sample set, the graph they become on both backends,
the amendment whichever comes first, and the files that cannot be read."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from bench.contracts import LIST_FIELDS, SCALAR_FIELDS, extracted_values, items
from config.settings import Settings
from domain.access import FULL_ACCESS
from graph.entity_pages import node_view
from graph.model import Direction, EdgeType, NodeLabel
from ingest.contracts.documents import read_contract
from ingest.contracts.extract import extract_contract
from ingest.contracts.model import ContractExtraction
from ingest.errors import ErrorCode
from ingest.pipeline import ingest_paths
from search.index.protocol import DateRange, Filters, SearchQuery
from search.query import parse_query
from stores.backends import Stores, open_stores
from tests.conftest import BACKENDS, SAMPLE_PATENTS, backend_stores

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = ROOT / "ingest" / "samples" / "contracts"
GOLD: dict[str, dict[str, Any]] = {
    name: value
    for name, value in json.loads((ROOT / "tests" / "gold" / "contracts.json").read_text()).items()
    if not name.startswith("_")
}
RESOLUTION = SAMPLE_PATENTS.with_name("resolution.sample.jsonl")
CATL, BYD = "宁德时代新能源科技股份有限公司", "比亚迪股份有限公司"
ORIGINAL, AMENDMENT = "license_exclusive.sample.txt", "license_amendment.sample.txt"


def _extract(name: str) -> tuple[ContractExtraction, str]:
    document = read_contract(CONTRACTS / name)
    return extract_contract(document), document.text


@pytest.mark.parametrize("name", sorted(GOLD))
def test_every_annotated_field(name: str) -> None:
    contract, _ = _extract(name)
    expected, got = GOLD[name], extracted_values(contract)
    if expected["id"] != "sha256":
        assert contract.id == expected["id"]
    for field in LIST_FIELDS:
        assert sorted(items(got[field])) == sorted(items(expected.get(field, [])))
    for field in SCALAR_FIELDS:
        assert got[field] == pytest.approx(expected.get(field)), field


@pytest.mark.parametrize("name", sorted(GOLD))
def test_evidence_points_at_the_text(name: str) -> None:
    contract, text = _extract(name)
    for party in contract.parties:
        written = text[party.evidence.start : party.evidence.end]
        assert written == party.name or written.replace("（", "(").replace("）", ")") == party.name
        assert party.evidence.article in ("parties", "recitals")
    for patent in contract.patents:
        written = text[patent.evidence.start : patent.evidence.end].replace(" ", "")
        assert written[-6:].upper() in patent.number
        assert patent.evidence.article not in ("header", "signature")
    if contract.sign_date is not None:
        assert "日" in text[contract.sign_date.evidence.start : contract.sign_date.evidence.end]


def test_relative_term_counts_from_signing_when_the_contract_says_so() -> None:
    contract, text = _extract(ORIGINAL)
    assert contract.end_date is not None and contract.end_date.evidence.confidence == 0.8
    assert contract.end_date.evidence.article == "第三条"
    assert "三年" in text[contract.end_date.evidence.start : contract.end_date.evidence.end]
    hard, _ = _extract("license_hard.sample.txt")  # takes effect on 备案: no start date known
    assert hard.start_date is None and hard.end_date is None
    assert hard.duration_months is not None and hard.duration_months.value == 60


@pytest.fixture(params=BACKENDS)
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Stores]:
    with backend_stores(request, tmp_path / "data", "test-contracts-") as opened:
        yield opened


def _load(stores: Stores, paths: list[Path], dead: Path) -> None:
    report = ingest_paths(paths, stores.graph, stores.index, dead)
    assert report.errors == [], report.errors


def _contract_files(amendment_first: bool = False) -> list[Path]:
    files = sorted(CONTRACTS / name for name in GOLD)
    if amendment_first:
        files.sort(key=lambda p: p.name != AMENDMENT)
    else:
        files.sort(key=lambda p: p.name == AMENDMENT)
    return files


def _out(stores: Stores, edge: EdgeType, node_id: str) -> dict[str, dict[str, Any]]:
    return {n.id: n.edge for n in stores.graph.neighbours(edge, node_id, Direction.OUT)}


def test_contracts_become_parties_assets_and_encumbrances(stores: Stores, tmp_path: Path) -> None:
    _load(stores, [SAMPLE_PATENTS, RESOLUTION, *_contract_files()], tmp_path)
    graph = stores.graph
    parties = graph.neighbours(EdgeType.PARTY_TO, "SAMPLE-LIC-2023-001", Direction.IN)
    assert {p.id: p.edge["role"] for p in parties} == {CATL: "licensor", BYD: "licensee"}
    # ZL202210000014.8 is the application number of a known patent: the contract covers it.
    covered = _out(stores, EdgeType.COVERS, "SAMPLE-LIC-2023-001")
    assert sorted(covered) == ["CN115000001A", "CN115000014A"]
    assert covered["CN115000014A"]["number_as_written"] == "CN202210000014.8"
    licence = _out(stores, EdgeType.LICENSED_TO, "CN115000001A")[BYD]
    assert licence["exclusivity"] == "exclusive" and licence["start"] == "2023-03-01"
    assert licence["end"] == "2028-02-29" and licence["amended_by"] == "SAMPLE-LIC-2023-001-S1"
    pledge = _out(stores, EdgeType.PLEDGED_TO, "CN216000003U")["中国工商银行股份有限公司深圳分行"]
    assert (pledge["start"], pledge["end"]) == ("2024-01-15", "2026-01-14")
    assert _out(stores, EdgeType.TRANSFERRED_TO, "CN115000010A")["国家电网有限公司"]["date"] == (
        "2022-11-08"
    )
    assert "上海商飞复材科技有限公司" in _out(stores, EdgeType.TRANSFERRED_TO, "CN115000012A")
    # The employee of the non-compete is the CATL inventor 王强, the only one of that name there.
    non_compete = _out(stores, EdgeType.NON_COMPETE, f"王强@{CATL}")
    assert non_compete[CATL]["months"] == 24
    stub = graph.get_node(NodeLabel.PATENT, "CN202210000099.X")
    assert stub is not None and stub.props["stub"] is True
    assert stub.props["title"] == "一种信道状态信息上报方法"
    secret = _out(stores, EdgeType.COVERS_TRADE_SECRET, "SAMPLE-TS-2023-005")
    assert list(secret) == ["中国石油化工股份有限公司/加氢脱硫催化剂制备工艺技术秘密"]
    # A trade-secret licence is confidential: its page and the secret exist only for callers
    # allowed to see confidential records.
    assert node_view(graph, NodeLabel.CONTRACT, "SAMPLE-TS-2023-005") is None
    assert node_view(graph, NodeLabel.TRADE_SECRET, next(iter(secret))) is None
    page = node_view(graph, NodeLabel.CONTRACT, "SAMPLE-TS-2023-005", FULL_ACCESS)
    assert page is not None and "COVERS_TRADE_SECRET:out" in page.links
    parties = graph.neighbours(EdgeType.PARTY_TO_CONFIDENTIAL, "SAMPLE-TS-2023-005", Direction.IN)
    assert {p.id: p.edge["role"] for p in parties} == {
        "中国石油化工股份有限公司": "licensor",
        "中国石油天然气股份有限公司": "licensee",
    }


def test_amendment_applies_whichever_file_comes_first(stores: Stores, tmp_path: Path) -> None:
    _load(stores, [SAMPLE_PATENTS, *_contract_files(amendment_first=True)], tmp_path)
    licence = _out(stores, EdgeType.LICENSED_TO, "CN115000001A")[BYD]
    assert licence["end"] == "2028-02-29" and licence["amended_by"] == "SAMPLE-LIC-2023-001-S1"
    original = stores.graph.get_node(NodeLabel.CONTRACT, "SAMPLE-LIC-2023-001")
    assert original is not None and original.props["stub"] is False
    assert original.props["end_date"] == "2026-02-28"  # the contract as signed stays as signed


def test_contracts_are_searchable_by_kind_party_and_date(stores: Stores, tmp_path: Path) -> None:
    _load(stores, [SAMPLE_PATENTS, *_contract_files()], tmp_path)

    def ids(query: str | None, **filters: Any) -> list[str]:
        search = SearchQuery(
            query=parse_query(query) if query else None,
            filters=Filters(asset_kinds=("contract",), **filters),
            size=50,
        )
        return sorted(hit.id for hit in stores.index.search(search).hits)

    assert ids("质押") == ["SAMPLE-PL-2024-002"]
    [hard] = ids("大疆")  # no contract number: its id is the file's hash
    assert hard.startswith("sha256:")
    assert ids(None, kinds=("patent_license",)) == sorted(
        ["SAMPLE-LIC-2023-001", "SAMPLE-LIC-2023-017", hard]
    )
    assert ids(None, applicant_ids=("华为技术有限公司",)) == [
        "SAMPLE-CO-2023-009",
        "SAMPLE-LIC-2023-017",
    ]
    assert ids(None, filing_date=DateRange(gte="2024-01-01", lte="2024-12-31")) == [
        "SAMPLE-EQ-2024-001",
        "SAMPLE-LIC-2023-001-S1",
        "SAMPLE-PL-2024-002",
    ]
    # 比亚迪 is a word of 比亚迪半导体 too, the pledgor.
    assert ids("比亚迪") == ["SAMPLE-LIC-2023-001", "SAMPLE-LIC-2023-001-S1", "SAMPLE-PL-2024-002"]
    assert ids("比亚迪 -半导体") == ["SAMPLE-LIC-2023-001", "SAMPLE-LIC-2023-001-S1"]


def test_rerun_writes_nothing_new(stores: Stores, tmp_path: Path) -> None:
    paths = [SAMPLE_PATENTS, *_contract_files()]
    _load(stores, paths, tmp_path)
    before, documents = stores.graph.counts(), stores.index.count()
    _load(stores, paths, tmp_path)
    assert stores.graph.counts() == before and stores.index.count() == documents


def _encrypted_docx(target: Path) -> Path:
    with (CONTRACTS / "noncompete.sample.docx").open("rb") as source, target.open("wb") as out:
        OOXMLFile(source).encrypt("口令123", out)
    return target


def _encrypted_pdf(target: Path) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(target), encrypt=pdfencrypt.StandardEncryption("用户", "owner"))
    page.setFont("STSong-Light", 12)
    page.drawString(50, 700, "专利实施许可合同")
    page.save()
    return target


def _scanned_pdf(target: Path) -> Path:
    picture = Image.new("L", (600, 800), color=255)
    for y in range(100, 700, 30):
        picture.paste(0, (60, y, 540, y + 8))  # lines of "text" as pixels, as a scanner makes
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    page = canvas.Canvas(str(target))
    page.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 40, 40, width=500, height=700)
    page.save()
    return target


def test_unreadable_files_are_coded_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "空白合同.txt").write_bytes(b"")
    (bad / "junk.docx").write_bytes(bytes(range(256)) * 40)
    with zipfile.ZipFile(bad / "not-word.docx", "w") as archive:
        archive.writestr("hello.txt", "不是Word文档")
    big = bad / "扫描件合集.pdf"
    with big.open("wb") as out:
        out.write(b"%PDF-1.4\n")
        out.truncate(50 * 1024 * 1024)
    files = {
        "空白合同.txt": ErrorCode.CONTRACT_EMPTY,
        "junk.docx": ErrorCode.CONTRACT_UNREADABLE,
        "not-word.docx": ErrorCode.CONTRACT_UNREADABLE,
        "扫描件合集.pdf": ErrorCode.CONTRACT_TOO_LARGE,
        _encrypted_docx(bad / "加密.docx").name: ErrorCode.CONTRACT_ENCRYPTED,
        _encrypted_pdf(bad / "加密.pdf").name: ErrorCode.CONTRACT_ENCRYPTED,
        _scanned_pdf(bad / "扫描.pdf").name: ErrorCode.CONTRACT_NO_TEXT_LAYER,
    }
    stores = open_stores(Settings(data_dir=tmp_path / "data"))
    try:
        report = ingest_paths(
            [*sorted(bad.iterdir()), CONTRACTS / ORIGINAL], stores.graph, stores.index, tmp_path
        )
        assert stores.graph.get_node(NodeLabel.CONTRACT, "SAMPLE-LIC-2023-001") is not None
    finally:
        stores.close()
    assert {Path(p.file).name: p.code for p in report.errors} == files
    assert report.records_loaded == 1
    dead = sorted(json.loads(line)["code"] for f in tmp_path.glob("*.jsonl") for line in f.open())
    assert dead == sorted(code.value for code in files.values())
