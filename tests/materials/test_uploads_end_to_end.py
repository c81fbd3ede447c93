"""Issue 18, done when: an applicant uploads real files (a PNG drawn here and a PDF) through
the embedded store and through a real S3-compatible server (moto's server mode), submits with
them, and a caseworker of the deciding department downloads identical bytes, while another
applicant and another department get no file."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiobotocore.session import get_session
from moto.server import ThreadedMotoServer

from socialaid.access.vocabulary import Role
from socialaid.config import Settings
from socialaid.db.database import Database
from tests.applications_api.flows import CHECK, FORM, SHANGHAI_FAMILY, shanghai_answers
from tests.conftest import test_settings
from tests.identity_numbers import id_number
from tests.materials.files import pdf, png
from tests.materials.http_flow import CHANGNING, MATERIAL_FILES, Client, bearer, serving
from tests.test_http import free_port

SUBMIT = """mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) {
  errors { code message path } application { id lockVersion } } }"""
ACCEPT = """mutation($i: ApplicationActInput!) { applicationTriageAccept(input: $i) {
  errors { code message path } application { id } } }"""
BUCKET = "socialaid-materials"


@pytest.fixture(scope="module")
def s3_server() -> Iterator[str]:
    """moto's S3 server on a loopback port, as its own users run it."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


async def s3_settings(endpoint: str) -> Settings:
    async with get_session().create_client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    ) as client:
        await client.create_bucket(Bucket=BUCKET)
    return test_settings(
        upload_store="s3",
        upload_s3_endpoint=endpoint,
        upload_s3_bucket=BUCKET,
        upload_s3_access_key="test-key",
        upload_s3_secret_key="test-secret",
    )


@pytest.fixture(params=["embedded", "s3"])
async def settings(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Settings]:
    if request.param == "embedded":
        yield test_settings(upload_dir=tmp_path)
    else:
        yield await s3_settings(request.getfixturevalue("s3_server"))


def file_for(evidence: str) -> tuple[bytes, str, str]:
    """An identity proof is a photo (PNG); everything else a scan (PDF)."""
    if evidence == "id_proof":
        return png(), "image/png", "身份证.png"
    return pdf(f"{evidence} scan"), "application/pdf", f"{evidence}.pdf"


async def apply_with_files(citizen: Client) -> tuple[str, dict[str, bytes]]:
    """Upload a file for every material the check asks for and submit: the application's id
    and the bytes uploaded per upload id."""
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    form = (await citizen.graphql(FORM, {"t": CHANGNING, "items": SHANGHAI_FAMILY}))[
        "applicationForm"
    ]
    evidence = {m["id"]: m["code"] for m in form["materials"]}
    check = (await citizen.graphql(CHECK, {"h": form["hash"], "a": answers}))[
        "applicationFormCheck"
    ]
    sent: dict[str, bytes] = {}
    materials = []
    for m in check["materials"]:
        if m["status"] != "UPLOAD_REQUIRED":
            continue
        data, content_type, name = file_for(evidence[m["material"]])
        upload_id = await citizen.upload(data, content_type, name)
        sent[upload_id] = data
        materials.append(
            {"material": m["material"], "subject": m["subjectPath"], "reference": upload_id}
        )
    submitted = (
        await citizen.graphql(
            SUBMIT,
            {
                "i": {
                    "tenant": CHANGNING,
                    "channel": "ONLINE",
                    "items": SHANGHAI_FAMILY,
                    "answers": answers,
                    "idempotencyKey": "files-1",
                    "materials": materials,
                    "area": "huayanglu",
                }
            },
        )
    )["applicationSubmit"]
    assert submitted["errors"] == [], submitted
    return submitted["application"]["id"], sent


async def test_the_deciding_department_downloads_the_very_bytes_others_get_no_file(
    db: Database, settings: Settings
) -> None:
    async with serving(db, settings) as base, httpx.AsyncClient(timeout=30) as http:
        citizen = Client(http, base, bearer(Role.APPLICANT, "citizen-1"))
        application_id, sent = await apply_with_files(citizen)
        assert {d[:4] for d in sent.values()} == {b"\x89PNG", b"%PDF"}  # both kinds went up
        clerk = Client(http, base, bearer(Role.WINDOW_CLERK, "clerk", area="huayanglu"))
        accepted = await clerk.graphql(ACCEPT, {"i": {"id": application_id, "lockVersion": 1}})
        assert accepted["applicationTriageAccept"]["errors"] == []

        # Materials are immutable once submitted: the upload URLs, still valid, take new bytes
        # only where nothing reads them any more.
        for upload_id, staged in citizen.staged.items():
            await citizen.put(staged, bytes(len(sent[upload_id])))

        civil = Client(
            http, base, bearer(Role.CASEWORKER, "civil-1", departments=("civil_affairs",))
        )
        seen = (await civil.graphql(MATERIAL_FILES, {"id": application_id}))["application"]
        dibao_files = [
            m["file"] for m in seen["materials"] if "dibao" in m["requiredBy"] and m["file"]
        ]
        assert dibao_files, seen
        for shown in dibao_files:
            downloaded = await http.get(shown["downloadUrl"])
            assert downloaded.status_code == 200
            assert downloaded.content in sent.values()
            assert downloaded.headers["content-type"].startswith(shown["contentType"])
            assert shown["byteSize"] == len(downloaded.content)

        # The applicant reads their own files too.
        own = (await citizen.graphql(MATERIAL_FILES, {"id": application_id}))["application"]
        assert all(m["file"] for m in own["materials"] if m["status"] == "UPLOADED")

        # Legal aid's department sees the application, but no file its item does not require.
        justice = Client(http, base, bearer(Role.CASEWORKER, "justice-1", departments=("justice",)))
        judged = (await justice.graphql(MATERIAL_FILES, {"id": application_id}))["application"]
        not_theirs = [m for m in judged["materials"] if "legal_aid" not in m["requiredBy"]]
        assert not_theirs and all(
            m["file"] is None for m in not_theirs if m["status"] == "UPLOADED"
        )

        # Another applicant cannot read the application at all.
        stranger = await http.post(
            f"{base}/graphql",
            json={"query": MATERIAL_FILES, "variables": {"id": application_id}},
            headers={"Authorization": f"Bearer {bearer(Role.APPLICANT, 'citizen-2')}"},
        )
        body: dict[str, Any] = stranger.json()
        assert body["data"] is None or body["data"]["application"] is None
        assert body["errors"][0]["extensions"]["code"] in ("NOT_FOUND", "FORBIDDEN")
