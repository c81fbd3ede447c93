"""Re-apply deliberate breaking changes, each to a copy of the tree, and report which tests catch it.

    .venv/bin/python -m tests.deliberate_breakage                  # each change, its own tests
    .venv/bin/python -m tests.deliberate_breakage --whole-suite    # each change, every test
    .venv/bin/python -m tests.deliberate_breakage --only states    # one change

Each change is a mistake a maintainer could plausibly make (issue 12's table); the suite passes only
if every one of them fails at least one test. The controls are changes the suite always caught;
they show the harness itself works. A change whose anchor text is no longer in the file stops the
run: update the anchor together with the refactoring that moved the code.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Edit:
    path: str
    anchor: str
    replacement: str


@dataclass(frozen=True)
class Breakage:
    name: str
    breaks: str
    edits: tuple[Edit, ...]
    # Where a maintainer would look first; --whole-suite runs every test instead.
    tests: tuple[str, ...]
    control: bool = False


ROLE_GRANT_AUDIT = """    await write_event(
        session,
        actor=actor,
        action="role.grant",
        tenant_id=tenant.tenant_id,
        subject_type=SUBJECT,
        subject_id=f"{user_id}/{role.value}",
        after=_snapshot(row),
        request_id=uow.request_id,
    )
"""
ROLE_GRANT_DEFERRED = """    DEFERRED.append(
        dict(
            actor=actor,
            action="role.grant",
            tenant_id=tenant.tenant_id,
            subject_type=SUBJECT,
            subject_id=f"{user_id}/{role.value}",
            after=_snapshot(row),
            request_id=uow.request_id,
        )
    )
"""
ROLE_GRANT_RUN = """        return await run_mutation(info, RoleGrantPayload, work)
"""
ROLE_GRANT_RUN_THEN_AUDIT = """        payload = await run_mutation(info, RoleGrantPayload, work)
        from socialaid.audit.writer import write_event

        async with info.context.unit_of_work() as later:
            for event in service.DEFERRED:
                await write_event(later.session, **event)
            service.DEFERRED.clear()
        return payload
"""

BREAKAGES = (
    Breakage(
        "policy",
        "an analyst may grant roles; integration may decide cases; an applicant reads audit events",
        (
            Edit(
                "src/socialaid/access/policy.csv",
                "p, analyst, *, case, read\n",
                "p, analyst, *, case, read\np, analyst, *, role_assignment, grant\n"
                "p, integration, *, case, decide\np, applicant, *, audit_event, read\n",
            ),
        ),
        ("tests/access",),
    ),
    Breakage(
        "states",
        "a department approves a case still waiting for another department's decision",
        (
            Edit(
                "src/socialaid/applications/states.py",
                "        (_C.READY, _CE.APPROVE): _C.APPROVED,\n",
                "        (_C.READY, _CE.APPROVE): _C.APPROVED,\n"
                "        (_C.WAITING, _CE.APPROVE): _C.APPROVED,\n",
            ),
        ),
        ("tests/applications/test_states.py", "tests/applications_api/test_illegal_moves.py"),
    ),
    Breakage(
        "response-cache",
        "/graphql routed around the whole-response cache",
        (
            Edit(
                "src/socialaid/api/app.py",
                "    cached_graphql = PublicResponseCache(\n",
                "    cached_graphql = graphql\n    _unused = PublicResponseCache(\n",
            ),
        ),
        ("tests/test_public_cache.py", "tests/test_http.py"),
    ),
    Breakage(
        "oldest-first",
        "the applications query ordered oldest first",
        (
            Edit(
                "src/socialaid/applications/queries.py",
                "        .order_by(submitted.desc(), ident.desc())\n",
                "        .order_by(submitted.asc(), ident.asc())\n",
            ),
        ),
        ("tests/applications_api/test_lists_deadlines_and_masking.py",),
    ),
    Breakage(
        "n-plus-one",
        "cases and timeline loaded per application, not per page",
        (
            Edit(
                "src/socialaid/applications/loaders.py",
                "        cases=DataLoader(load_fn=load_cases),\n"
                "        timeline=DataLoader(load_fn=load_timeline),\n",
                "        cases=DataLoader(load_fn=load_cases, max_batch_size=1),\n"
                "        timeline=DataLoader(load_fn=load_timeline, max_batch_size=1),\n",
            ),
        ),
        ("tests/applications_api/test_lists_deadlines_and_masking.py",),
    ),
    Breakage(
        "audit-after-commit",
        "the roleGrant audit event written after the commit, in a second transaction",
        (
            Edit(
                "src/socialaid/grants/service.py",
                'SUBJECT = "role_assignment"\n',
                'SUBJECT = "role_assignment"\nDEFERRED: list = []\n',
            ),
            Edit("src/socialaid/grants/service.py", ROLE_GRANT_AUDIT, ROLE_GRANT_DEFERRED),
            Edit("src/socialaid/grants/graphql.py", ROLE_GRANT_RUN, ROLE_GRANT_RUN_THEN_AUDIT),
        ),
        ("tests/audit/test_every_mutation_is_audited.py",),
    ),
    Breakage(
        "wheel-without-tenants",
        "the built wheel leaves tenants/ out (only migrations/ and catalogue/ are copied)",
        (
            Edit(
                "setup.py",
                'FOLDERS = ("migrations", "catalogue", "tenants")\n',
                'FOLDERS = ("migrations", "catalogue")\n',
            ),
        ),
        ("tests/test_wheel_install.py",),
    ),
    Breakage(
        "calendar-days",
        "deadlines counted in calendar days, not working days",
        (
            Edit(
                "src/socialaid/calendars/working_calendar.py",
                "            if self.is_working_day(day):\n",
                "            if True:\n",
            ),
        ),
        ("tests/applications/test_deadlines.py",),
        control=True,
    ),
    Breakage(
        "masking-off",
        "sensitive values shown to every role",
        (
            Edit(
                "src/socialaid/access/masking.py",
                "    return any(role in SENSITIVE_READERS for role in roles)\n",
                "    return True\n",
            ),
        ),
        ("tests/access/test_masking.py",),
        control=True,
    ),
    Breakage(
        "department-filter-off",
        "department-scoped roles see every department's rows",
        (
            Edit(
                "src/socialaid/access/row_scope.py",
                "            return department.in_(actor.departments)\n",
                "            return None\n",
            ),
        ),
        ("tests/access/test_row_scope.py",),
        control=True,
    ),
)


def copy_tree(target: Path) -> None:
    """The working tree as git sees it (tracked and untracked, not ignored), uncommitted edits too."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for raw in filter(None, listed):
        relative = raw.decode()
        source = REPO / relative
        if source.is_file():
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)


