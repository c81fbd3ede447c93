// The calendar editor's text fields, one entry per line, read into workingCalendarPublish's input.
// The server checks the calendar itself (year, weekends, duplicates); this only reads the lines and
// names the ones it cannot read, so a typo is shown beside the field instead of as a failed request.

export interface Holiday {
  date: string;
  name: string;
}

export interface Parsed<T> {
  values: T[];
  /** 1-based line numbers that are neither blank nor an entry. */
  unreadable: number[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function lines(text: string): Array<[number, string]> {
  return text.split(/\r?\n/).map((line, i) => [i + 1, line.trim()] as [number, string]).filter(([, line]) => line !== "");
}

/** `2027-01-01 元旦` per line: a date, whitespace, then the holiday's name. */
export function parseHolidays(text: string): Parsed<Holiday> {
  const values: Holiday[] = [];
  const unreadable: number[] = [];
  for (const [number, line] of lines(text)) {
    const [date, ...rest] = line.split(/\s+/);
    const name = rest.join(" ");
    if (DATE.test(date) && name !== "") values.push({ date, name });
    else unreadable.push(number);
  }
  return { values, unreadable };
}

/** One `YYYY-MM-DD` per line. */
export function parseDates(text: string): Parsed<string> {
  const values: string[] = [];
  const unreadable: number[] = [];
  for (const [number, line] of lines(text)) {
    if (DATE.test(line)) values.push(line);
    else unreadable.push(number);
  }
  return { values, unreadable };
}

export function holidaysText(holidays: readonly Holiday[]): string {
  return holidays.map((h) => `${h.date} ${h.name}`).join("\n");
}
