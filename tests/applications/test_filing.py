"""Who files which items (applications/filing.py): an item an organisation files for its member
comes through the organisation channel only, from that organisation, on the member's behalf."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import pytest

from socialaid.applications.filing import FilingError, check_filing
from socialaid.catalogue.files import Channel, ItemFile
from socialaid.errors import ErrorCode

SOURCE = {"seed": "000_140f49d7d74dd147.txt", "section": "一（十二）"}
UNION_AID = ItemFile.model_validate(
    {
        "code": "union_hardship_assistance",
        "name": "工会困难职工帮扶",
        "department": "trade_union",
        "channels": ["organisation"],
        "filed_by": {
            "organisation": "基层工会",
            "department": "trade_union",
            "system": "申工通",
            "subject": "困难工会会员",
            "source": SOURCE,
        },
        "effective_from": date(2021, 8, 20),
        "source": SOURCE,
    }
)
DIBAO = ItemFile.model_validate(
    {
        "code": "dibao",
        "name": "最低生活保障",
        "department": "civil_affairs",
        "effective_from": date(2021, 8, 20),
        "source": SOURCE,
    }
)


def refusal(
    items: list[ItemFile],
    channel: Channel,
    departments: Collection[str] = (),
    on_behalf_of: str | None = "member-1",
) -> FilingError:
    with pytest.raises(FilingError) as refused:
        check_filing(items, channel=channel, departments=departments, on_behalf_of=on_behalf_of)
    return refused.value


def test_the_union_files_union_aid_for_its_member() -> None:
    check_filing(
        [UNION_AID],
        channel=Channel.ORGANISATION,
        departments=("trade_union",),
        on_behalf_of="member-1",
    )


def test_items_the_applicant_files_need_nothing_of_the_kind() -> None:
    check_filing([DIBAO], channel=Channel.ONLINE, departments=(), on_behalf_of=None)


def test_the_member_is_told_to_ask_the_union() -> None:
    error = refusal([DIBAO, UNION_AID], Channel.ONLINE, on_behalf_of=None)

    assert (error.code, error.path) == (ErrorCode.INVALID_INPUT, ["items"])
    assert error.message == (
        "“工会困难职工帮扶”由基层工会通过“申工通”申报，困难工会会员无需直接办理，请向基层工会提出"
    )


def test_someone_else_than_the_union_cannot_use_its_channel() -> None:
    error = refusal([UNION_AID], Channel.ORGANISATION, departments=("civil_affairs",))

    assert (error.code, error.path) == (ErrorCode.FORBIDDEN, ["channel"])
    assert error.message == "只有基层工会可以代为申报“工会困难职工帮扶”"


def test_the_organisation_channel_carries_only_what_an_organisation_files() -> None:
    error = refusal([DIBAO, UNION_AID], Channel.ORGANISATION, departments=("trade_union",))

    assert (error.code, error.path) == (ErrorCode.INVALID_INPUT, ["channel"])
    assert "最低生活保障" in error.message


def test_the_union_names_the_member_it_files_for() -> None:
    error = refusal([UNION_AID], Channel.ORGANISATION, ("trade_union",), on_behalf_of=" ")

    assert (error.code, error.path) == (ErrorCode.INVALID_INPUT, ["onBehalfOf"])
    assert error.message == "基层工会代为申报“工会困难职工帮扶”时，请写明困难工会会员（onBehalfOf）"
