"""Applications and cases: one submission, one case per selected item, one unified result.

The modules here are pure (no database, no GraphQL): the service loads rows, calls them, and
writes what they return. `states` holds the state machines, `planning` the serial/parallel plan and
what a decision sets off, `deadlines` the working-day calendar, `notices` the decision notices and
`timeline` the merged history across departments.
"""
