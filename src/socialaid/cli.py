"""The `socialaid` command line."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from sqlalchemy.engine import make_url

from socialaid.config import ConfigurationError, Settings
from socialaid.datafiles import DataFileError
from socialaid.db.database import Database
from socialaid.db.provision import Provisioned, SchemaNotMigratedError, provision

if TYPE_CHECKING:
    from socialaid.audit.checkpoint_setup import CheckpointSetup

T = TypeVar("T")

app = typer.Typer(no_args_is_help=True, add_completion=False, help="socialaid: 社会救助一件事 API")
db_app = typer.Typer(no_args_is_help=True, help="Database administration.")
tenants_app = typer.Typer(no_args_is_help=True, help="Tenant (region) data files.")
app.add_typer(db_app, name="db")
catalogue_app = typer.Typer(no_args_is_help=True, help="Catalogue data files.")
app.add_typer(tenants_app, name="tenants")
app.add_typer(catalogue_app, name="catalogue")
audit_app = typer.Typer(no_args_is_help=True, help="Audit history.")
app.add_typer(audit_app, name="audit")
access_app = typer.Typer(no_args_is_help=True, help="Role assignments.")
app.add_typer(access_app, name="access")
uploads_app = typer.Typer(no_args_is_help=True, help="Material uploads.")
app.add_typer(uploads_app, name="uploads")
webhooks_app = typer.Typer(no_args_is_help=True, help="Webhooks to department systems.")
app.add_typer(webhooks_app, name="webhooks")


def _with_database(work: Callable[[Database, Provisioned], Awaitable[T]]) -> T:
    """Provision (embedded server, role, migrations), run `work`, release everything."""
    settings = Settings()

    async def main() -> T:
        provisioned = await provision(settings)
        db = Database.from_settings(provisioned.owner_url, settings)
        try:
            return await work(db, provisioned)
        finally:
            await db.dispose()
            provisioned.close()

    return asyncio.run(main())


def _checkpoint_setup_or_exit(settings: Settings) -> CheckpointSetup | None:
    """The audit checkpoint setup, or exit 1 naming what is wrong with its settings."""
    from socialaid.audit.checkpoint_setup import checkpoint_setup
    from socialaid.config import ConfigurationError, audit_checkpoint_problems

    problems = audit_checkpoint_problems(settings)
    try:
        setup = None if problems else checkpoint_setup(settings)
    except ConfigurationError as exc:
        problems = [str(exc)]
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    if problems:
        raise typer.Exit(1)
    return setup


def _exit_if_port_taken(host: str, port: int) -> None:
    """Exit 1 with one line when the port is taken, before the database starts for nothing."""
    from socialaid.api.serving import listening_socket

    try:
        listening_socket(host, port).close()
    except OSError as exc:
        typer.echo(
            f"error: cannot listen on {host}:{port}: {exc.strerror or exc}"
            " (is another server running there? choose another with --port)",
            err=True,
        )
        raise typer.Exit(1) from None


def _stop_on_sigterm_as_on_sigint() -> None:
    """SIGTERM (what `kill`, systemd and containers send) stops the server as Ctrl-C does, also
    while it is starting: by default it would end the process at once and leave the embedded
    PostgreSQL running. uvicorn handles both signals itself while it serves."""

    def interrupt(_signum: int, _frame: object) -> None:
        signal.raise_signal(signal.SIGINT)

    signal.signal(signal.SIGTERM, interrupt)


def _build_console_if_stale() -> None:
    """From a checkout, build web/ into web/dist when it is missing or stale; a failed build
    is one warning and the API serves on (/console/ then answers 503 saying why)."""
    from socialaid.console.build import ConsoleBuildError, ensure_built
    from socialaid.console.location import checkout_web, installed_dist

    web = checkout_web()
    if web is None or installed_dist() is not None:
        return
    try:
        if ensure_built(web):
            typer.echo("built the console into web/dist")
    except ConsoleBuildError as exc:
        typer.echo(f"warning: the console is not built: {exc}", err=True)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, help="server processes sharing the port (one per core)")
    ] = 1,
    migrate: Annotated[
        bool,
        typer.Option(
            "--migrate/--no-migrate",
            help="migrate and seed an empty database first; replicas take --no-migrate and"
            " refuse to start on a schema `socialaid db upgrade` has not brought to this release",
        ),
    ] = True,
) -> None:
    """Start the database (embedded unless DATABASE_URL is set), migrate, seed if empty, serve."""
    import uvloop

    from socialaid.api.serving import (
        METRICS_DIR_ENV,
        WORKER_ENV,
        become_worker,
        serve_process,
        supervise_workers,
    )
    from socialaid.audit.checkpointing import signing_while_serving
    from socialaid.log_format import configure_logging
    from socialaid.seeding import load_seed_data_if_empty

    settings = Settings()
    configure_logging(settings.effective_log_format)
    try:
        # Before the database and the port: a server that would refuse every token must not
        # look healthy to the load balancer.
        settings.check_for_serving()
    except ConfigurationError as exc:
        for problem in str(exc).splitlines():
            typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(1) from exc
    is_worker = os.environ.get(WORKER_ENV) == "1"
    if is_worker:
        become_worker()
    else:
        _exit_if_port_taken(host, port)
        _build_console_if_stale()
        # One process counts in memory; several get a fresh shared directory from the parent
        # (api/serving.py). An operator's leftover one would add a past run's counts.
        os.environ.pop(METRICS_DIR_ENV, None)
    _stop_on_sigterm_as_on_sigint()
    # Workers verify with the public keys only; one process signs (this one, or the parent).
    signer = _checkpoint_setup_or_exit(settings) if not is_worker else None

    async def main() -> int:
        # A worker's parent has provisioned, migrated and seeded the database already.
        try:
            provisioned = (
                Provisioned(make_url(settings.database_url))
                if is_worker and settings.database_url
                else await provision(settings, migrate_schema=migrate)
            )
        except SchemaNotMigratedError as exc:
            typer.echo(f"error: {exc}", err=True)
            return 1
        db = Database.from_settings(provisioned.owner_url, settings)
        try:
            if not is_worker and migrate and await load_seed_data_if_empty(db):
                logging.getLogger("socialaid").info("loaded the seed tenants and catalogues")
            if is_worker:
                await serve_process(db, settings, provisioned.owner_url, host, port)
                return 0
            async with (
                signing_while_serving(db, signer, settings.audit_checkpoint_interval),
                _embedded_worker(db, settings),
            ):
                if workers == 1:
                    await serve_process(db, settings, provisioned.owner_url, host, port)
                    return 0
                await db.dispose()
                return await supervise_workers(settings, provisioned.owner_url, host, port, workers)
        finally:
            await db.dispose()
            provisioned.close()

    # uvloop (installed with uvicorn[standard]): uvicorn picks it only when it runs the loop
    # itself, and here it does not; the cached catalogue measured 10-13k requests/s on it
    # against 7-9k on the stock loop.
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        try:
            code = runner.run(main())
        except ConfigurationError as exc:  # found while starting: the identity provider's keys
            for problem in str(exc).splitlines():
                typer.echo(f"error: {problem}", err=True)
            raise typer.Exit(1) from exc
        raise typer.Exit(code)


@asynccontextmanager
async def _embedded_worker(db: Database, settings: Settings) -> AsyncIterator[None]:
    """`serve`'s job worker and webhook delivery loop (one, in the supervising process), unless
    SOCIALAID_EMBEDDED_WORKER is false: then `socialaid worker` runs them elsewhere."""
    from socialaid.jobs.worker import worker_running
    from socialaid.webhooks.running import delivering_while_serving
    from socialaid.worker_jobs import job_context, job_registry

    if not settings.embedded_worker:
        yield
        return
    async with (
        job_context(db, settings) as context,
        worker_running(job_registry(settings), context),
        delivering_while_serving(db, settings),
    ):
        yield


@app.command()
def worker(
    migrate: Annotated[
        bool,
        typer.Option(
            "--migrate/--no-migrate",
            help="migrate first (as serve does); with --no-migrate refuse a schema behind"
            " this release",
        ),
    ] = False,
) -> None:
    """Run the job queue (notification delivery, the deadline scan, every periodic task) and
    the webhook delivery loop, until SIGINT or SIGTERM. Any number may run; each periodic run
    happens on one of them, each delivery is claimed by one."""
    import uvloop

    from socialaid.jobs.worker import run_worker
    from socialaid.log_format import configure_logging
    from socialaid.webhooks.running import delivering_while_serving
    from socialaid.worker_jobs import job_context, job_registry

    settings = Settings()
    configure_logging(settings.effective_log_format)

    async def main() -> int:
        try:
            provisioned = await provision(settings, migrate_schema=migrate)
        except SchemaNotMigratedError as exc:
            typer.echo(f"error: {exc}", err=True)
            return 1
        db = Database.from_settings(provisioned.owner_url, settings)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        try:
            async with (
                job_context(db, settings) as context,
                delivering_while_serving(db, settings),
            ):
                logging.getLogger("socialaid").info("job worker started")
                await run_worker(job_registry(settings), context, stop)
            return 0
        finally:
            await db.dispose()
            provisioned.close()

    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        try:
            code = runner.run(main())
        except ConfigurationError as exc:
            for problem in str(exc).splitlines():
                typer.echo(f"error: {problem}", err=True)
            raise typer.Exit(1) from exc
    raise typer.Exit(code)


@db_app.command("upgrade")
def db_upgrade(
    seed_if_empty: Annotated[
        bool,
        typer.Option(help="then load the seed tenants and catalogues into a database without any"),
    ] = False,
) -> None:
    """Apply all migrations: the release step before servers start with `serve --no-migrate`."""
    from socialaid.seeding import load_seed_data_if_empty

    async def work(db: Database, provisioned: Provisioned) -> None:
        typer.echo(f"database at head: {provisioned.owner_url.database}")
        if seed_if_empty and await load_seed_data_if_empty(db):
            typer.echo("loaded the seed tenants and catalogues")

    _with_database(work)


@db_app.command("app-role-password")
def db_app_role_password() -> None:
    """Print the password of the role the API connects as (derived from SOCIALAID_SECRET), for a
    connection pooler's auth file (PgBouncer's userlist.txt: "socialaid_app" "<password>")."""
    from socialaid.db.urls import app_role_password

    try:
        typer.echo(app_role_password(Settings().signing_key))
    except ConfigurationError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc


@tenants_app.command("import")
def tenants_import(
    path: Annotated[
        Path | None,
        typer.Argument(help="a tenant.yaml file or a folder of them; default: the seed tenants"),
    ] = None,
) -> None:
    """Import tenant files in one transaction; a bad file imports nothing."""
    from socialaid.bundled_data import tenants_dir
    from socialaid.calendars.service import seed_root_calendars
    from socialaid.tenancy.importer import import_tenants

    root = path or tenants_dir()

    async def work(db: Database, _provisioned: Provisioned) -> list[str]:
        async with db.owner_session() as session, session.begin():
            codes = await import_tenants(session, root)
            await seed_root_calendars(session)
            return codes

    try:
        codes = _with_database(work)
    except DataFileError as exc:
        raise _fail(exc) from exc
    typer.echo(f"imported {len(codes)} tenants: {' '.join(codes)}")


def _fail(exc: Exception) -> typer.Exit:
    # A catalogue lint failure names every problem, one a line.
    for problem in getattr(exc, "problems", None) or [exc]:
        typer.echo(f"error: {problem}", err=True)
    return typer.Exit(1)


LibrariesFolder = Annotated[
    Path | None, typer.Option(help="shared libraries folder; default: the seed libraries")
]
TenantsFolder = Annotated[
    Path | None, typer.Option(help="tenants folder; default: the seed tenants")
]


def _catalogue_folders(catalogue: Path | None, tenants: Path | None) -> tuple[Path, Path]:
    """The folders given, or the seed data's (socialaid.bundled_data)."""
    from socialaid.bundled_data import catalogue_dir, tenants_dir

    return catalogue or catalogue_dir(), tenants or tenants_dir()


