"""The one GraphQL schema: every domain's queries and mutations, with the protective extensions."""

from __future__ import annotations

from functools import partial

from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.tools import merge_types

from socialaid.api.error_reporting import ErrorLoggingSchema, should_mask
from socialaid.api.input_guard import InputGuard
from socialaid.api.parse_cache import ParserCacheLeavingErrors
from socialaid.api.persisted_queries import PersistedDocuments, TrustedDocumentsOnly
from socialaid.api.request_errors import RequestErrorCodes
from socialaid.api.request_origin import AuditRequestExtension
from socialaid.api.unavailable import MaskErrorsNamingOutages
from socialaid.api.validation_cache import QueryValidationCache
from socialaid.applications.graphql import (
    ApplicationMutation,
    ApplicationQuery,
    ApplicationSubscription,
)
from socialaid.applications.publish_preview_graphql import CataloguePublishPreviewQuery
from socialaid.audit.graphql import AuditQuery
from socialaid.catalogue.admin_graphql import CatalogueAdminMutation, CatalogueAdminQuery
from socialaid.catalogue.graphql import CatalogueQuery
from socialaid.config import Settings
from socialaid.forms.graphql import FormMutation, FormQuery
from socialaid.grants.graphql import GrantsMutation, GrantsQuery
from socialaid.tenancy.graphql import TenancyQuery

Query = merge_types(
    "Query",
    (
        TenancyQuery,
        CatalogueQuery,
        CatalogueAdminQuery,
        FormQuery,
        GrantsQuery,
        ApplicationQuery,
        CataloguePublishPreviewQuery,
        AuditQuery,
    ),
)
Mutation = merge_types(
    "Mutation", (GrantsMutation, CatalogueAdminMutation, FormMutation, ApplicationMutation)
)
Subscription = merge_types("Subscription", (ApplicationSubscription,))


def build_schema(
    settings: Settings, documents: PersistedDocuments | None = None
) -> ErrorLoggingSchema:
    """`documents`: in trusted-documents mode, the manifest's (only those run)."""
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
    return ErrorLoggingSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,  # type: ignore[arg-type]
    )


def schema_sdl() -> str:
    """The SDL committed as schema.graphql (independent of runtime settings)."""
    return str(build_schema(Settings(secret="schema-export"))) + "\n"
