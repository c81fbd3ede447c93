"""What a notification tells the applicant, through which channel, and how far its delivery got."""

from __future__ import annotations

from enum import StrEnum


class NotificationKind(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"  # at the one door
    REJECTED = "rejected"  # at the one door, or by the joint meeting
    SUPPLEMENT_REQUESTED = "supplement_requested"  # 补正
    APPROVED = "approved"  # a department's decision
    DENIED = "denied"  # a department's decision
    OVERDUE = "overdue"  # the apology when a case passes its deadline
    COMPLETED = "completed"
    LEAD_CREATED = "lead_created"  # to the community adviser of the lead's area (issue 22)
    REVIEW_DUE = "review_due"  # a benefit's re-verification is open (issue 22)
    REVIEW_COMPLETED = "review_completed"  # its outcome, with the notice


class NotificationChannel(StrEnum):
    SMS = "sms"
    WECHAT = "wechat"  # WeChat subscription messages (订阅消息)
    SINK = "sink"  # development: stored in a file, sent nowhere


class NotificationStatus(StrEnum):
    PENDING = "pending"  # not yet delivered; retried until MAX_ATTEMPTS
    SENT = "sent"
    FAILED = "failed"  # every attempt failed: an operator looks at last_error