@catalogue_app.command("validate")
def catalogue_validate(
    catalogue: LibrariesFolder = None,
    tenants: TenantsFolder = None,
) -> None:
    """Check every catalogue file and run the catalogue lint on every tenant's effective
    catalogue, without a database; print each problem with its file and path."""
    from socialaid.catalogue.loader import load_catalogue_sources

    try:
        sources = load_catalogue_sources(*_catalogue_folders(catalogue, tenants))
    except DataFileError as exc:
        raise _fail(exc) from exc
    items = sum(len(t.items) for t in sources.tenants.values())
    typer.echo(f"ok: {len(sources.library.data_elements)} data elements, {items} items")


@catalogue_app.command("import")
def catalogue_import(
    catalogue: LibrariesFolder = None,
    tenants: TenantsFolder = None,
) -> None:
    """Import tenants and catalogues in one transaction; a bad file imports nothing."""
    from socialaid.calendars.service import seed_root_calendars
    from socialaid.catalogue.importer import import_catalogue
    from socialaid.catalogue.loader import load_catalogue_sources
    from socialaid.tenancy.importer import import_tenants

    libraries, tenant_folders = _catalogue_folders(catalogue, tenants)
    try:
        sources = load_catalogue_sources(libraries, tenant_folders)
    except DataFileError as exc:
        raise _fail(exc) from exc
    items = sum(len(t.items) for t in sources.tenants.values())
    typer.echo(f"checked: {len(sources.tenants)} tenants' catalogues, {items} items", err=True)

    async def work(db: Database, _provisioned: Provisioned) -> None:
        typer.echo("importing in one transaction …", err=True)
        async with db.owner_session() as session, session.begin():
            await import_tenants(session, tenant_folders)
            await seed_root_calendars(session)
            await import_catalogue(session, sources)

    _with_database(work)
    typer.echo(f"imported {len(sources.tenants)} tenants' catalogues")


