"""Decision notices (告知书) from the tenant's templates, with a neutral platform default.

000 §三（二）2 asks every department for an explicit notice, granting or refusing. A tenant writes
its templates in `catalogue.yaml` `notice_templates` with `str.format`-style placeholders; they are
never handed to `str.format` (whose `{x.attr}` and `{x[key]}` reach into objects): the text is
parsed, each field checked against PLACEHOLDERS, and the values substituted as plain strings.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from socialaid.catalogue.files import NoticeTemplate
from socialaid.errors import DomainError


class NoticeKind(StrEnum):
    APPROVE = "approve"
    DENY = "deny"
    REJECT = "reject"  # one-door triage refuses the application
    SUPPLEMENT = "supplement"  # 补正
    REVIEW = "review"  # re-verification: the benefit continues, adjusted or not (issue 22)
    STOP = "stop"  # re-verification: the benefit stops


PLACEHOLDERS = frozenset(
    {
        "applicant",
        "item",
        "department",
        "amount",
        "period",
        "reasons",
        "basis",
        "deadline",
        "materials",
        "date",
    }
)

# What a notice of each kind cannot leave out: a refusal gives its reasons, and a request to
# supplement says everything to supply and by when (the product's rule for every tenant).
REQUIRED_PLACEHOLDERS: Mapping[NoticeKind, frozenset[str]] = {
    NoticeKind.APPROVE: frozenset(),
    NoticeKind.DENY: frozenset({"reasons"}),
    NoticeKind.REJECT: frozenset({"reasons"}),
    NoticeKind.SUPPLEMENT: frozenset({"materials", "deadline"}),
    NoticeKind.REVIEW: frozenset(),
    NoticeKind.STOP: frozenset({"reasons"}),
}


class NoticeTemplateError(DomainError):
    """A template that cannot be rendered safely; `problems` lists every reason."""

    def __init__(self, problems: Sequence[str], *, path: list[str] | None = None) -> None:
        super().__init__("notice template: " + "; ".join(problems), path=path)
        self.problems = tuple(problems)


class MissingNoticeValueError(DomainError):
    """The template uses a placeholder this notice has no value for."""

    def __init__(self, placeholders: Iterable[str]) -> None:
        self.placeholders = tuple(sorted(placeholders))
        super().__init__("no value for " + ", ".join(f"{{{p}}}" for p in self.placeholders))


def _parse(text: str) -> list[tuple[str, str | None]]:
    """(literal, placeholder) pairs, or NoticeTemplateError naming every unsafe field."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as error:  # an unmatched brace
        raise NoticeTemplateError([f"malformed braces: {error}"]) from None
    problems = []
    pairs: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in parts:
        if name is None:
            pairs.append((literal, None))
            continue
        if name not in PLACEHOLDERS:
            problems.append(f"unknown placeholder {{{name}}}")
        if conversion is not None or spec:
            problems.append(f"{{{name}}} takes no conversion or format specification")
        pairs.append((literal, name))
    if problems:
        raise NoticeTemplateError(problems)
    return pairs


def placeholders_in(text: str) -> frozenset[str]:
    return frozenset(name for _, name in _parse(text) if name is not None)


def check_template(text: str, kind: NoticeKind | None = None) -> None:
    """Raise NoticeTemplateError unless `text` is a safe template (for `kind`, if given).

    For import and publish time, so a bad template is refused before any notice needs it.
    """
    used = placeholders_in(text)
    if kind is not None:
        missing = REQUIRED_PLACEHOLDERS[kind] - used
        if missing:
            raise NoticeTemplateError(
                [f"a {kind.value} notice must use {{{name}}}" for name in sorted(missing)]
            )


def check_templates(templates: Sequence[NoticeTemplate]) -> None:
    """Check a tenant's notice_templates: each safe for its kind, at most one per kind."""
    problems = []
    seen: set[str] = set()
    for index, template in enumerate(templates):
        if template.kind in seen:
            problems.append(f"notice_templates[{index}]: a second {template.kind} template")
        seen.add(template.kind)
        try:
            check_template(template.text, NoticeKind(template.kind))
        except NoticeTemplateError as error:
            problems.extend(f"notice_templates[{index}]: {p}" for p in error.problems)
    if problems:
        raise NoticeTemplateError(problems, path=["notice_templates"])


