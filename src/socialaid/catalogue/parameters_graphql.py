"""GraphQL for tenant parameters (issue 21): `parameters` (public) and `tenantParameterSet`
(tenant_admin)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from socialaid.catalogue import service
from socialaid.catalogue.graphql import ParameterType
from socialaid.catalogue.parameter_setting import tenant_parameter_set
from socialaid.catalogue.service import CatalogueCaches
from socialaid.clock import today_in_china
from socialaid.errors import ErrorCode
from socialaid.kernel.context import Info
from socialaid.kernel.runner import MUTATION_INPUT, run_mutation
from socialaid.kernel.scalars import JSON
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ErrorOf, Failable, errors_field, payload_error


@strawberry.input(description="设定租户参数的取值（自某日起施行；此前的取值保留为历史）")
class TenantParameterSetInput:
    tenant: str = strawberry.field(description="租户（行政区划代码）；下级租户未设定的，沿用该值")
    key: str = strawberry.field(
        description="参数键，须为该租户目录（本级或上级的目录、事项）声明的参数，如 dibao_standard"
    )
    value: JSON = strawberry.field(
        description="取值，类型由参数单位决定：元、元/月、元/人·月等为不小于 0、至多两位小数的数；"
        "月、周岁、人为整数；比例为 0 到 1 的数；%/月 为逐月百分比，以英文逗号分隔的文字（如 "
        '"100,80,60"）；无单位为文字。类型不符为 INVALID_INPUT（path: value）'
    )
    effective_from: date = strawberry.field(
        description="自哪天起施行（YYYY-MM-DD，不早于今天）；此前各日仍读原取值"
    )
    source: str = strawberry.field(
        description="取值的出处：文件名称、文号及条款（不能为空），如“关于调整本市最低生活保障标准的通知 第一条”"
    )
    reason: str = strawberry.field(description="设定理由（不能为空），记入审计")


TenantParameterSetError = payload_error(
    "TenantParameterSetError",
    [ErrorCode.NOT_FOUND],
    operations="设定租户参数（tenantParameterSet）",
)


@strawberry.type(description="tenantParameterSet 的结果")
class TenantParameterSetPayload(Failable):
    error_type = TenantParameterSetError
    parameter: ParameterType | None = strawberry.field(
        default=None, description="设定后该租户在施行日读到的参数；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(TenantParameterSetError)


@strawberry.type
class ParametersQuery:
    @strawberry.field(
        description="租户在某日读到的全部参数（本级及上级目录、事项声明的）及取值和来历；公开，无需令牌"
    )
    async def parameters(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="租户（行政区划代码），如 310105")],
        as_of: Annotated[
            date | None,
            strawberry.argument(description="所查日期（YYYY-MM-DD）；默认今天（北京时间）"),
        ] = None,
    ) -> list[ParameterType]:
        day = as_of or today_in_china()
        async with info.context.db.session() as session:
            view = await service.tenant_view(
                session, info.context.caches.of(CatalogueCaches), tenant=tenant, as_of=day
            )
        return [ParameterType.resolved(p) for p in view.parameters.values()]


@strawberry.type
class ParametersMutation:
    @strawberry.mutation(
        description="设定租户参数自某日起的取值（tenant_admin）；按单位校验类型，保留历史，"
        "下级租户未设定的沿用；记入审计"
    )
    async def tenant_parameter_set(
        self,
        info: Info,
        input: Annotated[TenantParameterSetInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> TenantParameterSetPayload:
        async def work(uow: UnitOfWork) -> TenantParameterSetPayload:
            resolved = await tenant_parameter_set(
                uow,
                tenant=input.tenant,
                key=input.key,
                value=input.value,
                effective_from=input.effective_from,
                source=input.source,
                reason=input.reason,
            )
            return TenantParameterSetPayload(parameter=ParameterType.resolved(resolved))

        return await run_mutation(info, TenantParameterSetPayload, work)
