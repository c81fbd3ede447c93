"""Every refusal of a staged upload, through the real server: a wrong hash, a size over the
limit, a PDF declared as PNG, someone else's upload, an incomplete one, a file of a type its
material does not accept, an expired URL, a tampered one, and a file the scanner rejects."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.applications_api.flows import CHECK, FORM, shanghai_answers
from tests.conftest import test_settings
from tests.identity_numbers import id_number
from tests.materials.eicar_scanner import EICAR
from tests.materials.files import pdf, png
from tests.materials.http_flow import CHANGNING, Client, bearer, serving

SUBMIT = """mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) {
  errors { code message path } application { id } } }"""
LIMIT = 64 * 1024


@pytest.fixture
async def citizen(db: Database, tmp_path: Path) -> AsyncIterator[Client]:
    settings = test_settings(
        upload_dir=tmp_path,
        upload_max_bytes=LIMIT,
        upload_scanner="tests.materials.eicar_scanner:EicarScanner",
    )
    async with serving(db, settings) as base, httpx.AsyncClient(timeout=30) as http:
        yield Client(http, base, bearer(Role.APPLICANT, "citizen-1"))


def refused(payload: dict[str, object], path: list[str]) -> str:
    """The one error's code, after checking it is at `path`."""
    errors = payload["errors"]
    assert isinstance(errors, list) and len(errors) == 1, payload
    assert errors[0]["path"] == path, errors
    assert payload["upload"] is None if "upload" in payload else True
    code: str = errors[0]["code"]
    return code


async def put_and_complete(
    citizen: Client, data: bytes, content_type: str, sent: bytes
) -> dict[str, Any]:
    created = await citizen.create(data, content_type)
    assert created["errors"] == []
    assert (await citizen.put(created["upload"], sent)).status_code == 200
    return await citizen.complete(created["upload"]["id"])


async def test_bytes_that_do_not_match_the_declared_hash_are_refused(citizen: Client) -> None:
    declared = pdf("declared")
    completed = await put_and_complete(citizen, declared, "application/pdf", pdf("declareD"))
    assert refused(completed, ["id"]) == "INVALID_INPUT"
    assert "SHA-256" in completed["errors"][0]["message"]


async def test_a_file_over_the_size_limit_is_refused_before_any_url_is_issued(
    citizen: Client,
) -> None:
    created = await citizen.create(pdf(), "application/pdf", byteSize=LIMIT + 1)
    assert refused(created, ["byteSize"]) == "INVALID_INPUT"


async def test_more_bytes_than_declared_are_refused_by_the_put_route(citizen: Client) -> None:
    small = pdf("small")
    created = await citizen.create(small, "application/pdf")
    response = await citizen.put(created["upload"], small + b"x" * 100)
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_INPUT"


async def test_an_unknown_tenant_is_not_found_at_the_tenant_field(citizen: Client) -> None:
    created = await citizen.create(pdf(), "application/pdf", tenant="999999")
    assert refused(created, ["tenant"]) == "NOT_FOUND"


async def test_a_file_name_with_a_line_break_or_control_character_is_refused(
    citizen: Client,
) -> None:
    # Such a name would go into the download's Content-Disposition header and break it.
    for name in ("户口簿.pdf\r\nX-Injected: 1", "a\tb.pdf", "a\x7f.pdf", "fdp.\u202eexe"):
        created = await citizen.create(pdf(), "application/pdf", name=name)
        assert refused(created, ["fileName"]) == "INVALID_INPUT", name
    spaced = await citizen.create(pdf(), "application/pdf", name="户口簿\u3000第 1 页.pdf")
    assert spaced["errors"] == []


async def test_a_pdf_declared_as_png_is_refused_by_its_bytes(citizen: Client) -> None:
    document = pdf("not an image")
    completed = await put_and_complete(citizen, document, "image/png", document)
    assert refused(completed, ["id"]) == "INVALID_INPUT"
    assert "image/png" in completed["errors"][0]["message"]


async def test_a_type_the_api_cannot_verify_is_refused(citizen: Client) -> None:
    created = await citizen.create(b"GIF89a", "image/gif")
    assert refused(created, ["contentType"]) == "INVALID_INPUT"


async def test_someone_elses_upload_cannot_be_completed(citizen: Client) -> None:
    document = pdf()
    created = await citizen.create(document, "application/pdf")
    await citizen.put(created["upload"], document)
    other = Client(citizen.http, citizen.base, bearer(Role.APPLICANT, "citizen-2"))
    assert refused(await other.complete(created["upload"]["id"]), ["id"]) == "NOT_FOUND"


async def test_completing_before_the_put_is_refused(citizen: Client) -> None:
    created = await citizen.create(pdf(), "application/pdf")
    completed = await citizen.complete(created["upload"]["id"])
    assert refused(completed, ["id"]) == "INVALID_INPUT"


async def test_a_completed_uploads_url_takes_no_more_bytes(citizen: Client, tmp_path: Path) -> None:
    document = pdf()
    created = await citizen.create(document, "application/pdf")
    assert (await citizen.put(created["upload"], document)).status_code == 200
    assert (await citizen.complete(created["upload"]["id"]))["errors"] == []

    again = await citizen.put(created["upload"], document)

    assert again.status_code == 409
    assert again.json()["errors"][0]["extensions"]["code"] == "CONFLICT"
    assert not (tmp_path / "staging" / CHANGNING / created["upload"]["id"]).exists()


