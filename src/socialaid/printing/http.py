"""`GET /print/applications/{id}` and `GET /print/cases/{id}/notice`: the PDFs, and a
`…/verify?code=` beside each for a clerk checking a paper.

Bearer token as for /graphql; ids are the Relay global ids (or, as elsewhere, the raw UUIDs).
Refusals are JSON with a stable code and a Chinese message: 401 UNAUTHENTICATED, 403 FORBIDDEN,
404 NOT_FOUND, 400 INVALID_INPUT, 503 UNAVAILABLE while the database is out.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from socialaid.access.authentication import Authenticator
from socialaid.access.principal import Principal
from socialaid.access.sessions import scoped_session
from socialaid.db.database import Database
from socialaid.db.outage import describe, outage_in
from socialaid.errors import DomainError
from socialaid.forms.service import FormCaches
from socialaid.kernel import http_errors
from socialaid.kernel.caches import Caches
from socialaid.kernel.input_bounds import DEFAULT_TEXT, text_problem
from socialaid.printing import service
from socialaid.printing.rendering import (
    PDF_MEDIA_TYPE,
    PrintingUnavailableError,
    application_pdf,
    ensure_renderer,
    notice_pdf,
)
from socialaid.printing.verification import code_matches

log = logging.getLogger(__name__)

STATUS = {**http_errors.STATUS, PrintingUnavailableError: 503}
# A printed form holds personal data: no cache on the way may keep a copy.
PRIVATE = {"Cache-Control": "no-store"}

Endpoint = Callable[[Request], Awaitable[Response]]


def _checked(request: Request) -> None:
    """The same bounds as any GraphQL string argument: no NUL or lone surrogate reaches SQL."""
    for name, value in [*request.path_params.items(), *request.query_params.multi_items()]:
        problem = text_problem(str(value), DEFAULT_TEXT)
        if problem is not None:
            raise DomainError(problem, path=[name[:64]])


def _pdf(body: bytes, filename: str) -> Response:
    return Response(
        body,
        media_type=PDF_MEDIA_TYPE,
        headers={"Content-Disposition": f'inline; filename="{filename}"', **PRIVATE},
    )


def print_routes(
    db: Database, authenticator: Authenticator, caches: Caches, signing_key: str
) -> list[Route]:
    """The routes, sharing the GraphQL app's authenticator and caches (compiled forms)."""

    def guarded(answer: Callable[[Request, Principal | None], Awaitable[Response]]) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            try:
                _checked(request)
                principal = await authenticator.authenticate(
                    db, request.headers.get("authorization")
                )
                return await answer(request, principal)
            except DomainError as error:
                return http_errors.error_response(error, status=STATUS, headers=PRIVATE)
            except Exception as error:
                outage = outage_in(error)
                if outage is None:
                    raise
                log.warning("database unavailable for a print: %s", describe(outage))
                return http_errors.unavailable_response()

        return endpoint

    async def application(request: Request, principal: Principal | None) -> Response:
        # Before anything is read or recorded: a print that cannot be rendered is not audited.
        await run_in_threadpool(ensure_renderer)
        async with scoped_session(db, principal) as session:
            sheet = await service.application_sheet(
                session,
                caches.of(FormCaches),
                actor=principal,
                application_id=request.path_params["id"],
                signing_key=signing_key,
            )
        # Recorded before a byte leaves; laid out off the event loop (CPU-bound).
        body = await run_in_threadpool(application_pdf, sheet)
        return _pdf(body, f"application-{sheet.document_number}.pdf")

    async def notice(request: Request, principal: Principal | None) -> Response:
        await run_in_threadpool(ensure_renderer)
        async with scoped_session(db, principal) as session:
            sheet = await service.notice_sheet(
                session, actor=principal, case_id=request.path_params["id"], signing_key=signing_key
            )
        body = await run_in_threadpool(notice_pdf, sheet)
        return _pdf(body, f"notice-{sheet.document_number}.pdf")

    def typed_code(request: Request) -> str:
        typed = request.query_params.get("code")
        if not typed:
            raise DomainError("请提供文书上的校验码 code", path=["code"])
        return typed

    async def verify_application(request: Request, principal: Principal | None) -> Response:
        typed = typed_code(request)
        async with scoped_session(db, principal) as session:
            expected = await service.application_code(
                session,
                actor=principal,
                application_id=request.path_params["id"],
                signing_key=signing_key,
            )
        return JSONResponse({"valid": code_matches(expected, typed)}, headers=PRIVATE)

    async def verify_notice(request: Request, principal: Principal | None) -> Response:
        typed = typed_code(request)
        async with scoped_session(db, principal) as session:
            expected = await service.notice_code(
                session, actor=principal, case_id=request.path_params["id"], signing_key=signing_key
            )
        return JSONResponse({"valid": code_matches(expected, typed)}, headers=PRIVATE)

    return [
        Route("/print/applications/{id}", guarded(application), methods=["GET"]),
        Route("/print/applications/{id}/verify", guarded(verify_application), methods=["GET"]),
        Route("/print/cases/{id}/notice", guarded(notice), methods=["GET"]),
        Route("/print/cases/{id}/notice/verify", guarded(verify_notice), methods=["GET"]),
    ]
