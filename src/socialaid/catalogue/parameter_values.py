"""Tenant parameters as data (issue 21): what a value must look like for its unit, and which value
a tenant's rules read on a date.

Pure. A parameter is declared in the catalogue (a tenant's `catalogue.yaml` or an item's
`parameters`) with a unit and, only where a seed document states it, a value. A tenant admin
sets values as dated rows (`tenant_parameter`); a tenant reads, on a date, the newest row in
force of the nearest tenant on its chain that has one (its own, else its city's, else its
province's), and only without any such row the value the catalogue declares.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from socialaid.catalogue.files import Parameter
from socialaid.sources import SourceRef


class ValueKind(StrEnum):
    MONEY = "money"  # yuan: not negative, at most two decimal places
    WHOLE = "whole"  # a count: months, years of age, persons
    RATIO = "ratio"  # a share between 0 and 1
    PERCENT = "percent"  # a share between 0 and 100
    TEXT = "text"  # no unit: a standard or rule stated in words (a hotline, grade standards)
    PERCENT_STEPS = "percent_steps"  # percentages month by month, written "100,80,60"


@dataclass(frozen=True)
class UnitRule:
    kind: ValueKind
    maximum: float
    described: str  # what the unit asks for, in the message of a wrong value


_MONEY = UnitRule(ValueKind.MONEY, 1e10, "不小于 0、至多两位小数的金额（元）")

# Every unit the catalogue declares (docs/catalogue-format.md, `parameters[].unit`). A parameter
# whose unit is not here cannot be set until its unit is given a type: refusing is safer than
# storing a value nobody knows how to compare.
UNITS: Mapping[str | None, UnitRule] = {
    "元": _MONEY,
    "元/月": _MONEY,
    "元/年": _MONEY,
    "元/人·月": _MONEY,
    "元/人·年": _MONEY,
    "月": UnitRule(ValueKind.WHOLE, 1_200, "0 到 1200 之间的整数（月数）"),
    "周岁": UnitRule(ValueKind.WHOLE, 150, "0 到 150 之间的整数（周岁）"),
    "人": UnitRule(ValueKind.WHOLE, 100, "0 到 100 之间的整数（人数）"),
    "比例": UnitRule(ValueKind.RATIO, 1, "0 到 1 之间的数（比例，如 0.2 表示 20%）"),
    "%": UnitRule(ValueKind.PERCENT, 100, "0 到 100 之间的数（百分比）"),
    "%/月": UnitRule(
        ValueKind.PERCENT_STEPS,
        100,
        "按月排列、以英文逗号分隔的 1 到 120 个 0 到 100 之间的百分比（如 100,80,60）",
    ),
    None: UnitRule(ValueKind.TEXT, 500, "1 到 500 个字的文字"),
}

ParameterValue = int | float | str


def value_problem(unit: str | None, value: object) -> str | None:
    """Why `value` cannot be a value of a parameter in `unit`, or None when it can."""
    rule = UNITS.get(unit)
    if rule is None:
        return f"参数单位“{unit}”没有规定取值类型，暂不能设定"
    wanted = f"单位为“{unit or '无'}”的参数取值须为{rule.described}"
    if rule.kind is ValueKind.PERCENT_STEPS:
        # One month's step may arrive as a number (a form sends "80" as 80).
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        return None if isinstance(value, str) and percent_steps(value) is not None else wanted
    if rule.kind is ValueKind.TEXT:
        if not isinstance(value, str) or not value.strip() or len(value) > rule.maximum:
            return wanted
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return wanted
    if not math.isfinite(value) or value < 0 or value > rule.maximum:
        return wanted
    if rule.kind is ValueKind.WHOLE and not float(value).is_integer():
        return wanted
    if rule.kind is ValueKind.MONEY and not _at_most_two_places(value):
        return wanted
    return None


def percent_steps(value: str) -> tuple[Decimal, ...] | None:
    """A `%/月` value's percentages, month by month ("100,80,60"); None when it is not one."""
    parts = [p.strip() for p in value.split(",")]
    if not 1 <= len(parts) <= 120:
        return None
    steps: list[Decimal] = []
    for part in parts:
        try:
            step = Decimal(part)
        except InvalidOperation:
            return None
        if not step.is_finite() or not 0 <= step <= 100:
            return None
        steps.append(step)
    return tuple(steps)


def normalised(unit: str | None, value: object) -> ParameterValue:
    """A valid value in its stored form: whole numbers as int (18, not 18.0), percentage steps
    as "100,80,60"."""
    if UNITS[unit].kind is ValueKind.PERCENT_STEPS:
        steps = percent_steps(str(value))
        assert steps is not None
        return ",".join(format(s.normalize(), "f") for s in steps)
    if isinstance(value, str):
        return value.strip()
    assert isinstance(value, int | float) and not isinstance(value, bool)
    if float(value).is_integer():
        return int(value)
    return float(value)


