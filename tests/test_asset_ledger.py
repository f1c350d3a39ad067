"""The asset ledger end to end, on the embedded stores and on the real servers: gazette events
in a record become dated ownership and encumbrances, read through
`GET /api/v1/organizations/{name}/portfolio?as_of=` at a day between every pair of events,
whatever order the events and the files arrive in; English DOCDB and Chinese names of
central-SOE subsidiaries roll up to their group out of the box; intra-group movements are
shown as such."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from graph.model import NodeLabel
from ingest.pipeline import ingest_paths
from search_api.app import create_app
from stores.backends import Stores, open_stores
from tests.conftest import production_settings
from tests.gazette_texts import (
    CATL,
    CO_OWNER,
    CP01,
    EC01,
    EE01,
    ICBC,
    LICENSEE,
    NUMBER,
    PC01,
    PE01,
    SERVICE,
    SERVICE_RENAMED,
    TR01,
    TR01_CO_OWNER,
)

PATENT = "CN115900001A"
CF01 = f"CF01 专利权的终止 IPC(主分类)：H01M 10/0525 专利号：{NUMBER} 未缴年费终止日：2025.01.01"
EVENTS = [TR01, PE01, EE01, CP01, EC01, TR01_CO_OWNER, PC01, CF01]


def _record(events: list[str], **extra: object) -> dict[str, object]:
    return {
        "publication_number": PATENT,
        "application_number": "CN202210000001.0",
        "title": "一种锂离子电池及其制备方法",
        "applicants": [CATL],
        "inventors": ["张伟"],
        "ipc": ["H01M 10/0525"],
        "filing_date": "2022-01-01",
        "publication_date": "2022-04-01",
        "grant_date": "2023-03-01",
        "legal_events": "\n".join(events),
        **extra,
    }


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


@pytest.fixture(params=["embedded", pytest.param("production", marks=pytest.mark.integration)])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Stores]:
    if request.param == "embedded":
        opened = open_stores(Settings(data_dir=tmp_path / "data"))
    else:
        request.getfixturevalue("es_client")
        request.getfixturevalue("neo4j_driver")
        opened = open_stores(production_settings(index_prefix="test-ledger-"))
        opened.graph.delete_all()
        opened.index.delete_all()
    try:
        yield opened
    finally:
        if request.param == "production":
            opened.graph.delete_all()
            opened.index.delete_all()
        opened.close()


def _ingest(stores: Stores, tmp_path: Path, *files: Path) -> None:
    for file in files:
        report = ingest_paths([file], stores.graph, stores.index, tmp_path / "dead-letter")
        assert report.errors == [], report.errors


def _portfolio(client: TestClient, owner: str, day: str | None, **params: object) -> dict:
    query = {**params, **({"as_of": day} if day else {})}
    response = client.get(f"/api/v1/organizations/{owner}/portfolio", params=query)
    assert response.status_code == 200, response.text
    return response.json()


def _held(client: TestClient, owner: str, day: str | None) -> dict | None:
    patents = {p["id"]: p for p in _portfolio(client, owner, day)["patents"]}
    return patents.get(PATENT)


# day -> (owner asked, owns?, co-owners, pledgees, licensees with kind, legal status)
TIMELINE = [
    ("2021-12-01", CATL, False, None, None, None, None),
    ("2022-06-01", CATL, True, [], [], [], "pending"),
    ("2023-04-01", CATL, True, [], [], [], "valid"),
    ("2023-05-20", CATL, False, None, None, None, None),
    ("2023-05-20", SERVICE_RENAMED, True, [], [], [], "valid"),
    ("2023-06-20", SERVICE_RENAMED, True, [], [ICBC], [], "valid"),
    ("2023-08-01", SERVICE_RENAMED, True, [], [ICBC], [(LICENSEE, "exclusive")], "valid"),
    ("2023-10-01", SERVICE_RENAMED, True, [], [ICBC], [(LICENSEE, "exclusive")], "valid"),
    ("2024-02-01", SERVICE_RENAMED, True, [], [ICBC], [], "valid"),
    ("2024-04-01", SERVICE_RENAMED, True, [CO_OWNER], [ICBC], [], "valid"),
    ("2024-04-01", CO_OWNER, True, [SERVICE_RENAMED], [ICBC], [], "valid"),
    ("2024-07-01", SERVICE_RENAMED, True, [CO_OWNER], [], [], "valid"),
    ("2025-02-01", SERVICE_RENAMED, True, [CO_OWNER], [], [], "invalid"),
]


def _check_timeline(client: TestClient) -> None:
    for day, owner, owns, co_owners, pledgees, licensees, status in TIMELINE:
        held = _held(client, owner, day)
        assert (held is not None) == owns, (day, owner)
        if held is None:
            continue
        assert held["co_owners"] == co_owners, (day, owner)
        assert [p["pledgee"] for p in held["pledged_to"]] == pledgees, (day, owner)
        assert [(x["licensee"], x["exclusivity"]) for x in held["licensed_to"]] == licensees
        assert held["legal_status"] == status, (day, owner)


@pytest.mark.parametrize("order", ["as_exported", "reversed"])
def test_gazette_timeline_through_the_portfolio_endpoint(
    stores: Stores, tmp_path: Path, order: str
) -> None:
    events = EVENTS if order == "as_exported" else list(reversed(EVENTS))
    _ingest(stores, tmp_path, _write(tmp_path / "a.jsonl", [_record(events)]))
    with TestClient(create_app(stores=stores)) as client:
        _check_timeline(client)
        held = _held(client, SERVICE_RENAMED, "2023-06-20")
        assert held is not None
        assert held["owned_since"] == "2023-05-12"
        assert held["pledged_to"][0]["registration_number"] == "Y2023980012345"
        assert "TR01 2023-05-12" in held["evidence"]
        assert "gazette PE01 2023-06-12 Y2023980012345" in held["evidence"]
        licence = _held(client, SERVICE_RENAMED, "2023-08-01")
        assert licence is not None and licence["licensed_to"][0]["since"] == "2023-07-05"
        first = _held(client, CATL, "2022-06-01")
        assert first is not None and first["owned_since"] == "2022-01-01"
        assert first["evidence"][0] == "filing 2022-01-01 (申请人)"


def test_files_in_either_order_and_reingest_give_one_ledger(stores: Stores, tmp_path: Path) -> None:
    early = _write(tmp_path / "early.jsonl", [_record(EVENTS[:3])])
    late = _write(tmp_path / "late.jsonl", [_record(list(reversed(EVENTS[3:])))])
    _ingest(stores, tmp_path, late, early)
    counts = stores.graph.counts()
    with TestClient(create_app(stores=stores)) as client:
        _check_timeline(client)
    _ingest(stores, tmp_path, early, late, early)
    assert stores.graph.counts() == counts
    with TestClient(create_app(stores=stores)) as client:
        _check_timeline(client)


def test_current_owner_without_a_gazette_event_is_a_change_on_an_unknown_date(
    stores: Stores, tmp_path: Path
) -> None:
    record = _record([], current_owners=[SERVICE], grant_date=None)
    _ingest(stores, tmp_path, _write(tmp_path / "owners.jsonl", [record]))
    with TestClient(create_app(stores=stores)) as client:
        assert _held(client, CATL, "2022-02-01") is not None
        assert _held(client, CATL, None) is None
        now = _held(client, SERVICE, None)
        assert now is not None and now["owned_since"] == "2022-04-01"
        assert any("当前权利人" in line for line in now["evidence"])
        assert _held(client, SERVICE, "2022-02-01") is None


# --- central-SOE roll-up ---------------------------------------------------------------

SOE_RECORDS = Path(__file__).parent / "data" / "soe_subsidiary_records.jsonl"
# publication number -> the group (SASAC short name) its first applicant belongs to; None:
# no central SOE (stays unresolved, queued for review).
EXPECTED_GROUPS = {
    "CN116111001A": "国家电网",
    "CN116111002A": "南方电网",
    "CN116111003A": "中国石化",
    "CN116111004A": "中国海油",
    "CN116111005A": "国家电网",
    "CN116111006A": "南方电网",
    "CN116111007A": "中国宝武",
    "CN116111008A": "中核集团",
    "CN116111009A": "国家电网",
    "CN116111010A": "中国石化",
    "CN116111011A": "中国铁建",
    "CN116111012A": "中国移动",
    "CN116111013A": "中国航发",
    "CN116111014A": "国家能源集团",
    "CN116111015A": None,
    "CN116111016A": "国家电网",
    "CN116111017A": "中国石油",
    "CN116111018A": "南方电网",
}


def test_soe_subsidiary_records_roll_up_to_their_group_out_of_the_box(
    stores: Stores, tmp_path: Path
) -> None:
    _ingest(stores, tmp_path, SOE_RECORDS)
    rolled_up = 0
    with TestClient(create_app(stores=stores)) as client:
        for group in sorted({g for g in EXPECTED_GROUPS.values() if g}):
            expected = {p for p, g in EXPECTED_GROUPS.items() if g == group}
            body = _portfolio(client, group, None, group="true")
            found = {p["id"] for p in body["patents"]}
            assert found == expected, group
            rolled_up += len(found & expected)
            search = client.get("/api/v1/search", params={"group": group, "size": 50})
            assert search.status_code == 200, search.text
            assert {h["id"] for h in search.json()["hits"]} == expected, group
    total = sum(1 for g in EXPECTED_GROUPS.values() if g)
    print(f"\nroll-up: {rolled_up} of {total} central-SOE records reach their group")
    assert rolled_up == total


def test_an_english_docdb_name_is_the_chinese_organisation(stores: Stores, tmp_path: Path) -> None:
    _ingest(stores, tmp_path, SOE_RECORDS)
    with TestClient(create_app(stores=stores)) as client:
        body = _portfolio(client, "State Grid Zhejiang Electric Power Co Ltd", None)
        assert body["owner"] == "国网浙江省电力有限公司"
        assert [p["id"] for p in body["patents"]] == ["CN116111001A"]
        page = client.get("/api/v1/organizations/国网浙江省电力有限公司").json()
        assert "国家电网有限公司" in [p["name"] for p in page["parents"]]


# --- intra-group movements -----------------------------------------------------------------

ZJ = "国网浙江省电力有限公司"
JS = "国网江苏省电力有限公司"
INTRA = [
    {
        "publication_number": "CN116300001A",
        "title": "一种配电自动化终端",
        "applicants": [ZJ],
        "filing_date": "2022-03-01",
        "legal_events": (
            "TR01 专利权的转移 登记生效日：2023.04.01 变更事项：专利权人 "
            f"变更前权利人：{ZJ} 变更后权利人：{JS}\n"
            "EE01 专利实施许可合同备案的生效 合同备案号：X2023330000001 "
            f"让与人：{JS} 受让人：{ZJ} 许可种类：普通许可 备案日期：2023.05.01"
        ),
    },
    {
        "publication_number": "CN116300002A",
        "title": "一种电力电缆接头",
        "applicants": [ZJ, JS],
        "filing_date": "2022-04-01",
    },
]


def test_intra_group_transfer_and_licence_and_co_ownership(stores: Stores, tmp_path: Path) -> None:
    _ingest(stores, tmp_path, _write(tmp_path / "intra.jsonl", INTRA))
    with TestClient(create_app(stores=stores)) as client:
        group = _portfolio(client, "国家电网", "2023-06-01", group="true")
        ids = [p["id"] for p in group["patents"]]
        assert ids == ["CN116300001A", "CN116300002A"]  # each once
        moved, shared = group["patents"]
        assert moved["intra_group"] is True
        assert moved["licensed_to"][0]["intra_group"] is True
        assert shared["co_owners"] == [] and shared["owners"] == [JS, ZJ]
        # at subsidiary level it is a transfer out of 浙江 and into 江苏
        assert _portfolio(client, ZJ, "2023-06-01")["patents"][0]["id"] == "CN116300002A"
        js = _portfolio(client, JS, "2023-06-01")["patents"]
        assert [p["id"] for p in js] == ["CN116300001A", "CN116300002A"]
        assert js[1]["co_owners"] == [ZJ]


# --- the whole path as a user runs it: `ipgraph ingest`, curation, the API ------------------


def test_cli_ingest_review_queue_curation_and_api(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cli.main import app

    runner = CliRunner()
    env = {
        "IPGRAPH_DATA_DIR": str(tmp_path / "data"),
        "IPGRAPH_GRAPH_BACKEND": "embedded",
        "IPGRAPH_SEARCH_BACKEND": "embedded",
    }
    extra = _write(
        tmp_path / "extra.jsonl",
        [
            {
                "publication_number": "CN116111099A",
                "title": "一种储能电站能量管理方法",
                "applicants": ["Zhejiang Huadian Energy Storage Tech Co Ltd"],
                "filing_date": "2023-08-08",
            }
        ],
    )
    ingested = runner.invoke(app, ["ingest", str(SOE_RECORDS), str(extra)], env=env)
    assert ingested.exit_code == 0, ingested.output
    queue = runner.invoke(app, ["orgs", "unresolved", "--json"], env=env)
    assert queue.exit_code == 0, queue.output
    names = {row["name"] for row in json.loads(queue.output)}
    assert "Contemporary Amperex Technology Co Ltd" in names
    assert "Zhejiang Huadian Energy Storage Tech Co Ltd" in names
    assert not any("State Grid" in n for n in names)
    # the user decides: CATL's English name is CATL; the storage company belongs to 华电
    for args in (
        ["Contemporary Amperex Technology Co Ltd", "--to", CATL],
        ["Zhejiang Huadian Energy Storage Tech Co Ltd", "--parent", "中国华电集团有限公司"],
    ):
        linked = runner.invoke(app, ["orgs", "link", *args], env=env)
        assert linked.exit_code == 0, linked.output
    queue = runner.invoke(app, ["orgs", "unresolved", "--json"], env=env)
    names = {row["name"] for row in json.loads(queue.output)}
    assert "Contemporary Amperex Technology Co Ltd" not in names
    assert (tmp_path / "data" / "organizations" / "curation.tsv").exists()
    again = runner.invoke(app, ["ingest", str(SOE_RECORDS), str(extra)], env=env)
    assert again.exit_code == 0, again.output
    settings = Settings(data_dir=tmp_path / "data")
    with open_stores(settings) as stores, TestClient(create_app(stores=stores)) as client:
        catl = _portfolio(client, "宁德时代", None)
        assert [p["id"] for p in catl["patents"]] == ["CN116111015A"]
        huadian = _portfolio(client, "中国华电", None, group="true")
        assert [p["id"] for p in huadian["patents"]] == ["CN116111099A"]
        grid = _portfolio(client, "国家电网", None, group="true")
        assert len(grid["patents"]) == 4
        search = client.get("/api/v1/search", params={"group": "国家电网"}).json()
        assert search["total"] == 4


def test_group_kpis_count_what_was_owned_once(stores: Stores, tmp_path: Path) -> None:
    _ingest(stores, tmp_path, _write(tmp_path / "intra.jsonl", INTRA))
    with TestClient(create_app(stores=stores)) as client:

        def kpis(day: str | None) -> dict:
            params = {"organization": "国家电网", **({"as_of": day} if day else {})}
            response = client.get("/api/v1/graph/kpis", params=params)
            assert response.status_code == 200, response.text
            return response.json()

        now = kpis(None)
        assert now["group"]["patents"] == 2  # moved within the group, co-owned: once each
        members = {m["organization"]: m["patents"] for m in now["members"]}
        assert members[JS] == 2 and members[ZJ] == 1  # 浙江 transferred CN116300001A away
        before = kpis("2023-01-01")
        members = {m["organization"]: m["patents"] for m in before["members"]}
        assert members[ZJ] == 2 and members[JS] == 1
        assert kpis("2022-03-15")["group"]["patents"] == 1  # the second was filed later


def test_search_group_filter_as_of(stores: Stores, tmp_path: Path) -> None:
    _ingest(stores, tmp_path, SOE_RECORDS)
    with TestClient(create_app(stores=stores)) as client:

        def ids(**params: object) -> set[str]:
            response = client.get("/api/v1/search", params={"group": "国家电网", **params})
            assert response.status_code == 200, response.text
            return {h["id"] for h in response.json()["hits"]}

        assert ids() == {"CN116111001A", "CN116111005A", "CN116111009A", "CN116111016A"}
        # filed 2023-02-10, 2023-01-15, 2023-05-06, 2023-06-01
        assert ids(as_of="2023-03-01") == {"CN116111001A", "CN116111005A"}
        assert ids(as_of="2022-12-31") == set()


def test_one_event_kind_vocabulary() -> None:
    from config.settings import LEGAL_EVENTS_TABLE
    from domain.legal_status import LegalEvents
    from ingest.legal_events import KIND_BY_CODE

    assert LegalEvents.load(LEGAL_EVENTS_TABLE).by_code == KIND_BY_CODE


def test_a_unified_social_credit_code_keys_the_organisation(stores: Stores, tmp_path: Path) -> None:
    code = "91330000142911230Q"  # check character computed per GB 32100-2015
    records = [
        {
            "publication_number": "CN116400001A",
            "title": "一种储能变流器",
            "applicants": [f"浙江某储能科技有限公司（统一社会信用代码：{code}）"],
            "filing_date": "2022-01-01",
        },
        {
            "publication_number": "CN116400002A",
            "title": "一种储能电池簇",
            "applicants": [f"浙江某新能源科技股份有限公司 {code}"],  # renamed, same code
            "filing_date": "2023-01-01",
        },
        {
            "publication_number": "CN116400003A",
            "title": "一种电池箱",
            "applicants": ["浙江某储能科技有限公司（91330000142911230X）"],  # bad check character
            "filing_date": "2023-01-01",
        },
    ]
    _ingest(stores, tmp_path, _write(tmp_path / "codes.jsonl", records))
    with TestClient(create_app(stores=stores)) as client:
        body = _portfolio(client, "浙江某储能科技有限公司", None)
        assert [p["id"] for p in body["patents"]] == ["CN116400001A", "CN116400002A"]
    node = stores.graph.get_node(NodeLabel.ORGANIZATION, body["owner_id"])
    assert node is not None and node.props["credit_code"] == code


def test_paths_as_of_follow_the_ledger_standing_that_day(stores: Stores, tmp_path: Path) -> None:
    _ingest(stores, tmp_path, _write(tmp_path / "a.jsonl", [_record(EVENTS)]))
    with TestClient(create_app(stores=stores)) as client:

        def hops(day: str) -> list[list[str]]:
            params = {
                "from": ICBC,
                "to": CO_OWNER,
                "types": ["PLEDGED_TO", "OWNS"],
                "as_of": day,
                "max_hops": 2,
            }
            response = client.get("/api/v1/graph/paths", params=params)
            assert response.status_code == 200, response.text
            return [[n["id"] for n in p["nodes"]] for p in response.json()["paths"]]

        # the bank held a pledge on the patent while 蕉城 co-owned it (2024-03-01 .. 06-11)
        assert hops("2024-04-01") == [[ICBC, PATENT, CO_OWNER]]
        assert hops("2023-08-01") == []  # 蕉城 not an owner yet
        assert hops("2024-07-01") == []  # pledge released


def test_organisation_page_as_of_counts_what_was_owned(stores: Stores, tmp_path: Path) -> None:
    _ingest(stores, tmp_path, _write(tmp_path / "intra.jsonl", INTRA))
    with TestClient(create_app(stores=stores)) as client:

        def page(name: str, day: str) -> dict:
            response = client.get(f"/api/v1/organizations/{name}", params={"as_of": day})
            assert response.status_code == 200, response.text
            return response.json()

        assert page(ZJ, "2023-01-01")["portfolio"] == {"invention": 2}
        assert page(ZJ, "2023-06-01")["portfolio"] == {"invention": 1}
        assert page(JS, "2023-06-01")["portfolio"] == {"invention": 2}
        assert page("国家电网", "2023-06-01")["group_portfolio"] == {"invention": 2}
        assert page("国家电网", "2022-03-15")["group_portfolio"] == {"invention": 1}


def test_an_export_with_a_legal_events_column(stores: Stores, tmp_path: Path) -> None:
    import csv

    export = tmp_path / "export.csv"
    with export.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "公开(公告)号",
                "标题",
                "申请人",
                "申请日",
                "授权公告日",
                "法律状态",
                "法律事件",
                "当前权利人",
            ]
        )
        writer.writerow(
            [
                PATENT,
                "一种锂离子电池及其制备方法",
                CATL,
                "2022-01-01",
                "2023-03-01",
                "有效",
                "\n".join(EVENTS[:3]),
                SERVICE,
            ]
        )
    _ingest(stores, tmp_path, export)
    with TestClient(create_app(stores=stores)) as client:
        assert _held(client, CATL, "2023-01-01") is not None
        held = _held(client, SERVICE, "2023-08-01")
        assert held is not None and held["owned_since"] == "2023-05-12"
        assert [p["pledgee"] for p in held["pledged_to"]] == [ICBC]
        assert [x["licensee"] for x in held["licensed_to"]] == [LICENSEE]
        assert not any("当前权利人" in line for line in held["evidence"])  # the gazette said it


def test_group_membership_as_it_stood_from_dated_stakes(stores: Stores, tmp_path: Path) -> None:
    from domain.organizations import OrganizationAliases
    from ingest.resolve.groups import load_group_trees

    _ingest(stores, tmp_path, _write(tmp_path / "a.jsonl", [_record([])]))
    tree = tmp_path / "tree.json"
    tree.write_text(
        json.dumps(
            [
                {
                    "name": "某控股集团有限公司",
                    "kind": "group",
                    "subsidiaries": [
                        {"name": CATL, "stake": 51, "since": "2022-06-01", "until": "2024-01-01"}
                    ],
                }
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    load_group_trees(tree, stores.graph, OrganizationAliases.load())
    with TestClient(create_app(stores=stores)) as client:

        def group(day: str) -> list[str]:
            body = _portfolio(client, "某控股集团有限公司", day, group="true")
            return [p["id"] for p in body["patents"]]

        assert group("2022-03-01") == []
        assert group("2023-01-01") == [PATENT]
        assert group("2024-02-01") == []


def test_patent_page_as_of_gives_its_standing_on_each_day(stores: Stores, tmp_path: Path) -> None:
    """The same timeline read from the patent's side: every owner that day (the owner asked
    and its co-owners), the pledges, licences and legal status then; nothing before filing."""
    _ingest(stores, tmp_path, _write(tmp_path / "a.jsonl", [_record(EVENTS)]))
    with TestClient(create_app(stores=stores)) as client:
        for day, owner, owns, co_owners, pledgees, licensees, status in TIMELINE:
            response = client.get(f"/api/v1/patents/{PATENT}", params={"as_of": day})
            assert response.status_code == 200, response.text
            body = response.json()
            assert body["value"]["as_of"] == day
            standing = body["standing"]
            if day < "2022-01-01":
                assert standing is None
                continue
            if not owns:
                assert owner not in standing["owners"], (day, owner)
                continue
            assert standing["owners"] == sorted([owner, *co_owners]), day
            assert standing["co_owners"] == []
            assert [p["pledgee"] for p in standing["pledged_to"]] == pledgees, day
            assert [(x["licensee"], x["exclusivity"]) for x in standing["licensed_to"]] == licensees
            assert standing["legal_status"] == status, day
        assert client.get(f"/api/v1/patents/{PATENT}").json()["standing"] is None


def test_neighbors_as_of_shows_the_links_standing_that_day(stores: Stores, tmp_path: Path) -> None:
    _ingest(stores, tmp_path, _write(tmp_path / "a.jsonl", [_record(EVENTS)]))
    with TestClient(create_app(stores=stores)) as client:

        def linked(day: str | None, edge: str) -> list[str]:
            params: dict[str, object] = {"node": PATENT, "types": [edge]}
            if day is not None:
                params["as_of"] = day
            response = client.get("/api/v1/graph/neighbors", params=params)
            assert response.status_code == 200, response.text
            ends = [(e["source"], e["target"]) for e in response.json()["edges"]]
            return sorted(t["name"] if s["id"] == PATENT else s["name"] for s, t in ends)

        for day, owner, owns, co_owners, pledgees, licensees, _ in TIMELINE[1:]:
            if owns:
                assert linked(day, "OWNS") == sorted([owner, *co_owners]), day
                assert linked(day, "PLEDGED_TO") == pledgees, day
                assert linked(day, "LICENSED_TO") == [name for name, _ in licensees], day
        assert len(linked(None, "OWNS")) > len(linked("2023-04-01", "OWNS"))
