"""`ipgraph serve | ingest | extract | services ...`"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
import uvicorn
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from cli.logging import configure_logging
from config.settings import Settings
from domain.access import FULL_ACCESS
from domain.central_soes import load_central_soe_directory
from domain.organizations import OrganizationAliases
from graph.model import EdgeType, NodeLabel
from graph.value_model import ValueModel
from ingest.contracts.model import ContractExtraction
from ingest.errors import IngestError
from ingest.extract import extract_file
from ingest.ledger import organization_rows
from ingest.pipeline import IngestReport, expand_paths, ingest_paths
from ingest.readers import FORMATS
from ingest.records import PatentRecord
from ingest.registers import load_register
from ingest.resolve.groups import load_group_trees
from ingest.resolve.organizations import Curation, OrganizationResolver, ReviewQueue
from ingest.resolve.reconcile import reconcile_persons
from ingest.sep import SepReport, load_sep_declarations
from ingest.sharding import WHOLE, Shard, ShardSpecError
from ingest.vocabularies import Vocabularies, load_central_soes
from search.errors import SearchError
from search_api.audit import audit
from search_api.auth import OPERATOR, Role, add_key, read_keys, revoke_keys
from search_api.limits import SERVER_OPTIONS
from search_api.reports.render import ReportFormat, render_report
from services.manager import LocalServices
from services.process import ServiceError
from stores.backends import (
    Stores,
    build_webhook,
    for_ingest,
    open_stores,
    open_workflow_store,
)
from usecases.context import Context
from usecases.due_diligence import report_on, target_of
from usecases.errors import UseCaseError
from usecases.monitoring import Monitor, RefreshReport, alert_body, alerts_of, refresh

if TYPE_CHECKING:

    class InputFormat(StrEnum):
        AUTO = "auto"

else:
    # `--format` choices: auto (by file type) or one of the format registry's readers.
    InputFormat = StrEnum("InputFormat", [(name.upper(), name) for name in ("auto", *FORMATS)])


app = typer.Typer(no_args_is_help=True, help="Knowledge graph and search over IP assets.")
keys_app = typer.Typer(no_args_is_help=True, help="API keys and their roles.")
services_app = typer.Typer(no_args_is_help=True, help="Run a real Elasticsearch and Neo4j locally.")
app.add_typer(services_app, name="services")
app.add_typer(keys_app, name="keys")
orgs_app = typer.Typer(
    no_args_is_help=True, help="Organisation names: the review queue and your curation."
)
app.add_typer(orgs_app, name="orgs")
console = Console(stderr=True)

SAMPLE_PATENTS = Path(str(files("ingest") / "samples" / "patents.sample.jsonl"))
SAMPLE_GROUPS = Path(str(files("ingest") / "samples" / "groups.sample.json"))
SAMPLE_RESOLUTION = SAMPLE_PATENTS.with_name("resolution.sample.jsonl")
SAMPLE_CONTRACTS = SAMPLE_PATENTS.parent / "contracts"
SAMPLE_SEP = SAMPLE_PATENTS.with_name("sep_declarations.sample.csv")
SAMPLE_REGISTERS = SAMPLE_PATENTS.parent / "registers"


@app.callback()
def _main(log_level: Annotated[str, typer.Option(help="DEBUG, INFO, WARNING")] = "WARNING") -> None:
    configure_logging(log_level.upper())


def load_samples(settings: Settings) -> None:
    """The bundled samples, as `serve --with-sample` loads them (the API's examples name them)."""
    _run_ingest([SAMPLE_PATENTS, SAMPLE_RESOLUTION, SAMPLE_CONTRACTS], settings)
    _load_groups(SAMPLE_GROUPS, settings)
    _load_sep(SAMPLE_SEP, settings)
    _load_sample_registers(settings)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to bind")] = 8000,
    with_sample: Annotated[
        bool, typer.Option(help="load the bundled sample patents, contracts and groups first")
    ] = False,
) -> None:
    """Serve the HTTP API (backend from IPGRAPH_BACKEND; embedded by default)."""
    from search_api.app import create_app

    settings = Settings()
    if with_sample:
        load_samples(settings)
    console.print(
        f"ipgraph on http://{host}:{port} (backend: {settings.backend.value}); "
        f"try /api/v1/search?q=锂离子电池"
    )
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", **SERVER_OPTIONS)


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="JSON/JSONL, CSV/TSV/XLSX, XML or INID .txt files, or folders"),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="read and check everything, write nothing")
    ] = False,
    file_format: Annotated[
        InputFormat, typer.Option("--format", help="read every file as this format")
    ] = InputFormat.AUTO,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=1, help="processes that segment and extract (default: one per core)"
        ),
    ] = os.cpu_count() or 1,
    shard: Annotated[
        str,
        typer.Option(
            "--shard",
            help="i/N: load only this process's share of the records, for N processes "
            "(on any machines) over the same input and servers",
        ),
    ] = "0/1",
) -> None:
    """Load patent records into the graph and the index; bad records go to the dead letters."""
    settings = Settings()
    chosen = None if file_format is InputFormat.AUTO else file_format.value
    try:
        share = Shard.parse(shard)
    except ShardSpecError as exc:
        raise typer.BadParameter(str(exc), param_hint="--shard") from exc
    if dry_run:
        problems = 0
        for path in expand_paths(paths):
            result = extract_file(path, settings, chosen)
            errors = [p for p in result["problems"] if not p["is_warning"]]
            problems += len(errors)
            console.print(
                f"{path}: {len(result['records'])} records would load, "
                f"{len(errors)} rejected ({result['encoding'] or 'unread'})"
            )
            for problem in result["problems"]:
                console.print(
                    f"  {problem['code']} {problem['file']}:{problem['record']} "
                    f"[{problem['field']}] {problem['message']}"
                )
        raise typer.Exit(code=1 if problems else 0)
    try:
        report = _run_ingest(paths, settings, chosen, workers, share)
    except SearchError as exc:  # e.g. SEARCH_ANALYZER_MISMATCH: an index made by another tokenizer
        console.print(f"[red]{exc.code}: {escape(exc.message)}[/]")
        raise typer.Exit(code=2) from exc
    if report.errors:
        raise typer.Exit(code=1)