@catalogue_app.command("export")
def catalogue_export(
    tenant: Annotated[str, typer.Option(help="tenant code, e.g. 310105")],
    output: Annotated[
        Path | None, typer.Option(help="folder; default: the tenant's folder")
    ] = None,
    tenants: TenantsFolder = None,
) -> None:
    """Write the tenant's catalogue as the database holds it back to the file format."""
    from socialaid.bundled_data import is_checkout, tenants_dir
    from socialaid.catalogue.exporter import export_tenant, write_files
    from socialaid.tenancy.importer import load_tenant_files

    folder = output
    if folder is None:
        if tenants is None and not is_checkout():
            # The seed tenants of an installed package are its copies, not files anyone edits.
            raise _fail(ValueError("the seed tenants are installed read-only: pass --output"))
        root = tenants or tenants_dir()
        matches = [t.file.parent for t in load_tenant_files(root) if t.data.code == tenant]
        if not matches:
            raise _fail(ValueError(f"no folder for tenant {tenant} under {root}"))
        folder = matches[0]

    async def work(db: Database, _provisioned: Provisioned) -> dict[str, str]:
        async with db.owner_session() as session:
            return await export_tenant(session, tenant)

    written = write_files(folder, _with_database(work))
    typer.echo(f"wrote {len(written)} files to {folder}")


