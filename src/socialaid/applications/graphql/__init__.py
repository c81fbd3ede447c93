"""GraphQL for applying once: one-door triage, the joint meeting, department work, one timeline.

`types` holds the output types, `inputs` and `payloads` what mutations take and return, and
`queries`, `mutations` and `subscription` the root fields the schema merges.
"""

from socialaid.applications.graphql.mutations import ApplicationMutation
from socialaid.applications.graphql.queries import ApplicationQuery
from socialaid.applications.graphql.subscription import ApplicationSubscription

__all__ = ["ApplicationMutation", "ApplicationQuery", "ApplicationSubscription"]
