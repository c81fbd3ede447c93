"""Who files an application for which items (issue 15).

Most items are applied for by the person they are for, or by staff on that person's behalf. An
item with `filed_by` is filed by an organisation for the person it is about: 000 一（十二）
工会困难职工帮扶 “由基层工会提出申请，困难工会会员无需直接办理”, the grassroots union filing it in
申工通. Such an item comes through the `organisation` channel only, from a principal of the
organisation's department, on behalf of the member; that channel carries nothing else.

Pure: the submission service passes the items as filed and the caller's departments.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from socialaid.catalogue.files import Channel, ItemFile, OrganisationFiling
from socialaid.errors import DomainError, ErrorCode


class FilingError(DomainError):
    """The items cannot be filed this way, or by this caller."""


def _filer(filing: OrganisationFiling) -> str:
    return filing.organisation + (f"通过“{filing.system}”" if filing.system else "")


def check_filing(
    items: Sequence[ItemFile],
    *,
    channel: Channel,
    departments: Collection[str],
    on_behalf_of: str | None,
) -> None:
    """Raise FilingError for the first item the caller may not file through `channel`."""
    for item in items:
        filing = item.filed_by
        if channel is not Channel.ORGANISATION:
            if filing is not None:
                raise FilingError(
                    f"“{item.name}”由{_filer(filing)}申报，{filing.subject}无需直接办理，"
                    f"请向{filing.organisation}提出",
                    path=["items"],
                )
            continue
        if filing is None:
            raise FilingError(
                f"“{item.name}”由申请人本人或经办人员代为申请，不经组织代为申报渠道",
                path=["channel"],
            )
        if filing.department not in departments:
            raise FilingError(
                f"只有{filing.organisation}可以代为申报“{item.name}”",
                code=ErrorCode.FORBIDDEN,
                path=["channel"],
            )
        if on_behalf_of is None or not on_behalf_of.strip():
            raise FilingError(
                f"{filing.organisation}代为申报“{item.name}”时，请写明{filing.subject}（onBehalfOf）",
                path=["onBehalfOf"],
            )
