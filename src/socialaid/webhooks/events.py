"""What a subscriber may ask to be told about. Pure: no database, no strawberry."""

from __future__ import annotations

from enum import StrEnum


class WebhookEvent(StrEnum):
    """The envelope's `event` is the member's name, as the subscriber chose it in GraphQL."""

    APPLICATION_SUBMITTED = "APPLICATION_SUBMITTED"
    APPLICATION_ACCEPTED = "APPLICATION_ACCEPTED"  # at the one door or by the joint meeting
    CASE_READY = "CASE_READY"  # a department may start on it
    CASE_DECIDED = "CASE_DECIDED"  # approved or denied (automatic grants included)
    CASE_SUPPLEMENT_REQUESTED = "CASE_SUPPLEMENT_REQUESTED"  # 补正
    CASE_OVERDUE = "CASE_OVERDUE"  # emitted by the deadline job (issue 19, job queue)
    LEAD_CREATED = "LEAD_CREATED"  # emitted by the discovery job (issue 22, 政策找人)
    REVERIFICATION_DUE = "REVERIFICATION_DUE"  # a benefit's review opened (issue 22)


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # waiting for its (next) attempt
    DELIVERED = "delivered"  # the receiver answered 2xx
    FAILED = "failed"  # given up after the last attempt, or the subscription's URL was refused
