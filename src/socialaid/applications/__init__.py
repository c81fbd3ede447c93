"""Applications and cases: one submission, one case per selected item, one unified result.

The pure modules (no database, no GraphQL): `states` holds the state machines, `planning` the
serial/parallel plan and what a decision sets off, `deadlines` the working-day calendar, `notices`
the decision notices and `timeline` the merged history across departments.

The use cases load rows, call the pure modules and write what they return, one module each:
`submission` (submit, withdraw), `triage` (one door and the joint meeting), `casework` (taking a
case up, 补正), `decision` (deciding and its effects) and `emergency` (emergency mode), on what
`moves` shares (locking, lock versions, transitions, timeline, audit and notification).
`queries` is the read side; `graphql` the API. `publish_preview` (and its GraphQL field) shows
the catalogue admin what publishing a draft would change for recent applications.
"""
