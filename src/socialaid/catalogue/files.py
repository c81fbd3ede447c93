"""The reviewed file format of the catalogue (docs/catalogue-format.md explains every element).

catalogue/                      shared libraries, tenant-independent; each a folder of files
  code-lists/*.yaml             CodeListFile
  data-elements/*.yaml          DataElementsFile (form fields with canonical dotted keys)
  evidence-types/*.yaml         EvidenceTypesFile (materials)
  target-groups/*.yaml          TargetGroupsFile
tenants/<code>-<name>/
  catalogue.yaml                TenantCatalogueFile (parameters, channels, workflow, disabled items)
  items/<item-code>.yaml        ItemFile (one item, its sub-items in their own files)
  overrides/<item-code>.yaml    OverrideFile (merge-patch on an inherited item)
"""

from __future__ import annotations

import string
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from socialaid.sources import SourceRef

Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
ItemCode = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$", max_length=100)
]
# A data element key: dotted, with `[]` after a repeat group's segment: household.members[].relation
ElementKey = Annotated[
    str,
    StringConstraints(
        pattern=r"^[a-z][a-z0-9_]*(\[\])?(\.[a-z][a-z0-9_]*(\[\])?)*$", max_length=120
    ),
]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
# JSONLogic (the allowed subset is in docs/catalogue-format.md); vars name data element keys,
# `params.<key>` names a tenant parameter.
JsonLogic = dict[str, Any]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# ---------------------------------------------------------------- shared libraries


class CodeValue(_Strict):
    code: Code
    label: Text


class CodeList(_Strict):
    code: Code
    name: Text
    values: list[CodeValue]
    source: SourceRef


class CodeListFile(_Strict):
    code_lists: list[CodeList]


class ElementType(StrEnum):
    STRING = "string"
    TEXT = "text"
    INTEGER = "integer"
    AMOUNT = "amount"  # non-negative yuan, two decimals
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATE = "date"
    CODE = "code"  # one value of `code_list`
    CODES = "codes"  # several values of `code_list`
    ID_NUMBER = "id_number"  # GB 11643 resident identity number
    PHONE = "phone"
    BANK_ACCOUNT = "bank_account"
    ADDRESS = "address"
    FILE = "file"


class Sensitivity(StrEnum):
    PUBLIC = "public"
    PERSONAL = "personal"
    SENSITIVE = "sensitive"  # masked for roles that do not need it


class RepeatGroup(_Strict):
    key: ElementKey  # e.g. household.members (rows are answered as a list under this key)
    label: Text
    min_items: int = 0
    max_items: int | None = None
    source: SourceRef


class DataElement(_Strict):
    key: ElementKey
    label: Text
    type: ElementType
    code_list: Code | None = None
    # JSON Schema 2020-12 keywords (minimum, maximum, maxLength, pattern, format …)
    constraints: dict[str, Any] = Field(default_factory=dict)
    sensitivity: Sensitivity = Sensitivity.PERSONAL
    hint: str | None = None
    source: SourceRef


class DataElementsFile(_Strict):
    repeat_groups: list[RepeatGroup] = Field(default_factory=list)
    data_elements: list[DataElement]


class EvidenceType(_Strict):
    code: Code
    name: Text
    issuer: str | None = None  # department code of the issuing function, or a plain description
    government_issued: bool
    electronic_licence: bool
    shared_data: bool = False  # a government record that data sharing can confirm
    description: str | None = None
    source: SourceRef


class EvidenceTypesFile(_Strict):
    evidence_types: list[EvidenceType]


class TargetGroup(_Strict):
    code: Code
    name: Text
    description: str | None = None
    source: SourceRef


class TargetGroupsFile(_Strict):
    target_groups: list[TargetGroup]


# ---------------------------------------------------------------- items


class Mode(StrEnum):
    ON_APPLICATION = "on_application"
    AUTO_GRANTED = "auto_granted"  # 免申即享
    ORGANISED = "organised"  # 非依申请


