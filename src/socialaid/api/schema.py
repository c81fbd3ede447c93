"""The one GraphQL schema: every domain's queries and mutations, with the protective extensions."""

from __future__ import annotations

from functools import partial

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
)
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from socialaid.api.request_origin import AuditRequestExtension
from socialaid.api.unavailable import MaskErrorsNamingOutages, without_outages
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
from socialaid.errors import DomainError
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


def should_mask(error: GraphQLError) -> bool:
    """Mask unexpected exceptions; keep domain errors and query-validation errors readable."""
    original = error.original_error
    return original is not None and not isinstance(original, DomainError | GraphQLError)


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log each error with its traceback, as strawberry does, except database outages."""
        super().process_errors(without_outages(errors), execution_context)


def build_schema(settings: Settings) -> strawberry.Schema:
    # Factories, not instances: strawberry then creates fresh extensions for each operation.
    extensions: list[object] = [
        partial(QueryDepthLimiter, max_depth=settings.max_query_depth),
        partial(MaxTokensLimiter, max_token_count=settings.max_query_tokens),
        partial(MaxAliasesLimiter, max_alias_count=settings.max_query_aliases),
        partial(MaskErrorsNamingOutages, should_mask_error=should_mask),
        # A repeated query is parsed (a module-level LRU) and validated, limits included, once.
        partial(ParserCache, maxsize=512),
        QueryValidationCache,
        AuditRequestExtension,
    ]
    if settings.is_production:
        extensions.append(DisableIntrospection)
    return Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,  # type: ignore[arg-type]
    )


def schema_sdl() -> str:
    """The SDL committed as schema.graphql (independent of runtime settings)."""
    return str(build_schema(Settings(secret="schema-export"))) + "\n"
