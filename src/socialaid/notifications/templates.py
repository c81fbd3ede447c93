"""The text of each notification: the tenant's template (catalogue.yaml `notification_templates`,
the nearest tenant up the tree that has one wins) or the platform's neutral default.

Placeholders are substituted as plain strings, never through `str.format` (whose `{x.attr}`
reaches into objects). The values are the item, the department, the 补正 deadline and the
materials: never the applicant's name or any identity number, which a text message or a WeChat
card shows on a lock screen.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from socialaid.notifications.kinds import NotificationKind

PLACEHOLDERS = frozenset({"item", "department", "deadline", "materials", "tenant"})

# Plain statements of what happened, no policy: a tenant words its own in its catalogue.
DEFAULT_TEXTS: Mapping[NotificationKind, str] = {
    NotificationKind.SUBMITTED: "您的社会救助申请（{item}）已提交，请留意后续办理进度。",
    NotificationKind.ACCEPTED: "您的社会救助申请已受理，将由{department}办理。",
    NotificationKind.REJECTED: "您的社会救助申请未予受理，理由见不予受理告知书。",
    NotificationKind.SUPPLEMENT_REQUESTED: (
        "您申请的“{item}”需补正材料：{materials}。请于{deadline}前提交。"
    ),
    NotificationKind.APPROVED: "您申请的“{item}”，{department}已作出准予救助的决定。",
    NotificationKind.DENIED: "您申请的“{item}”，{department}已作出不予救助的决定，理由见告知书。",
    NotificationKind.OVERDUE: "您申请的“{item}”未能在承诺时限内办结，我们深表歉意，{department}正在抓紧办理。",
    NotificationKind.COMPLETED: "您的社会救助申请已全部办结，可查询各事项的办理结果。",
    NotificationKind.LEAD_CREATED: (
        "您负责的区域有一条新的救助线索（建议申请：{item}），请登录系统查看并上门了解情况。"
    ),
    NotificationKind.REVIEW_DUE: "您家享受的“{item}”已到核查时间，{department}将核查家庭人口和经济状况。",
    NotificationKind.REVIEW_COMPLETED: "您家享受的“{item}”，{department}已完成核查，结果见告知书。",
}


class TemplateError(ValueError):
    """A template with a placeholder this module does not fill, or a format spec."""


def placeholders(text: str) -> list[str]:
    """The placeholders `text` uses, or TemplateError naming what is not allowed."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as error:
        raise TemplateError(f"malformed braces: {error}") from None
    names = []
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            raise TemplateError(f"unknown placeholder {{{name}}}")
        if spec or conversion:
            raise TemplateError(f"{{{name}}} takes no conversion or format specification")
        names.append(name)
    return names


def render(text: str, values: Mapping[str, str]) -> str:
    """`text` with each placeholder replaced; one without a value becomes empty."""
    pieces = []
    for literal, name, _spec, _conversion in string.Formatter().parse(text):
        pieces.append(literal)
        if name is not None:
            pieces.append(values.get(name, ""))
    return "".join(pieces)


def message(
    kind: NotificationKind, tenant_templates: Mapping[str, str], values: Mapping[str, str]
) -> str:
    """The notification's text for `kind`: the tenant's template if it has one."""
    return render(tenant_templates.get(kind.value, DEFAULT_TEXTS[kind]), values)
