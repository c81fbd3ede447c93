"""A tenant admin's own entries, replacements and hidden entries, read below as the catalogue is."""

from __future__ import annotations

from typing import Any

import httpx

from tests.policy_questions.test_search_relevance import SEARCH, ranked_codes
from tests.screening.api import CHANGNING, SHANGHAI, admin, client, data, post

__all__ = ["client"]

SET = """mutation($i: PolicyQuestionSetInput!) { policyQuestionSet(input: $i) {
  errors { code path } policyQuestion { code itemCode question answer source { document section } } } }"""
DELETE = """mutation($i: PolicyQuestionDeleteInput!) { policyQuestionDelete(input: $i) {
  errors { code path } code } }"""
OWN_DOCUMENT = {"document": "长宁区社会救助工作问答（测试用文件名）", "section": "第一条"}


async def set_entry(client: httpx.AsyncClient, tenant: str, **values: Any) -> dict[str, Any]:
    body = await data(client, SET, {"i": {"tenant": tenant, **values}}, admin(tenant))
    return dict(body["policyQuestionSet"])


async def test_a_district_adds_its_own_entry_and_its_search_finds_it(
    client: httpx.AsyncClient,
) -> None:
    payload = await set_entry(
        client,
        CHANGNING,
        code="changning.hotline",
        question="长宁区救助热线电话是多少？",
        answer="（测试用回答）",
        source=OWN_DOCUMENT,
    )

    assert payload["errors"] == []
    assert payload["policyQuestion"]["itemCode"] is None
    assert (await ranked_codes(client, CHANGNING, "救助热线"))[0] == "changning.hotline"
    assert "changning.hotline" not in await ranked_codes(client, SHANGHAI, "救助热线")


async def test_a_city_hides_an_inherited_entry_for_its_districts_until_it_takes_that_back(
    client: httpx.AsyncClient,
) -> None:
    hidden = await set_entry(client, SHANGHAI, code="dibao#3", hidden=True, source=OWN_DOCUMENT)
    while_hidden = await ranked_codes(client, CHANGNING, "低保去哪里办")
    taken_back = await data(
        client, DELETE, {"i": {"tenant": SHANGHAI, "code": "dibao#3"}}, admin(SHANGHAI)
    )

    assert (hidden["errors"], hidden["policyQuestion"]) == ([], None)
    assert "dibao#3" not in while_hidden
    assert taken_back["policyQuestionDelete"] == {"errors": [], "code": "dibao#3"}
    assert (await ranked_codes(client, CHANGNING, "低保去哪里办"))[0] == "dibao#3"


async def test_a_replacement_keeps_the_code_and_the_item(client: httpx.AsyncClient) -> None:
    await set_entry(
        client,
        SHANGHAI,
        code="dibao#3",
        item="dibao",
        question="最低生活保障到哪里申请？",
        answer="（测试用回答）向就近的社区事务受理服务中心提出申请。",
        source={"seed": "000_140f49d7d74dd147.txt", "section": "一（一）"},
    )

    found = await data(client, SEARCH, {"t": CHANGNING, "i": "dibao", "n": 5})

    answers = {e["node"]["code"]: e["node"]["answer"] for e in found["policyQuestions"]["edges"]}
    assert answers["dibao#3"].startswith("（测试用回答）")
    assert len(answers) == 3


async def test_bad_entries_are_refused_at_their_field(client: httpx.AsyncClient) -> None:
    cases: dict[tuple[str, tuple[str, ...]], dict[str, Any]] = {
        ("INVALID_INPUT", ("code",)): {"code": "不合法", "question": "问", "answer": "答"},
        ("INVALID_INPUT", ("question",)): {"code": "x", "question": " ", "answer": "答"},
        ("NOT_FOUND", ("item",)): {
            "code": "x",
            "item": "nothing",
            "question": "问",
            "answer": "答",
        },
        ("NOT_FOUND", ("code",)): {"code": "nothing#1", "hidden": True},
        ("INVALID_INPUT", ("source",)): {
            "code": "x",
            "question": "问",
            "answer": "答",
            "source": {"section": "一"},
        },
    }
    for (code, path), values in cases.items():
        variables = {"i": {"tenant": CHANGNING, "source": OWN_DOCUMENT} | values}
        body = await post(client, SET, variables, admin(CHANGNING))
        assert body.get("data") and body["data"]["policyQuestionSet"], body
        [error] = body["data"]["policyQuestionSet"]["errors"]
        assert (error["code"], tuple(error["path"])) == (code, path), values
