"""The GraphQL kernel every domain builds on: request context, unit of work, the mutation runner,
pagination, scalars and user errors. It imports no domain; the composition root (`api`) imports
the domains."""