@dataclass(frozen=True)
class NoticeValues:
    """What a notice may say. Lists are joined; amounts and dates are written out."""

    applicant: str
    item: str  # the item's name (for a rejection: the names of the items applied for)
    department: str  # the issuing department or acceptance centre, by name
    amount: Decimal | None = None  # yuan
    period: str | None = None  # as decided, e.g. 自2025年10月起按月发放
    reasons: tuple[str, ...] = ()
    basis: str | None = None
    deadline: date | None = None
    materials: tuple[str, ...] = ()
    issued_on: date | None = None  # written for {date}

    def as_text(self) -> dict[str, str]:
        """The values present, as the notice writes them (absent ones are left out)."""
        values = {"applicant": self.applicant, "item": self.item, "department": self.department}
        if self.amount is not None:
            values["amount"] = f"{self.amount:.2f}"
        if self.period:
            values["period"] = self.period
        if self.reasons:
            values["reasons"] = "；".join(reason.rstrip("。；;. ") for reason in self.reasons)
        if self.basis:
            values["basis"] = self.basis
        if self.deadline is not None:
            values["deadline"] = _chinese_date(self.deadline)
        if self.materials:
            values["materials"] = "、".join(self.materials)
        if self.issued_on is not None:
            values["date"] = _chinese_date(self.issued_on)
        return values


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class TemplateOrigin(StrEnum):
    TENANT = "tenant"
    PLATFORM_DEFAULT = "platform_default"


PLATFORM_DEFAULT_LABEL = "平台默认告知书模板（非政策文本，请本地区配置告知书模板）"


@dataclass(frozen=True)
class RenderedNotice:
    kind: NoticeKind
    text: str
    origin: TemplateOrigin
    label: str | None = None  # PLATFORM_DEFAULT_LABEL for the platform's default text


def render_notice(
    kind: NoticeKind, values: NoticeValues, templates: Sequence[NoticeTemplate] = ()
) -> RenderedNotice:
    """The notice of `kind` from the tenant's template of that kind, else the platform default."""
    own = [template for template in templates if template.kind == kind.value]
    if len(own) > 1:
        raise NoticeTemplateError([f"the tenant has {len(own)} {kind.value} templates"])
    if own:
        text = own[0].text
        check_template(text, kind)
        return RenderedNotice(kind, _substitute(text, values), TemplateOrigin.TENANT)
    default = platform_default_template(kind, values)
    return RenderedNotice(
        kind, _substitute(default, values), TemplateOrigin.PLATFORM_DEFAULT, PLATFORM_DEFAULT_LABEL
    )


def _substitute(text: str, values: NoticeValues) -> str:
    pairs = _parse(text)
    present = values.as_text()
    missing = {name for _, name in pairs if name is not None and name not in present}
    if missing:
        raise MissingNoticeValueError(missing)
    return "".join(literal + (present[name] if name else "") for literal, name in pairs)


def platform_default_template(kind: NoticeKind, values: NoticeValues) -> str:
    """The platform's neutral wording, using only the values this notice has.

    Not policy: it states the decision and what the department supplied, nothing more. Tenants
    replace it with their own template.
    """
    present = values.as_text()

    def optional(fragment: str, name: str) -> str:
        return fragment if name in present else ""

    if kind is NoticeKind.APPROVE:
        body = (
            "您申请的“{item}”，经{department}审核，决定准予救助。"
            + optional("救助金额：{amount}元。", "amount")
            + optional("救助期限：{period}。", "period")
        )
    elif kind is NoticeKind.DENY:
        body = "您申请的“{item}”，经{department}审核，决定不予救助。理由：{reasons}。"
    elif kind is NoticeKind.REJECT:
        body = "您提交的社会救助申请（{item}），经{department}初步审核，不予受理。理由：{reasons}。"
    elif kind is NoticeKind.REVIEW:
        body = (
            "您家享受的“{item}”，经{department}核查，继续给予救助。"
            + optional("救助金额：{amount}元。", "amount")
            + optional("说明：{reasons}。", "reasons")
        )
    elif kind is NoticeKind.STOP:
        body = "您家享受的“{item}”，经{department}核查，决定停止救助。理由：{reasons}。"
    else:
        body = "您申请的“{item}”，需补正以下材料：{materials}。请于{deadline}前提交。"
    return (
        "{applicant}：\n"
        + body
        + optional("\n依据：{basis}。", "basis")
        + "\n\n{department}"
        + optional("\n{date}", "date")
    )
