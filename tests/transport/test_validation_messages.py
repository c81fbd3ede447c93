"""graphql-core's validation and coercion messages reach clients in Chinese, the names they quote
kept, the English original in `extensions.original`: each rule against a sentence of our own."""

from __future__ import annotations

import httpx
import pytest
from graphql import build_schema, parse, validate

from socialaid.api.schema import schema_sdl
from socialaid.api.validation_messages import in_chinese
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

CASES = [
    ("{ tenants { nosuchfield } }", "类型 'Tenant' 没有字段 'nosuchfield'"),
    ("{ tenants { codd } }", "类型 'Tenant' 没有字段 'codd'；是否想用 'code'？"),
    (
        '{ tenant(cod: "310105") { code } }',
        "字段 'Query.tenant' 没有参数 'cod'；是否想用 'code'？",
    ),
    ("{ tenant { code } }", "缺少必填参数 'Query.tenant(code:)'（类型 'String!'）"),
    (
        "query ($c: Int) { tenant(code: $c) { code } }",
        "变量 '$c' 的类型 'Int' 与此处要求的类型 'String!' 不符",
    ),
    ("{ tenants { ...F } }", "未定义的片段 'F'"),
    ("fragment F on Tenant { code } { tenants { code } }", "片段 'F' 未被使用"),
    ("fragment F on Tenant { ...F } { tenants { ...F } }", "片段 'F' 不能展开自身"),
    (
        "{ tenants { ... on Case { id } } }",
        "内联片段不能在此展开：'Tenant' 类型的对象不可能是 'Case' 类型",
    ),
    (
        "{ tenants { code { x } } }",
        "字段 'code' 的类型 'String!' 没有子字段，不能带选择集",
    ),
    (
        "{ tenants }",
        "字段 'tenants' 的类型为 '[Tenant!]!'，须选择其子字段；是否想用 'tenants { ... }'？",
    ),
    ("query ($x: String) { tenants { code } }", "变量 '$x' 未被使用"),
    ("query Q { tenant(code: $c) { code } }", "操作 'Q' 未定义变量 '$c'"),
    ("{ tenants { code @foo } }", "未知指令 '@foo'"),
    ("query A { tenants { code } } query A { tenants { code } }", "名为 'A' 的操作只能有一个"),
    ("{ tenant(code: 5) { code } }", "String 类型不能表示非字符串值 5"),
    ("query ($v: Nope) { tenants { code } }", "未知类型 'Nope'；是否想用 'Node' 或 'Role'？"),
    (
        'mutation { roleGrant(input: {tenant: "1", userId: "x"}) { errors { code } } }',
        "'RoleGrantInput' 类型的值缺少必填字段 'role'",
    ),
    (
        'mutation { roleGrant(input: {tenant: "1", userId: "x", role: NOPE}) { errors { code } } }',
        "枚举 'Role' 没有值 'NOPE'",
    ),
    (
        'mutation { roleGrant(input: {tenant: "1", userId: "x", role: AUDITOR, extra: 1}) '
        "{ errors { code } } }",
        "'RoleGrantInput' 类型没有字段 'extra'",
    ),
]


@pytest.mark.parametrize(("document", "chinese"), CASES)
def test_a_validation_message_is_translated_keeping_its_names(document: str, chinese: str) -> None:
    schema = build_schema(schema_sdl())
    messages = [in_chinese(e.message) for e in validate(schema, parse(document))]
    assert chinese in messages


def test_a_message_no_rule_knows_stays_as_it_is() -> None:
    assert in_chinese("Something graphql-core says one day.") == (
        "Something graphql-core says one day."
    )


async def test_an_unknown_field_reaches_the_client_in_chinese_with_the_english_original(
    base_url: str,  # noqa: F811
) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        response = await client.post("/graphql", json={"query": "{ tenants { nosuchfield } }"})
    [error] = response.json()["errors"]
    assert error["message"] == "查询未通过校验：类型 'Tenant' 没有字段 'nosuchfield'"
    assert error["extensions"] == {
        "code": "GRAPHQL_VALIDATION_FAILED",
        "original": "Cannot query field 'nosuchfield' on type 'Tenant'.",
    }


async def test_a_wrongly_typed_variable_reaches_the_client_in_chinese(
    base_url: str,  # noqa: F811
) -> None:
    query = "query ($c: String!) { tenant(code: $c) { code } }"
    async with httpx.AsyncClient(base_url=base_url) as client:
        response = await client.post("/graphql", json={"query": query, "variables": {"c": 5}})
    [error] = response.json()["errors"]
    assert (
        error["message"] == "变量的值不合要求：变量 '$c' 的值无效：String 类型不能表示非字符串值 5"
    )
    assert error["extensions"]["code"] == "INVALID_INPUT"