@app.command()
def groups(
    file: Annotated[Path, typer.Argument(help="a JSON group tree (see ingest/readers/group_tree)")],
) -> None:
    """Load a group tree: organisations and their SUBSIDIARY_OF {stake} edges."""
    try:
        _load_groups(file, Settings())
    except IngestError as exc:
        console.print(f"[red]{exc.problem}[/]")
        raise typer.Exit(code=1) from exc


@app.command()
def sep(
    file: Annotated[Path, typer.Argument(help="SEP declarations, ETSI IPR style CSV or XLSX")],
) -> None:
    """Load SEP declarations: DECLARED_ESSENTIAL edges, unmatched numbers kept with a reason."""
    try:
        report = _load_sep(file, Settings())
    except IngestError as exc:
        console.print(f"[red]{exc.problem}[/]")
        raise typer.Exit(code=1) from exc
    console.print(report.summary)
    for problem in [*report.unmatched, *report.rejected]:
        console.print(f"  {escape(str(problem))}")
    if report.rejected:
        raise typer.Exit(code=1)


def _load_sample_registers(settings: Settings) -> None:
    with open_stores(settings) as stores:
        aliases = OrganizationAliases.load(settings.organization_aliases)
        for kind, name in (("secrets", "trade_secrets"), ("people", "people"), ("cases", "cases")):
            load_register(kind, SAMPLE_REGISTERS / f"{name}.sample.csv", stores.graph, aliases)
        _refresh(stores, settings, ())


def _load_sep(file: Path, settings: Settings) -> SepReport:
    with open_stores(settings) as stores:
        report = load_sep_declarations(
            file, stores.graph, OrganizationAliases.load(settings.organization_aliases)
        )
        _refresh(stores, settings, ())
        return report


class RegisterKind(StrEnum):
    SECRETS = "secrets"
    PEOPLE = "people"
    CASES = "cases"


