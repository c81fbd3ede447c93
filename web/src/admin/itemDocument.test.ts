import { describe, expect, it } from "vitest";
import { diffPatch, lockedIn, mergePatch } from "./itemDocument";

describe("merge patch (RFC 7386)", () => {
  it("merges objects, replaces values and removes keys patched with null", () => {
    // RFC 7386 §3's example.
    const target = { a: "b", c: { d: "e", f: "g" } };
    const patch = { a: "z", c: { f: null } };
    expect(mergePatch(target, patch)).toEqual({ a: "z", c: { d: "e" } });
  });

  it("replaces arrays whole", () => {
    expect(mergePatch({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] });
  });
});

describe("the override editor's diff", () => {
  const item = { time_limits: { statutory_working_days: null, promised_working_days: null }, name: "低保" };

  it("shows an element's value before and after the patch", () => {
    expect(diffPatch(item, { time_limits: { promised_working_days: 15 } })).toEqual([
      {
        element: "time_limits",
        before: { statutory_working_days: null, promised_working_days: null },
        after: { statutory_working_days: null, promised_working_days: 15 },
      },
    ]);
  });

  it("leaves out an element the patch does not change", () => {
    expect(diffPatch(item, { name: "低保" })).toEqual([]);
  });

  it("names the locked elements a patch touches", () => {
    expect(lockedIn({ name: "x", time_limits: {} }, ["code", "name", "legal_basis"])).toEqual(["name"]);
  });
});
