"""The records of the JSONB columns: each reads back what it writes, in the format stored so far."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import postgresql

from socialaid.applications.notices import NoticeKind, TemplateOrigin
from socialaid.applications.planning import Decision, DependencyRef, ItemRef, Outcome
from socialaid.applications.records import (
    DecisionRecord,
    DependencyRecord,
    ItemRefRecord,
    MaterialRecord,
    MaterialRecordState,
    NoticeRecord,
    Received,
    ReceivedDecision,
    ReceivedNote,
    SupplementRecord,
    TriageOutcome,
    TriageRecord,
)
from socialaid.catalogue.files import Exemption, ItemFile, Mode
from socialaid.db.json_record import JsonRecord, Record

TENANTS = Path(__file__).resolve().parents[2] / "tenants"
CHINA_OFFSET = timezone(timedelta(hours=8))
AT = datetime(2027, 1, 5, 9, 30, 12, 345678, tzinfo=CHINA_OFFSET)

# ---------------------------------------------------------------- strategies

texts = st.text(max_size=12)
codes = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True)
code_tuples = st.lists(codes, max_size=3).map(tuple)
moments = st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([CHINA_OFFSET, UTC]),
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1))
amounts = st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**9)

dependencies = st.builds(
    DependencyRecord,
    items=code_tuples.filter(bool),
    on_denied=st.sampled_from(["close", "continue"]),
    approved_as=st.none() | code_tuples,
)
item_refs = st.builds(
    ItemRefRecord,
    code=codes,
    department=codes,
    mode=st.sampled_from(Mode),
    requires_decision_of=st.lists(dependencies, max_size=3).map(tuple),
    promised_working_days=st.none() | st.integers(1, 60),
    name=st.none() | texts,
    basis=st.none() | texts,
    excluded_by=st.none() | st.lists(code_tuples.filter(bool), min_size=1, max_size=2).map(tuple),
)
decisions = st.builds(
    DecisionRecord,
    outcome=st.sampled_from(Outcome),
    reasons=st.lists(texts, max_size=2).map(tuple),
    amount=st.none() | amounts,
    period=st.none() | texts,
    basis=st.none() | texts,
    documents=st.lists(texts, max_size=2).map(tuple),
    reference=st.none() | texts,
    recognised_as=code_tuples,
    starts_on=st.none() | days,
    period_months=st.none() | st.integers(1, 36),
    decided_by=texts,
    decided_at=moments,
    automatic=st.booleans(),
    trigger=st.none() | codes,
)
notices = st.builds(
    NoticeRecord,
    kind=st.sampled_from(NoticeKind),
    text=texts,
    origin=st.sampled_from(TemplateOrigin),
    label=st.none() | texts,
)
triages = st.one_of(
    st.builds(TriageRecord.accepted, by=texts, at=moments),
    st.builds(TriageRecord.escalated, texts, by=texts, at=moments),
    st.builds(TriageRecord.escalated, texts, by=texts, at=moments).flatmap(
        lambda escalated: st.builds(escalated.assigned, texts)
    ),
    st.builds(
        TriageRecord.rejected,
        st.lists(texts, min_size=1, max_size=2).map(tuple),
        notices,
        by=texts,
        at=moments,
    ),
)
materials = st.builds(
    MaterialRecord,
    material=codes,
    evidence=codes,
    subject=codes,
    subject_path=st.none() | codes,
    status=st.sampled_from(MaterialRecordState),
    reason=st.none() | texts,
    required_by=code_tuples,
    reference=st.none() | texts,
    exempt_via=st.none() | st.sampled_from(Exemption),
    issuer=st.none() | codes,
)
received = st.one_of(
    st.builds(ReceivedNote, note=texts, items=code_tuples),
    st.builds(
        ReceivedDecision,
        predecessor=codes,
        decision=st.none() | decisions,
        notice=texts,
        documents=st.lists(texts, max_size=2).map(tuple),
        at=moments,
    ),
)
supplements = st.builds(
    SupplementRecord,
    materials=st.lists(texts, min_size=1, max_size=3).map(tuple),
    deadline=days,
    notice=notices,
    requested_by=texts,
    requested_at=moments,
).flatmap(
    lambda requested: (
        st.just(requested)
        | st.builds(requested.supplied_with, st.lists(texts, max_size=2).map(tuple), at=moments)
    )
)
records = st.one_of(item_refs, decisions, notices, triages, materials, received, supplements)


def is_plain_json(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_plain_json(v) for k, v in value.items())
    if isinstance(value, list):
        return all(is_plain_json(v) for v in value)
    return value is None or isinstance(value, str | int | float | bool)


# ---------------------------------------------------------------- round trips


@settings(max_examples=300, deadline=None)
@given(records)
def test_every_record_reads_back_what_it_writes_and_writes_plain_json(record: Record) -> None:
    stored = record.to_json()
    assert is_plain_json(stored)
    again = type(record).from_json(stored)
    assert again == record
    assert again.to_json() == stored


@settings(max_examples=200, deadline=None)
@given(st.lists(received, max_size=4))
def test_a_column_of_received_entries_reads_back_each_kind(entries: list[Received]) -> None:
    column = JsonRecord(Received, many=True)
    dialect = postgresql.dialect()
    stored = column.process_bind_param(tuple(entries), dialect)
    assert stored == [entry.to_json() for entry in entries]
    assert column.process_result_value(stored, dialect) == tuple(entries)


@given(st.none() | decisions)
def test_a_nullable_column_keeps_none(record: DecisionRecord | None) -> None:
    column = JsonRecord(DecisionRecord)
    dialect = postgresql.dialect()
    assert (
        column.process_result_value(column.process_bind_param(record, dialect), dialect) == record
    )


def test_a_column_refuses_a_value_that_is_not_its_record() -> None:
    column = JsonRecord(DecisionRecord)
    try:
        column.process_bind_param({"outcome": "approved"}, postgresql.dialect())
    except TypeError:
        return
    raise AssertionError("a dict was written as a decision")


@given(item_refs)
def test_an_item_ref_and_its_record_carry_the_same_item(record: ItemRefRecord) -> None:
    assert ItemRefRecord.of(record.item_ref(), basis=record.basis) == record


# ---------------------------------------------------------------- the format stored so far


def test_a_decision_is_stored_with_iso_dates_and_its_amount_as_a_decimal_string() -> None:
    made = Decision(
        outcome=Outcome.APPROVED,
        amount=Decimal("1510.00"),
        period="自2027年1月1日起12个月",
        basis="《社会救助暂行办法》",
        documents=("doc-1",),
        reference="case-1",
        recognised_as=("dibao_family",),
    )
    record = DecisionRecord.of(
        made, decided_by="worker", decided_at=AT, starts_on=date(2027, 1, 1), period_months=12
    )
    assert record.to_json() == {
        "outcome": "approved",
        "reasons": [],
        "amount": "1510.00",
        "period": "自2027年1月1日起12个月",
        "basis": "《社会救助暂行办法》",
        "documents": ["doc-1"],
        "reference": "case-1",
        "recognised_as": ["dibao_family"],
        "starts_on": "2027-01-01",
        "period_months": 12,
        "decided_by": "worker",
        "decided_at": "2027-01-05T09:30:12.345678+08:00",
        "automatic": False,
        "trigger": None,
    }
    assert record.decision() == made


def test_triage_keeps_to_the_keys_of_its_outcome() -> None:
    notice = NoticeRecord(kind=NoticeKind.REJECT, text="不予受理", origin=TemplateOrigin.TENANT)
    at = "2027-01-05T09:30:12.345678+08:00"
    assert TriageRecord.accepted(by="clerk", at=AT).to_json() == {
        "outcome": "accepted",
        "by": "clerk",
        "at": at,
    }
    escalated = TriageRecord.escalated("无对应政策", by="clerk", at=AT)
    assert escalated.to_json() == {
        "outcome": "escalated",
        "reason": "无对应政策",
        "by": "clerk",
        "at": at,
    }
    assert escalated.assigned("meeting").to_json() == {
        "outcome": "escalated",
        "reason": "无对应政策",
        "by": "clerk",
        "at": at,
        "assigned_by": "meeting",
    }
    rejected = TriageRecord.rejected(("户籍不在本市",), notice, by="clerk", at=AT)
    assert rejected.outcome is TriageOutcome.REJECTED
    assert rejected.to_json() == {
        "outcome": "rejected",
        "reasons": ["户籍不在本市"],
        "notice": {"kind": "reject", "text": "不予受理", "origin": "tenant", "label": None},
        "by": "clerk",
        "at": at,
    }


def test_a_supplement_gains_supplied_at_only_once_something_is_supplied() -> None:
    notice = NoticeRecord(kind=NoticeKind.SUPPLEMENT, text="请补正", origin=TemplateOrigin.TENANT)
    requested = SupplementRecord(
        materials=("收入证明",),
        deadline=date(2027, 2, 1),
        notice=notice,
        requested_by="worker",
        requested_at=AT,
    )
    assert requested.to_json() == {
        "materials": ["收入证明"],
        "deadline": "2027-02-01",
        "notice": notice.to_json(),
        "requested_by": "worker",
        "requested_at": "2027-01-05T09:30:12.345678+08:00",
        "supplied": [],
    }
    supplied = requested.supplied_with(("upload://1",), at=AT).supplied_with(("upload://2",), at=AT)
    assert supplied.to_json() == {
        **requested.to_json(),
        "supplied": ["upload://1", "upload://2"],
        "supplied_at": "2027-01-05T09:30:12.345678+08:00",
    }


def test_an_item_is_filed_from_its_validated_catalogue_document() -> None:
    path = TENANTS / "140000-shanxi" / "items" / "medical_aid.yaml"
    item = ItemFile.model_validate(yaml.safe_load(path.read_text("utf-8")))
    filed = ItemRefRecord.of_item(item)
    assert filed.item_ref() == ItemRef.from_item(item)
    assert filed.item_ref().requires_decision_of == (
        DependencyRef(
            items=("low_income_recognition",),
            on_denied="close",
            approved_as=("dibao_family", "extremely_poor"),
        ),
    )
    stored = filed.to_json()
    assert stored["mode"] == "auto_granted"
    assert stored["requires_decision_of"] == [
        {
            "items": ["low_income_recognition"],
            "on_denied": "close",
            "approved_as": ["dibao_family", "extremely_poor"],
        }
    ]
    assert stored["basis"] == "、".join(
        f"《{b.title}》" + (f"（{b.number}）" if b.number else "") for b in item.legal_basis
    )
    assert stored["basis"].startswith("《国务院关于进一步优化政务服务")


def test_an_item_ruled_out_by_an_approval_is_filed_with_its_exclusions() -> None:
    path = TENANTS / "310000-shanghai" / "items" / "low_income_recognition.yaml"
    item = ItemFile.model_validate(yaml.safe_load(path.read_text("utf-8")))
    filed = ItemRefRecord.of_item(item)

    assert filed.to_json()["excluded_by"] == [["dibao"]]
    assert ItemRefRecord.from_json(filed.to_json()).item_ref() == ItemRef.from_item(item)


def test_an_item_without_exclusions_is_stored_as_before_they_existed() -> None:
    path = TENANTS / "310000-shanghai" / "items" / "dibao.yaml"
    filed = ItemRefRecord.of_item(ItemFile.model_validate(yaml.safe_load(path.read_text("utf-8"))))

    assert "excluded_by" not in filed.to_json()
    assert filed.item_ref().excluded_by == ()