async def test_the_scanner_rejects_the_eicar_test_file(citizen: Client) -> None:
    infected = b"%PDF-1.4\n" + EICAR + b"\n%%EOF\n"
    completed = await put_and_complete(citizen, infected, "application/pdf", infected)
    assert refused(completed, ["id"]) == "INVALID_INPUT"
    assert "EICAR-Test-File" in completed["errors"][0]["message"]


async def test_a_tampered_url_is_refused(citizen: Client) -> None:
    created = await citizen.create(pdf(), "application/pdf")
    upload = created["upload"] | {"url": created["upload"]["url"].replace("size=", "size=9")}
    response = await citizen.put(upload, pdf())
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_SIGNATURE"


async def test_a_signature_that_is_not_ascii_is_refused_not_a_server_error(
    citizen: Client,
) -> None:
    created = await citizen.create(pdf(), "application/pdf")
    url = created["upload"]["url"]
    forged = url[: url.index("signature=")] + "signature=%C3%A9"
    put = await citizen.put(created["upload"] | {"url": forged}, pdf())
    got = await citizen.http.get(forged.replace("/staging/", "/files/"))
    assert (put.status_code, got.status_code) == (403, 403)
    assert put.json()["errors"][0]["extensions"]["code"] == "BAD_SIGNATURE"
    assert got.json()["errors"][0]["extensions"]["code"] == "BAD_SIGNATURE"


async def test_an_expired_put_url_is_refused(db: Database, tmp_path: Path) -> None:
    settings = test_settings(upload_dir=tmp_path, upload_url_seconds=1)
    async with serving(db, settings) as base, httpx.AsyncClient() as http:
        citizen = Client(http, base, bearer(Role.APPLICANT, "citizen-1"))
        created = await citizen.create(pdf(), "application/pdf")
        await asyncio.sleep(2.1)  # past the URL's whole-second expiry
        response = await citizen.put(created["upload"], pdf())
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "URL_EXPIRED"


async def submit_materials(citizen: Client, reference: str) -> dict[str, object]:
    """Submit legal aid with `reference` for its first material to upload."""
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    form = (await citizen.graphql(FORM, {"t": CHANGNING, "items": ["legal_aid"]}))[
        "applicationForm"
    ]
    check = (await citizen.graphql(CHECK, {"h": form["hash"], "a": answers}))[
        "applicationFormCheck"
    ]
    wanted = [m for m in check["materials"] if m["status"] == "UPLOAD_REQUIRED"]
    materials = [
        {"material": m["material"], "subject": m["subjectPath"], "reference": reference}
        for m in wanted
    ]
    payload: dict[str, object] = (
        await citizen.graphql(
            SUBMIT,
            {
                "i": {
                    "tenant": CHANGNING,
                    "channel": "ONLINE",
                    "items": ["legal_aid"],
                    "answers": answers,
                    "idempotencyKey": "refusal",
                    "materials": materials,
                    "area": "huayanglu",
                }
            },
        )
    )["applicationSubmit"]
    return payload


async def test_a_submission_naming_someone_elses_upload_is_refused_at_its_path(
    citizen: Client,
) -> None:
    other = Client(citizen.http, citizen.base, bearer(Role.APPLICANT, "citizen-2"))
    theirs = await other.upload(pdf(), "application/pdf", "别人的.pdf")
    submitted = await submit_materials(citizen, theirs)
    assert refused(submitted, ["materials", "0", "reference"]) == "INVALID_INPUT"


async def test_a_submission_naming_an_incomplete_upload_is_refused_at_its_path(
    citizen: Client,
) -> None:
    created = await citizen.create(pdf(), "application/pdf")
    submitted = await submit_materials(citizen, created["upload"]["id"])
    assert refused(submitted, ["materials", "0", "reference"]) == "INVALID_INPUT"


async def test_a_submission_naming_no_upload_is_refused_at_its_path(citizen: Client) -> None:
    submitted = await submit_materials(citizen, "upload://anything")
    assert refused(submitted, ["materials", "0", "reference"]) == "INVALID_INPUT"


async def test_a_photo_for_a_material_that_takes_only_a_scan_is_refused(
    citizen: Client,
) -> None:
    photo = await citizen.upload(png(), "image/png", "授权书.png")
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    form = (await citizen.graphql(FORM, {"t": CHANGNING, "items": ["dibao"]}))["applicationForm"]
    authorisation = [m for m in form["materials"] if m["code"] == "economic_check_authorisation"]
    assert authorisation, form["materials"]  # seed 004 附件3: 扫描版或电子授权
    check = (await citizen.graphql(CHECK, {"h": form["hash"], "a": answers}))[
        "applicationFormCheck"
    ]
    scan = await citizen.upload(pdf(), "application/pdf", "扫描件.pdf")
    wanted = [m for m in check["materials"] if m["status"] == "UPLOAD_REQUIRED"]
    # The authorisation first, so its reference is materials[0]; every other material a scan.
    wanted.sort(key=lambda m: m["material"] != authorisation[0]["id"])
    assert wanted[0]["material"] == authorisation[0]["id"], wanted
    materials = [
        {
            "material": m["material"],
            "subject": m["subjectPath"],
            "reference": photo if m["material"] == authorisation[0]["id"] else scan,
        }
        for m in wanted
    ]
    submitted = (
        await citizen.graphql(
            SUBMIT,
            {
                "i": {
                    "tenant": CHANGNING,
                    "channel": "ONLINE",
                    "items": ["dibao"],
                    "answers": answers,
                    "idempotencyKey": "photo",
                    "materials": materials,
                    "area": "huayanglu",
                }
            },
        )
    )["applicationSubmit"]
    assert refused(submitted, ["materials", "0", "reference"]) == "INVALID_INPUT"
    assert "PDF" in submitted["errors"][0]["message"]
