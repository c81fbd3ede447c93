"""The catalogue lint: every problem of a tenant's effective catalogue, found once, before it is
published — not by the form compiler per application.

One entry point, `lint_catalogue`, for every way a catalogue changes: `catalogueDraftPublish` and
`catalogueOverrideSet` (catalogue/admin.py), `socialaid catalogue validate` and the catalogue
import (catalogue/loader.py). It finds references that do not resolve (items, departments, target
groups, data elements, repeat groups, evidence types, parameters, condition keys), an item
redefining one it inherits, redefined fields, conditions outside the JSONLogic subset,
unsatisfiable constraint combinations and dependency cycles. Pure: no database, no GraphQL.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from socialaid.catalogue.conditions import PARAMS_PREFIX, analyse
from socialaid.catalogue.files import (
    SUBJECT_GROUPS,
    Channel,
    DiscoveryRule,
    ElementType,
    ItemFile,
    Mode,
    ReformTarget,
    TagKind,
)
from socialaid.catalogue.library import Library


@dataclass(frozen=True)
class LintError:
    item: str
    path: str  # inside the item's document: fields[3].visible_when
    code: str  # stable ASCII: UNKNOWN_ITEM, DEPENDENCY_CYCLE, UNKNOWN_CONDITION_KEY, …
    message: str
    related: tuple[str, ...] = ()  # other items taking part (constraint combinations, cycles)


# What each problem code means, for messages shown to admins.
TITLES = {
    "REDEFINES_INHERITED": "重复定义了继承的事项（请改用覆盖）",
    "UNKNOWN_ITEM": "引用了不存在的事项",
    "UNKNOWN_DEPARTMENT": "引用了本级及上级都没有的部门",
    "UNKNOWN_TARGET_GROUP": "引用了不存在的救助对象类别",
    "UNRECOGNISED_TARGET_GROUP": "前置事项不认定该救助对象类别",
    "UNKNOWN_ELEMENT": "引用了要素库中没有的数据元",
    "FIELD_REDEFINED": "同一数据元重复使用",
    "UNKNOWN_REPEAT_GROUP": "引用了要素库中没有的重复组",
    "GROUP_REDEFINED": "同一重复组重复使用",
    "UNKNOWN_EVIDENCE": "引用了不存在的材料类型",
    "SUBJECT_WHEN_UNUSED": "该材料没有可筛选的行，不应有 subject_when",
    "UNKNOWN_CONDITION_KEY": "条件引用了未知的键（既非数据元、重复组，也非参数）",
    "UNKNOWN_PARAMETER": "条件引用了未声明的参数",
    "NOT_AN_EXPRESSION": "条件不是 JSONLogic 表达式",
    "OPERATOR_NOT_ALLOWED": "条件使用了不允许的运算符",
    "DYNAMIC_VARIABLE": "条件的 var 须为字面键名",
    "ROW_SOURCE": "some/all/none 须先以 var 指明重复组",
    "EMPTY_CONSTRAINTS": "约束无法同时满足",
    "EMPTY_ROW_RANGE": "行数范围为空",
    "DEPENDENCY_CYCLE": "前置事项（requires_decision_of）循环依赖",
}
# Issue 15: an organisation filing an item, an exclusion between items, several periods.
TITLES |= {
    "FILING_CHANNEL": "由组织代为申报的事项（filed_by）只经 organisation 渠道申请，该渠道也只用于这类事项",
    "EXCLUDED_AND_REQUIRED": "同一事项既是前置事项又是排除事项",
    "REVERIFICATION_PERIOD_AMBIGUOUS": "定期核查既写了统一周期又分列了多个周期",
    "DUPLICATE_REVERIFICATION_PERIOD": "定期核查周期的代码重复",
    "EXCLUSION_ON_AUTO_GRANTED": "免申即享事项不能有排除事项",
}
# Issue 22: 收入豁免、救助渐退 read named tenant parameters.
TITLES |= {"TAPER_PARAMETER_UNDECLARED": "渐退规则引用了未声明的参数"}
TITLES |= {"SPOT_CHECK_PARAMETER_UNDECLARED": "不定期抽查规则引用了未声明的参数"}


# Issue 23: a reform target's percentage must be the one its source states.
TITLES |= {"REFORM_TARGET_NOT_IN_QUOTE": "改革目标的百分比不在其引文中"}


def reform_target_errors(targets: Sequence[ReformTarget]) -> list[LintError]:
    """A target whose percentage its quoted source does not state: a number nobody can find in
    the document would be an invented policy fact. Reported with item "" (tenant-level data)."""
    errors = []
    for i, target in enumerate(targets):
        if target.reduction_percent is None:
            continue
        wanted = f"{target.reduction_percent:g}%"
        quote = "".join((target.source.quote or "").split())
        if wanted not in quote:
            errors.append(
                LintError(
                    "",
                    f"reform_targets[{i}].reduction_percent",
                    "REFORM_TARGET_NOT_IN_QUOTE",
                    f"引文中没有“{wanted}”：请引用给出该百分比的原文",
                )
            )
    return errors


# Issue 22: discovery rules over livelihood tags.
TITLES |= {
    "UNKNOWN_TAG_KIND": "主动发现规则引用了未知的民生体征标签（或未声明的参数）",
    "UNKNOWN_SUGGESTED_ITEM": "主动发现规则建议的事项在本租户目录中不存在",
    "DUPLICATE_DISCOVERY_RULE": "主动发现规则的代码重复",
}


def lint_title(code: str) -> str:
    return TITLES.get(code, code)


def lint_catalogue(
    library: Library,
    items: Mapping[str, ItemFile] | Iterable[ItemFile],
    *,
    parameters: Collection[str] = (),
    departments: Collection[str] | None = None,
    redefined: Collection[str] = (),
) -> list[LintError]:
    """Every problem of a tenant's effective catalogue `items` (inherited items included, as its
    overrides leave them).

    `parameters`: the parameter keys declared for the tenant (without `params.`);
    `departments`: the functional department codes serving it (None: not checked);
    `redefined`: codes of its own items that an ancestor defines too.
    """
    listed = list(items.values()) if isinstance(items, Mapping) else list(items)
    codes = {item.code for item in listed}
    target_groups_of = {item.code: set(item.target_groups) for item in listed}
    errors: list[LintError] = []
    for item in listed:
        if item.code in redefined:
            errors.append(
                LintError(
                    item.code,
                    "code",
                    "REDEFINES_INHERITED",
                    f"{item.code!r} is inherited; change it with an override",
                )
            )
        errors += _item_errors(library, item, codes, set(parameters), departments, target_groups_of)
        errors += _filing_exclusion_and_period_errors(item, codes, departments)
    errors += _constraint_errors(library, listed)
    errors += _row_range_errors(library, listed)
    errors += _cycle_errors(listed)
    return errors


# ---------------------------------------------------------------- one item at a time


def _item_errors(
    library: Library,
    item: ItemFile,
    codes: set[str],
    tenant_parameters: set[str],
    departments: Collection[str] | None,
    target_groups_of: Mapping[str, set[str]],
) -> list[LintError]:
    out: list[LintError] = []

    def error(path: str, code: str, message: str) -> None:
        out.append(LintError(item.code, path, code, message))

    declared = tenant_parameters | {p.key for p in item.parameters}
    taper = item.taper
    if taper is not None:
        named = {"period_parameter": taper.period_parameter}
        if taper.disregard_parameter is not None:
            named["disregard_parameter"] = taper.disregard_parameter
        if taper.steps_parameter is not None:
            named["steps_parameter"] = taper.steps_parameter
        for where, key in named.items():
            if key not in declared:
                error(
                    f"taper.{where}",
                    "TAPER_PARAMETER_UNDECLARED",
                    f"no parameter {key!r} declared for this item or its tenant",
                )
    spot = item.reverification.spot_checks if item.reverification is not None else None
    if spot is not None and spot.rate_parameter not in declared:
        error(
            "reverification.spot_checks.rate_parameter",
            "SPOT_CHECK_PARAMETER_UNDECLARED",
            f"no parameter {spot.rate_parameter!r} declared for this item or its tenant",
        )

    def condition(
        path: str, logic: object, row: str | None = None, within: str | None = None
    ) -> None:
        if logic is None:
            return
        analysis = analyse(logic, row=row, within=within)
        for problem in analysis.problems:
            error(path, problem.code, f"{problem.message} (at {problem.location})")
        for variable in analysis.variables:
            if variable.is_parameter:
                name = variable.key.removeprefix(PARAMS_PREFIX)
                if name not in declared:
                    error(path, "UNKNOWN_PARAMETER", f"params.{name} is not a declared parameter")
            elif (
                variable.key not in library.data_elements
                and variable.key not in library.repeat_groups
            ):
                error(
                    path,
                    "UNKNOWN_CONDITION_KEY",
                    f"{variable.key!r} (at {variable.location}) is neither a data element, "
                    "a repeat group nor a parameter",
                )

    if item.parent is not None and item.parent not in codes:
        error("parent", "UNKNOWN_ITEM", f"unknown parent item {item.parent!r}")
    if departments is not None and item.department not in departments:
        error(
            "department",
            "UNKNOWN_DEPARTMENT",
            f"no department {item.department!r} in this tenant or above",
        )
    for index, group in enumerate(item.target_groups):
        if group not in library.target_groups:
            error(
                f"target_groups[{index}]", "UNKNOWN_TARGET_GROUP", f"unknown target group {group!r}"
            )
    seen_fields: dict[str, int] = {}
    for index, use in enumerate(item.fields):
        path = f"fields[{index}]"
        if use.key in seen_fields:
            error(
                f"{path}.key",
                "FIELD_REDEFINED",
                f"{use.key!r} is already used at fields[{seen_fields[use.key]}]",
            )
        seen_fields.setdefault(use.key, index)
        if use.key not in library.data_elements:
            error(f"{path}.key", "UNKNOWN_ELEMENT", f"{use.key!r} is not in the library")
        within = library.repeat_group_of(use.key)
        condition(f"{path}.visible_when", use.visible_when, within=within)
        condition(f"{path}.required_when", use.required_when, within=within)
    seen_groups: dict[str, int] = {}
    for index, group_use in enumerate(item.repeat_groups):
        path = f"repeat_groups[{index}]"
        if group_use.key in seen_groups:
            error(
                f"{path}.key",
                "GROUP_REDEFINED",
                f"{group_use.key!r} is already used at repeat_groups[{seen_groups[group_use.key]}]",
            )
        seen_groups.setdefault(group_use.key, index)
        if group_use.key not in library.repeat_groups:
            error(f"{path}.key", "UNKNOWN_REPEAT_GROUP", f"{group_use.key!r} is not in the library")
        condition(f"{path}.visible_when", group_use.visible_when)
    for index, material in enumerate(item.materials):
        path = f"materials[{index}]"
        if material.evidence not in library.evidence_types:
            error(
                f"{path}.evidence",
                "UNKNOWN_EVIDENCE",
                f"{material.evidence!r} is not an evidence type in the library",
            )
        condition(f"{path}.required_when", material.required_when)
        row = SUBJECT_GROUPS.get(material.subject)
        if material.subject_when is not None and row is None:
            error(
                f"{path}.subject_when",
                "SUBJECT_WHEN_UNUSED",
                f"subject_when selects rows; a {material.subject.value} material has none",
            )
        else:
            condition(f"{path}.subject_when", material.subject_when, row)
    condition("eligibility", item.eligibility)
    for i, rule in enumerate(item.classification):
        condition(f"classification[{i}].rule", rule.rule)
        if rule.target_group not in item.target_groups:
            error(
                f"classification[{i}].target_group",
                "UNKNOWN_TARGET_GROUP",
                f"{rule.target_group!r} is not one of the item's target groups",
            )
    if item.benefit is not None:
        condition("benefit.formula", item.benefit.formula)
    for i, dependency in enumerate(item.requires_decision_of):
        for j, other in enumerate(dependency.items):
            if other not in codes:
                error(f"requires_decision_of[{i}].items[{j}]", "UNKNOWN_ITEM", f"no item {other!r}")
        # An approval counts only as groups one of the predecessors can recognise.
        recognisable = {g for other in dependency.items for g in target_groups_of.get(other, ())}
        for j, group in enumerate(dependency.approved_as or ()):
            path = f"requires_decision_of[{i}].approved_as[{j}]"
            if group not in library.target_groups:
                error(path, "UNKNOWN_TARGET_GROUP", f"unknown target group {group!r}")
            elif group not in recognisable:
                error(
                    path,
                    "UNRECOGNISED_TARGET_GROUP",
                    f"none of {list(dependency.items)} recognises target group {group!r}",
                )
    for i, other in enumerate(item.excludes):
        if other not in codes:
            error(f"excludes[{i}]", "UNKNOWN_ITEM", f"no item {other!r}")
    return out


# ---------------------------------------------------------------- issue 15: filing, exclusions,
# re-verification periods


def _filing_exclusion_and_period_errors(
    item: ItemFile, codes: set[str], departments: Collection[str] | None
) -> list[LintError]:
    out: list[LintError] = []

    def error(path: str, code: str, message: str) -> None:
        out.append(LintError(item.code, path, code, message))

    filed_by = item.filed_by
    if filed_by is not None:
        if departments is not None and filed_by.department not in departments:
            error(
                "filed_by.department",
                "UNKNOWN_DEPARTMENT",
                f"no department {filed_by.department!r} in this tenant or above",
            )
        if item.channels != [Channel.ORGANISATION]:
            error(
                "channels",
                "FILING_CHANNEL",
                f"filed by {filed_by.organisation}: its only channel is {Channel.ORGANISATION.value!r}",
            )
    elif Channel.ORGANISATION in item.channels:
        index = item.channels.index(Channel.ORGANISATION)
        error(
            f"channels[{index}]",
            "FILING_CHANNEL",
            "the organisation channel needs filed_by: which organisation files, for whom",
        )
    if item.excluded_by_approval_of and item.mode is Mode.AUTO_GRANTED:
        error(
            "excluded_by_approval_of",
            "EXCLUSION_ON_AUTO_GRANTED",
            "an auto_granted item follows an approval at once and cannot wait to be ruled out",
        )
    required = {c for dependency in item.requires_decision_of for c in dependency.items}
    for i, exclusion in enumerate(item.excluded_by_approval_of):
        for j, other in enumerate(exclusion.items):
            path = f"excluded_by_approval_of[{i}].items[{j}]"
            if other not in codes:
                error(path, "UNKNOWN_ITEM", f"no item {other!r}")
            elif other in required:
                error(
                    path,
                    "EXCLUDED_AND_REQUIRED",
                    f"{other!r} is both waited for (requires_decision_of) and ruled out by",
                )
    reverification = item.reverification
    if reverification is not None and reverification.periods:
        if reverification.period_months is not None:
            error(
                "reverification.period_months",
                "REVERIFICATION_PERIOD_AMBIGUOUS",
                "with several periods there is no single period_months",
            )
        seen: set[str] = set()
        for index, period in enumerate(reverification.periods):
            if period.code in seen:
                error(
                    f"reverification.periods[{index}].code",
                    "DUPLICATE_REVERIFICATION_PERIOD",
                    f"period {period.code!r} is listed twice",
                )
            seen.add(period.code)
    return out


# ---------------------------------------------------------------- combinations of items


def _exclusive(a: ItemFile, b: ItemFile) -> bool:
    return b.code in a.excludes or a.code in b.excludes


def _emptiness(constraints: list[Mapping[str, Any]]) -> str | None:
    """Why no value satisfies every constraint set together, or None if some value may."""
    lower: tuple[float, bool] | None = None  # (bound, strict)
    upper: tuple[float, bool] | None = None
    lengths: list[tuple[str, int]] = []
    enum: set[str] | None = None
    for c in constraints:
        for keyword, strict in (("minimum", False), ("exclusiveMinimum", True)):
            if isinstance(c.get(keyword), (int, float)):
                bound = (float(c[keyword]), strict)
                if lower is None or bound[0] > lower[0] or (bound[0] == lower[0] and strict):
                    lower = bound
        for keyword, strict in (("maximum", False), ("exclusiveMaximum", True)):
            if isinstance(c.get(keyword), (int, float)):
                bound = (float(c[keyword]), strict)
                if upper is None or bound[0] < upper[0] or (bound[0] == upper[0] and strict):
                    upper = bound
        for keyword in ("minLength", "maxLength", "minItems", "maxItems"):
            if isinstance(c.get(keyword), int):
                lengths.append((keyword, c[keyword]))
        values = c.get("enum")
        if "const" in c:
            values = [c["const"]]
        if isinstance(values, list):
            as_text = {repr(v) for v in values}
            enum = as_text if enum is None else enum & as_text
    if (
        lower is not None
        and upper is not None
        and (lower[0] > upper[0] or (lower[0] == upper[0] and (lower[1] or upper[1])))
    ):
        return f"lower bound {lower[0]:g} is above upper bound {upper[0]:g}"
    for low, high in (("minLength", "maxLength"), ("minItems", "maxItems")):
        lows = [n for k, n in lengths if k == low]
        highs = [n for k, n in lengths if k == high]
        if lows and highs and max(lows) > min(highs):
            return f"{low} {max(lows)} is above {high} {min(highs)}"
    if enum is not None and not enum:
        return "the allowed values (enum) have nothing in common"
    return None


def _base_constraints(library: Library, key: str) -> dict[str, Any]:
    element = library.data_elements[key]
    base = dict(element.constraints)
    code_list = library.code_lists.get(element.code_list or "")
    if element.type is ElementType.CODE and code_list is not None:
        base["enum"] = [v.code for v in code_list.values]
    return base


def _constraint_errors(library: Library, items: list[ItemFile]) -> list[LintError]:
    users: dict[str, list[tuple[ItemFile, int, Mapping[str, Any]]]] = {}
    for item in items:
        for index, use in enumerate(item.fields):
            if use.key in library.data_elements:
                users.setdefault(use.key, []).append((item, index, use.constraints))
    out = []
    for key, uses in sorted(users.items()):
        base = _base_constraints(library, key)
        alone_bad: set[str] = set()
        for item, index, constraints in uses:
            why = _emptiness([base, constraints])
            if why:
                alone_bad.add(item.code)
                out.append(
                    LintError(
                        item.code,
                        f"fields[{index}].constraints",
                        "EMPTY_CONSTRAINTS",
                        f"{key}: with the library's constraints, {why}",
                    )
                )
        ordered = sorted(uses, key=lambda u: u[0].code)
        for (a, _, ca), (b, index_b, cb) in combinations(ordered, 2):
            if a.code == b.code or {a.code, b.code} & alone_bad or _exclusive(a, b):
                continue
            why = _emptiness([base, ca, cb])
            if why:
                out.append(
                    LintError(
                        b.code,
                        f"fields[{index_b}].constraints",
                        "EMPTY_CONSTRAINTS",
                        f"{key}: together with {a.code}, {why}",
                        related=(a.code,),
                    )
                )
    return out


def _row_range_errors(library: Library, items: list[ItemFile]) -> list[LintError]:
    users: dict[str, list[tuple[ItemFile, int, Mapping[str, Any]]]] = {}
    for item in items:
        for index, use in enumerate(item.repeat_groups):
            bounds = {"minItems": use.min_items, "maxItems": use.max_items}
            users.setdefault(use.key, []).append(
                (item, index, {k: v for k, v in bounds.items() if v is not None})
            )
    out = []
    for key, uses in sorted(users.items()):
        group = library.repeat_groups.get(key)
        if group is None:
            continue
        base: dict[str, int] = {"minItems": group.min_items}
        if group.max_items is not None:
            base["maxItems"] = group.max_items
        for item, index, item_bounds in uses:
            why = _emptiness([base, item_bounds])
            if why:
                out.append(
                    LintError(
                        item.code, f"repeat_groups[{index}]", "EMPTY_ROW_RANGE", f"{key}: {why}"
                    )
                )
        for (a, _, ba), (b, index_b, bb) in combinations(sorted(uses, key=lambda u: u[0].code), 2):
            if (
                a.code != b.code
                and not _exclusive(a, b)
                and not _emptiness([base, ba])
                and not _emptiness([base, bb])
            ):
                why = _emptiness([base, ba, bb])
                if why:
                    out.append(
                        LintError(
                            b.code,
                            f"repeat_groups[{index_b}]",
                            "EMPTY_ROW_RANGE",
                            f"{key}: together with {a.code}, {why}",
                            related=(a.code,),
                        )
                    )
    return out


# ---------------------------------------------------------------- dependency cycles


def _cycle_errors(items: list[ItemFile]) -> list[LintError]:
    known = {item.code: item for item in items}
    edges = {item.code: sorted({c for c in _waited_for(item) if c in known}) for item in items}
    out = []
    for component in _strongly_connected(edges):
        members = sorted(component)
        first = members[0]
        if len(members) == 1 and first not in edges[first]:
            continue
        first_item = known[first]
        groups = [
            (f"requires_decision_of[{i}]", dependency.items)
            for i, dependency in enumerate(first_item.requires_decision_of)
        ] + [
            (f"excluded_by_approval_of[{i}]", exclusion.items)
            for i, exclusion in enumerate(first_item.excluded_by_approval_of)
        ]
        path = next(
            f"{prefix}.items[{j}]"
            for prefix, names in groups
            for j, other in enumerate(names)
            if other in component
        )
        out.append(
            LintError(
                first,
                path,
                "DEPENDENCY_CYCLE",
                "requires_decision_of (or excluded_by_approval_of) goes round in a cycle through "
                + " → ".join(members),
                related=tuple(members[1:]),
            )
        )
    return out


def _waited_for(item: ItemFile) -> list[str]:
    """The items whose decisions a case of `item` waits for: its predecessors, and (issue 15)
    the items whose approval would rule it out."""
    return [
        code
        for groups in (item.requires_decision_of, item.excluded_by_approval_of)
        for group in groups
        for code in group.items
    ]


def _strongly_connected(edges: dict[str, list[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative so a long chain of items cannot exhaust the stack."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[set[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = edges[node]
            if position < len(successors):
                work.append((node, position + 1))
                successor = successors[position]
                if successor not in index:
                    work.append((successor, 0))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


# ---------------------------------------------------------------- discovery rules (issue 22)


def lint_discovery_rules(
    rules: Iterable[DiscoveryRule], items: Collection[str], *, parameters: Collection[str]
) -> list[LintError]:
    """Every problem of a tenant's own discovery rules: conditions outside the JSONLogic subset,
    keys that are neither `<tag kind>.<fact>` nor a declared `params.<key>`, suggested items the
    tenant's effective catalogue lacks, codes used twice. Reported under the item `discovery`,
    at `discovery_rules[i]`."""
    errors: list[LintError] = []
    kinds = {kind.value for kind in TagKind}
    seen: set[str] = set()
    for index, rule in enumerate(rules):
        at = f"discovery_rules[{index}]"
        if rule.code in seen:
            errors.append(
                LintError("discovery", f"{at}.code", "DUPLICATE_DISCOVERY_RULE", rule.code)
            )
        seen.add(rule.code)
        analysis = analyse(rule.rule)
        for problem in analysis.problems:
            errors.append(
                LintError(
                    "discovery", f"{at}.rule.{problem.location}", problem.code, problem.message
                )
            )
        for variable in analysis.variables:
            if variable.is_parameter:
                known = variable.key.removeprefix(PARAMS_PREFIX) in parameters
            else:
                known = variable.key.split(".", 1)[0] in kinds and "." in variable.key
            if not known:
                errors.append(
                    LintError(
                        "discovery",
                        f"{at}.rule.{variable.location}",
                        "UNKNOWN_TAG_KIND",
                        f"{variable.key!r} is neither <tag kind>.<fact> "
                        f"({', '.join(sorted(kinds))}) nor a declared parameter",
                    )
                )
        for position, code in enumerate(rule.suggested_items):
            if code not in items:
                errors.append(
                    LintError(
                        "discovery",
                        f"{at}.suggested_items[{position}]",
                        "UNKNOWN_SUGGESTED_ITEM",
                        f"no item {code!r} in the tenant's effective catalogue",
                    )
                )
    return errors
