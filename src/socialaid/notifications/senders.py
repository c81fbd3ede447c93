"""The senders a worker delivers through, from the settings, in the order they are tried."""

from __future__ import annotations

import httpx

from socialaid.config import ConfigurationError, Settings
from socialaid.notifications.channels import HttpGatewaySender, Sender, SinkSender
from socialaid.notifications.kinds import NotificationChannel


def channel_names(settings: Settings) -> list[NotificationChannel]:
    names = [n.strip() for n in settings.notification_channels.split(",") if n.strip()]
    try:
        return [NotificationChannel(n) for n in names]
    except ValueError:
        raise ConfigurationError(
            f"SOCIALAID_NOTIFICATION_CHANNELS: 只能是 sink、sms、wechat / not a channel: {names}"
        ) from None


def senders_from(settings: Settings, client: httpx.AsyncClient) -> list[Sender]:
    """One sender per configured channel; ConfigurationError names a gateway left unset."""
    senders: list[Sender] = []
    for channel in channel_names(settings):
        if channel is NotificationChannel.SINK:
            senders.append(SinkSender(settings.sink_file))
        elif channel is NotificationChannel.SMS:
            if not settings.sms_gateway_url:
                raise ConfigurationError(
                    "SOCIALAID_SMS_GATEWAY_URL must be set for the sms channel"
                )
            senders.append(
                HttpGatewaySender(
                    channel, settings.sms_gateway_url, settings.sms_gateway_token, client
                )
            )
        else:
            if not settings.wechat_gateway_url:
                raise ConfigurationError(
                    "SOCIALAID_WECHAT_GATEWAY_URL must be set for the wechat channel"
                )
            senders.append(
                HttpGatewaySender(
                    channel,
                    settings.wechat_gateway_url,
                    settings.wechat_gateway_token,
                    client,
                    template_id=settings.wechat_template_id,
                )
            )
    return senders