@audit_app.command("export")
def audit_export(
    tenant: Annotated[str, typer.Option(help="tenant code, e.g. 310105")],
    from_: Annotated[
        str | None,
        typer.Option("--from", help="start, inclusive (ISO date or time; China time if no offset)"),
    ] = None,
    to: Annotated[str | None, typer.Option(help="end, exclusive (like --from)")] = None,
    export_format: Annotated[str, typer.Option("--format", help="csv or jsonl")] = "csv",
    output: Annotated[Path | None, typer.Option(help="file to write; stdout when omitted")] = None,
    include_descendants: Annotated[
        bool, typer.Option(help="include the tenant's descendants")
    ] = False,
    department: Annotated[str | None, typer.Option(help="acting department")] = None,
    actor: Annotated[str | None, typer.Option(help="acting user id")] = None,
    action: Annotated[str | None, typer.Option(help="action, e.g. case.decide")] = None,
) -> None:
    """Stream the tenant's audit events (oldest first, with hashes) as CSV or JSON Lines."""
    import getpass

    from socialaid.access.principal import Principal
    from socialaid.audit.export import ExportFormat, export_lines, record_export
    from socialaid.audit.http import parse_time
    from socialaid.audit.queries import EventFilter, describe_filter, filter_conditions
    from socialaid.audit.request import RequestOrigin, new_request_id, set_origin
    from socialaid.cli_progress import ProgressLine
    from socialaid.errors import DomainError
    from socialaid.tenancy.service import get_tenant

    try:
        chosen = ExportFormat(export_format)
        event_filter = EventFilter(
            tenant=tenant,
            include_descendants=include_descendants,
            department=department,
            actor=actor,
            action=action,
            occurred_from=parse_time(from_, "from"),
            occurred_to=parse_time(to, "to"),
        )
    except ValueError as exc:
        raise _fail(ValueError(f"--format must be csv or jsonl, not {export_format!r}")) from exc
    except DomainError as exc:
        raise _fail(exc) from exc

    async def work(db: Database, _provisioned: Provisioned) -> int:
        signing_key = Settings().signing_key
        # The export's own record carries a request id, as one made over HTTP does.
        set_origin(RequestOrigin(request_id=new_request_id()))
        async with db.owner_session() as session, session.begin():
            row = await get_tenant(session, code=tenant)
            # The command line has no token: the export is recorded under the operator's login.
            operator = Principal(f"cli:{getpass.getuser()}", row.tenant_id, row.path, ())
            await record_export(
                session,
                actor=operator,
                tenant_id=row.tenant_id,
                description=describe_filter(event_filter, signing_key),
                export_format=chosen,
            )
        conditions = filter_conditions(event_filter, row, signing_key)
        # On stderr, so that an export to stdout stays clean.
        progress = ProgressLine("events exported", lambda line: typer.echo(line, err=True))
        stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            async with db.owner_session() as session, session.begin():
                async for text, events in export_lines(session, conditions, chosen):
                    stream.write(text)
                    progress.advance(events)
        finally:
            if output:
                stream.close()
        progress.finish()
        return progress.done

    try:
        written = _with_database(work)
    except DomainError as exc:
        raise _fail(exc) from exc
    if output is not None:
        typer.echo(f"wrote {written} events to {output}", err=True)


