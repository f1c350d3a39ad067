"""GraphStore on a Neo4j server through the official driver."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, LiteralString, TypeVar, cast

import neo4j
import neo4j.graph
import structlog
from neo4j import Driver, RoutingControl
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

from graph import cypher
from graph.analyst_cypher import (
    DEFAULT_ROW_LIMIT,
    DEFAULT_TIMEOUT_S,
    CypherResult,
    check_plan,
    check_read_only,
)
from graph.errors import (
    CypherResultTooLargeError,
    CypherTimeoutError,
    GraphError,
    GraphQueryError,
    GraphUnavailableError,
)
from graph.model import (
    OWNERSHIP_EDGE,
    AggregateCounts,
    CandidateScore,
    CitationFlow,
    Direction,
    EdgeMove,
    EdgeRow,
    EdgeType,
    FactCount,
    FoundPath,
    GraphCounts,
    InventorStat,
    IpcShare,
    Link,
    Neighbour,
    NodeKey,
    NodeLabel,
    NodeMerge,
    NodeRecord,
    NodeRow,
    PatentFacts,
    Properties,
    ShortestPaths,
    SubsidiaryLink,
)
from graph.store import (
    MAX_GROUP_DEPTH,
    PATH_CAP,
    PATH_MAX_HOPS,
    counts_from_owner_rows,
    fact_order,
)

log = structlog.get_logger(__name__)
T = TypeVar("T")
BATCH_SIZE = 1000
# Inside bulk_load (no aggregate counted per edge) fewer, larger transactions load faster.
BULK_BATCH_SIZE = 5000
# The counted upserts also merge aggregate rows: smaller transactions stay far from the
# server's transaction timeout on a busy machine.
COUNTED_BATCH_SIZE = 250
# Organisations whose aggregates one rebuild read counts (a giant's 30k patents included, a
# few seconds at 1M patents: far from the 60 s transaction timeout).
REBUILD_ORGS_PER_TX = 50
DELETE_TIMEOUT_S = 3600.0
MERGE_ATTEMPTS = 5  # a write that lost a MERGE race to a concurrent writer runs again


def _retry_merge_races(work: Callable[[], T]) -> T:
    """Run a write again when it lost a MERGE race: two writers (concurrent shards, the ingest
    writer and an API write) creating the same node or aggregate row at once both pass the
    MERGE's read, and the later commit fails on the uniqueness constraint, a client error the
    driver does not retry. The transaction was rolled back whole, and run again it finds the
    node. A real duplicate fails every attempt and is raised."""
    for attempt in range(1, MERGE_ATTEMPTS + 1):
        try:
            return work()
        except neo4j.exceptions.ConstraintError:
            if attempt == MERGE_ATTEMPTS:
                raise
            log.info("neo4j_merge_race_retried", attempt=attempt)
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


@contextmanager
def _translated_errors() -> Iterator[None]:
    try:
        yield
    except (ServiceUnavailable, SessionExpired, AuthError, OSError) as exc:
        raise GraphUnavailableError(
            "the Neo4j server cannot be reached", detail={"reason": str(exc)}
        ) from exc
    except neo4j.exceptions.Neo4jError as exc:
        raise GraphError("Neo4j rejected a statement", detail={"neo4j_code": exc.code}) from exc


class Neo4jGraphStore:
    """Takes a ready driver; opens no connection until the first query."""

    def __init__(self, driver: Driver, *, database: str = "neo4j") -> None:
        self._driver = driver
        self._database = database
        self._bulk = False  # inside bulk_load: plain upserts, aggregates rebuilt at the end

    def _query(
        self,
        statement: LiteralString,
        params: dict[str, Any] | None = None,
        *,
        read: bool = False,
        transform: Callable[[neo4j.Result], T],
    ) -> T:
        def run() -> T:
            return self._driver.execute_query(
                statement,
                params or {},
                database_=self._database,
                routing_=RoutingControl.READ if read else RoutingControl.WRITE,
                result_transformer_=transform,
            )

        with _translated_errors():
            return run() if read else _retry_merge_races(run)

    def _write(self, statement: LiteralString, params: dict[str, Any]) -> None:
        self._query(statement, params, transform=neo4j.Result.consume)

    def ensure_schema(self) -> None:
        for statement in (*cypher.SCHEMA, *cypher.AGGREGATE_SCHEMA):
            self._write(statement, {})
        log.info("neo4j_schema_ready", statements=len(cypher.SCHEMA))
        # A database written before an aggregate existed gets it computed once.
        state = self._read(cypher.HAS_AGGREGATE_INPUT, {})[0]
        missing = not state["counted"] or not state["facts"]
        if state["owners"] and (missing or (state["cites"] and not state["flows"])):
            self.rebuild_aggregates()

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        self._bulk = True
        try:
            yield
        finally:
            self._bulk = False
        self.rebuild_aggregates()

    def upsert_nodes(self, label: NodeLabel, rows: Sequence[NodeRow]) -> None:
        statement = cypher.UPSERT_NODES[label]
        size = self._batch_size()
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            batch = [{"id": r.id, "props": r.props, "source": r.source} for r in chunk]
            if label is NodeLabel.PATENT and not self._bulk:
                # A patent's facts may change (status, grade): its portfolio rows move.
                self._in_transaction(self._recounted(statement, batch, [r.id for r in chunk]))
            else:
                self._write(statement, {"rows": batch})

    def _recounted(
        self, statement: LiteralString, batch: list[dict[str, Any]], ids: list[str]
    ) -> Callable[[neo4j.ManagedTransaction], None]:
        """Work that takes the portfolio rows of `ids` off, writes, and puts them back."""

        def work(tx: neo4j.ManagedTransaction) -> None:
            params = {"ids": sorted(set(ids))}
            tx.run(cypher.LOCK_PATENTS, params).consume()  # as in _write_counted
            tx.run(cypher.ADJUST_FACT_COUNTS, {**params, "sign": -1}).consume()
            tx.run(statement, {"rows": batch}).consume()
            tx.run(cypher.ADJUST_FACT_COUNTS, {**params, "sign": 1}).consume()

        return work

    def _in_transaction(self, work: Callable[[neo4j.ManagedTransaction], None]) -> None:
        with _translated_errors(), self._driver.session(database=self._database) as session:
            _retry_merge_races(lambda: session.execute_write(work))

    def upsert_edges(self, edge_type: EdgeType, rows: Sequence[EdgeRow]) -> None:
        counted = None if self._bulk else cypher.UPSERT_EDGES_COUNTED.get(edge_type)
        if counted is not None:
            flows = cypher.CITATION_FLOWS_OF.get(edge_type)
            # The patent end of each edge is locked first (see _write_counted).
            end = "src" if edge_type.endpoints[0] is NodeLabel.PATENT else "dst"
            for batch in _unique_pair_batches(rows):
                locked = sorted({row[end] for row in batch})
                self._write_counted(
                    counted, flows, batch, locked, owned=edge_type is OWNERSHIP_EDGE
                )
            return
        statement = cypher.UPSERT_EDGES[edge_type]
        size = self._batch_size()
        for start in range(0, len(rows), size):
            batch = [
                {"src": r.src, "dst": r.dst, "props": r.props, "source": r.source}
                for r in rows[start : start + size]
            ]
            self._write(statement, {"rows": batch})

    def _batch_size(self) -> int:
        return BULK_BATCH_SIZE if self._bulk else BATCH_SIZE

    def merge_persons(self, rows: Sequence[NodeMerge]) -> None:
        statements = [
            *cypher.PERSON_EDGES_OUT.values(),
            *cypher.PERSON_EDGES_IN.values(),
            cypher.MERGE_PERSON_NODES,
        ]
        merges = [{"src": r.src, "into": r.into} for r in rows if r.src != r.into]
        size = self._batch_size()
        for start in range(0, len(merges), size):
            batch = merges[start : start + size]

            # One transaction per batch: a person is never left half moved.
            def work(tx: neo4j.ManagedTransaction, batch: list[dict[str, str]] = batch) -> None:
                for statement in statements:
                    tx.run(statement, {"rows": batch}).consume()

            with _translated_errors(), self._driver.session(database=self._database) as session:
                session.execute_write(work)

    def move_person_edges(self, edge_type: EdgeType, rows: Sequence[EdgeMove]) -> None:
        statement = cypher.MOVE_PERSON_EDGE[edge_type]
        moves = [{"src": r.src, "dst": r.dst, "into": r.into} for r in rows if r.src != r.into]
        size = self._batch_size()
        for start in range(0, len(moves), size):
            self._write(statement, {"rows": moves[start : start + size]})

    def _write_counted(
        self,
        upsert: LiteralString,
        flows: LiteralString | None,
        batch: list[dict[str, Any]],
        locked: list[str],
        *,
        owned: bool,
    ) -> None:
        """The upsert and the citation flows of the edges it created, in one transaction; for
        ownership edges, the portfolio rows of the patents gaining an owner move too. The
        patents are locked first: two writers of the same edge would otherwise both see it
        missing and both count it (read committed), or both move the same rows."""

        def work(tx: neo4j.ManagedTransaction) -> None:
            tx.run(cypher.LOCK_PATENTS, {"ids": locked}).consume()
            ids: list[str] = []
            if owned:
                ids = tx.run(cypher.NEWLY_OWNED, {"rows": batch}).single(strict=True)["ids"]
                tx.run(cypher.ADJUST_FACT_COUNTS, {"ids": ids, "sign": -1}).consume()
            created = [dict(r) for r in tx.run(upsert, {"rows": batch})]
            if flows is not None and created:
                keys = [f"{c['src']}|{c['dst']}" for c in created]
                tx.run(flows, {"created": created, "keys": keys}).consume()
            if ids:
                tx.run(cypher.ADJUST_FACT_COUNTS, {"ids": ids, "sign": 1}).consume()

        self._in_transaction(work)

    def rebuild_aggregates(self) -> AggregateCounts:
        with (
            _translated_errors(),
            self._driver.session(database=self._database) as session,
        ):
            for statement in cypher.CLEAR_AGGREGATES:
                # IN TRANSACTIONS needs an implicit transaction.
                session.run(neo4j.Query(statement, timeout=DELETE_TIMEOUT_S)).consume()
        orgs = [r["id"] for r in self._read(cypher.ORGANIZATION_IDS, {})]
        for start in range(0, len(orgs), REBUILD_ORGS_PER_TX):
            ids = orgs[start : start + REBUILD_ORGS_PER_TX]
            for count, write in (
                (cypher.COUNT_ORG_IPC, cypher.WRITE_ORG_IPC),
                (cypher.COUNT_CITATION_FLOWS_OF_ORGS, cypher.WRITE_CITATION_FLOWS),
                (cypher.COUNT_ORG_FACTS, cypher.WRITE_ORG_FACTS),
            ):
                counted = [dict(r) for r in self._read(count, {"ids": ids})]
                for first in range(0, len(counted), BULK_BATCH_SIZE):
                    self._write(write, {"rows": counted[first : first + BULK_BATCH_SIZE]})
        profiles = self._read(cypher.COUNT_AGGREGATES, {})
        flows = self._read(cypher.COUNT_CITATION_FLOWS, {})
        facts = self._read(cypher.COUNT_FACT_ROWS, {})
        return AggregateCounts(
            org_ipc_rows=int(profiles[0]["count"]),
            citation_flow_rows=int(flows[0]["count"]),
            portfolio_rows=int(facts[0]["count"]),
        )

    def inventor_stats(self, patent_ids: Sequence[str], limit: int) -> list[InventorStat]:
        params = {"ids": sorted(set(patent_ids)), "limit": limit}
        return [
            InventorStat(r["person"], r["name"], r["patents"], r["citations"])
            for r in self._read(cypher.INVENTOR_STATS, params)
        ]

    def outside_links(
        self, edge_type: EdgeType, patent_ids: Sequence[str], org_ids: Sequence[str]
    ) -> list[Link]:
        params = {"ids": sorted(set(patent_ids)), "orgs": sorted(set(org_ids))}
        links = []
        for r in self._read(cypher.OUTSIDE_LINKS[edge_type], params):
            props: Properties = dict(r["props"])
            sources = cast(list[str], props.pop("sources", []))
            src = NodeKey(NodeLabel.ORGANIZATION, r["src"])
            dst = NodeKey(NodeLabel.PATENT, r["dst"])
            links.append(
                Link(edge_type, src, dst, r["src_name"], r["dst_name"], props, sorted(sources))
            )
        return links

    def citation_flows(self, org_ids: Sequence[str]) -> list[CitationFlow]:
        [c] = self._read(cypher.CITATION_FLOWS, {"ids": sorted(set(org_ids))})
        return [
            CitationFlow(*row)
            for row in zip(
                c["src"], c["src_name"], c["dst"], c["dst_name"], c["citations"], strict=True
            )
        ]

    def competitor_candidates(
        self,
        profile: dict[str, int],
        exclude: Sequence[str],
        limit: int,
        *,
        seek: Sequence[str] | None = None,
    ) -> list[CandidateScore]:
        if not profile:
            return []
        params = {
            "profile": profile,
            "seek": sorted(set(profile if seek is None else seek)),
            "exclude": sorted(set(exclude)),
            "limit": limit,
        }
        return [
            CandidateScore(r["org"], r["name"], r["shared"], r["dot"], r["norm_sq"])
            for r in self._read(cypher.COMPETITOR_CANDIDATES, params)
        ]

    def portfolio_counts(
        self, org_ids: Sequence[str], *, as_of: date | None = None
    ) -> list[FactCount]:
        ids = sorted(set(org_ids))
        if not ids:
            return []
        if as_of is None:
            [m] = self._read(cypher.ORG_FACT_COUNTS, {"ids": ids})
            columns = ("org", "owners", "kind", "legal_status", "country", "grade", "year")
            return counts_from_owner_rows(zip(*(m[c] for c in columns), m["patents"], strict=True))
        rows: list[FactCount] = []
        for statement in (cypher.PORTFOLIO_COUNTS,):
            [c] = self._read(statement, {"ids": ids, "as_of": _day(as_of)})
            rows.extend(
                FactCount(owner[0], kind[0], status[0], country[0], grade[0], year, patents)
                for owner, kind, status, country, grade, year, patents in zip(
                    c["owner"],
                    c["kind"],
                    c["legal_status"],
                    c["country"],
                    c["grade"],
                    c["year"],
                    c["patents"],
                    strict=True,
                )
            )
        return sorted(rows, key=fact_order)

    def org_ipc_counts(
        self, org_ids: Sequence[str], *, as_of: date | None = None
    ) -> list[IpcShare]:
        params = {"ids": sorted(set(org_ids)), "as_of": _day(as_of)}
        if as_of is None:
            [c] = self._read(cypher.ORG_IPC_COUNTS, params)
            return [
                IpcShare(*row)
                for row in zip(c["org"], c["name"], c["code"], c["patents"], strict=True)
            ]
        records = self._read(cypher.ORG_IPC_COUNTS_ON, params)
        return [IpcShare(r["org"], r["name"], r["code"], r["patents"]) for r in records]

    def ipc_code_counts(self, codes: Sequence[str], *, as_of: date | None = None) -> list[IpcShare]:
        params = {"codes": sorted(set(codes)), "as_of": _day(as_of)}
        statement = cypher.IPC_CODE_COUNTS if as_of is None else cypher.IPC_CODE_COUNTS_ON
        records = self._read(statement, params)
        return [IpcShare(r["org"], r["name"], r["code"], r["patents"]) for r in records]

    def get_node(self, label: NodeLabel, node_id: str) -> NodeRecord | None:
        records = self._read(cypher.GET_NODE[label], {"id": node_id})
        return _node(label, records[0]["node"]) if records else None

    def find_patent(self, number: str) -> NodeRecord | None:
        records = self._read(cypher.FIND_PATENT, {"id": number})
        return _node(NodeLabel.PATENT, records[0]["node"]) if records else None

    def find_patents(self, numbers: Sequence[str]) -> dict[str, NodeRecord]:
        found: dict[str, NodeRecord] = {}
        if not numbers:
            return found
        for record in self._read(cypher.FIND_PATENTS, {"ids": list(dict.fromkeys(numbers))}):
            node = _node(NodeLabel.PATENT, record["node"])
            key = str(record["key"])
            if key not in found or node.id < found[key].id:
                found[key] = node
        return found

    def person_names(self, after: str, limit: int) -> list[str]:
        records = self._read(cypher.PERSON_NAMES, {"after": after, "limit": limit})
        return [str(r["name"]) for r in records]

    def find_persons(self, names: Sequence[str]) -> list[NodeRecord]:
        records = self._read(cypher.FIND_PERSONS, {"names": list(dict.fromkeys(names))})
        return [_node(NodeLabel.PERSON, r["node"]) for r in records]

    def neighbours(
        self, edge_type: EdgeType, node_id: str, direction: Direction, limit: int = 100
    ) -> list[Neighbour]:
        statement = (cypher.NEIGHBOURS_OUT if direction is Direction.OUT else cypher.NEIGHBOURS_IN)[
            edge_type
        ]
        records = self._read(statement, {"id": node_id, "limit": limit})
        return [Neighbour(r["id"], r["name"], dict(r["edge"])) for r in records]

    def expand(
        self, nodes: Sequence[NodeKey], edge_types: Collection[EdgeType], per_node: int
    ) -> list[Link]:
        types = frozenset(edge_types)
        links: list[Link] = []
        if not types:
            return links
        for label in sorted({n.label for n in nodes}):
            ids = sorted({n.id for n in nodes if n.label is label})
            params = {"ids": ids, "per_node": per_node}
            for record in self._read(cypher.expand(label, types), params):
                links.append(_link(label, record, out=record["out"]))
        return sorted(links, key=lambda link: (link.type.value, link.src, link.dst))

    def ancestors(self, org_id: str) -> list[Neighbour]:
        records = self._read(cypher.ANCESTORS, {"id": org_id})
        return [Neighbour(r["id"], r["name"], dict(r["edge"])) for r in records]

    def descendants(self, org_id: str, max_depth: int = MAX_GROUP_DEPTH) -> list[SubsidiaryLink]:
        records = self._read(cypher.DESCENDANTS, {"id": org_id, "max_depth": max_depth})
        return [
            SubsidiaryLink(r["child"], r["child_name"], r["parent"], r["stake"]) for r in records
        ]

    def patent_counts(self, org_ids: Sequence[str]) -> dict[str, int]:
        records = self._read(cypher.PATENT_COUNTS, {"ids": list(org_ids)})
        return {r["kind"]: r["count"] for r in records}

    def portfolio(self, org_ids: Sequence[str]) -> list[PatentFacts]:
        [columns] = self._read(cypher.PORTFOLIO, {"ids": sorted(set(org_ids))})
        return [
            PatentFacts(
                id=pid,
                owner=owner,
                kind=kind[0],
                legal_status=status[0],
                country=country[0],
                filing_date=filed[0],
                ipc=tuple(ipc),
                grade=grade[0],
            )
            for pid, owner, kind, status, country, filed, ipc, grade in zip(
                columns["id"],
                columns["owner"],
                columns["kind"],
                columns["legal_status"],
                columns["country"],
                columns["filing_date"],
                columns["ipc"],
                columns["grade"],
                strict=True,
            )
        ]

    def ipc_shares(
        self, codes: Sequence[str], *, org_ids: Sequence[str] | None = None
    ) -> list[IpcShare]:
        params = {
            "codes": sorted(set(codes)),
            "ids": None if org_ids is None else sorted(set(org_ids)),
        }
        return [
            IpcShare(r["org"], r["name"], r["code"], r["patents"])
            for r in self._read(cypher.IPC_SHARES, params)
        ]

    def ipc_profiles(self, org_ids: Sequence[str]) -> list[IpcShare]:
        return [
            IpcShare(r["org"], r["name"], r["code"], r["patents"])
            for r in self._read(cypher.IPC_PROFILES, {"ids": sorted(set(org_ids))})
        ]

    def declarations(
        self,
        *,
        declarants: Sequence[str] | None = None,
        standards: Sequence[str] | None = None,
    ) -> list[Link]:
        params = {
            "declarants": None if declarants is None else sorted(set(declarants)),
            "standards": None if standards is None else sorted(set(standards)),
        }
        links = []
        for r in self._read(cypher.DECLARATIONS, params):
            props: Properties = dict(r["props"])
            sources = cast(list[str], props.pop("sources", []))
            links.append(
                Link(
                    EdgeType.DECLARED_ESSENTIAL,
                    NodeKey(NodeLabel.PATENT, r["patent"]),
                    NodeKey(NodeLabel.STANDARD, r["standard"]),
                    r["patent_name"],
                    r["standard"],
                    props,
                    sorted(sources),
                )
            )
        return links

    def _read(self, statement: LiteralString, params: dict[str, Any]) -> list[neo4j.Record]:
        return self._query(statement, params, read=True, transform=lambda r: list(r))

    def counts(self) -> GraphCounts:
        nodes = self._query(
            cypher.COUNT_NODES_KNOWN,
            {"labels": [label.value for label in NodeLabel]},
            read=True,
            transform=lambda r: list(r),
        )
        edges = self._query(cypher.COUNT_EDGES, read=True, transform=lambda r: list(r))
        return GraphCounts(
            nodes={rec["label"]: rec["count"] for rec in nodes},
            edges={rec["type"]: rec["count"] for rec in edges},
        )

    def ping(self) -> None:
        # One attempt, no retry loop: readiness reports a dead server at once.
        with (
            _translated_errors(),
            self._driver.session(
                database=self._database, default_access_mode=neo4j.READ_ACCESS
            ) as session,
        ):
            session.run(cypher.PING).consume()

    def server_version(self) -> str:
        records = self._query(cypher.SERVER_VERSION, read=True, transform=lambda r: list(r))
        return f"Neo4j {records[0]['version']} {records[0]['edition']}"

    def delete_all(self) -> None:
        # CALL ... IN TRANSACTIONS needs an auto-commit transaction, which execute_query is not.
        with _translated_errors(), self._driver.session(database=self._database) as session:
            for statement in cypher.DELETE_ALL:
                # Batched inside, so the outer statement may run past the server's default
                # transaction timeout on a large graph.
                session.run(neo4j.Query(statement, timeout=DELETE_TIMEOUT_S)).consume()

    def shortest_paths(
        self,
        start: NodeKey,
        goal: NodeKey,
        edge_types: Collection[EdgeType],
        *,
        max_hops: int,
        timeout_s: float,
        cap: int = PATH_CAP,
        as_of: date | None = None,
        first: int | None = None,
    ) -> ShortestPaths:
        if start == goal:
            found = self.get_node(start.label, start.id) is not None
            return ShortestPaths([FoundPath((start,), ())] if found else [])
        hops = max(1, min(max_hops, PATH_MAX_HOPS))
        if not edge_types:
            return ShortestPaths([])
        statement = cypher.shortest_paths(start.label, goal.label, hops, frozenset(edge_types))
        params = {
            "src": start.id,
            "dst": goal.id,
            "as_of": as_of.isoformat() if as_of else None,
            "cap": cap + 1,
            "first": cap if first is None else min(first, cap),
        }
        try:
            with (
                _translated_errors(),
                self._driver.session(
                    database=self._database, default_access_mode=neo4j.READ_ACCESS
                ) as session,
                # An explicit transaction: the server stops it at the time bound, and no
                # driver retry repeats a search that ran out of time.
                session.begin_transaction(timeout=timeout_s) as tx,
            ):
                records = list(tx.run(statement, params))
                total = int(records[0]["total"]) if records else 0
                listed = sorted(
                    (_path_keys(start, r["links"]) for r in records), key=lambda k: k[0]
                )
                eids = sorted({raw["eid"] for _, links in listed for raw in links})
                evidence = {r["eid"]: r for r in tx.run(cypher.PATH_EVIDENCE, {"eids": eids})}
        except GraphError as exc:
            code = str(exc.detail.get("neo4j_code", ""))
            if "TransactionTimedOut" in code or "Terminated" in code:
                return ShortestPaths(timed_out=True)
            if "MemoryLimit" in code or "OutOfMemory" in code:
                return ShortestPaths(out_of_memory=True)
            raise
        paths = [_found_path(start, links, evidence) for _, links in listed]
        return ShortestPaths(paths, capped=total > cap, total=min(total, cap))

    def analyst_query(
        self,
        query: str,
        params: dict[str, Any],
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        row_limit: int = DEFAULT_ROW_LIMIT,
    ) -> CypherResult:
        """Run an analyst's query read-only (see graph/analyst_cypher.py for the locks)."""
        check_read_only(query, params)
        # The text is the analyst's: the server's plan, not the text, decides (check_plan).
        text = query
        with self._analyst_session() as session:
            plan = session.run("EXPLAIN " + text, params).consume()
            check_plan(plan.query_type, plan.plan)
            # An explicit transaction, not execute_read: its retries would repeat a query that
            # ran out of memory or time, and answer after 20 s instead of at the timeout.
            with session.begin_transaction(timeout=timeout_s) as tx:
                return _collect(tx, text, params, row_limit)

    @contextmanager
    def _analyst_session(self) -> Iterator[neo4j.Session]:
        try:
            with (
                _translated_errors(),
                self._driver.session(
                    database=self._database, default_access_mode=neo4j.READ_ACCESS
                ) as session,
            ):
                yield session
        except GraphError as exc:
            code = str(exc.detail.get("neo4j_code", ""))
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise CypherTimeoutError(
                    "the query ran out of time", detail={"neo4j_code": code}
                ) from exc
            if "OutOfMemory" in code or "MemoryLimit" in code:
                raise CypherResultTooLargeError(
                    "the query needs more memory than an analyst query may use; "
                    "aggregate or LIMIT it",
                    detail={"neo4j_code": code},
                ) from exc
            if code.startswith("Neo.ClientError"):
                raise GraphQueryError(
                    "Neo4j rejected the query", detail={"neo4j_code": code}
                ) from exc
            raise

    def close(self) -> None:
        self._driver.close()


