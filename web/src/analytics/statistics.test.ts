import { describe, expect, it } from "vitest";
import { barValue, cellText, lastThirtyDays, periodLabel, tenantAndDescendants } from "./statistics";

describe("cellText", () => {
  const suppressedCases = { suppressed: ["CASES"] };
  it("shows a suppressed count as hidden, not as zero nor as below the threshold", () => {
    expect(cellText(null, "CASES", suppressedCases)).toBe("已隐藏");
  });
  it("shows zero as 0", () => {
    expect(cellText(0, "OVERDUE", suppressedCases)).toBe("0");
  });
  it("shows a count that is null without being suppressed as a dash", () => {
    expect(cellText(null, "APPLICATIONS", suppressedCases)).toBe("—");
  });
  it("shows a count as its number", () => {
    expect(cellText(12, "CASES", { suppressed: [] })).toBe("12");
  });
});

describe("barValue", () => {
  it("draws no bar for a hidden count", () => {
    expect(barValue(null)).toBeNull();
    expect(barValue(3)).toBe(3);
  });
});

describe("tenantAndDescendants", () => {
  const tenants = [
    { code: "310000", name: "上海市", parentCode: null },
    { code: "310101", name: "黄浦区", parentCode: "310000" },
    { code: "310105", name: "长宁区", parentCode: "310000" },
    { code: "310105001", name: "华阳路街道", parentCode: "310105" },
  ];
  it("lists the tenant first, then its descendants in tree order", () => {
    expect(tenantAndDescendants(tenants, "310000").map((t) => t.code)).toEqual(["310000", "310101", "310105", "310105001"]);
  });
  it("leaves out tenants outside the subtree", () => {
    expect(tenantAndDescendants(tenants, "310105").map((t) => t.code)).toEqual(["310105", "310105001"]);
  });
  it("is empty for an unknown tenant", () => {
    expect(tenantAndDescendants(tenants, "440000")).toEqual([]);
  });
});

describe("lastThirtyDays", () => {
  it("ends on the given day and starts 29 days before, across a month", () => {
    expect(lastThirtyDays(new Date(2026, 11, 2))).toEqual({ from: "2026-11-03", to: "2026-12-02" });
  });
});

describe("periodLabel", () => {
  it("names a month in Chinese and keeps a day as it is", () => {
    expect(periodLabel("2026-11-01", "MONTH")).toBe("2026年11月");
    expect(periodLabel("2026-11-05", "DAY")).toBe("2026-11-05");
  });
});
