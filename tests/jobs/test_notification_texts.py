"""What a notification may say: a tenant's template takes only the known placeholders, the
texts never carry an identity number, and retries back off."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError

from socialaid.catalogue.files import NotificationTemplate
from socialaid.notifications.delivery import retry_delay
from socialaid.notifications.kinds import NotificationKind
from socialaid.notifications.outbox import without_id_numbers
from socialaid.notifications.templates import DEFAULT_TEXTS, message, placeholders
from tests.identity_numbers import id_number


@pytest.mark.parametrize("text", ["{applicant}您好", "{item.__class__}", "{item!r}", "{item:>9}"])
def test_a_tenant_template_may_not_reach_for_other_values(text: str) -> None:
    with pytest.raises(ValidationError, match="通知模板不能使用占位符"):
        NotificationTemplate(kind="submitted", text=text)


def test_every_default_text_uses_only_the_known_placeholders() -> None:
    assert set(DEFAULT_TEXTS) == set(NotificationKind)
    for text in DEFAULT_TEXTS.values():
        placeholders(text)  # raises on an unknown one


def test_the_tenant_template_wins_over_the_default() -> None:
    templates = {"completed": "{tenant}：申请已办结。"}
    assert (
        message(NotificationKind.COMPLETED, templates, {"tenant": "长宁区"})
        == "长宁区：申请已办结。"
    )
    assert message(NotificationKind.SUBMITTED, templates, {"item": "最低生活保障"}) == (
        "您的社会救助申请（最低生活保障）已提交，请留意后续办理进度。"
    )


def test_identity_numbers_are_taken_out_of_any_text() -> None:
    eighteen = id_number("310105")
    fifteen = "310105800517123"
    text = f"号码{eighteen}与旧号码{fifteen}，电话13800138000，金额1510.00"
    assert without_id_numbers(text) == "号码＊＊＊与旧号码＊＊＊，电话13800138000，金额1510.00"


def test_retries_back_off_doubling_up_to_an_hour() -> None:
    delays = [retry_delay(n) for n in range(1, 10)]
    assert delays[:4] == [timedelta(seconds=s) for s in (30, 60, 120, 240)]
    assert delays[-1] == timedelta(hours=1)