def _collect(
    tx: neo4j.Transaction, query: str, params: dict[str, Any], row_limit: int
) -> CypherResult:
    result = tx.run(query, params)
    columns = list(result.keys())
    rows: list[list[Any]] = []
    truncated = False
    for record in result:
        if len(rows) == row_limit:
            truncated = True
            break
        rows.append([_plain(value) for value in record.values()])
    summary = result.consume()
    notes = [n.description for n in summary.summary_notifications]
    return CypherResult(columns, rows, truncated, notes)


def _plain(value: Any) -> Any:
    """Nodes, relationships and paths as JSON-ready dicts; temporal values as ISO strings."""
    if isinstance(value, neo4j.graph.Node):
        return {"labels": sorted(value.labels), "properties": dict(value)}
    if isinstance(value, neo4j.graph.Relationship):
        return {
            "type": value.type,
            "start": value.start_node.get("id") if value.start_node else None,
            "end": value.end_node.get("id") if value.end_node else None,
            "properties": dict(value),
        }
    if isinstance(value, neo4j.graph.Path):
        return {
            "nodes": [_plain(n) for n in value.nodes],
            "relationships": [_plain(r) for r in value.relationships],
        }
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _link(label: NodeLabel, record: neo4j.Record, *, out: bool) -> Link:
    edge = EdgeType(record["type"])
    props: Properties = dict(record["props"])
    sources = cast(list[str], props.pop("sources", []))
    near = NodeKey(label, record["id"])
    far = NodeKey(edge.endpoints[1 if out else 0], record["other"])
    src, dst = (near, far) if out else (far, near)
    names = (
        (record["name"], record["other_name"]) if out else (record["other_name"], record["name"])
    )
    return Link(edge, src, dst, names[0], names[1], props, sorted(sources))


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _unique_pair_batches(rows: Sequence[EdgeRow]) -> Iterator[list[dict[str, Any]]]:
    """Batches of at most COUNTED_BATCH_SIZE rows in which no (src, dst) pair repeats: the counted
    upserts decide "created" before merging, so a pair twice in one batch would count twice."""
    batch: list[dict[str, Any]] = []
    pairs: set[tuple[str, str]] = set()
    for r in rows:
        if len(batch) == COUNTED_BATCH_SIZE or (r.src, r.dst) in pairs:
            yield batch
            batch, pairs = [], set()
        batch.append({"src": r.src, "dst": r.dst, "props": r.props, "source": r.source})
        pairs.add((r.src, r.dst))
    if batch:
        yield batch