@audit_app.command("guard-sql")
def audit_guard_sql() -> None:
    """Print the SQL of the audit store's DDL guard, for a superuser to run against the database
    (the migration installs it itself when it runs as a superuser)."""
    from socialaid.audit.guard import guard_sql

    sys.stdout.write(guard_sql())


@audit_app.command("checkpoint")
def audit_checkpoint() -> None:
    """Sign the head of every tenant's audit chain that moved since its newest checkpoint and
    write the checkpoints to the checkpoint directory (exit 1 when a tenant is refused: its
    newest checkpoint no longer matches the chain)."""
    from socialaid.audit.checkpointing import Outcome, checkpoint_now

    setup = _checkpoint_setup_or_exit(Settings())
    if setup is None or setup.signing_key is None:
        raise _fail(ValueError("no signing key: set SOCIALAID_AUDIT_CHECKPOINT_KEY_FILE"))

    async def work(db: Database, _: Provisioned) -> list[str]:
        lines = []
        for o in await checkpoint_now(db, setup):
            if o.outcome is Outcome.REFUSED:
                lines.append(f"refused {o.tenant_id} at {o.sequence}: {o.reason}")
            else:
                lines.append(f"{o.outcome.value} {o.tenant_id} at {o.sequence}")
        return lines

    lines = _with_database(work)
    for line in lines:
        typer.echo(line, err=line.startswith("refused"))
    if any(line.startswith("refused") for line in lines):
        raise typer.Exit(1)


@webhooks_app.command("deliver")
def webhooks_deliver() -> None:
    """Send the webhook deliveries due now, one batch (what `serve` does every few seconds), and
    print what happened: for a process that delivers while serve runs with
    SOCIALAID_WEBHOOK_POLL_INTERVAL=0, or to see a round by hand."""
    from socialaid.webhooks.delivery import DeliveryOptions, Round, deliver_due

    options = DeliveryOptions.of(Settings())

    async def work(db: Database, _: Provisioned) -> Round:
        return await deliver_due(db, options)

    done = _with_database(work)
    typer.echo(
        f"claimed {done.claimed}, delivered {done.delivered}, retrying {done.retrying},"
        f" failed {done.failed}"
    )


