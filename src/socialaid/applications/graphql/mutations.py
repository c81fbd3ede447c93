"""GraphQL mutations: submit and withdraw, one-door triage, the joint meeting, department work
and decisions, emergency mode.

Each runs through `run_mutation` (one unit of work) and calls its use case, which authorizes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import strawberry

from socialaid.applications.casework import acknowledge, request_supplement, supply
from socialaid.applications.decision import DecisionInput, decide
from socialaid.applications.emergency import set_emergency_mode
from socialaid.applications.graphql.inputs import (
    ApplicationActInput,
    ApplicationEscalateInput,
    ApplicationRejectInput,
    ApplicationSubmitInput,
    ApplicationWithdrawInput,
    CaseActInput,
    CaseDecideInput,
    CaseSupplementProvideInput,
    CaseSupplementRequestInput,
    EmergencyModeSetInput,
    JointMeetingAssignInput,
)
from socialaid.applications.graphql.payloads import (
    ApplicationPayload,
    ApplicationSubmitPayload,
    CasePayload,
    EmergencyModePayload,
)
from socialaid.applications.graphql.types import ApplicationType, CaseType, EmergencyModeType
from socialaid.applications.models import Application, ApplicationCase
from socialaid.applications.planning import Outcome
from socialaid.applications.submission import MaterialInput, Submission, submit, withdraw
from socialaid.applications.triage import (
    joint_meeting_assign,
    joint_meeting_reject,
    triage_accept,
    triage_escalate,
    triage_reject,
)
from socialaid.catalogue.files import Channel, Exemption
from socialaid.errors import DomainError
from socialaid.kernel.context import Info
from socialaid.kernel.runner import MUTATION_INPUT, run_mutation
from socialaid.kernel.unit_of_work import UnitOfWork


@strawberry.type
class ApplicationMutation:
    @strawberry.mutation(description="一次申请多个事项（任一渠道）；同一幂等键重试返回同一申请")
    async def application_submit(
        self,
        info: Info,
        input: Annotated[ApplicationSubmitInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> ApplicationSubmitPayload:
        async def work(uow: UnitOfWork) -> ApplicationSubmitPayload:
            submitted = await submit(uow, submission=_submission(input))
            return ApplicationSubmitPayload(
                application=ApplicationType(row=submitted.application),
                replayed=submitted.replayed,
            )

        return await run_mutation(info, ApplicationSubmitPayload, work)

    @strawberry.mutation(description="一门受理：受理并分送各事项主管部门（无依赖者并联办理）")
    async def application_triage_accept(
        self,
        info: Info,
        input: Annotated[ApplicationActInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> ApplicationPayload:
        return await _application_payload(info, _on_application(triage_accept, input))

    @strawberry.mutation(description="一门受理：不予受理，告知理由")
    async def application_triage_reject(
        self,
        info: Info,
        input: Annotated[ApplicationRejectInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> ApplicationPayload:
        return await _application_payload(
            info, _on_application(triage_reject, input, reasons=input.reasons)
        )

    @strawberry.mutation(description="提交联席会议：无适合部门或需多部门会商")
    async def application_triage_escalate(
        self,
        info: Info,
        input: Annotated[ApplicationEscalateInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> ApplicationPayload:
        return await _application_payload(
            info, _on_application(triage_escalate, input, reason=input.reason)
        )

    @strawberry.mutation(description="联席会议指定承办部门与牵头部门，申请转入办理")
    async def application_joint_meeting_assign(
        self,
        info: Info,
        input: Annotated[JointMeetingAssignInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> ApplicationPayload:
        return await _application_payload(
            info,
            _on_application(
                joint_meeting_assign,
                input,
                departments={a.item: a.department for a in input.departments},
                lead=input.lead,
            ),
        )

    @strawberry.mutation(description="联席会议认定不属救助范围：不予受理，告知理由")
    async def application_joint_meeting_reject(
        self,
        info: Info,
        input: Annotated[ApplicationRejectInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> ApplicationPayload:
        return await _application_payload(
            info, _on_application(joint_meeting_reject, input, reasons=input.reasons)
        )

    @strawberry.mutation(description="申请人撤回申请：未办结的案件一并撤回")
    async def application_withdraw(
        self,
        info: Info,
        input: Annotated[ApplicationWithdrawInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> ApplicationPayload:
        return await _application_payload(
            info, _on_application(withdraw, input, reason=input.reason)
        )

    @strawberry.mutation(description="部门接件，开始办理")
    async def case_acknowledge(
        self,
        info: Info,
        input: Annotated[CaseActInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> CasePayload:
        return await _case_payload(info, _on_case(acknowledge, input))

    @strawberry.mutation(description="补正：一次性告知所需材料及期限")
    async def case_supplement_request(
        self,
        info: Info,
        input: Annotated[
            CaseSupplementRequestInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> CasePayload:
        return await _case_payload(
            info,
            _on_case(
                request_supplement,
                input,
                materials=input.materials,
                deadline=input.deadline,
                working_days=input.working_days,
            ),
        )

    @strawberry.mutation(description="申请人（或代办人）提交补正材料")
    async def case_supplement_provide(
        self,
        info: Info,
        input: Annotated[
            CaseSupplementProvideInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> CasePayload:
        return await _case_payload(info, _on_case(supply, input, references=input.references))

    @strawberry.mutation(description="部门作出准予或不准予的决定并出具告知书；结果推送给后道事项")
    async def case_decide(
        self,
        info: Info,
        input: Annotated[CaseDecideInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> CasePayload:
        async def act(uow: UnitOfWork) -> ApplicationCase:
            # Parsed inside the unit of work, so a bad amount is a payload error like any other.
            decision = DecisionInput(
                outcome=Outcome(input.outcome),
                reasons=tuple(input.reasons),
                amount=_amount(input.amount),
                period=input.period,
                period_months=input.period_months,
                starts_on=input.starts_on,
                basis=input.basis,
                documents=tuple(input.documents),
                recognised_as=tuple(input.recognised_as),
                reverification_period=input.reverification_period,
            )
            return await decide(
                uow, case_id=str(input.id), lock_version=input.lock_version, decision=decision
            )

        return await _case_payload(info, act)

    @strawberry.mutation(description="启用或结束本地区的应急措施（结束时间早于现在即结束）")
    async def emergency_mode_set(
        self,
        info: Info,
        input: Annotated[EmergencyModeSetInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> EmergencyModePayload:
        async def work(uow: UnitOfWork) -> EmergencyModePayload:
            row = await set_emergency_mode(
                uow,
                tenant=input.tenant,
                provision=input.provision,
                starts_at=input.starts_at,
                ends_at=input.ends_at,
            )
            return EmergencyModePayload(emergency_mode=EmergencyModeType.of(row))

        return await run_mutation(info, EmergencyModePayload, work)


async def _application_payload(
    info: Info, act: Callable[[UnitOfWork], Awaitable[Application]]
) -> ApplicationPayload:
    async def work(uow: UnitOfWork) -> ApplicationPayload:
        return ApplicationPayload(application=ApplicationType(row=await act(uow)))

    return await run_mutation(info, ApplicationPayload, work)


async def _case_payload(
    info: Info, act: Callable[[UnitOfWork], Awaitable[ApplicationCase]]
) -> CasePayload:
    async def work(uow: UnitOfWork) -> CasePayload:
        case = await act(uow)
        # Read again in the same transaction: the decision's cascade changed the application.
        application = await uow.session.get_one(
            Application, (case.tenant_id, case.application_id), populate_existing=True
        )
        return CasePayload(case=CaseType(row=case), application=ApplicationType(row=application))

    return await run_mutation(info, CasePayload, work)


def _submission(input: ApplicationSubmitInput) -> Submission:
    return Submission(
        tenant=input.tenant,
        channel=Channel(input.channel).value,
        items=list(input.items),
        answers=_answers(input.answers),
        idempotency_key=input.idempotency_key,
        materials=[
            MaterialInput(
                material=m.material,
                subject=m.subject,
                reference=m.reference,
                election=Exemption(m.election) if m.election else None,
            )
            for m in input.materials
        ],
        on_behalf_of=input.on_behalf_of,
        area=input.area,
        personal_commitment=input.personal_commitment,
    )


def _on_application(
    act: Callable[..., Awaitable[Application]], input: Any, **arguments: Any
) -> Callable[[UnitOfWork], Awaitable[Application]]:
    """`act` on the application `input` names, at the lock version it read."""
    return lambda uow: act(
        uow, application_id=str(input.id), lock_version=input.lock_version, **arguments
    )


def _on_case(
    act: Callable[..., Awaitable[ApplicationCase]], input: Any, **arguments: Any
) -> Callable[[UnitOfWork], Awaitable[ApplicationCase]]:
    """`act` on the case `input` names, at the lock version it read."""
    return lambda uow: act(uow, case_id=str(input.id), lock_version=input.lock_version, **arguments)


def _amount(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise DomainError("金额应为十进制数", path=["amount"]) from None
    if not amount.is_finite() or amount < 0:
        raise DomainError("金额应为非负数", path=["amount"])
    return amount


def _answers(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DomainError("answers 应为对象", path=["answers"])
    return value
