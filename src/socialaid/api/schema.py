"""The one GraphQL schema: every domain's queries and mutations, with the protective extensions."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.tools import merge_types
from strawberry.types.base import get_object_definition

from socialaid.api.error_reporting import ErrorLoggingSchema, should_mask
from socialaid.api.input_guard import InputGuard
from socialaid.api.node_query import NodeQuery
from socialaid.api.parse_cache import ParserCacheLeavingErrors
from socialaid.api.persisted_queries import PersistedDocuments, TrustedDocumentsOnly
from socialaid.api.request_errors import RequestErrorCodes
from socialaid.api.request_origin import AuditRequestExtension
from socialaid.api.unavailable import MaskErrorsNamingOutages
from socialaid.api.validation_cache import QueryValidationCache
from socialaid.applications.calendar_graphql import WorkingCalendarMutation, WorkingCalendarQuery
from socialaid.applications.graphql import (
    ApplicationMutation,
    ApplicationQuery,
    ApplicationSubscription,
)
from socialaid.applications.graphql.reviews import ReviewMutation, ReviewQuery
from socialaid.applications.publish_preview_graphql import CataloguePublishPreviewQuery
from socialaid.audit.graphql import AuditQuery
from socialaid.catalogue.admin_graphql import CatalogueAdminMutation, CatalogueAdminQuery
from socialaid.catalogue.graphql import CatalogueQuery
from socialaid.catalogue.parameters_graphql import ParametersMutation, ParametersQuery
from socialaid.config import Settings
from socialaid.discovery.graphql import DiscoveryMutation, DiscoveryQuery
from socialaid.forms.graphql import FormMutation, FormQuery
from socialaid.grants.graphql import GrantsMutation, GrantsQuery
from socialaid.kernel.direct_leaves import DirectLeavesExecutionContext, resolve_leaves_directly
from socialaid.kernel.scalars import DESCRIBED_SCALARS
from socialaid.materials.graphql import MaterialMutation
from socialaid.monitoring.graphql import MonitoringQuery
from socialaid.needs.graphql import NeedsMutation, NeedsQuery
from socialaid.policy_questions.graphql import PolicyQuestionMutation, PolicyQuestionQuery
from socialaid.reform.graphql import ReformQuery
from socialaid.screening.graphql import ScreeningQuery
from socialaid.statistics.graphql import StatisticsQuery, StatisticsRow
from socialaid.tenancy.graphql import TenancyQuery
from socialaid.webhooks.graphql import WebhookMutation, WebhookQuery

if TYPE_CHECKING:
    from opentelemetry.trace import Tracer


def _root(name: str, description: str, types: tuple[type, ...]) -> type:
    """One root type merged from every domain's, described as a whole."""
    merged = merge_types(name, types)
    get_object_definition(merged, strict=True).description = description
    return merged


Query = _root(
    "Query",
    "查询：公开的目录、表单（无需令牌），以及按角色与管辖范围的申请、案件、授权与审计",
    (
        TenancyQuery,
        CatalogueQuery,
        CatalogueAdminQuery,
        FormQuery,
        GrantsQuery,
        ApplicationQuery,
        CataloguePublishPreviewQuery,
        AuditQuery,
        NodeQuery,
        WorkingCalendarQuery,
        ParametersQuery,
        ScreeningQuery,
        StatisticsQuery,
        WebhookQuery,
        MonitoringQuery,
        PolicyQuestionQuery,
        ReformQuery,
        DiscoveryQuery,
        NeedsQuery,
        ReviewQuery,
    ),
)
Mutation = _root(
    "Mutation",
    "变更：每个变更在一个事务中完成并记入审计；可预期的失败在返回值的 errors 中（失败时不做任何改动），"
    "未认证与权限表的拒绝为 GraphQL 错误（extensions.code 为 UNAUTHENTICATED、FORBIDDEN）",
    (
        GrantsMutation,
        CatalogueAdminMutation,
        FormMutation,
        ApplicationMutation,
        WorkingCalendarMutation,
        ParametersMutation,
        MaterialMutation,
        WebhookMutation,
        PolicyQuestionMutation,
        DiscoveryMutation,
        NeedsMutation,
        ReviewMutation,
    ),
)
Subscription = _root(
    "Subscription",
    "订阅：经 WebSocket（graphql-transport-ws，路径 /graphql）推送",
    (ApplicationSubscription,),
)


def build_schema(
    settings: Settings,
    tracer: Tracer | None = None,
    documents: PersistedDocuments | None = None,
) -> ErrorLoggingSchema:
    """With `tracer`, each operation is a span (api/operation_tracing.py); without, no tracing
    code runs at all. `documents`: in trusted-documents mode, the manifest's (only those run)."""
    # Factories, not instances: strawberry then creates fresh extensions for each operation.
    extensions: list[object] = [
        partial(QueryDepthLimiter, max_depth=settings.max_query_depth),
        partial(MaxTokensLimiter, max_token_count=settings.max_query_tokens),
        partial(MaxAliasesLimiter, max_alias_count=settings.max_query_aliases),
        # Codes and Chinese messages for parse, validation and limit errors.
        RequestErrorCodes,
        # Bounds every argument (kernel/input_bounds.py) before any resolver runs.
        InputGuard,
        partial(MaskErrorsNamingOutages, should_mask_error=should_mask),
        # A repeated query is parsed (a module-level LRU) and validated, limits included, once.
        partial(ParserCacheLeavingErrors, maxsize=512),
        QueryValidationCache,
        AuditRequestExtension,
    ]
    if documents is not None and documents.trusted is not None:
        # First: an untrusted document is refused before anything parses it.
        extensions.insert(0, partial(TrustedDocumentsOnly, documents))
    if settings.is_production:
        extensions.append(DisableIntrospection)
    if tracer is not None:
        from socialaid.api.operation_tracing import OperationTracing

        # First: its span encloses the others' work, and it sees errors as the client will.
        extensions.insert(0, partial(OperationTracing, tracer=tracer))
    schema = ErrorLoggingSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,  # type: ignore[arg-type]
        scalar_overrides=DESCRIBED_SCALARS,  # type: ignore[arg-type]
        execution_context_class=DirectLeavesExecutionContext,
    )
    # The answers of thousands of rows whose fields only read what the query computed.
    resolve_leaves_directly(schema, StatisticsRow)
    return schema


def schema_sdl() -> str:
    """The SDL committed as schema.graphql (independent of runtime settings)."""
    return str(build_schema(Settings(secret="schema-export"))) + "\n"
