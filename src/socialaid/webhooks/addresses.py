"""Which URLs a subscription may name, and which addresses a delivery may reach (SSRF guard).
Pure: resolving a host name is the caller's (`destination.py`).

- the URL is absolute, https, without credentials or a fragment, at most 2000 characters;
  plain http is allowed only to localhost and only outside production (a developer's receiver);
- in production every address the host resolves to must be public (not private, loopback,
  link-local, multicast or reserved), unless the host or the address's network is allowed by
  SOCIALAID_WEBHOOK_ALLOWED_HOSTS (a government intranet's receivers).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_URL_CHARS = 2000
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class UrlPolicy:
    production: bool
    allow_http_localhost: bool = True
    allowed_hosts: frozenset[str] = frozenset()
    allowed_networks: tuple[Network, ...] = ()

    @classmethod
    def parse(cls, *, production: bool, allow_http_localhost: bool, allowed: str) -> UrlPolicy:
        """From the settings; ValueError naming an entry that is neither a host nor a network."""
        hosts: set[str] = set()
        networks: list[Network] = []
        for entry in (e.strip() for e in allowed.split(",")):
            if not entry:
                continue
            if "/" in entry or _is_address(entry):
                try:
                    networks.append(ipaddress.ip_network(entry, strict=False))
                except ValueError:
                    raise ValueError(f"SOCIALAID_WEBHOOK_ALLOWED_HOSTS: {entry!r}") from None
            elif entry.replace("-", "").replace(".", "").isalnum():
                hosts.add(entry.lower())
            else:
                raise ValueError(f"SOCIALAID_WEBHOOK_ALLOWED_HOSTS: {entry!r}")
        return cls(
            production, allow_http_localhost and not production, frozenset(hosts), tuple(networks)
        )


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Target:
    """A URL that passed the static checks: where a delivery connects."""

    host: str
    port: int
    is_local_http: bool


def check_url(url: str, policy: UrlPolicy) -> Target | str:
    """The URL's target, or why it is refused (Chinese, for the client)."""
    if len(url) > MAX_URL_CHARS:
        return f"地址过长（最多 {MAX_URL_CHARS} 个字符）"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "地址格式无效"
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"https", "http"} or not host:
        return "地址须为 https://主机/路径 形式的绝对地址"
    if parts.username is not None or parts.password is not None:
        return "地址中不得含用户名或密码：接收方以签名验证来源"
    if parts.fragment:
        return "地址中不得含片段（#…）"
    if parts.scheme == "http":
        if not (policy.allow_http_localhost and host in LOCAL_NAMES):
            return (
                "须使用 https；http 仅在开发与测试环境中允许用于 localhost"
                if not policy.production
                else "生产环境须使用 https"
            )
        return Target(host, port or 80, is_local_http=True)
    return Target(host, port or 443, is_local_http=False)


# NAT64's well-known prefix (RFC 6052) carries an IPv4 address in its last 32 bits; the local-use
# prefix (RFC 8215) is not global (IANA), though Python 3.11's ipaddress says it is.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")


def _public(address: Address) -> bool:
    """Global, and so is the IPv4 address a NAT64 or 6to4 gateway would forward it to."""
    if not address.is_global or address.is_multicast:
        return False
    if isinstance(address, ipaddress.IPv4Address):
        return True
    if address in NAT64_LOCAL:
        return False
    if address in NAT64:
        return _public(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return address.sixtofour is None or _public(address.sixtofour)


def address_problem(target: Target, addresses: Iterable[Address], policy: UrlPolicy) -> str | None:
    """Why a delivery may not connect to the host at these addresses, or None."""
    if not policy.production or target.host in policy.allowed_hosts:
        return None
    found = list(addresses)
    if not found:
        return f"无法解析主机 {target.host}"
    for address in found:
        if any(address in network for network in policy.allowed_networks):
            continue
        if not _public(address):
            return (
                f"主机 {target.host} 解析到内网或保留地址 {address}：生产环境只向公网地址投递，"
                "内网接收方须列入 SOCIALAID_WEBHOOK_ALLOWED_HOSTS"
            )
    return None