@app.command()
def register(
    kind: Annotated[RegisterKind, typer.Argument(help="secrets, people or cases")],
    file: Annotated[Path, typer.Argument(help="the register, CSV or JSON")],
) -> None:
    """Load a register due diligence reads: trade secrets, people (employment, non-compete,
    secret access) or cases (disputes, invalidations)."""
    settings = Settings()
    try:
        with open_stores(settings) as stores:
            aliases = OrganizationAliases.load(settings.organization_aliases)
            report = load_register(kind.value, file, stores.graph, aliases)
            _refresh(stores, settings, ())
    except IngestError as exc:
        console.print(f"[red]{exc.problem}[/]")
        raise typer.Exit(code=1) from exc
    console.print(report.summary)
    for problem in report.problems:
        console.print(f"  [red]{escape(str(problem))}[/]")
    if report.problems:
        raise typer.Exit(code=1)


@keys_app.command("add")
def keys_add(
    name: Annotated[str, typer.Argument(help="who the key is for")],
    role: Annotated[Role, typer.Option(help="portal, analyst, dd or admin")] = Role.PORTAL,
) -> None:
    """Create an API key; only its hash is stored. The key alone goes to stdout (so
    `K=$(ipgraph keys add NAME)` works), once; a running server accepts it at once."""
    settings = Settings()
    key = add_key(settings.api_keys_file, name, role)
    typer.echo(key)
    console.print(f"{name} ({role.value}): stored as a hash in {settings.api_keys_file}")
    console.print("[dim]send it as X-API-Key; it is not shown again[/]")


@keys_app.command("list")
def keys_list() -> None:
    """Names and roles of the stored keys (the keys themselves are not stored)."""
    for entry in read_keys(Settings().api_keys_file):
        typer.echo(f"{entry.principal.name}\t{entry.principal.role.value}")


@keys_app.command("revoke")
def keys_revoke(name: Annotated[str, typer.Argument(help="whose keys to revoke")]) -> None:
    """Remove every key of NAME; a running server refuses them from the next request."""
    removed = revoke_keys(Settings().api_keys_file, name)
    if removed == 0:
        console.print(f"[red]KEY_NOT_FOUND: no key named {name}[/]")
        raise typer.Exit(code=1)
    console.print(f"revoked {removed} key(s) of {name}")


