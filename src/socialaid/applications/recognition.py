"""The classified-recognition proposal a case shows the office (分类审核认定, 004 三（二）1)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.applications.models import Application, ApplicationCase
from socialaid.catalogue.service import CatalogueCaches
from socialaid.clock import today_in_china
from socialaid.kernel.caches import Caches
from socialaid.screening.classification import Proposal, classifies
from socialaid.screening.service import ScreeningCaches, recognition_proposal, screening_context

# The proposal quotes the family's income and health in its reasons: only the staff who decide
# or review a case read it unmasked (access/masking.py lists them), not the applicant's adviser.
PROPOSAL_READERS = frozenset({Role.CASEWORKER, Role.APPROVER, Role.JOINT_MEETING, Role.AUDITOR})


async def proposal_for_case(
    session: AsyncSession, caches: Caches, *, actor: Principal | None, case: ApplicationCase
) -> Proposal | None:
    """The proposal for a case of a classified item, for staff who may read it; None otherwise."""
    if actor is None or not PROPOSAL_READERS.intersection(actor.roles):
        return None
    context = await screening_context(
        session,
        caches.of(CatalogueCaches),
        caches.of(ScreeningCaches),
        tenant=case.tenant_id,
        as_of=today_in_china(),
    )
    spec = context.view.specs.get(case.item_code)
    if spec is None or not classifies(spec):
        return None
    application = await session.get(Application, (case.tenant_id, case.application_id))
    if application is None:
        return None
    return recognition_proposal(context, spec, application.answers)
