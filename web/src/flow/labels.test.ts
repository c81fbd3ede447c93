import { describe, expect, it } from "vitest";

import { shortTime, subjectLabel } from "./labels";

describe("subjectLabel", () => {
  const answers = { household: { members: [{ name: "王小明" }, {}] } };

  it("names the applicant, the household and a member by the name given in the form", () => {
    expect(subjectLabel("applicant", answers)).toBe("申请人");
    expect(subjectLabel("household", answers)).toBe("全家");
    expect(subjectLabel("household.members[0]", answers)).toBe("家庭成员：王小明");
  });

  it("falls back to the row number when the row has no name", () => {
    expect(subjectLabel("household.members[1]", answers)).toBe("家庭成员第 2 行");
    expect(subjectLabel(null, answers)).toBe("—");
  });
});

describe("shortTime", () => {
  it("shows China time to the minute as the API sent it", () => {
    expect(shortTime("2026-12-02T20:15:09+08:00")).toBe("2026-12-02 20:15");
  });
});
