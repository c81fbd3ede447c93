import { describe, expect, it } from "vitest";
import { holidaysText, parseDates, parseHolidays } from "./calendarInput";

describe("the calendar editor's lines", () => {
  it("reads a date and a name per line, skipping blank lines", () => {
    expect(parseHolidays("2031-01-01 元旦\n\n  2031-01-29 春节 \n")).toEqual({
      values: [
        { date: "2031-01-01", name: "元旦" },
        { date: "2031-01-29", name: "春节" },
      ],
      unreadable: [],
    });
  });

  it("names the lines without a date or without a name", () => {
    expect(parseHolidays("2031-01-01\n元旦 2031-01-01\n2031-1-2 元旦\n2031-01-03 元旦").unreadable).toEqual([1, 2, 3]);
  });

  it("reads one date per line for the adjusted working days", () => {
    expect(parseDates("2031-01-04\nnext saturday\n2031-02-08")).toEqual({
      values: ["2031-01-04", "2031-02-08"],
      unreadable: [2],
    });
  });

  it("writes holidays back as the lines it reads", () => {
    const holidays = [{ date: "2031-10-01", name: "国庆节" }];
    expect(parseHolidays(holidaysText(holidays)).values).toEqual(holidays);
  });
});
