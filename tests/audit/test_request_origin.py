"""Events carry the request id and client address of the GraphQL operation that wrote them."""

from __future__ import annotations

from sqlalchemy import text
from starlette.requests import Request

from socialaid.access.vocabulary import Role
from socialaid.audit.request import current_origin
from socialaid.db.database import Database
from socialaid.kernel.context import Context
from tests.access.people import person
from tests.conftest import test_settings
from tests.graphql_client import default_schema

GRANT = """mutation($u: String!) { roleGrant(input: {tenant: "310105", userId: $u, role: CASEWORKER})
  { errors { code } } }"""


def request_from(address: str) -> Request:
    return Request(
        {
            "type": "http",
            "method": "POST",
            "path": "/graphql",
            "headers": [],
            "client": (address, 1),
        }
    )


async def test_each_operation_stamps_its_own_request_id_and_address_and_leaves_none_behind(
    db: Database,
) -> None:
    admin = person("310000", Role.TENANT_ADMIN, user="admin")
    contexts = [
        Context(db=db, settings=test_settings(), request=request_from(a), principal=admin)
        for a in ("198.51.100.1", "198.51.100.2")
    ]
    for n, context in enumerate(contexts):
        result = await default_schema().execute(
            GRANT, variable_values={"u": f"worker-{n}"}, context_value=context
        )
        assert result.errors is None and result.data == {"roleGrant": {"errors": []}}
        assert current_origin().request_id is None
    async with db.owner_session() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT request_id, client_address FROM audit_event"
                    " WHERE action = 'role.grant' ORDER BY sequence"
                )
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        (contexts[0].request_id, "198.51.100.1"),
        (contexts[1].request_id, "198.51.100.2"),
    ]
