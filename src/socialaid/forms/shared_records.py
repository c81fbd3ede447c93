"""The shared-data registry: records departments and the data centre push, as an evidence source."""

from __future__ import annotations

import asyncio
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col

from socialaid.access.decisions import authorize
from socialaid.access.principal import Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.audit.person import person_key
from socialaid.audit.writer import write_event
from socialaid.catalogue.files import Exemption
from socialaid.errors import DomainError
from socialaid.forms.exemption import Confirmation
from socialaid.forms.id_numbers import InvalidIdNumberError, parse_id_number
from socialaid.forms.models import SharedRecord
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.tenancy.service import get_tenant


class SharedRecordSource:
    """Confirms evidence held in the registry by any tenant of the applicant's province tree.

    Records pushed by the province or city (the data centre) serve every district below, so the
    lookup widens the unit of work's transaction to the root of the tenant's tree for the read —
    still walled off from other provinces by row-level security.
    """

    def __init__(self, uow: UnitOfWork, *, tenant_path: str, as_of: date) -> None:
        self.uow = uow
        self.root = tenant_path.split("/")[0]
        self.signing_key = uow.signing_key
        self.as_of = as_of
        self._held: dict[str, dict[str, SharedRecord]] = {}
        self._lock = asyncio.Lock()

    async def _records_of(self, subject: str) -> dict[str, SharedRecord]:
        async with self._lock:
            if subject not in self._held:
                async with self.uow.widened_to([self.root]) as session:
                    rows = await session.execute(
                        select(SharedRecord).where(col(SharedRecord.subject_key) == subject)
                    )
                    self._held[subject] = {r.evidence: r for r in rows.scalars() if self._valid(r)}
            return self._held[subject]

    def _valid(self, record: SharedRecord) -> bool:
        starts = record.valid_from is None or record.valid_from <= self.as_of
        ends = record.valid_to is None or self.as_of < record.valid_to
        return starts and ends

    async def confirms(self, evidence_code: str, subject_id_number: str) -> Confirmation | None:
        subject = person_key(self.signing_key, subject_id_number)
        record = (await self._records_of(subject)).get(evidence_code)
        if record is None:
            return None
        return Confirmation(
            evidence=evidence_code,
            subject_id_number=subject_id_number,
            via=Exemption.SHARED_DATA,
            issuer=record.issuer,
            reference=record.reference,
        )


async def upsert_shared_record(
    uow: UnitOfWork,
    *,
    tenant: str,
    evidence: str,
    subject_id_number: str,
    issuer: str,
    reference: str | None,
    valid_from: date | None,
    valid_to: date | None,
) -> SharedRecord:
    """An integration account records (or refreshes) that a person holds a piece of evidence."""
    session = uow.session
    actor = uow.actor
    request_id = uow.request_id
    signing_key = uow.signing_key
    row = await get_tenant(session, code=tenant)
    principal = authorize(
        actor, Resource.SHARED_RECORD, Action.CREATE, Target(tenant_path=row.path)
    )
    try:
        parse_id_number(subject_id_number)
    except InvalidIdNumberError as exc:
        raise DomainError(f"身份证号无效：{exc}", path=["subjectIdNumber"]) from exc
    if valid_from and valid_to and valid_to <= valid_from:
        raise DomainError("validTo 须晚于 validFrom", path=["validTo"])
    subject = person_key(signing_key, subject_id_number)
    values = {
        "tenant_id": tenant,
        "evidence": evidence,
        "subject_key": subject,
        "subject_hint": subject_id_number[-4:],
        "issuer": issuer,
        "reference": reference,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "pushed_by": principal.user_id,
    }
    statement = insert(SharedRecord).values(**values)
    result = await session.execute(
        statement.on_conflict_do_update(
            index_elements=["tenant_id", "evidence", "subject_key"],
            set_={
                k: statement.excluded[k]
                for k in values
                if k not in {"tenant_id", "evidence", "subject_key"}
            },
        ).returning(SharedRecord)
    )
    record = result.scalar_one()
    await write_event(
        session,
        actor=principal,
        action="shared_record.upsert",
        tenant_id=tenant,
        subject_type="shared_record",
        subject_id=f"{evidence}:{subject_id_number[-4:]}",
        after={"evidence": evidence, "issuer": issuer, "reference": reference},
        request_id=request_id,
        person_key=subject,
    )
    return record
