"""README's shell examples are copied literally by new users: their blocks close and the JSON
bodies they send parse."""

from __future__ import annotations

import json
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
# A body given whole in one single-quoted word: `-d '{…}'` followed by a space or the line's end
# (a body spliced with shell variables, `'…'$SIZE'…'`, is left out: the shell builds it).
BODY = re.compile(r"-d '([^']*)'(?=\s|$)")


def shell_blocks(text: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def test_every_code_block_is_closed() -> None:
    fences = [line for line in README.read_text().splitlines() if line.startswith("```")]
    assert len(fences) % 2 == 0
    # an opening fence names its language or nothing; a closing one is bare
    assert all(fence == "```" for fence in fences[1::2]), fences


def test_every_json_body_of_a_curl_example_parses() -> None:
    bodies = [b for block in shell_blocks(README.read_text()) for b in BODY.findall(block)]
    assert len(bodies) >= 8  # the examples are found at all
    broken = []
    for body in bodies:
        try:
            json.loads(body)
        except json.JSONDecodeError as error:
            broken.append(f"{error}: {body[:120]}")
    assert broken == []