def apply(breakage: Breakage, tree: Path) -> None:
    for edit in breakage.edits:
        path = tree / edit.path
        text = path.read_text()
        if text.count(edit.anchor) != 1:
            raise SystemExit(
                f"{breakage.name}: the anchor is not found exactly once in {edit.path}; "
                "update tests/deliberate_breakage.py with the code it describes"
            )
        path.write_text(text.replace(edit.anchor, edit.replacement))


def failed_tests(report: Path) -> list[str]:
    if not report.exists():
        return []
    failed = []
    for case in ET.parse(report).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed.append(f"{case.get('classname')}::{case.get('name')}")
    return failed


def run_suite(breakage: Breakage, tests: list[str]) -> list[str]:
    with tempfile.TemporaryDirectory(prefix=f"breakage-{breakage.name}-") as scratch:
        tree = Path(scratch) / "tree"
        copy_tree(tree)
        apply(breakage, tree)
        report = Path(scratch) / "report.xml"
        # The copy's src/ comes first on the path, ahead of the editable install of the real one;
        # the data directory stays the real one so the embedded server is shared, not re-created.
        env = {
            **os.environ,
            "PYTHONPATH": f"{tree / 'src'}{os.pathsep}{tree}",
            "SOCIALAID_DATA_DIR": os.environ.get("SOCIALAID_DATA_DIR", str(REPO / ".data")),
        }
        finished = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                f"--junitxml={report}",
                *tests,
            ],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        # 0: all passed, 1: some failed. Anything else (a collection error, an interrupted run)
        # means the change broke the harness rather than behaviour: that is no catch.
        if finished.returncode not in (0, 1):
            raise SystemExit(
                f"{breakage.name}: pytest exited {finished.returncode}\n{finished.stdout[-3000:]}"
            )
        return failed_tests(report)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=[b.name for b in BREAKAGES])
    parser.add_argument("--whole-suite", action="store_true")
    args = parser.parse_args(argv)
    chosen = [b for b in BREAKAGES if not args.only or b.name in args.only]
    uncaught = []
    for breakage in chosen:
        caught = run_suite(breakage, ["tests"] if args.whole_suite else list(breakage.tests))
        kind = "control" if breakage.control else "change"
        print(f"{kind} {breakage.name}: {breakage.breaks}", flush=True)
        print(f"  caught by {len(caught)} test(s)", flush=True)
        for test in caught[:15]:
            print(f"    {test}", flush=True)
        if len(caught) > 15:
            print(f"    … and {len(caught) - 15} more", flush=True)
        if not caught:
            uncaught.append(breakage.name)
    if uncaught:
        print(f"NOT CAUGHT: {', '.join(uncaught)}")
        return 1
    print(f"every one of {len(chosen)} deliberate breakages was caught")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
