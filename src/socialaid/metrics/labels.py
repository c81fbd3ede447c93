"""Label values from what a client chose, bounded so that a client cannot make series without end.

Operation names are the client's text: only the name of an operation that parsed is used, at most
MAX_OPERATION_CHARS of GraphQL name characters, and only the first MAX_OPERATIONS distinct names
a process sees get a series of their own; later ones share OTHER. The names in parentheses cannot
be GraphQL names, so no client can forge them. Pure: no prometheus, no framework.
"""

from __future__ import annotations

import re

MAX_OPERATIONS = 50
MAX_OPERATION_CHARS = 64
OTHER = "(other)"
ANONYMOUS = "(anonymous)"  # a document that parsed, with one unnamed operation
NONE = "(none)"  # no operation ran: the document did not parse, or the request was refused first
OK = "ok"
ERROR = "ERROR"  # a GraphQL error without a code (a masked one has INTERNAL_SERVER_ERROR)

_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]*")
_CODE = re.compile(r"[A-Z][A-Z0-9_]{0,39}")


class OperationNames:
    """The operation label for a name; remembers the first MAX_OPERATIONS names it admits."""

    def __init__(self, limit: int = MAX_OPERATIONS) -> None:
        self.limit = limit
        self._admitted: set[str] = set()

    def label(self, name: str | None) -> str:
        if name is None:
            return ANONYMOUS
        if name in self._admitted:
            return name
        if len(name) > MAX_OPERATION_CHARS or not _NAME.fullmatch(name):
            return OTHER
        if len(self._admitted) >= self.limit:
            return OTHER
        self._admitted.add(name)
        return name


def outcome(error_code: str | None, status: int) -> str:
    """`ok`, the code of the first GraphQL error (`ERROR` when it has none or a code that is not
    one of ours), or the HTTP status class of a request refused before GraphQL answered."""
    if error_code is not None:
        return error_code if _CODE.fullmatch(error_code) else ERROR
    if status >= 400:
        return f"http_{status // 100}xx"
    return OK


def status_class(status: int) -> str:
    return f"{status // 100}xx"