class Channel(StrEnum):
    ONLINE = "online"
    WINDOW = "window"
    SELF_SERVICE = "self_service"
    HOTLINE_12345 = "hotline_12345"
    ADVISER = "adviser"
    # Issue 15. 003 四: the district's published assistance hotline, distinct from 12345.
    PHONE = "phone"
    # Issue 15. An organisation files for the person the application is about (ItemFile.filed_by).
    ORGANISATION = "organisation"


class Actor(StrEnum):
    APPLICANT = "applicant"
    ADVISER = "adviser"
    WINDOW_CLERK = "window_clerk"
    CASEWORKER = "caseworker"
    APPROVER = "approver"
    JOINT_MEETING = "joint_meeting"
    ORGANISATION = "organisation"  # a school, a grassroots union, a community women's federation …
    SYSTEM = "system"


class Level(StrEnum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    STREET = "street"
    COMMUNITY = "community"
    ORGANISATION = "organisation"


class Parameter(_Strict):
    """An amount or threshold the seed names but does not give: left for the tenant to set."""

    key: Code
    label: Text
    unit: str | None = None
    value: float | str | None = None
    source: SourceRef


class Benefit(_Strict):
    content: Text
    formula: JsonLogic | None = None  # over data elements and params.*
    formula_text: str | None = None
    period: Literal["monthly", "yearly", "one_off", "per_term", "per_case", "ongoing"] | None = None
    max_duration_months: int | None = None
    # Issue 15: who may go beyond max_duration_months, in the seed's words (000 一（六）:
    # 除对距法定退休年龄不足5年的可延长至退休外). Words, not a condition: the seeds do not give
    # the statutory retirement age, so the department applies it when it decides the period.
    max_duration_exception: str | None = None


class ProcessStep(_Strict):
    name: Text
    actor: Actor
    level: Level
    description: str | None = None
    time_limit_working_days: int | None = None


class Place(_Strict):
    name: Text
    level: Level


class LegalBasis(_Strict):
    title: Text
    number: str | None = None  # 文号, e.g. 沪教委规〔2020〕4号
    article: str | None = None


class TimeLimits(_Strict):
    statutory_working_days: int | None = None
    promised_working_days: int | None = None


class Dependency(_Strict):
    """Serial processing: this item waits for a decision on (any one of) `items`."""

    items: list[ItemCode] = Field(min_length=1)
    reason: Text
    on_denied: Literal["close", "continue"] = "close"
    prerequisite: Literal["add", "warn"] = "warn"  # what the form compiler does if not selected
    # The approval counts only when it recognises one of these target groups (e.g. medical aid
    # follows a 低收入人口认定 only as 低保对象 or 特困人员); None: any approval.
    approved_as: list[Code] | None = None


# ---------------------------------------------------------------- issue 15: who files an item,
# what rules it out, several re-verification periods


class OrganisationFiling(_Strict):
    """An item an organisation files for the person it is about (000 一（十二）: the grassroots
    union files 工会困难职工帮扶 in 申工通; the member does not deal with it directly). It is
    applied for through the `organisation` channel only, by a principal of `department`, on behalf
    of the member (`subject`)."""

    organisation: Text  # as the seed names it: 基层工会
    department: Code  # the functional department the organisation belongs to: trade_union
    system: str | None = None  # where it files: 申工通
    subject: Text  # whom the application is about: 困难工会会员
    source: SourceRef


class Exclusion(_Strict):
    """An approval of any one of `items` rules this item out (000 一（二）: a 低收入困难家庭 is one
    未纳入最低生活保障范围). Where they are in the same application the case waits for their
    decisions: one approved closes it, all denied let it go ahead."""

    items: list[ItemCode] = Field(min_length=1)
    reason: Text


class ReverificationPeriod(_Strict):
    """One of several re-verification periods, for the families the seed names (001 三（二）4)."""

    code: Code  # stable, for whatever schedules the checks to name the period it applies
    period_months: int = Field(ge=1)
    applies_to: Text  # the families it is for, as the seed words them
    source: SourceRef


# ---------------------------------------------------------------- items (continued)


class SpotChecks(_Strict):
    """不定期抽查 (001 三（二）4, 重残无业人员): besides the periodic review, a random share of the
    item's benefits is reviewed early. The seed gives no rate nor rule, so the rule names the
    tenant parameter holding the share checked each month; unset, nobody is spot-checked."""

    description: Text
    rate_parameter: Code  # the share (比例, 0 to 1) of the item's benefits checked each month
    source: SourceRef


class Reverification(_Strict):
    period_months: int | None = None
    description: str | None = None
    source: SourceRef
    # Issue 15: several periods, each for the families it names; then period_months stays null.
    periods: list[ReverificationPeriod] = Field(default_factory=list)
    spot_checks: SpotChecks | None = None


class Taper(_Strict):
    """收入豁免、救助渐退 (003 一; 001 三（二）8): when a member of a family receiving the item starts
    work, the benefit continues for the tenant's taper period, and the review at its end counts
    the new earned income less the tenant's disregard. The rule names the tenant parameters it
    reads (declared in `parameters`, values set by the tenant); it holds no value itself."""

    description: Text
    period_parameter: Code  # months the benefit continues after a member starts work
    disregard_parameter: Code | None = None  # yuan per month of earned income not counted
    # Percentages of the amount paid in each month of the taper period (渐退 step-down); the
    # seeds give no steps, so without a value the benefit continues unchanged (ADR 0040).
    steps_parameter: Code | None = None
    source: SourceRef


class Faq(_Strict):
    question: Text
    answer: Text
    source: SourceRef


class FieldUse(_Strict):
    key: ElementKey
    required: bool = False
    required_when: JsonLogic | None = None
    visible_when: JsonLogic | None = None
    constraints: dict[str, Any] = Field(default_factory=dict)  # narrowing only
    purpose: Text


class RepeatGroupUse(_Strict):
    key: ElementKey
    min_items: int | None = None
    max_items: int | None = None
    visible_when: JsonLogic | None = None
    purpose: Text


class Subject(StrEnum):
    APPLICANT = "applicant"
    HOUSEHOLD_MEMBER = "household_member"  # each member matching subject_when
    SUPPORTER = "supporter"  # 赡养（抚养、扶养）义务人
    HOUSEHOLD = "household"  # one for the whole family


# The repeat group whose rows a material's subject_when is evaluated against.
SUBJECT_GROUPS = {Subject.HOUSEHOLD_MEMBER: "household.members", Subject.SUPPORTER: "supporters"}


class ReviewStandard(_Strict):
    """审查标准 (002 §6.1.3.2): how a department reviews one material."""

    form: Text  # 审查形式
    points: list[Text]  # 审查要点
    common_problems: list[Text] = Field(default_factory=list)  # 常见问题
    error_examples: list[Text] = Field(default_factory=list)  # 错误示例


class Exemption(StrEnum):
    SHARED_DATA = "shared_data"
    ELECTRONIC_LICENCE = "electronic_licence"
    PERSONAL_COMMITMENT = "personal_commitment"
    DEFERRED = "deferred"  # 容缺受理


class MaterialUse(_Strict):
    evidence: Code
    subject: Subject = Subject.APPLICANT
    subject_when: JsonLogic | None = None  # over one member's (or supporter's) answers
    necessity: Literal["required", "optional"] = "required"
    required_when: JsonLogic | None = None
    original: Literal["original", "copy", "original_or_copy", "signed_or_electronic"] = "original"
    medium: str | None = None  # 扫描版或照片 …
    purpose: Text
    allows: list[Exemption] = Field(default_factory=list)  # beyond what the evidence type allows
    review: ReviewStandard | None = None


class Status(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


class ClassificationRule(_Strict):
    """分类审核认定: one category the office may recognise an uncategorised application as, and
    the rule over the family's facts (and tenant parameters) that proposes it."""

    target_group: Code
    rule: JsonLogic
    source: SourceRef


class ItemFile(_Strict):
    code: ItemCode
    name: Text
    parent: ItemCode | None = None
    department: Code  # functional department code (docs/adr/0002)
    category: Literal["basic_living", "special", "emergency", "social", "recognition"] | None = None
    mode: Mode = Mode.ON_APPLICATION
    target_groups: list[Code] = Field(default_factory=list)
    target_description: str | None = None  # 救助对象, as the seed words it
    acceptance_conditions: str | None = None  # 受理条件, as the seed words it
    eligibility: JsonLogic | None = None
    benefit: Benefit | None = None
    parameters: list[Parameter] = Field(default_factory=list)
    process: list[ProcessStep] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    acceptance_places: list[Place] = Field(default_factory=list)
    legal_basis: list[LegalBasis] = Field(default_factory=list)
    time_limits: TimeLimits = Field(default_factory=TimeLimits)
    requires_decision_of: list[Dependency] = Field(default_factory=list)
    excludes: list[ItemCode] = Field(default_factory=list)
    reverification: Reverification | None = None
    # Issue 22: 收入豁免、救助渐退 as a rule over named tenant parameters.
    taper: Taper | None = None
    faq: list[Faq] = Field(default_factory=list)
    fields: list[FieldUse] = Field(default_factory=list)
    repeat_groups: list[RepeatGroupUse] = Field(default_factory=list)
    materials: list[MaterialUse] = Field(default_factory=list)
    # Issue 15: who files it when not the applicant, and what approvals rule it out.
    filed_by: OrganisationFiling | None = None
    excluded_by_approval_of: list[Exclusion] = Field(default_factory=list)
    # Issue 21: categories tried in order; none met places the family under monitoring.
    classification: list[ClassificationRule] = Field(default_factory=list)
    status: Status = Status.PUBLISHED
    version: int = 1
    effective_from: date
    effective_to: date | None = None
    source: SourceRef
    sources: dict[str, SourceRef] = Field(default_factory=dict)  # per element, where it differs


class OverrideFile(_Strict):
    """A child tenant's change to an inherited item: an RFC 7386 merge patch on its document."""

    item: ItemCode
    patch: dict[str, Any]
    effective_from: date
    source: SourceRef


class WorkflowStage(_Strict):
    code: Code
    name: Text
    actor: Actor
    level: Level
    description: str | None = None
    source: SourceRef


class NoticeTemplate(_Strict):
    kind: Literal["approve", "deny", "reject", "supplement", "review", "stop"]
    text: Text  # str.format placeholders: {applicant} {item} {amount} {reasons} {basis} …
    source: SourceRef | None = None


class NotificationTemplate(_Strict):
    """A message to the applicant (issue 19) for one step; placeholders as in
    socialaid.notifications.templates: {item} {department} {deadline} {materials} {tenant}."""

    kind: Literal[
        "submitted",
        "accepted",
        "rejected",
        "supplement_requested",
        "approved",
        "denied",
        "overdue",
        "completed",
    ]
    text: Text
    source: SourceRef | None = None

    @field_validator("text")
    @classmethod
    def _known_placeholders(cls, text: str) -> str:
        for _literal, name, spec, conversion in string.Formatter().parse(text):
            if name is not None and (name not in NOTIFICATION_PLACEHOLDERS or spec or conversion):
                raise ValueError(f"通知模板不能使用占位符 {{{name}}}")
        return text


# The values a notification fills in (socialaid.notifications.templates.PLACEHOLDERS): never the
# applicant's name or an identity number.
NOTIFICATION_PLACEHOLDERS = frozenset({"item", "department", "deadline", "materials", "tenant"})


class EmergencyProvision(_Strict):
    code: Code
    description: Text
    source: SourceRef


# ---------------------------------------------------------------- issue 23: the reform's targets


class ReformMeasure(StrEnum):
    """What a reform target reduces (000 四 预期成效)."""

    STEPS = "steps"  # 减环节
    TIME = "time"  # 减时间
    MATERIALS = "materials"  # 减材料
    TRIPS = "trips"  # 减跑动


class ReformComparison(StrEnum):
    AT_LEAST = "at_least"  # 以上: the reduction must reach the percentage
    ABOUT = "about"  # 左右: met when the reduction reaches it (no tolerance is given; see ADR 0035)


class ReformTarget(_Strict):
    """One of the reform's expected effects, in the words of the document that sets it. A target
    without a number (000 四（四） 减跑动 says only 减少) keeps `reduction_percent` null: whether it
    is met is then not stated, never guessed."""

    measure: ReformMeasure
    name: Text  # 减环节
    statement: Text  # the seed's own words
    reduction_percent: float | None = Field(default=None, gt=0, le=100)
    comparison: ReformComparison | None = None
    source: SourceRef

    @model_validator(mode="after")
    def _number_and_comparison_together(self) -> ReformTarget:
        if (self.reduction_percent is None) != (self.comparison is None):
            raise ValueError("reduction_percent 与 comparison 须同时给出或同时省略")
        return self


class TagKind(StrEnum):
    """民生体征标签 (003 三: 年龄、身体状况、就业状况、残疾状况、家庭状况; issue 22 adds large
    medical bills and disaster). A discovery rule reads a tag's facts as `<kind>.<fact>`."""

    AGE = "age"
    HEALTH = "health"
    EMPLOYMENT = "employment"
    DISABILITY = "disability"
    FAMILY_SITUATION = "family_situation"
    LARGE_MEDICAL_BILLS = "large_medical_bills"
    DISASTER = "disaster"


class DiscoveryRule(_Strict):
    """政策找人 (001 task 17, 003 三): a rule over a resident's livelihood tags that raises a lead
    for the community adviser, suggesting items to apply for. `rule` reads `<tag kind>.<fact>`
    (socialaid.discovery.kinds.TagKind) and `params.<key>`; an amount threshold is a parameter."""

    code: Code
    name: Text
    rule: JsonLogic
    suggested_items: list[ItemCode] = Field(min_length=1)
    version: int = Field(default=1, ge=1)
    source: SourceRef


class NeedsDimension(_Strict):
    """One dimension of the needs assessment (需求综合评估): the tenant parameters that weigh it
    and mark a score high enough to act on, and where a family in need on it is referred."""

    code: Code
    name: Text  # as the seed words it: 物质、健康 …
    weight: Code  # the tenant parameter holding its weight in the composite
    threshold: Code  # the tenant parameter: a score at or above it proposes the referral
    items: list[ItemCode] = Field(default_factory=list)  # what the family is proposed to apply for
    departments: list[Code] = Field(default_factory=list)  # whom it is referred to
    source: SourceRef  # where the seed names the dimension
    referral_source: SourceRef | None = None  # where the seed ties it to items or departments


class NeedsAssessmentScheme(_Strict):
    """Issue 22: the dimensions a household's needs are scored on, their weights and thresholds
    (named tenant parameters), and the referral each proposes (docs/catalogue-format.md)."""

    version: int = Field(default=1, ge=1)
    description: str | None = None
    composite_threshold: Code  # the tenant parameter the weighted sum is compared with
    dimensions: list[NeedsDimension] = Field(min_length=1)
    source: SourceRef


class TenantCatalogueFile(_Strict):
    channels: list[Channel] = Field(default_factory=list)
    workflow: list[WorkflowStage] = Field(default_factory=list)
    escalation: str | None = None
    parameters: list[Parameter] = Field(default_factory=list)
    notice_templates: list[NoticeTemplate] = Field(default_factory=list)
    notification_templates: list[NotificationTemplate] = Field(default_factory=list)
    emergency_provisions: list[EmergencyProvision] = Field(default_factory=list)
    disabled_items: list[ItemCode] = Field(default_factory=list)
    # Issue 23: a child tenant inherits each measure's target from the nearest ancestor that sets
    # one, or sets its own (socialaid.reform.targets).
    reform_targets: list[ReformTarget] = Field(default_factory=list)
    # Issue 22: inherited down the tree; a tenant's rule with an ancestor's code replaces it.
    discovery_rules: list[DiscoveryRule] = Field(default_factory=list)
    # Issue 22: one needs assessment used by every department; the nearest tenant's applies.
    needs_assessment: NeedsAssessmentScheme | None = None
    source: SourceRef
    # Issue 15: per element where it differs from `source`, as ItemFile.sources (`channels[3]`).
    sources: dict[str, SourceRef] = Field(default_factory=dict)

    @field_validator("reform_targets")
    @classmethod
    def _one_target_per_measure(cls, targets: list[ReformTarget]) -> list[ReformTarget]:
        measures = [t.measure for t in targets]
        for measure in measures:
            if measures.count(measure) > 1:
                raise ValueError(f"改革目标 {measure.value} 重复")
        return targets


LOCKED_ELEMENTS = frozenset({"code", "name", "legal_basis", "parent"})