@orgs_app.command("unresolved")
def orgs_unresolved(
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Applicant and owner names no central-SOE group claims, or only with low confidence."""
    settings = Settings()
    queue = ReviewQueue.load(settings.organization_review_file)
    queue.drop_curated(Curation.load(settings.organization_curation_file))
    rows = [queue.rows[key] for key in sorted(queue.rows)]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        candidate = (
            f" -> {row['candidate_group']} ({row['confidence']}, {row['rule']})"
            if row.get("candidate_group")
            else ""
        )
        console.print(f"{row['name']}\t{row['reason']}{candidate}\t{row.get('patent', '')}")
    console.print(f"{len(rows)} names to review")


@orgs_app.command("link")
def orgs_link(
    name: Annotated[str, typer.Argument(help="the name as a record gives it")],
    to: Annotated[
        str | None, typer.Option("--to", help="the organisation this name is (another name)")
    ] = None,
    parent: Annotated[
        str | None, typer.Option("--parent", help="the group (or company) holding it")
    ] = None,
    note: Annotated[str, typer.Option(help="why (kept with the decision)")] = "",
) -> None:
    """Decide what a name is: kept in the data dir and re-applied on every ingest; a --parent
    link is written to the graph now."""
    if not to and not parent:
        console.print("[red]give --to ORG and/or --parent GROUP[/red]")
        raise typer.Exit(code=1)
    settings = Settings()
    curation = Curation.load(settings.organization_curation_file)
    curation.link(name, to=to, parent=parent, note=note)
    if parent:
        aliases = OrganizationAliases.load(settings.organization_aliases)
        resolver = OrganizationResolver(aliases, load_central_soe_directory(), curation)
        with open_stores(settings) as stores:
            stores.graph.ensure_schema()
            nodes, links = organization_rows([resolver.resolve(name)], "curation")
            stores.graph.upsert_nodes(NodeLabel.ORGANIZATION, nodes)
            stores.graph.upsert_edges(EdgeType.SUBSIDIARY_OF, links)
    queue = ReviewQueue.load(settings.organization_review_file)
    queue.drop_curated(curation)
    queue.save(settings.organization_review_file)
    console.print(f"{name}: linked (re-applied on every ingest; re-ingest to apply --to)")


@app.command()
def dd(
    name: Annotated[str, typer.Argument(help="the target organisation, any of its names")],
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="json, html or pdf")
    ] = ReportFormat.JSON,
    out: Annotated[Path | None, typer.Option(help="write here instead of stdout")] = None,
    years: Annotated[int, typer.Option(help="expiry horizon in years")] = 5,
    subsidiaries: Annotated[bool, typer.Option(help="include every subsidiary")] = True,
) -> None:
    """Due-diligence report of an organisation (run locally, as the operator: confidential
    sections included; audited like API calls)."""
    settings = Settings()
    with open_stores(settings) as stores:
        ctx = Context(stores, OrganizationAliases.load(settings.organization_aliases))
        try:
            target = target_of(ctx, name, FULL_ACCESS)
        except UseCaseError as exc:
            console.print(f"[red]{exc.code}: {exc.message}[/]")
            raise typer.Exit(code=1) from exc
        audit(
            settings.audit_log,
            OPERATOR,
            "due_diligence",
            organization=target.key.id,
            format=output_format.value,
            confidential=True,
        )
        report = report_on(ctx, target, FULL_ACCESS, with_subsidiaries=subsidiaries, years=years)
    body = render_report(report, target.name, output_format)
    if out is not None:
        out.write_bytes(body)
        console.print(f"{out}: score {report.score}, {len(report.flags)} flags")
    else:
        sys.stdout.buffer.write(body)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="a source file")],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON on stdout")] = False,
) -> None:
    """Show what ingest would take from one file, without writing anything."""
    result = extract_file(file, Settings(), None)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    elif "contract" in result:
        contract = result["contract"] or {}
        console.print(f"{contract.get('id')}: {(contract.get('kind') or {}).get('value')}")
        for party in contract.get("parties", []):
            console.print(f"  {party['role']}: {party['name']}")
        for patent in contract.get("patents", []):
            console.print(f"  covers {patent['number']} {patent['title'] or ''}")
    else:
        for record in result["records"]:
            console.print(
                f"{record['record']}: {record['patent']['id']} {record['patent']['title']}"
            )
        for problem in result["problems"]:
            console.print(
                f"[red]{problem['code']}[/] {problem['file']}:{problem['record']} "
                f"[{problem['field']}] {problem['message']}"
            )
    if result["problems"] and any(not p["is_warning"] for p in result["problems"]):
        raise typer.Exit(code=1)


class SchemaName(StrEnum):
    RECORD = "record"
    CONTRACT = "contract"


@app.command()
def schema(
    name: Annotated[SchemaName, typer.Argument(help="record or contract")] = SchemaName.RECORD,
) -> None:
    """Print a JSON Schema: the patent record JSON/JSONL input must follow (record), or the
    contract fields `ipgraph extract CONTRACT --json` prints under "contract" (contract)."""
    model = PatentRecord if name is SchemaName.RECORD else ContractExtraction
    typer.echo(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2))


@services_app.command("up")
def services_up() -> None:
    """Download (once), configure and start Elasticsearch and Neo4j on loopback; wait for both."""
    services = LocalServices.from_settings(Settings())
    try:
        with console.status("starting Elasticsearch and Neo4j (first run downloads them)"):
            services.up()
    except ServiceError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(code=1) from exc
    _print_status(services)
    console.print(
        f'credentials: {services.credentials_path} (load with: eval "$(ipgraph services env)")'
    )


@services_app.command("down")
def services_down() -> None:
    """Stop both servers (by the pids recorded at start)."""
    stopped = LocalServices.from_settings(Settings()).down()
    for name, was_running in stopped.items():
        console.print(f"{name}: {'stopped' if was_running else 'was not running'}")


@services_app.command("status")
def services_status() -> None:
    """Versions, addresses, and whether each server runs and answers."""
    services = LocalServices.from_settings(Settings())
    if not _print_status(services):
        raise typer.Exit(code=1)


@services_app.command("env")
def services_env() -> None:
    """Print `export` lines that point the service at the local servers."""
    services = LocalServices.from_settings(Settings())
    if not services.credentials_path.exists():
        console.print("[red]no local services yet: run `ipgraph services up`[/]")
        raise typer.Exit(code=1)
    for key, value in services.credentials().items():
        typer.echo(f"export {key}={value}")
    typer.echo("export IPGRAPH_BACKEND=production")


def _print_status(services: LocalServices) -> bool:
    healthy = True
    for name, info in services.status().items():
        address = info.get("url") or info.get("uri")
        if info["healthy"]:
            state = f"healthy, server reports version {info['server_version']}"
        else:
            state = "running, not answering" if info["running"] else "stopped"
        healthy = healthy and bool(info["healthy"])
        typer.echo(f"{name} {info['version']} at {address}: {state}")
    return healthy


def _load_groups(path: Path, settings: Settings) -> None:
    with open_stores(settings) as stores:
        report = load_group_trees(
            path,
            stores.graph,
            OrganizationAliases.load(settings.organization_aliases),
            load_central_soes(settings.central_soe_list),
        )
        _refresh(stores, settings, ())
    console.print(f"{path}: {report.summary}")


def _refresh(stores: Stores, settings: Settings, touched: Iterable[str]) -> RefreshReport:
    """After every load: values recomputed, changes compared, alerts made (and delivered)."""
    workflow = open_workflow_store(settings)
    try:
        monitor = Monitor(
            workflow, ValueModel.load(), settings.expiry_alert_days, build_webhook(settings)
        )
        ctx = Context(stores, OrganizationAliases.load(settings.organization_aliases))
        report = refresh(ctx, monitor, touched)
    finally:
        workflow.close()
    console.print(
        f"monitoring: {report.patents} patents compared, {report.revalued} revalued, "
        f"{report.changes} changes, {len(report.alerts)} new alerts"
    )
    return report


@app.command()
def monitor() -> None:
    """Compare every known patent with its last state now (run daily: expiries come closer
    without any ingest), revalue, and make alerts."""
    settings = Settings()
    with open_stores(settings) as stores:
        _refresh(stores, settings, ())


@app.command()
def alerts(
    limit: Annotated[int, typer.Option(help="how many, newest first")] = 20,
    owner: Annotated[str | None, typer.Option(help="only the watches of this API key name")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON on stdout")] = False,
) -> None:
    """The newest alerts: the patent, the change as before -> after, the evidence, the watch
    and the webhook's outcome."""
    settings = Settings()
    workflow = open_workflow_store(settings)
    try:
        found = [alert_body(a) for a in alerts_of(workflow, owner, limit)]
    finally:
        workflow.close()
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    for alert in found:
        change, watch, evidence = alert["change"], alert["watch"], alert["evidence"]
        assert isinstance(change, dict) and isinstance(watch, dict)
        assert isinstance(evidence, list)
        delivery = alert["delivery"]
        typer.echo(
            f"#{alert['id']} {alert['at']} {alert['kind']} {alert['patent']} {alert['title']}: "
            f"{change['before'] or '-'} -> {change['after'] or '-'} "
            f"[watch {watch['kind']} {watch['target']}; evidence {', '.join(evidence)}]"
            + (f" webhook {delivery['status']}" if isinstance(delivery, dict) else "")
        )


def _run_ingest(
    paths: list[Path],
    settings: Settings,
    file_format: str | None = None,
    workers: int = 1,
    shard: Shard = WHOLE,
) -> IngestReport:
    files_to_load = list(expand_paths(paths))
    with (
        open_stores(for_ingest(settings)) as stores,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files, {task.fields[records]:,} records, {task.fields[rate]:.0f}/s"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("ingesting", total=len(files_to_load), records=0, rate=0.0)
        started = time.perf_counter()
        loaded = 0

        def file_done(_path: str, records: int) -> None:
            nonlocal loaded
            loaded += records
            rate = loaded / max(time.perf_counter() - started, 1e-9)
            progress.update(task, advance=1, records=loaded, rate=rate)

        vocabularies = Vocabularies.load(settings)
        report = ingest_paths(
            files_to_load,
            stores.graph,
            stores.index,
            settings.dead_letter_dir,
            on_file_done=file_done,
            vocabularies=vocabularies,
            file_format=file_format,
            workers=workers,
            shard=shard,
        )
        _refresh(stores, settings, report.patent_ids)
    _print_report(report)
    _save_review_queue(vocabularies, settings)
    return report


def _save_review_queue(vocabularies: Vocabularies, settings: Settings) -> None:
    resolver = vocabularies.resolver
    resolver.review.drop_curated(resolver.curation)
    resolver.review.save(settings.organization_review_file)
    if resolver.review.rows:
        console.print(
            f"{len(resolver.review.rows)} organisation names wait for review "
            "(ipgraph orgs unresolved)"
        )


def _print_report(report: IngestReport) -> None:
    # Records add up (read = loaded + rejected); problems are counted apart, since one record
    # can have several and a file that cannot be read has problems but no records.
    by_code = Counter(str(p.code) for p in report.errors)
    read = sum(f.records_read for f in report.files)
    refused_files = sum(1 for f in report.files if f.records_read == 0 and f.problems)
    console.print(
        f"records read {read}, loaded {report.records_loaded}, rejected "
        f"{read - report.records_loaded}; {len(report.errors)} problem(s)"
        + (f" ({', '.join(f'{c} {n}' for c, n in sorted(by_code.items()))})" if by_code else "")
        + (f"; {refused_files} file(s) not read" if refused_files else ""),
        markup=False,
    )
    for file_report in report.files:
        console.print(
            f"{file_report.path}: {file_report.records_loaded} loaded of "
            f"{file_report.records_read} read ({file_report.encoding or 'unread'})"
        )
        for problem in file_report.problems:
            colour = "yellow" if problem.is_warning else "red"
            # escape: a problem's "[field]" is text, not rich markup (it used to vanish).
            console.print(f"  [{colour}]{escape(str(problem))}[/]")
        if file_report.dead_letter:
            console.print(f"  rejected records: {file_report.dead_letter}")


persons_app = typer.Typer(no_args_is_help=True, help="People in the graph (inventors).")
app.add_typer(persons_app, name="persons")


@persons_app.command("reconcile")
def persons_reconcile(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="the sharded run's inputs, as given to ingest (their order counts)"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """After `ingest --shard i/N` processes that ran at the same time: make the Person nodes
    one run would have made (merge what it merges, its profiles and evidence; never merge what
    it keeps apart). Idempotent: a second run changes nothing."""
    try:
        with open_stores(for_ingest(Settings())) as stores:
            report = reconcile_persons(stores.graph, paths or [])
    except IngestError as exc:
        console.print(f"[red]{escape(str(exc.problem))}[/]")
        raise typer.Exit(code=1) from exc
    if as_json:
        print(json.dumps(dataclasses.asdict(report), ensure_ascii=False))
        return
    console.print(report.summary)
    for node in report.split:
        console.print(f"  divided: {escape(node)} held mentions of several people")


aggregates_app = typer.Typer(
    no_args_is_help=True, help="Aggregates the graph store maintains as it is written."
)
app.add_typer(aggregates_app, name="aggregates")


@aggregates_app.command("rebuild")
def aggregates_rebuild() -> None:
    """Recompute the maintained aggregates (organisation IPC profiles, citation flows, portfolio
    counts) from the edges; writes keep them in step, so this is for repairs and for edges
    removed outside the store."""
    with open_stores(Settings()) as stores:
        counts = stores.graph.rebuild_aggregates()
    console.print(f"organisation IPC profile rows: {counts.org_ipc_rows:,}")
    console.print(f"citation flow rows: {counts.citation_flow_rows:,}")
    if counts.portfolio_rows is not None:
        console.print(f"portfolio count rows: {counts.portfolio_rows:,}")
