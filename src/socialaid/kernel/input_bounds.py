"""How large, long, deep and far-off an input value may be: declared once for the whole schema.

A bound applies to a position of the schema: an input field (`CaseDecideInput.amount`) or a field
argument (`Query.tenant(code)`). Positions not listed get the default bound of their scalar or
of lists and JSON. These are technical limits that keep one request from costing the service
seconds or megabytes; they are not policy facts (a tenant's own ceilings, such as the largest
amount one decision may grant, are catalogue parameters checked by the services).

Pure: the checks take plain Python values (as JSON or a GraphQL literal gives them) and answer
with a Chinese message, or None when the value is within bounds. `api/input_guard.py` walks a
request's arguments by their schema types and applies them before anything runs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class Text:
    max_chars: int
    min_chars: int = 0


@dataclass(frozen=True)
class Items:
    """How many elements a list may hold."""

    max_items: int


@dataclass(frozen=True)
class Whole:
    """An Int within [minimum, maximum]."""

    minimum: int
    maximum: int


@dataclass(frozen=True)
class Money:
    """A decimal string of yuan: no sign, no exponent, at most two places."""

    max_integer_digits: int = 10


@dataclass(frozen=True)
class DateWindow:
    """Dates from `days_before` today to `days_after` today; None: the fixed outer window."""

    days_before: int | None = None
    days_after: int | None = None


@dataclass(frozen=True)
class JsonDocument:
    max_depth: int
    max_nodes: int
    max_array_items: int
    max_string_chars: int


Bound = Text | Items | Whole | Money | DateWindow | JsonDocument

# Any Date or DateTime argument lies in this window (a birth date, a certificate's validity, an
# audit period); positions that schedule work use a narrower DateWindow below.
OUTER_FIRST_DAY = date(1900, 1, 1)
OUTER_LAST_DAY = date(2199, 12, 31)
# A JSON number larger than this is no amount, income or count anyone has.
MAX_JSON_NUMBER = 1e12

DEFAULT_TEXT = Text(256)
DEFAULT_ID = Text(64)
DEFAULT_ITEMS = Items(100)
# livelihoodTagsUpsert's tags (discovery/tags.py checks the same).
LIVELIHOOD_TAGS_PER_CALL = 1000
DEFAULT_ENUM = Text(64)
DEFAULT_JSON = JsonDocument(
    max_depth=8, max_nodes=2_000, max_array_items=100, max_string_chars=2_000
)

_CODE = Text(64, min_chars=1)
_REASON = Text(1_000, min_chars=1)
_OPTIONAL_NOTE = Text(1_000)
# A decision takes effect, work is due, a draft or override starts: close to today.
_SCHEDULE = DateWindow(days_before=366, days_after=3 * 366)
# A livelihood tag's fields, alone or in a bulk push: its facts a flat object of short values.
_LIVELIHOOD_TAG: dict[str, Bound] = {
    "subjectIdNumber": Text(32, min_chars=1),
    "householdNumber": Text(64, min_chars=1),
    "area": Text(64, min_chars=1),
    "sourceDepartment": Text(100, min_chars=1),
    "facts": JsonDocument(max_depth=2, max_nodes=40, max_array_items=0, max_string_chars=200),
}
_ANSWERS = JsonDocument(max_depth=6, max_nodes=5_000, max_array_items=100, max_string_chars=2_000)
_CATALOGUE_DOCUMENT = JsonDocument(
    max_depth=24, max_nodes=20_000, max_array_items=500, max_string_chars=4_000
)

BOUNDS: Mapping[str, Bound] = {
    "Query.tenant(code)": _CODE,
    # A global id (kernel/global_id.py) and at most MAX_NODES of them (api/node_query.py).
    "Query.node(id)": Text(512, min_chars=1),
    "Query.nodes(ids)": Items(100),
    "Query.applicationHistory(id)": Text(512, min_chars=1),
    "Query.itemVersionsConnection(tenant)": _CODE,
    "Query.itemVersionsConnection(code)": _CODE,
    "Query.applicationForm(items)": Items(60),
    "Query.applicationFormCheck(hash)": Text(128, min_chars=1),
    "Query.applicationFormCheck(answers)": _ANSWERS,
    "Query.personHistory(idNumber)": Text(32, min_chars=1),
    "Query.catalogueDraftPublishPreview(effectiveFrom)": _SCHEDULE,
    "Query.itemDiff(fromVersion)": Whole(1, 1_000_000),
    "Query.itemDiff(toVersion)": Whole(1, 1_000_000),
    "Query.catalogueDraftPublishPreview(version)": Whole(1, 1_000_000),
    "Query.catalogueOverridePreview(tenant)": _CODE,
    "Query.catalogueOverridePreview(code)": _CODE,
    "Query.catalogueOverridePreview(patch)": _CATALOGUE_DOCUMENT,
    "Query.catalogueOverridePreview(effectiveFrom)": _SCHEDULE,
    "CatalogueItemFilter.keyword": Text(100),
    "AuditEventFilter.applicantIdNumber": Text(32),
    "ApplicationSubmitInput.items": Items(60),
    "ApplicationSubmitInput.answers": _ANSWERS,
    "ApplicationSubmitInput.idempotencyKey": Text(200, min_chars=1),
    "ApplicationSubmitInput.materials": Items(200),
    "MaterialInputType.reference": Text(512),
    "ApplicationRejectInput.reasons": Items(20),
    "ApplicationEscalateInput.reason": _REASON,
    "ApplicationWithdrawInput.reason": _OPTIONAL_NOTE,
    "JointMeetingAssignInput.departments": Items(60),
    "CaseDecideInput.reasons": Items(20),
    "CaseDecideInput.amount": Money(),
    "CaseDecideInput.period": Text(100),
    "CaseDecideInput.periodMonths": Whole(1, 120),
    "CaseDecideInput.startsOn": _SCHEDULE,
    "CaseDecideInput.basis": _OPTIONAL_NOTE,
    "CaseDecideInput.documents": Items(50),
    "CaseDecideInput.recognisedAs": Items(20),
    "CaseSupplementRequestInput.materials": Items(60),
    "CaseSupplementRequestInput.deadline": _SCHEDULE,
    "CaseSupplementRequestInput.workingDays": Whole(1, 250),
    "CaseSupplementProvideInput.references": Items(100),
    "CatalogueDraftCreateInput.document": _CATALOGUE_DOCUMENT,
    "CatalogueDraftUpdateInput.patch": _CATALOGUE_DOCUMENT,
    "CatalogueDraftUpdateInput.version": Whole(1, 1_000_000),
    "CatalogueDraftPublishInput.version": Whole(1, 1_000_000),
    "CatalogueDraftPublishInput.effectiveFrom": _SCHEDULE,
    "CatalogueDraftPublishInput.backdateReason": _OPTIONAL_NOTE,
    "CatalogueVersionRetireInput.version": Whole(1, 1_000_000),
    "CatalogueOverrideSetInput.patch": _CATALOGUE_DOCUMENT,
    "CatalogueOverrideSetInput.effectiveFrom": _SCHEDULE,
    "CatalogueOverrideSetInput.reason": _REASON,
    "CatalogueOverrideSetInput.backdateReason": _OPTIONAL_NOTE,
    "CatalogueOverrideClearInput.effectiveFrom": _SCHEDULE,
    "CatalogueOverrideClearInput.reason": _REASON,
    "CatalogueOverrideClearInput.backdateReason": _OPTIONAL_NOTE,
    "CatalogueItemToggleInput.reason": _REASON,
    "EmergencyModeSetInput.startsAt": _SCHEDULE,
    "EmergencyModeSetInput.endsAt": _SCHEDULE,
    "Query.workingCalendar(tenant)": _CODE,
    "Query.workingCalendar(year)": Whole(1949, 2200),
    "WorkingCalendarPublishInput.tenant": _CODE,
    # Coarse: the service refuses a year outside 1949–2200 after checking who may publish.
    "WorkingCalendarPublishInput.year": Whole(1, 9999),
    "WorkingCalendarPublishInput.holidays": Items(60),
    "WorkingCalendarPublishInput.adjustedWorkdays": Items(20),
    "HolidayInput.name": Text(20),  # blank: the service says so with the other problems
    # issue 21: tenant parameters and screening (answers bounded like a form's)
    "Query.parameters(tenant)": _CODE,
    "TenantParameterSetInput.tenant": _CODE,
    "TenantParameterSetInput.key": _CODE,
    "TenantParameterSetInput.value": JsonDocument(
        max_depth=1, max_nodes=1, max_array_items=0, max_string_chars=500
    ),
    "TenantParameterSetInput.effectiveFrom": _SCHEDULE,
    "TenantParameterSetInput.source": Text(500, min_chars=1),
    "TenantParameterSetInput.reason": _REASON,
    "Query.eligibilityScreen(tenant)": _CODE,
    "Query.eligibilityScreen(answers)": _ANSWERS,
    "Query.eligibilityScreen(items)": Items(60),
    "Query.screeningQuestions(tenant)": _CODE,
    "Query.screeningQuestions(answers)": _ANSWERS,
    "Query.screeningQuestions(items)": Items(60),
    "Query.screeningQuestions(first)": Whole(1, 50),
    "RoleGrantInput.userId": Text(128, min_chars=1),
    "RoleRevokeInput.userId": Text(128, min_chars=1),
    "SharedRecordUpsertInput.subjectIdNumber": Text(32, min_chars=1),
    "SharedRecordUpsertInput.reference": Text(512),
    # proactive discovery (issue 22): one tag, or a bulk push bounded as one request (one
    # transaction and one audit event)
    "LivelihoodTagUpsertInput.tenant": _CODE,
    **{f"LivelihoodTagUpsertInput.{name}": bound for name, bound in _LIVELIHOOD_TAG.items()},
    "LivelihoodTagsUpsertInput.tenant": _CODE,
    "LivelihoodTagsUpsertInput.tags": Items(LIVELIHOOD_TAGS_PER_CALL),
    **{f"LivelihoodTagItemInput.{name}": bound for name, bound in _LIVELIHOOD_TAG.items()},
    "LeadFilterInput.tenant": _CODE,
    "LeadFilterInput.area": Text(64, min_chars=1),
    "LeadFilterInput.states": Items(4),
    "LeadAssignInput.id": Text(512, min_chars=1),
    "LeadAssignInput.assignee": Text(128, min_chars=1),
    "LeadDismissInput.id": Text(512, min_chars=1),
    "LeadDismissInput.reason": _REASON,
    "LeadConvertInput.id": Text(512, min_chars=1),
    "LeadConvertInput.answers": _ANSWERS,
    "LeadConvertInput.idempotencyKey": Text(200, min_chars=1),
    "LeadConvertInput.materials": Items(200),
    # webhooks (ADR 0026): a subscription's id is a global id; a URL up to the service's limit
    "Query.webhookSubscriptions(tenant)": _CODE,
    "Query.webhookDeliveries(subscription)": Text(512, min_chars=1),
    "WebhookSubscriptionCreateInput.tenant": _CODE,
    "WebhookSubscriptionCreateInput.url": Text(2000, min_chars=1),
    "WebhookSubscriptionCreateInput.events": Items(20),
    "WebhookSubscriptionCreateInput.departments": Items(50),
    "WebhookSubscriptionRefInput.id": Text(512, min_chars=1),
    # issue 22: the needs assessment; its id is a global id naming tenant and row
    "Query.needsAssessment(id)": Text(512, min_chars=1),
    "NeedsAssessmentRecordInput.tenant": _CODE,
    "NeedsAssessmentRecordInput.application": Text(512, min_chars=1),
    "NeedsAssessmentRecordInput.scores": Items(50),
    "NeedsAssessmentRecordInput.notes": Text(2_000),
    "NeedsAssessmentReviseInput.id": Text(512, min_chars=1),
    "NeedsAssessmentReviseInput.scores": Items(50),
    "NeedsAssessmentReviseInput.notes": Text(2_000),
    "NeedsScoreInput.dimension": _CODE,
    # re-verification (issue 22)
    "CaseDecideInput.reverificationPeriod": _CODE,
    "ReverificationFilterInput.tenant": _CODE,
    "ReverificationFilterInput.area": _CODE,
    "ReverificationCompleteInput.id": Text(512, min_chars=1),
    "ReverificationCompleteInput.amount": Money(),
    "ReverificationCompleteInput.reasons": Items(20),
    "ReverificationCompleteInput.periodCode": _CODE,
    "HouseholdChangeReportInput.application": Text(512, min_chars=1),
    "HouseholdChangeReportInput.occurredOn": _SCHEDULE,
    "HouseholdChangeReportInput.description": Text(2_000, min_chars=1),
    "HouseholdChangeReportInput.monthlyIncome": Money(),
}
# Positions where a list element is itself bounded: reasons are sentences, not codes.
ELEMENT_BOUNDS: Mapping[str, Bound] = {
    "Query.nodes(ids)": Text(512, min_chars=1),
    "ApplicationRejectInput.reasons": _REASON,
    "CaseDecideInput.reasons": _REASON,
    "ReverificationCompleteInput.reasons": _REASON,
    "CaseDecideInput.documents": Text(512, min_chars=1),
    "CaseSupplementProvideInput.references": Text(512, min_chars=1),
}

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_MONEY = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]{1,2})?")


def text_problem(value: str, bound: Text) -> str | None:
    # Printable text holds neither NUL nor a surrogate: most values skip both searches.
    if not value.isprintable():
        if "\x00" in value:
            return "文本不能包含空字符（U+0000）"
        if _LONE_SURROGATE.search(value):
            return "文本包含无效的 Unicode 字符（孤立代理项）"
    if len(value) > bound.max_chars:
        return f"文本过长：最多 {bound.max_chars} 个字符"
    if len(value.strip()) < bound.min_chars:
        return "不能为空" if bound.min_chars == 1 else f"至少需要 {bound.min_chars} 个字符"
    return None


def items_problem(count: int, bound: Items) -> str | None:
    return f"列表过长：最多 {bound.max_items} 项" if count > bound.max_items else None


def whole_problem(value: int, bound: Whole) -> str | None:
    if bound.minimum <= value <= bound.maximum:
        return None
    return f"数值应在 {bound.minimum} 至 {bound.maximum} 之间"


def money_problem(value: str, bound: Money) -> str | None:
    match = _MONEY.fullmatch(value)
    if match is None:
        return "金额应为不带符号和指数的十进制数，最多两位小数（如 1234.50）"
    if len(match.group(1)) > bound.max_integer_digits:
        return f"金额过大：整数部分最多 {bound.max_integer_digits} 位"
    return None


def number_problem(value: float) -> str | None:
    if not math.isfinite(value) or abs(value) > MAX_JSON_NUMBER:
        return f"数值超出可接受范围（绝对值不超过 {MAX_JSON_NUMBER:.0e}）"
    return None


def date_problem(value: date | datetime, bound: DateWindow, today: date) -> str | None:
    day = value.date() if isinstance(value, datetime) else value
    first = OUTER_FIRST_DAY
    last = OUTER_LAST_DAY
    if bound.days_before is not None:
        first = max(first, today - timedelta(days=bound.days_before))
    if bound.days_after is not None:
        last = min(last, today + timedelta(days=bound.days_after))
    if first <= day <= last:
        return None
    return f"日期应在 {first.isoformat()} 至 {last.isoformat()} 之间"


def json_problem(value: object, bound: JsonDocument) -> tuple[str, list[str | int]] | None:
    """The first place where a JSON document exceeds `bound`: a message and the path inside it."""
    nodes = 0
    text = Text(bound.max_string_chars)
    # Iterative, so a document nested deeper than Python's recursion limit is still answered.
    stack: list[tuple[object, list[str | int]]] = [(value, [])]
    while stack:
        node, path = stack.pop()
        nodes += 1
        if nodes > bound.max_nodes:
            return f"文档过大：最多 {bound.max_nodes} 个值", []
        if len(path) > bound.max_depth:
            return f"文档嵌套过深：最多 {bound.max_depth} 层", path
        if isinstance(node, str):
            problem = text_problem(node, text)
            if problem is not None:
                return problem, path
        elif isinstance(node, bool) or node is None:
            continue
        elif isinstance(node, int | float):
            problem = number_problem(float(node)) if _fits_float(node) else number_problem(math.inf)
            if problem is not None:
                return problem, path
        elif isinstance(node, list):
            if len(node) > bound.max_array_items:
                return f"列表过长：最多 {bound.max_array_items} 项", path
            stack.extend((child, [*path, i]) for i, child in enumerate(node))
        elif isinstance(node, dict):
            for key, child in node.items():
                problem = text_problem(str(key), text)
                if problem is not None:
                    return problem, path
                stack.append((child, [*path, str(key)]))
    return None


def _fits_float(value: int | float) -> bool:
    try:
        float(value)
    except OverflowError:
        return False
    return True
