"""Decision notices: tenant templates rendered safely, the platform default when none is set."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from socialaid.applications.notices import (
    PLATFORM_DEFAULT_LABEL,
    MissingNoticeValueError,
    NoticeKind,
    NoticeTemplateError,
    NoticeValues,
    TemplateOrigin,
    check_template,
    check_templates,
    render_notice,
)
from socialaid.catalogue.files import NoticeTemplate


def template(kind: str, text: str) -> NoticeTemplate:
    return NoticeTemplate.model_validate({"kind": kind, "text": text})


def values(**changes: object) -> NoticeValues:
    base: dict[str, object] = {
        "applicant": "张三",
        "item": "最低生活保障",
        "department": "长宁区民政局",
    }
    base.update(changes)
    return NoticeValues(**base)  # type: ignore[arg-type]


def test_a_tenant_template_is_filled_with_the_decision() -> None:
    approve = template("approve", "{applicant}：您的{item}申请已获批准，每月{amount}元，{period}。")

    notice = render_notice(
        NoticeKind.APPROVE,
        values(amount=Decimal("1510"), period="自2025年10月起按月发放"),
        [approve],
    )

    assert (
        notice.text == "张三：您的最低生活保障申请已获批准，每月1510.00元，自2025年10月起按月发放。"
    )
    assert notice.origin is TemplateOrigin.TENANT
    assert notice.label is None


def test_reasons_materials_and_dates_are_written_out() -> None:
    supplement = template("supplement", "请补正：{materials}，截止{deadline}。{reasons}")
    notice = render_notice(
        NoticeKind.SUPPLEMENT,
        values(
            materials=("户口簿", "残疾证"),
            deadline=date(2025, 10, 14),
            reasons=("复印件不清晰。", "缺少签字"),
        ),
        [supplement],
    )
    assert notice.text == "请补正：户口簿、残疾证，截止2025年10月14日。复印件不清晰；缺少签字"


def test_an_unknown_placeholder_is_a_typed_error_at_render_time() -> None:
    with pytest.raises(NoticeTemplateError) as raised:
        render_notice(NoticeKind.APPROVE, values(), [template("approve", "{applicant}{bank}")])
    assert raised.value.problems == ("unknown placeholder {bank}",)


@pytest.mark.parametrize(
    "text",
    [
        "{applicant.__class__}",
        "{applicant[0]}",
        "{item!r}",
        "{amount:>20}",
        "{}",
        "{0}",
        "{item",
        "item}",
    ],
)
def test_check_template_refuses_anything_but_plain_known_placeholders(text: str) -> None:
    with pytest.raises(NoticeTemplateError):
        check_template(text)


def test_doubled_braces_are_literal_braces() -> None:
    notice = render_notice(NoticeKind.APPROVE, values(), [template("approve", "{{item}} {item}")])
    assert notice.text == "{item} 最低生活保障"


def test_a_refusal_template_must_give_reasons_and_a_supplement_what_and_by_when() -> None:
    check_template("{applicant} 不予救助", None)
    for kind in (NoticeKind.DENY, NoticeKind.REJECT):
        with pytest.raises(NoticeTemplateError):
            check_template("{applicant} 不予救助", kind)
    with pytest.raises(NoticeTemplateError) as raised:
        check_template("请补正材料", NoticeKind.SUPPLEMENT)
    assert len(raised.value.problems) == 2


def test_a_tenants_templates_are_checked_together_at_import() -> None:
    check_templates([template("approve", "{item}"), template("deny", "{reasons}")])
    with pytest.raises(NoticeTemplateError) as raised:
        check_templates(
            [
                template("deny", "{reasons}"),
                template("deny", "{reasons}"),
                template("approve", "{x}"),
            ]
        )
    assert raised.value.problems == (
        "notice_templates[1]: a second deny template",
        "notice_templates[2]: unknown placeholder {x}",
    )


def test_a_value_the_template_needs_but_the_notice_lacks_is_a_typed_error() -> None:
    with pytest.raises(MissingNoticeValueError) as raised:
        render_notice(NoticeKind.APPROVE, values(), [template("approve", "{amount}元 {period}")])
    assert raised.value.placeholders == ("amount", "period")


def test_without_a_tenant_template_the_labelled_platform_default_is_used() -> None:
    notice = render_notice(
        NoticeKind.DENY,
        values(reasons=("家庭人均收入高于低保标准",), issued_on=date(2025, 10, 9)),
        [template("approve", "{item}")],
    )
    assert notice.origin is TemplateOrigin.PLATFORM_DEFAULT
    assert notice.label == PLATFORM_DEFAULT_LABEL
    assert notice.text == (
        "张三：\n您申请的“最低生活保障”，经长宁区民政局审核，决定不予救助。"
        "理由：家庭人均收入高于低保标准。\n\n长宁区民政局\n2025年10月9日"
    )


def test_the_default_approval_states_only_what_was_decided() -> None:
    bare = render_notice(NoticeKind.APPROVE, values()).text
    assert "金额" not in bare and "期限" not in bare
    full = render_notice(
        NoticeKind.APPROVE,
        values(amount=Decimal("800.5"), period="12个月", basis="《社会救助暂行办法》"),
    ).text
    assert "救助金额：800.50元。救助期限：12个月。" in full
    assert "依据：《社会救助暂行办法》。" in full


def test_every_default_is_a_valid_template_of_its_kind() -> None:
    complete = values(
        amount=Decimal(1),
        period="p",
        reasons=("r",),
        basis="b",
        deadline=date(2025, 10, 14),
        materials=("m",),
        issued_on=date(2025, 10, 9),
    )
    for kind in NoticeKind:
        assert render_notice(kind, complete).origin is TemplateOrigin.PLATFORM_DEFAULT


def test_a_default_refusal_without_reasons_is_refused() -> None:
    with pytest.raises(MissingNoticeValueError):
        render_notice(NoticeKind.REJECT, values())
