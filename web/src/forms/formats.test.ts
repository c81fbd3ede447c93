import { describe, expect, it } from "vitest";

import { isBankCard, isIdNumber, isIsoDate, isPhone } from "./formats";

describe("formats", () => {
  it("accepts the standard's worked example and refuses a wrong check character", () => {
    expect(isIdNumber("11010519491231002X")).toBe(true);
    expect(isIdNumber("110105194912310021")).toBe(false);
    expect(isIdNumber("99010519491231002X")).toBe(false); // no province 99
  });

  it("checks phones, cards by Luhn, and real calendar dates", () => {
    expect(isPhone("13812345678")).toBe(true);
    expect(isPhone("010-62345678")).toBe(true);
    expect(isPhone("010-12345678")).toBe(false);
    expect(isBankCard("4111111111111111")).toBe(true);
    expect(isBankCard("4111111111111112")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
  });
});
