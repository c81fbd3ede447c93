"""This request's batch loader of the assessments that applications and cases show: a page of
cases asking for `needsAssessment` reads them in one session, not one session per row."""

from __future__ import annotations

import uuid

from strawberry.dataloader import DataLoader

from socialaid.access.sessions import scoped_session
from socialaid.kernel.context import Context
from socialaid.needs.models import NeedsAssessment
from socialaid.needs.service import current_of_application

_SLOT = "needs"

# The application's tenant and key, and the field that asks ("Application" or "Case", recorded
# in the audited read).
AssessmentKey = tuple[str, uuid.UUID, str]


def assessment_loader(context: Context) -> DataLoader[AssessmentKey, NeedsAssessment | None]:
    """This request's loader (created on first use). Each row is still checked for the reader
    and its read audited, as `current_of_application` does one at a time."""
    existing = context.request_loaders.get(_SLOT)
    if isinstance(existing, DataLoader):
        return existing

    async def load(keys: list[AssessmentKey]) -> list[NeedsAssessment | None]:
        async with scoped_session(context.db, context.principal) as session:
            return [
                await current_of_application(
                    session,
                    context.principal,
                    tenant_id=tenant_id,
                    application_id=application_id,
                    via=via,
                    request_id=context.request_id,
                )
                for tenant_id, application_id, via in keys
            ]

    created: DataLoader[AssessmentKey, NeedsAssessment | None] = DataLoader(load_fn=load)
    context.request_loaders[_SLOT] = created
    return created
