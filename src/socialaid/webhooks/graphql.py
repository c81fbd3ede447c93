"""GraphQL for webhooks to department systems (issue 19, ADR 0026): subscribe, unsubscribe,
rotate the secret, list subscriptions and page through a subscription's deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from socialaid.access.sessions import scoped_session
from socialaid.errors import ErrorCode
from socialaid.kernel.connections import CountedConnection, relay_connection
from socialaid.kernel.context import Info
from socialaid.kernel.described_enum import described_enum
from socialaid.kernel.global_id import encode_global_id
from socialaid.kernel.pagination import (
    AFTER,
    FIRST,
    PageInfo,
    check_page_size,
    decode_cursor,
    encode_cursor,
)
from socialaid.kernel.runner import MUTATION_INPUT, run_mutation
from socialaid.kernel.scalars import JSON, as_json
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ErrorOf, Failable, errors_field, payload_error
from socialaid.tenancy.graphql import TenantType, tenant_of
from socialaid.webhooks import service
from socialaid.webhooks.delivery import url_policy
from socialaid.webhooks.events import DeliveryStatus, WebhookEvent
from socialaid.webhooks.models import WebhookDelivery, WebhookSubscription

WebhookEventEnum = described_enum(
    WebhookEvent,
    name="WebhookEvent",
    description="可订阅的事件：推送体的 event 字段即其名称",
    values={
        "APPLICATION_SUBMITTED": "已提交（APPLICATION_SUBMITTED）：收到一份申请",
        "APPLICATION_ACCEPTED": "已受理（APPLICATION_ACCEPTED）：一门受理或联席会议受理并分送部门",
        "CASE_READY": "可办理（CASE_READY）：案件分送到部门，或前置事项办结后可开始办理",
        "CASE_DECIDED": "已决定（CASE_DECIDED）：部门作出准予或不予救助的决定（含免申即享的自动准予）",
        "CASE_SUPPLEMENT_REQUESTED": "要求补正（CASE_SUPPLEMENT_REQUESTED）：部门要求申请人补正材料",
        "CASE_OVERDUE": "已逾期（CASE_OVERDUE）：案件超过办结期限（由期限任务发出）",
        "LEAD_CREATED": "发现救助线索（LEAD_CREATED）：主动发现规则按民生体征标签为一户家庭生成线索"
        "（由主动发现任务发出；只含线索标识、规则、建议事项与区域，不含身份信息）",
        "REVERIFICATION_DUE": "待核查（REVERIFICATION_DUE）：已准予的救助到了定期核查时间，或因主动报告提前核查",
    },
)
DeliveryStatusEnum = described_enum(
    DeliveryStatus,
    name="WebhookDeliveryStatus",
    description="一次事件推送的投递状态",
    values={
        "PENDING": "待投递（PENDING）：等待首次或下一次尝试（见 nextAttemptAt）",
        "DELIVERED": "已送达（DELIVERED）：接收方以 2xx 应答",
        "FAILED": "已放弃（FAILED）：达到最多尝试次数仍未送达",
    },
)


@strawberry.type(
    name="WebhookSubscription",
    description="部门系统的事件推送订阅：向 url 以 HTTPS POST 推送签名的事件（见 README「事件推送」）",
)
class WebhookSubscriptionType:
    row: strawberry.Private[WebhookSubscription]

    @strawberry.field(description="订阅的标识（不透明），用于 webhookDeliveries 与删除、轮换密钥")
    def id(self) -> strawberry.ID:
        return strawberry.ID(
            encode_global_id(service.SUBSCRIPTION_TYPE, self.row.tenant_id, str(self.row.id))
        )

    @strawberry.field(description="订阅的数据库标识（UUID），与审计事件的 subjectId 相同")
    def database_id(self) -> str:
        return str(self.row.id)

    @strawberry.field(description="订阅所属租户：推送该租户及其下级租户发生的事件")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.row.tenant_id)

    @strawberry.field(description="接收推送的地址（https）")
    def url(self) -> str:
        return self.row.url

    @strawberry.field(description="订阅的事件")
    def events(self) -> list[WebhookEventEnum]:  # type: ignore[valid-type]
        return [WebhookEvent(e) for e in self.row.events]

    @strawberry.field(description="只推送涉及这些部门的事件（部门代码）；为空时推送所有部门的事件")
    def departments(self) -> list[str]:
        return list(self.row.departments)

    @strawberry.field(description="创建者的用户标识")
    def created_by(self) -> str:
        return self.row.created_by

    @strawberry.field(description="创建时间")
    def created_at(self) -> datetime:
        assert self.row.created_at is not None  # set on insert
        return self.row.created_at

    @strawberry.field(description="最近一次轮换密钥的时间；从未轮换为 null")
    def secret_rotated_at(self) -> datetime | None:
        return self.row.secret_rotated_at


@strawberry.type(name="WebhookDelivery", description="一个事件向一个订阅的一次推送（含重试）")
class WebhookDeliveryType:
    row: strawberry.Private[WebhookDelivery]

    @strawberry.field(
        description="投递标识（UUID）：推送体的 id 与 X-Socialaid-Delivery 头，每次重试相同，接收方据此去重"
    )
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.id))

    @strawberry.field(description="事件")
    def event(self) -> WebhookEventEnum:  # type: ignore[valid-type]
        return WebhookEvent(self.row.event)

    @strawberry.field(description="投递状态")
    def status(self) -> DeliveryStatusEnum:  # type: ignore[valid-type]
        return DeliveryStatus(self.row.status)

    @strawberry.field(description="已尝试的次数")
    def attempts(self) -> int:
        return self.row.attempts

    @strawberry.field(
        description="最近一次失败的原因（如 HTTP 500、连接超时）；成功或未尝试为 null"
    )
    def last_error(self) -> str | None:
        return self.row.last_error

    @strawberry.field(description="最近一次尝试接收方应答的 HTTP 状态码；未应答为 null")
    def response_status(self) -> int | None:
        return self.row.response_status

    @strawberry.field(description="下一次尝试的时间；已送达或已放弃为 null")
    def next_attempt_at(self) -> datetime | None:
        return self.row.next_attempt_at

    @strawberry.field(description="最近一次尝试的时间；未尝试为 null")
    def last_attempt_at(self) -> datetime | None:
        return self.row.last_attempt_at

    @strawberry.field(description="送达时间；未送达为 null")
    def delivered_at(self) -> datetime | None:
        return self.row.delivered_at

    @strawberry.field(description="事件发生的时间（推送体的 occurredAt）")
    def occurred_at(self) -> datetime:
        return self.row.occurred_at

    @strawberry.field(description="事件发生地的租户代码（推送体的 tenant）")
    def tenant_code(self) -> str:
        return self.row.event_tenant

    @strawberry.field(
        description="推送体的 data：申请与案件的全局标识、事项与部门代码、状态（不含姓名与证件号码）"
    )
    def data(self) -> JSON:
        return as_json(self.row.data)


@relay_connection(
    description="一个订阅的推送记录（Relay 连接），新的在前",
    edge="事件推送记录连接中的一条",
    node="一次推送",
    edges="本页的推送",
)
class WebhookDeliveryConnection(CountedConnection[WebhookDeliveryType]):
    pass


@strawberry.input(
    description="订阅事件推送（tenant_admin，或部门系统 integration 订阅本部门的事件）"
)
class WebhookSubscriptionCreateInput:
    tenant: str = strawberry.field(description="租户代码：推送该租户及其下级租户发生的事件")
    url: str = strawberry.field(
        description="接收地址：https（开发与测试环境可用 http://localhost）；"
        "生产环境不接受解析到内网或保留地址的主机，除非列入 SOCIALAID_WEBHOOK_ALLOWED_HOSTS"
    )
    events: list[WebhookEventEnum] = strawberry.field(  # type: ignore[valid-type]
        description="订阅的事件，至少一种"
    )
    departments: list[str] | None = strawberry.field(
        default=None,
        description="只推送涉及这些部门（部门代码）的事件。省略：管理员为所有部门，"
        "部门系统为其令牌中的部门；部门系统只能列出自己的部门",
    )


@strawberry.input(description="指定一个事件推送订阅")
class WebhookSubscriptionRefInput:
    id: strawberry.ID = strawberry.field(description="订阅的标识（WebhookSubscription.id）")


WebhookSubscriptionError = payload_error(
    "WebhookSubscriptionError",
    [ErrorCode.NOT_FOUND],
    operations=(
        "事件推送订阅的变更（webhookSubscriptionCreate、webhookSubscriptionDelete、"
        "webhookSubscriptionRotateSecret）"
    ),
)


@strawberry.type(description="webhookSubscriptionCreate 与 webhookSubscriptionRotateSecret 的结果")
class WebhookSubscriptionSecretPayload(Failable):
    error_type = WebhookSubscriptionError
    subscription: WebhookSubscriptionType | None = strawberry.field(
        default=None, description="订阅；失败时为 null"
    )
    secret: str | None = strawberry.field(
        default=None,
        description="签名密钥（HMAC-SHA256）：只在此处出现一次，请立即保存；失败时为 null",
    )
    errors: list[ErrorOf] = errors_field(WebhookSubscriptionError)


@strawberry.type(description="webhookSubscriptionDelete 的结果")
class WebhookSubscriptionDeletePayload(Failable):
    error_type = WebhookSubscriptionError
    deleted: bool = strawberry.field(
        default=False, description="是否已删除（未投递的推送一并删除）；失败时为 false"
    )
    errors: list[ErrorOf] = errors_field(WebhookSubscriptionError)


@strawberry.type
class WebhookQuery:
    @strawberry.field(
        description="租户及其下级租户的事件推送订阅，按创建时间排序；需 tenant_admin 或 integration"
    )
    async def webhook_subscriptions(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="租户代码，含其下级")],
    ) -> list[WebhookSubscriptionType]:
        async with scoped_session(info.context.db, info.context.principal) as session:
            rows = await service.list_subscriptions(
                session, actor=info.context.principal, tenant=tenant
            )
        return [WebhookSubscriptionType(row=row) for row in rows]

    @strawberry.field(
        description="一个订阅的推送记录，新的在前：状态、尝试次数、最近的错误与应答、下一次尝试时间"
    )
    async def webhook_deliveries(
        self,
        info: Info,
        subscription: Annotated[
            strawberry.ID, strawberry.argument(description="订阅的标识（WebhookSubscription.id）")
        ],
        first: Annotated[int, strawberry.argument(description=FIRST)] = 50,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> WebhookDeliveryConnection:
        check_page_size(first, path=["first"])
        key = decode_cursor(after, 2, path=["after"]) if after is not None else None
        actor = info.context.principal
        async with scoped_session(info.context.db, actor) as session:
            row, page = await service.list_deliveries(
                session,
                actor=actor,
                subscription=str(subscription),
                first=first,
                after=(key[0], key[1]) if key else None,
            )
        edges = [
            WebhookDeliveryConnection.edge(
                cursor=encode_cursor(service.delivery_key(d)), node=WebhookDeliveryType(row=d)
            )
            for d in page.deliveries
        ]

        async def count() -> int:
            async with scoped_session(info.context.db, actor) as session:
                return await service.count_deliveries(session, row)

        return WebhookDeliveryConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page, after=after),
            count=count,
        )


@strawberry.type
class WebhookMutation:
    @strawberry.mutation(
        description="订阅事件推送；返回的 secret 只出现这一次（tenant_admin，或部门系统 integration）"
    )
    async def webhook_subscription_create(
        self,
        info: Info,
        input: Annotated[
            WebhookSubscriptionCreateInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> WebhookSubscriptionSecretPayload:
        policy = url_policy(info.context.settings)

        async def work(uow: UnitOfWork) -> WebhookSubscriptionSecretPayload:
            created = await service.create_subscription(
                uow,
                tenant=input.tenant,
                url=input.url,
                events=[WebhookEvent(e) for e in input.events],
                departments=input.departments,
                policy=policy,
            )
            return WebhookSubscriptionSecretPayload(
                subscription=WebhookSubscriptionType(row=created.subscription),
                secret=created.secret,
            )

        return await run_mutation(info, WebhookSubscriptionSecretPayload, work)

    @strawberry.mutation(description="删除事件推送订阅及其未投递的推送")
    async def webhook_subscription_delete(
        self,
        info: Info,
        input: Annotated[
            WebhookSubscriptionRefInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> WebhookSubscriptionDeletePayload:
        async def work(uow: UnitOfWork) -> WebhookSubscriptionDeletePayload:
            await service.delete_subscription(uow, subscription=str(input.id))
            return WebhookSubscriptionDeletePayload(deleted=True)

        return await run_mutation(info, WebhookSubscriptionDeletePayload, work)

    @strawberry.mutation(
        description="轮换签名密钥：此后的推送（含重试）用新密钥签名；新密钥只出现这一次"
    )
    async def webhook_subscription_rotate_secret(
        self,
        info: Info,
        input: Annotated[
            WebhookSubscriptionRefInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> WebhookSubscriptionSecretPayload:
        async def work(uow: UnitOfWork) -> WebhookSubscriptionSecretPayload:
            rotated = await service.rotate_secret(uow, subscription=str(input.id))
            return WebhookSubscriptionSecretPayload(
                subscription=WebhookSubscriptionType(row=rotated.subscription),
                secret=rotated.secret,
            )

        return await run_mutation(info, WebhookSubscriptionSecretPayload, work)
