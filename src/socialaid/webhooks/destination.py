"""Resolving a subscription's host and applying the address rules of `addresses.py`."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

from socialaid.webhooks.addresses import Address, Target, UrlPolicy, address_problem, check_url


async def _resolve(target: Target) -> list[Address]:
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(
            target.host, target.port, type=socket.SOCK_STREAM
        )
    except OSError:
        return []
    return [ipaddress.ip_address(info[4][0]) for info in infos]


async def refusal(url: str, policy: UrlPolicy) -> str | None:
    """Why `url` may not be delivered to now, or None. Checked when a subscription is made and
    again before every POST: a name may resolve elsewhere later (DNS rebinding narrows the gap
    to the connection's own lookup, see ADR 0026)."""
    checked = check_url(url, policy)
    if isinstance(checked, str):
        return checked
    if not policy.production:
        return None
    return address_problem(checked, await _resolve(checked), policy)
