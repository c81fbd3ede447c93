"""Screening a family in a tenant (eligibilityScreen, screeningQuestions): the tenant's catalogue
and parameter values today, the pure screening over them. Nothing is written: the answers live
only as long as the request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.caching import RevisionCache
from socialaid.catalogue.files import ElementType, ItemFile
from socialaid.catalogue.service import CatalogueCaches, TenantView, content_revision, tenant_view
from socialaid.errors import DomainError, NotFoundError
from socialaid.screening.classification import Proposal, classify
from socialaid.screening.questions import Question, next_questions
from socialaid.screening.screening import ItemScreening, ParameterInfo, screen
from socialaid.screening.words import Wording


@dataclass(frozen=True)
class ScreeningContext:
    """What screening in one tenant on one day reads, built once per content revision."""

    view: TenantView
    wording: Wording
    parameters: dict[str, ParameterInfo]
    values: dict[str, Any]
    candidates: dict[str, tuple[Any, ...]]


@dataclass
class ScreeningCaches:
    contexts: RevisionCache[ScreeningContext] = field(
        default_factory=lambda: RevisionCache(name="screening_contexts")
    )


def _context(view: TenantView) -> ScreeningContext:
    library = view.library
    labels: dict[str, str] = {g.key: g.label for g in library.repeat_groups.values()}
    code_labels: dict[str, dict[str, str]] = {}
    candidates: dict[str, tuple[Any, ...]] = {}
    for element in library.data_elements.values():
        labels[element.key] = element.label
        if element.code_list and element.code_list in library.code_lists:
            values = library.code_lists[element.code_list].values
            code_labels[element.key] = {v.code: v.label for v in values}
            candidates[element.key] = tuple(v.code for v in values)
        elif element.type is ElementType.BOOLEAN:
            candidates[element.key] = (True, False)
    parameters: dict[str, ParameterInfo] = {}
    units: dict[str, str] = {}
    for key, resolved in view.parameters.items():
        declared = resolved.declaration.parameter
        labels[f"params.{key}"] = declared.label
        if declared.unit:
            units[f"params.{key}"] = declared.unit
        parameters[key] = ParameterInfo(declared.label, declared.unit, resolved.value)
    return ScreeningContext(
        view=view,
        wording=Wording(labels, code_labels, units),
        parameters=parameters,
        values={k: p.value for k, p in parameters.items() if p.value is not None},
        candidates=candidates,
    )


async def screening_context(
    session: AsyncSession,
    catalogue_caches: CatalogueCaches,
    caches: ScreeningCaches,
    *,
    tenant: str,
    as_of: date,
) -> ScreeningContext:
    revision = await content_revision(session)
    view = await tenant_view(session, catalogue_caches, tenant=tenant, as_of=as_of)

    async def build() -> ScreeningContext:
        return _context(view)

    return await caches.contexts.get(revision, (tenant, as_of), build)


def chosen_items(view: TenantView, items: Sequence[str] | None) -> list[ItemFile]:
    """The items asked for, in the order given (every item of the catalogue, by code, for None)."""
    if items is None:
        return [view.specs[code] for code in sorted(view.specs)]
    chosen = []
    for index, code in enumerate(items):
        spec = view.specs.get(code)
        if spec is None:
            raise NotFoundError(
                f"租户 {view.tenant.tenant_id} 的目录中没有事项 {code}", path=["items", str(index)]
            )
        chosen.append(spec)
    return chosen


def checked_answers(answers: object) -> dict[str, Any]:
    if not isinstance(answers, dict):
        raise DomainError(
            "answers 须为 JSON 对象（键为数据元，如 household.size）", path=["answers"]
        )
    return answers


def screen_items(
    context: ScreeningContext, answers: object, items: Sequence[str] | None
) -> list[ItemScreening]:
    given = checked_answers(answers)
    return [
        screen(spec, given, context.parameters, context.wording)
        for spec in chosen_items(context.view, items)
    ]


def questions_for(
    context: ScreeningContext, answers: object, items: Sequence[str] | None
) -> tuple[list[ItemScreening], list[Question]]:
    given = checked_answers(answers)
    screenings = screen_items(context, given, items)
    questions = next_questions(
        screenings, context.view.specs, given, context.values, context.candidates
    )
    return screenings, questions


def recognition_proposal(context: ScreeningContext, spec: ItemFile, facts: object) -> Proposal:
    """分类审核认定 of an application's facts against the item's categories, today."""
    names = {code: group.name for code, group in context.view.library.target_groups.items()}
    given = facts if isinstance(facts, dict) else {}
    return classify(spec, given, context.values, context.wording, names)
