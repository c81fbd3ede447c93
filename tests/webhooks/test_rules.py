"""The pure rules: URLs and addresses, the retry schedule, the envelope and its signature."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
from datetime import UTC, datetime, timedelta

from socialaid.webhooks.addresses import Target, UrlPolicy, address_problem, check_url
from socialaid.webhooks.backoff import RetryPolicy
from socialaid.webhooks.envelope import Envelope, signature
from socialaid.webhooks.secret_box import seal, unseal

DEV = UrlPolicy.parse(production=False, allow_http_localhost=True, allowed="")
PRODUCTION = UrlPolicy.parse(
    production=True, allow_http_localhost=True, allowed="esb.gov.internal,10.20.0.0/16"
)


def addresses(*texts: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    return [ipaddress.ip_address(t) for t in texts]


def test_http_is_allowed_to_localhost_in_dev_only() -> None:
    assert check_url("http://127.0.0.1:8080/h", DEV) == Target("127.0.0.1", 8080, True)
    assert check_url("http://localhost/h", DEV) == Target("localhost", 80, True)
    assert isinstance(check_url("http://localhost/h", PRODUCTION), str)
    assert isinstance(check_url("http://10.0.0.1/h", DEV), str)


def test_production_refuses_private_loopback_and_link_local_addresses() -> None:
    site = Target("hooks.example.cn", 443, False)
    for refused in ("10.0.0.8", "127.0.0.1", "169.254.169.254", "192.168.1.2", "::1", "fd00::1"):
        assert address_problem(site, addresses(refused), PRODUCTION) is not None, refused
    assert address_problem(site, addresses("203.0.114.9", "8.8.8.8"), PRODUCTION) is None
    # one private address among public ones is enough to refuse (the client may pick it)
    assert address_problem(site, addresses("8.8.8.8", "10.0.0.8"), PRODUCTION) is not None
    assert address_problem(site, [], PRODUCTION) is not None  # unresolvable


def test_production_refuses_ipv6_addresses_that_carry_a_private_ipv4_address() -> None:
    site = Target("hooks.example.cn", 443, False)
    # NAT64 (RFC 6052 well-known prefix and RFC 8215 local-use prefix) and 6to4 (RFC 3056)
    # gateways forward these to 10.0.0.1 and 127.0.0.1.
    for refused in ("64:ff9b::a00:1", "64:ff9b:1::a00:1", "2002:7f00:1::"):
        assert address_problem(site, addresses(refused), PRODUCTION) is not None, refused
    assert (
        address_problem(site, addresses("64:ff9b::808:808", "2002:808:808::"), PRODUCTION) is None
    )


def test_allowed_hosts_and_networks_reach_an_intranet_in_production() -> None:
    assert (
        address_problem(Target("esb.gov.internal", 443, False), addresses("10.1.1.1"), PRODUCTION)
        is None
    )
    assert (
        address_problem(Target("x.gov.cn", 443, False), addresses("10.20.3.4"), PRODUCTION) is None
    )
    assert (
        address_problem(Target("x.gov.cn", 443, False), addresses("10.21.3.4"), PRODUCTION)
        is not None
    )


def test_dev_checks_no_addresses() -> None:
    assert address_problem(Target("localhost", 80, True), addresses("127.0.0.1"), DEV) is None


def test_retries_wait_longer_each_time_within_the_cap_then_stop() -> None:
    policy = RetryPolicy(max_attempts=5, base_seconds=30, max_seconds=100)
    low, high = (lambda: 0.0), (lambda: 0.999999)
    # base·2^(n-1) capped at 100 s: 30, 60, 100, 100; each wait between half and all of it
    assert [policy.delay(n, low) for n in range(1, 5)] == [
        timedelta(seconds=s) for s in (15, 30, 50, 50)
    ]
    assert [round(policy.delay(n, high).total_seconds()) for n in range(1, 5)] == [30, 60, 100, 100]  # type: ignore[union-attr]
    assert policy.delay(5, low) is None


def test_the_signature_is_the_hmac_sha256_of_the_exact_body() -> None:
    body = Envelope(
        "d-1", "CASE_READY", datetime(2026, 12, 1, 2, 0, tzinfo=UTC), "310105", {"item": "低保"}
    ).body(sent_at=datetime(2026, 12, 1, 2, 0, 5, tzinfo=UTC), attempt=1)

    assert json.loads(body) == {
        "id": "d-1",
        "event": "CASE_READY",
        "occurredAt": "2026-12-01T10:00:00+08:00",
        "sentAt": "2026-12-01T10:00:05+08:00",
        "attempt": 1,
        "tenant": "310105",
        "data": {"item": "低保"},
    }
    expected = hmac.new(b"whsec_k", body, hashlib.sha256).hexdigest()
    assert signature("whsec_k", body) == f"sha256={expected}"


def test_a_sealed_secret_opens_only_for_its_own_subscription() -> None:
    sealed = seal("server-secret", "sub-1", "whsec_abc")
    assert unseal("server-secret", "sub-1", sealed) == "whsec_abc"
    for key, subscription in (("other-secret", "sub-1"), ("server-secret", "sub-2")):
        try:
            unseal(key, subscription, sealed)
        except Exception as error:
            assert type(error).__name__ == "InvalidTag"
        else:
            raise AssertionError("opened with the wrong key or subscription")
