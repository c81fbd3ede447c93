"""`Application.notifications`: what the applicant was told, through which channel, and when."""

from __future__ import annotations

from datetime import datetime

import strawberry

from socialaid.kernel.described_enum import described_enum
from socialaid.notifications.kinds import (
    NotificationChannel,
    NotificationKind,
    NotificationStatus,
)
from socialaid.notifications.models import Notification

NotificationKindEnum = described_enum(
    NotificationKind,
    name="NotificationKind",
    description="告知申请人的办理环节",
    values={
        "SUBMITTED": "已提交（SUBMITTED）：申请已提交",
        "ACCEPTED": "已受理（ACCEPTED）：一门受理（或联席会议指定后）已受理",
        "REJECTED": "不予受理（REJECTED）：一门受理或联席会议不予受理",
        "SUPPLEMENT_REQUESTED": "要求补正（SUPPLEMENT_REQUESTED）：告知所需材料及期限",
        "APPROVED": "准予救助（APPROVED）：某事项的主管部门作出准予决定",
        "DENIED": "不予救助（DENIED）：某事项的主管部门作出不予决定",
        "OVERDUE": "超期致歉（OVERDUE）：某事项超过办理时限仍未办结",
        "COMPLETED": "已办结（COMPLETED）：全部事项已办结",
        "LEAD_CREATED": "新救助线索（LEAD_CREATED）：告知区域的社区救助顾问，主动发现生成了一条线索",
        "REVIEW_DUE": "待核查（REVIEW_DUE）：享受的救助已到定期核查时间，或因主动报告提前核查",
        "REVIEW_COMPLETED": "核查完成（REVIEW_COMPLETED）：定期核查已有结果（继续、调整或停止），见告知书",
    },
)
NotificationChannelEnum = described_enum(
    NotificationChannel,
    name="NotificationChannel",
    description="送达申请人的渠道",
    values={
        "SMS": "短信（SMS）：经配置的短信网关",
        "WECHAT": "微信订阅消息（WECHAT）：经配置的微信消息网关",
        "SINK": "开发留存（SINK）：开发与测试环境，只记录不发送",
    },
)
NotificationStatusEnum = described_enum(
    NotificationStatus,
    name="NotificationStatus",
    description="通知的送达状态",
    values={
        "PENDING": "待发送（PENDING）：尚未送达，失败后按退避重试",
        "SENT": "已发送（SENT）：渠道已接收",
        "FAILED": "发送失败（FAILED）：重试次数用尽，待运维处理",
    },
)


@strawberry.type(name="Notification", description="发给申请人的一条通知（不含身份证号码）")
class NotificationType:
    row: strawberry.Private[Notification]

    @strawberry.field(description="送达所用的渠道；尚未送达时为 null")
    def channel(self) -> NotificationChannelEnum | None:  # type: ignore[valid-type]
        return None if self.row.channel is None else NotificationChannel(self.row.channel)

    @strawberry.field(description="告知的办理环节")
    def kind(self) -> NotificationKindEnum:  # type: ignore[valid-type]
        return NotificationKind(self.row.kind)

    @strawberry.field(description="通知正文")
    def text(self) -> str:
        return self.row.text

    @strawberry.field(description="送达状态")
    def status(self) -> NotificationStatusEnum:  # type: ignore[valid-type]
        return NotificationStatus(self.row.status)

    @strawberry.field(description="送达时间（ISO 8601，带时区偏移）；尚未送达时为 null")
    def sent_at(self) -> datetime | None:
        return self.row.sent_at
