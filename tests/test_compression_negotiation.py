"""Which Content-Encoding a client's Accept-Encoding gets (RFC 9110 12.5.3), without a server."""

from __future__ import annotations

import pytest

from socialaid.api.compression import negotiate


@pytest.mark.parametrize(
    ("accept_encoding", "expected"),
    [
        (None, None),
        ("", None),
        ("identity", None),
        ("deflate", None),
        ("gzip", "gzip"),
        ("GZIP", "gzip"),
        ("x-gzip", "gzip"),
        ("br", "br"),
        ("gzip, deflate, br, zstd", "br"),  # Chromium: a tie goes to brotli
        ("br;q=0.5, gzip", "gzip"),
        ("br;q=0.9, gzip;q=0.8", "br"),
        ("*", "br"),
        ("*;q=0.5, br;q=0", "gzip"),
        ("br;q=0, gzip;q=0", None),
        ("gzip;q=nonsense, br;q=0", None),
        ("gzip ; q=0.3 , , br;q=0.2", "gzip"),
    ],
)
def test_the_client_gets_the_encoding_it_weighs_highest_brotli_on_a_tie(
    accept_encoding: str | None, expected: str | None
) -> None:
    assert negotiate(accept_encoding) == expected