PathKey = tuple[tuple[NodeKey, ...], list[str]]


def _path_keys(
    start: NodeKey, raw_links: list[dict[str, Any]]
) -> tuple[PathKey, list[dict[str, Any]]]:
    """The sort key of a path (its nodes, then its edge types), as FoundPath orders."""
    nodes = [start]
    for raw in raw_links:
        edge = EdgeType(raw["type"])
        src = NodeKey(edge.endpoints[0], raw["src"])
        dst = NodeKey(edge.endpoints[1], raw["dst"])
        nodes.append(dst if nodes[-1] == src else src)
    return (tuple(nodes), [raw["type"] for raw in raw_links]), raw_links


def _found_path(
    start: NodeKey, raw_links: list[dict[str, Any]], evidence: dict[str, neo4j.Record]
) -> FoundPath:
    nodes, links = [start], []
    for raw in raw_links:
        edge = EdgeType(raw["type"])
        found = evidence[raw["eid"]]
        props: Properties = dict(found["props"])
        sources = cast(list[str], props.pop("sources", []))
        src = NodeKey(edge.endpoints[0], raw["src"])
        dst = NodeKey(edge.endpoints[1], raw["dst"])
        links.append(
            Link(edge, src, dst, found["src_name"], found["dst_name"], props, sorted(sources))
        )
        nodes.append(dst if nodes[-1] == src else src)
    return FoundPath(tuple(nodes), tuple(links))


def _node(label: NodeLabel, raw: dict[str, Any]) -> NodeRecord:
    props: Properties = dict(raw)
    sources = cast(list[str], props.pop("sources", []))
    return NodeRecord(
        id=cast(str, props.pop("id")), label=label, props=props, sources=sorted(sources)
    )