def _at_most_two_places(value: int | float) -> bool:
    try:
        exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    except InvalidOperation:  # pragma: no cover - finite floats always convert
        return False
    return isinstance(exponent, int) and exponent >= -2


class ValueOrigin(StrEnum):
    NONE = "none"  # neither the seeds nor any tenant on the chain gives a value
    CATALOGUE = "catalogue"  # the catalogue declares it, from a seed document
    SET = "set"  # a tenant admin set it (tenantParameterSet)


@dataclass(frozen=True)
class ParameterSetting:
    """One dated value a tenant admin set: a row of `tenant_parameter`."""

    tenant: str
    key: str
    value: ParameterValue
    effective_from: date
    source: str
    reason: str
    set_by: str
    set_at: datetime
    sequence: int  # later settings of the same tenant, key and date win


@dataclass(frozen=True)
class Declaration:
    """A parameter as the catalogue declares it, and the tenant whose file declares it."""

    parameter: Parameter
    tenant: str


@dataclass(frozen=True)
class ResolvedParameter:
    """A declared parameter with the value a tenant reads on a date, and where it comes from."""

    declaration: Declaration
    value: ParameterValue | None
    origin: ValueOrigin
    tenant: str | None  # who set it (SET) or declares the value (CATALOGUE)
    effective_from: date | None  # SET only: from when the value holds
    source: str | None  # SET only: the document the admin cited
    source_ref: SourceRef | None  # CATALOGUE only: the seed file and section

    @property
    def key(self) -> str:
        return self.declaration.parameter.key

    @property
    def has_value(self) -> bool:
        return self.value is not None


def declarations(
    chain: Sequence[str],
    configs: Mapping[str, Sequence[Parameter]],
    items: Iterable[tuple[str, Sequence[Parameter]]],
) -> dict[str, Declaration]:
    """Every parameter a tenant's catalogue declares, by key.

    `chain` is the tenant's chain, root first; `configs` the parameters of each chain tenant's
    `catalogue.yaml`; `items` (owner, parameters) of each effective item. One key declared in
    several places is one parameter: the nearest tenant's declaration is kept, and one stating a
    value over one that does not.
    """
    found: dict[str, Declaration] = {}
    depth = {code: index for index, code in enumerate(chain)}

    def consider(parameter: Parameter, tenant: str) -> None:
        known = found.get(parameter.key)
        if known is None or _rank(parameter, tenant, depth) > _rank(
            known.parameter, known.tenant, depth
        ):
            found[parameter.key] = Declaration(parameter, tenant)

    for tenant in chain:
        for parameter in configs.get(tenant, ()):
            consider(parameter, tenant)
    for owner, parameters in items:
        for parameter in parameters:
            consider(parameter, owner)
    return dict(sorted(found.items()))


def _rank(parameter: Parameter, tenant: str, depth: Mapping[str, int]) -> tuple[bool, int]:
    return parameter.value is not None, depth.get(tenant, -1)


def resolve(
    declaration: Declaration,
    chain: Sequence[str],
    settings: Iterable[ParameterSetting],
    as_of: date,
) -> ResolvedParameter:
    """The value `chain[-1]` reads on `as_of`: the nearest tenant's newest setting in force,
    else the catalogue's declared value, else none."""
    key = declaration.parameter.key
    in_force: dict[str, ParameterSetting] = {}
    for setting in settings:
        if setting.key != key or setting.effective_from > as_of or setting.tenant not in chain:
            continue
        current = in_force.get(setting.tenant)
        if current is None or (setting.effective_from, setting.sequence) > (
            current.effective_from,
            current.sequence,
        ):
            in_force[setting.tenant] = setting
    for tenant in reversed(chain):
        chosen = in_force.get(tenant)
        if chosen is not None:
            return ResolvedParameter(
                declaration,
                chosen.value,
                ValueOrigin.SET,
                chosen.tenant,
                chosen.effective_from,
                chosen.source,
                None,
            )
    declared = declaration.parameter
    if declared.value is not None:
        return ResolvedParameter(
            declaration,
            declared.value,
            ValueOrigin.CATALOGUE,
            declaration.tenant,
            None,
            None,
            declared.source,
        )
    return ResolvedParameter(declaration, None, ValueOrigin.NONE, None, None, None, None)


def resolve_all(
    found: Mapping[str, Declaration],
    chain: Sequence[str],
    settings: Sequence[ParameterSetting],
    as_of: date,
) -> dict[str, ResolvedParameter]:
    return {key: resolve(d, chain, settings, as_of) for key, d in found.items()}
