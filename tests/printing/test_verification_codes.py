"""The code printed on a document: the same for the same record, another for any change, and
typed back from paper the way clerks misread it."""

from __future__ import annotations

import re

from socialaid.printing.verification import code_matches, normalised_code, verification_code

KEY = "a signing key of the test"
CONTENT = {"tenant": "140105", "id": "5f0c…", "answers": {"applicant": {"name": "张秀英"}}}


def test_a_code_is_five_groups_of_four_characters_that_cannot_be_misread() -> None:
    code = verification_code(KEY, "application", CONTENT)

    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}", code)


def test_the_same_record_gives_the_same_code_whatever_the_order_of_its_keys() -> None:
    reordered = {"answers": CONTENT["answers"], "id": CONTENT["id"], "tenant": "140105"}

    assert verification_code(KEY, "application", CONTENT) == verification_code(
        KEY, "application", reordered
    )


def test_a_changed_answer_another_kind_or_another_key_change_the_code() -> None:
    code = verification_code(KEY, "application", CONTENT)
    changed = {**CONTENT, "answers": {"applicant": {"name": "张秀华"}}}

    assert verification_code(KEY, "application", changed) != code
    assert verification_code(KEY, "notice", CONTENT) != code
    assert verification_code("another key", "application", CONTENT) != code


def test_a_code_typed_in_lower_case_with_spaces_or_misread_letters_still_matches() -> None:
    assert normalised_code("4f2k 9qxa-0ilo") == "4F2K-9QXA-0110"
    assert code_matches("4F2K-9QXA-0110", "4f2k9qxaoilo")
    assert not code_matches("4F2K-9QXA-0110", "4F2K-9QXA-0111")
