"""Where the provider keeps the caller's tenant, roles, departments and area, and what its role
names mean here."""

from __future__ import annotations

import pytest

from socialaid.access.claim_mapping import ClaimError, ClaimMapping, claim_at
from socialaid.access.tokens import TokenVerifier
from socialaid.access.vocabulary import Role
from socialaid.config import ConfigurationError
from tests.conftest import test_settings

KEYCLOAK = {
    "sub": "5f0e6a0c",
    "realm_access": {"roles": ["offline_access", "sa-approver", "sa-caseworker"]},
    "resource_access": {"socialaid": {"roles": ["sa-auditor"]}},
    "https://sso.example.gov/tenant": "310105",
    "org": {"departments": ["civil_affairs", "health"], "area": "huayang"},
}


def test_a_claim_is_found_by_its_whole_name_first_then_by_its_dots() -> None:
    assert claim_at(KEYCLOAK, "https://sso.example.gov/tenant") == "310105"
    assert claim_at(KEYCLOAK, "resource_access.socialaid.roles") == ["sa-auditor"]
    assert claim_at(KEYCLOAK, "realm_access.groups") is None
    assert claim_at(KEYCLOAK, "sub.anything") is None


def test_keycloak_claims_map_through_paths_and_the_role_map() -> None:
    mapping = ClaimMapping(
        tenant="https://sso.example.gov/tenant",
        roles="realm_access.roles",
        departments="org.departments",
        area="org.area",
        role_map={"sa-caseworker": Role.CASEWORKER, "sa-approver": Role.APPROVER},
    )
    claims = mapping.claims_of(KEYCLOAK)
    assert claims.user_id == "5f0e6a0c" and claims.tenant_id == "310105"
    assert claims.roles == (Role.APPROVER, Role.CASEWORKER)  # offline_access ignored
    assert (claims.departments, claims.area) == (("civil_affairs", "health"), "huayang")


def test_with_a_role_map_our_own_role_names_count_only_if_mapped() -> None:
    mapping = ClaimMapping(role_map={"sa-auditor": Role.AUDITOR})
    claims = mapping.claims_of({"sub": "x", "tenant": "310105", "roles": ["tenant_admin"]})
    assert claims.roles == ()


def test_without_a_role_map_an_unknown_role_refuses_the_token() -> None:
    with pytest.raises(ClaimError, match="offline_access"):
        ClaimMapping().claims_of({"sub": "x", "tenant": "310105", "roles": ["offline_access"]})


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "x"},
        {"sub": "x", "tenant": 310105},
        {"sub": "x", "tenant": "31010"},
        {"sub": "", "tenant": "310105"},
        {"sub": "x", "tenant": "310105", "roles": [1]},
        {"sub": "x", "tenant": "310105", "departments": {"a": 1}},
        {"sub": "x", "tenant": "310105", "area": ["huayang"]},
    ],
    ids=[
        "no-tenant",
        "numeric-tenant",
        "short-tenant",
        "empty-sub",
        "role-not-a-string",
        "departments-an-object",
        "area-a-list",
    ],
)
def test_claims_of_the_wrong_shape_refuse_the_token(claims: dict[str, object]) -> None:
    with pytest.raises(ClaimError):
        ClaimMapping().claims_of(claims)


def test_a_single_valued_attribute_counts_as_a_list_of_one() -> None:
    claims = ClaimMapping().claims_of(
        {"sub": "x", "tenant": "310105", "roles": "auditor", "departments": "civil_affairs"}
    )
    assert (claims.roles, claims.departments) == ((Role.AUDITOR,), ("civil_affairs",))


def test_a_role_map_onto_a_role_that_does_not_exist_stops_the_start() -> None:
    with pytest.raises(ConfigurationError, match=r"SOCIALAID_JWT_ROLE_MAP.*'superuser'"):
        TokenVerifier(test_settings(jwt_role_map={"sa-admin": "superuser"}))
