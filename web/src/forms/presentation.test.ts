import { describe, expect, it } from "vitest";

import { presentableSchema, uiSchemaFor } from "./presentation";

const SCHEMA = {
  type: "object",
  properties: {
    household: {
      type: "object",
      properties: {
        members: {
          type: "array",
          items: {
            type: "object",
            properties: {
              relation: {
                type: "string",
                enum: ["spouse", "son"],
                "x-elementType": "code",
                "x-options": [
                  { code: "spouse", label: "配偶" },
                  { code: "son", label: "子" },
                ],
              },
              student: { type: "boolean", "x-elementType": "boolean" },
            },
          },
        },
        note: { type: "string", "x-elementType": "text" },
      },
    },
  },
};

describe("presentation", () => {
  it("turns a code list into labelled choices that accept the same codes", () => {
    const shown = presentableSchema(SCHEMA) as any;
    const relation = shown.properties.household.properties.members.items.properties.relation;
    expect(relation.enum).toBeUndefined();
    expect(relation.oneOf).toEqual([
      { const: "spouse", title: "配偶" },
      { const: "son", title: "子" },
    ]);
    expect(relation["x-options"]).toEqual(SCHEMA.properties.household.properties.members.items.properties.relation["x-options"]);
  });

  it("gives yes/no radios to booleans in rows and a text area to long text", () => {
    const ui = uiSchemaFor(SCHEMA) as any;
    expect(ui.household.members.items.student).toEqual({ "ui:widget": "radio", "ui:enumNames": ["是", "否"] });
    expect(ui.household.note["ui:widget"]).toBe("textarea");
  });
});
