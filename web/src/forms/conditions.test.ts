import { describe, expect, it } from "vitest";

import { formState, formatPath, parsePath, readConditions, rowScope } from "./conditions";

/** A small merged form shaped as the API sends it: a top-level condition, a row condition,
 * a parameter, and a field required only under a condition. */
const SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    situation: {
      type: "object",
      title: "申请情形",
      properties: {
        has_disability: { type: "boolean", title: "是否有残疾人", "x-key": "situation.has_disability", "x-visibleWhen": true, "x-requiredWhen": true },
        disability_card: {
          type: "string",
          title: "残疾人证号",
          "x-key": "situation.disability_card",
          "x-visibleWhen": { var: "situation.has_disability" },
          "x-requiredWhen": { var: "situation.has_disability" },
        },
        card_note: {
          type: "string",
          title: "证件说明",
          "x-key": "situation.card_note",
          "x-visibleWhen": { "!!": { var: "situation.disability_card" } },
          "x-requiredWhen": false,
        },
      },
    },
    household: {
      type: "object",
      title: "家庭情况",
      properties: {
        income_monthly: {
          type: "number",
          title: "家庭月收入",
          "x-key": "household.income_monthly",
          "x-visibleWhen": true,
          "x-requiredWhen": { "<": [{ var: "params.income_line" }, 2000] },
        },
        members: {
          type: "array",
          title: "共同生活家庭成员",
          minItems: 1,
          "x-key": "household.members",
          "x-visibleWhen": true,
          items: {
            type: "object",
            properties: {
              name: { type: "string", title: "姓名", "x-key": "household.members[].name", "x-visibleWhen": true, "x-requiredWhen": true },
              student: { type: "boolean", title: "在读学生", "x-key": "household.members[].student", "x-visibleWhen": true, "x-requiredWhen": false },
              school: {
                type: "string",
                title: "就读学校",
                "x-key": "household.members[].school",
                "x-visibleWhen": { var: "student" },
                "x-requiredWhen": { var: "household.members[].student" },
              },
            },
          },
        },
      },
    },
  },
  "x-parameters": { income_line: 1510 },
};

const conditions = readConditions(SCHEMA);

describe("readConditions", () => {
  it("finds the top-level fields and the repeat group with its row fields", () => {
    expect(conditions.fields.map((f) => f.key)).toEqual([
      "situation.has_disability",
      "situation.disability_card",
      "situation.card_note",
      "household.income_monthly",
    ]);
    expect(conditions.groups).toHaveLength(1);
    expect(conditions.groups[0].key).toBe("household.members");
    expect(conditions.groups[0].minItems).toBe(1);
    expect(conditions.groups[0].fields.map((f) => f.path)).toEqual([["name"], ["student"], ["school"]]);
    expect(conditions.parameters).toEqual({ income_line: 1510 });
  });
});

describe("formState: visibility", () => {
  it("hides a field whose condition is false and shows it once another answer makes it true", () => {
    const before = formState(conditions, { situation: { has_disability: false } });
    expect(before.hidden.has("situation.disability_card")).toBe(true);

    const after = formState(conditions, { situation: { has_disability: true } });
    expect(after.hidden.has("situation.disability_card")).toBe(false);
  });

  it("drops a hidden answer, and the answers whose visibility read it, to a fixpoint", () => {
    const state = formState(conditions, {
      situation: { has_disability: false, disability_card: "31010519820402131X", card_note: "换证中" },
    });
    expect(state.answers).toEqual({ situation: { has_disability: false } });
    expect(new Set(state.dropped)).toEqual(new Set(["situation.disability_card", "situation.card_note"]));
  });

  it("drops answers the form does not know", () => {
    const state = formState(conditions, { situation: { has_disability: false }, other: { x: 1 } });
    expect(state.dropped).toEqual(["other.x"]);
    expect(state.answers).toEqual({ situation: { has_disability: false } });
  });

  it("decides a row field's visibility by its own row, by the undotted name", () => {
    const state = formState(conditions, {
      household: { members: [{ name: "王小明", student: true }, { name: "王强", student: false, school: "某校" }] },
    });
    expect(state.hidden.has("household.members[0].school")).toBe(false);
    expect(state.hidden.has("household.members[1].school")).toBe(true);
    expect(state.dropped).toEqual(["household.members[1].school"]);
  });
});

describe("formState: requirement", () => {
  it("requires a field when its condition holds and says so with the server's path and message", () => {
    const state = formState(conditions, {
      situation: { has_disability: true },
      household: { income_monthly: 0, members: [{ name: "王强" }] },
    });
    expect(state.missing).toEqual([
      { path: "situation.disability_card", key: "situation.disability_card", message: "残疾人证号：必填" },
    ]);
  });

  it("counts false and 0 as answers, and an empty string as none", () => {
    const state = formState(conditions, {
      situation: { has_disability: false },
      household: { income_monthly: "", members: [{ name: "王强" }] },
    });
    expect(state.missing.map((m) => m.path)).toEqual(["household.income_monthly"]);
  });

  it("reads parameters under params: the income rule holds with a line of 1510 and not of 2500", () => {
    const low = formState(conditions, {});
    expect(low.required.has("household.income_monthly")).toBe(true);

    const high = formState({ ...conditions, parameters: { income_line: 2500 } }, {});
    expect(high.required.has("household.income_monthly")).toBe(false);
  });

  it("asks for at least the group's minimum of rows while the group is empty", () => {
    const state = formState(conditions, { situation: { has_disability: false }, household: { income_monthly: 800 } });
    expect(state.missing).toEqual([
      { path: "household.members", key: "household.members", message: "共同生活家庭成员：至少填写 1 行" },
    ]);
  });

  it("requires a row field by the row's path-named variable, per row", () => {
    const state = formState(conditions, {
      situation: { has_disability: false },
      household: { income_monthly: 800, members: [{ name: "王小明", student: true }, { student: false }] },
    });
    expect(state.missing.map((m) => m.path)).toEqual(["household.members[0].school", "household.members[1].name"]);
  });

  it("leaves the answers it was given as they were", () => {
    const answers = { situation: { has_disability: false, disability_card: "x" } };
    formState(conditions, answers);
    expect(answers).toEqual({ situation: { has_disability: false, disability_card: "x" } });
  });
});

describe("paths", () => {
  it("formats and parses the server's error paths", () => {
    expect(formatPath(["household", "members", 2, "name"])).toBe("household.members[2].name");
    expect(parsePath("household.members[2].name")).toEqual(["household", "members", 2, "name"]);
  });

  it("places the row at <group>[] beside the answers in a row scope", () => {
    const scope = rowScope({ household: { size: 2 } }, "household.members", { student: true });
    expect(scope).toEqual({ student: true, household: { size: 2, "members[]": { student: true } } });
  });
});
