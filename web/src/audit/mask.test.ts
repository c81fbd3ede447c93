import { describe, expect, it } from "vitest";
import { maskIdNumber } from "./mask";

describe("maskIdNumber", () => {
  it("keeps the first four and last four characters of an 18-digit number", () => {
    expect(maskIdNumber("31010519820402131X")).toBe("3101**********131X");
  });
  it("hides a short value whole", () => {
    expect(maskIdNumber("12345678")).toBe("********");
  });
});
