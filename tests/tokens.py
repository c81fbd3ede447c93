"""Bearer tokens for tests that call the API over HTTP, minted with the test settings' secret."""

from __future__ import annotations

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from tests.conftest import test_settings


def token(role: Role, *, user: str, tenant: str, departments: tuple[str, ...] = ()) -> str:
    """A dev token for `user`, holding `role` in `tenant`."""
    return mint_token(
        test_settings(), user=user, tenant=tenant, roles=[role], departments=departments
    )


def bearer_header(signed: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {signed}"}


def provincial_caseworker() -> str:
    """A civil-affairs caseworker of Shanghai, the province: one who may ask for a person's
    history anywhere in it, and is refused what only auditors may read."""
    return token(Role.CASEWORKER, user="staff", tenant="310000", departments=("civil_affairs",))