@audit_app.command("check")
def audit_check() -> None:
    """Report every guard of the audit store that is missing or disabled, and whether each
    tenant's newest signed checkpoint still matches its chain (exit 1 on any problem)."""
    from socialaid.audit.checkpoint_setup import checkpoints_for_verification
    from socialaid.audit.checkpointing import checkpoint_report
    from socialaid.audit.guard import missing_guards
    from socialaid.config import audit_checkpoint_problems

    settings = Settings()
    checkpoints = checkpoints_for_verification(settings)

    async def work(db: Database, _: Provisioned) -> tuple[list[str], list[str], list[str]]:
        async with db.owner_session() as session:
            missing = await missing_guards(session)
            good, bad = await checkpoint_report(session, checkpoints)
        return missing, good, bad

    missing, good, bad = _with_database(work)
    bad = [*audit_checkpoint_problems(settings), *bad]
    for guard in missing:
        typer.echo(f"missing: {guard}", err=True)
    for line in good:
        typer.echo(line)
    for line in bad:
        typer.echo(f"problem: {line}", err=True)
    if missing:
        typer.echo(
            "a superuser restores the DDL guard with `socialaid audit guard-sql`"
            " (see docs/adr/0010)",
            err=True,
        )
    if missing or bad:
        raise typer.Exit(1)
    typer.echo("the audit store's guards are all in place")


@access_app.command("check")
def access_check() -> None:
    """Report assignments that break separation of duties (exit 1 when there are any)."""
    from socialaid.grants.service import duty_violations

    async def work(db: Database, _: Provisioned) -> list[str]:
        async with db.owner_session() as session:
            return [f"{v.user_id}: {v.problem}" for v in await duty_violations(session)]

    problems = _with_database(work)
    for problem in problems:
        typer.echo(f"violation: {problem}", err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo("no assignment breaks separation of duties")


@uploads_app.command("cleanup")
def uploads_cleanup() -> None:
    """Remove the uploads no application references once SOCIALAID_UPLOAD_RETENTION_HOURS
    have passed since they were created (rows and stored files); run it on a schedule."""
    from datetime import UTC, datetime, timedelta

    from socialaid.materials.cleanup import remove_unreferenced
    from socialaid.materials.stores import store_for

    settings = Settings()
    cutoff = datetime.now(UTC) - timedelta(hours=settings.upload_retention_hours)

    async def work(db: Database, _: Provisioned) -> int:
        return await remove_unreferenced(db, store_for(settings), created_before=cutoff)

    typer.echo(f"removed {_with_database(work)} unreferenced uploads created before {cutoff}")


@app.command()
def token(
    user: Annotated[str, typer.Option(help="the subject (user id)")],
    tenant: Annotated[str, typer.Option(help="home tenant code, e.g. 310105")],
    role: Annotated[list[str], typer.Option(help="a role; repeat for several")],
    department: Annotated[
        list[str] | None, typer.Option(help="a department code; repeat for several")
    ] = None,
    area: Annotated[str | None, typer.Option(help="area path inside the tenant")] = None,
    ttl: Annotated[
        int, typer.Option(help="lifetime in minutes, within SOCIALAID_MAX_TOKEN_LIFETIME_SECONDS")
    ] = 480,
) -> None:
    """Print a dev bearer token signed with the configured secret (HS256)."""
    from datetime import timedelta

    from socialaid.access.tokens import mint_token
    from socialaid.access.vocabulary import Role

    settings = Settings()
    if settings.is_production or settings.uses_asymmetric_tokens:
        typer.echo("error: tokens come from the identity provider in this configuration", err=True)
        raise typer.Exit(1)
    known = {r.value for r in Role}
    unknown = [r for r in role if r not in known]
    if unknown:
        typer.echo(
            f"error: unknown role {unknown[0]!r}; roles: {' '.join(sorted(known))}", err=True
        )
        raise typer.Exit(1)
    if ttl * 60 > settings.max_token_lifetime_seconds:
        # The API would refuse it; better to say so now than with every request.
        typer.echo(
            f"error: --ttl {ttl} exceeds SOCIALAID_MAX_TOKEN_LIFETIME_SECONDS"
            f" ({settings.max_token_lifetime_seconds} s)",
            err=True,
        )
        raise typer.Exit(1)
    typer.echo(
        mint_token(
            settings,
            user=user,
            tenant=tenant,
            roles=[Role(r) for r in role],
            departments=department or [],
            area=area,
            ttl=timedelta(minutes=ttl),
        )
    )


@app.command("export-schema")
def export_schema(
    output: Annotated[Path | None, typer.Option(help="file to write; stdout when omitted")] = None,
) -> None:
    """Print the GraphQL SDL (the committed schema.graphql)."""
    from socialaid.api.schema import schema_sdl

    sdl = schema_sdl()
    if output is None:
        sys.stdout.write(sdl)
    else:
        output.write_text(sdl, encoding="utf-8")
