// Pure helpers for the statistics dashboards: how a suppressed cell reads, a row's value on a
// chart, the tenants an analyst may pick and the default date range. No React, no requests.

/** The schema's StatisticsMeasure names of the counts the dashboards show. */
export type Measure = "APPLICATIONS" | "CASES" | "APPROVED" | "DENIED" | "PENDING" | "OVERDUE";

export interface CountedRow {
  suppressed: readonly string[];
}

/**
 * A count as the table shows it: a suppressed count (null in the answer and named in
 * `suppressed`) reads "已隐藏" so nobody mistakes it for zero — not "<minCell": a count hidden because
 * a total would give a small one back (complementary suppression) may be any size. A count null for
 * another reason (an application measure grouped by item) reads "—"; zero stays 0.
 */
export function cellText(value: number | null | undefined, measure: Measure, row: CountedRow): string {
  if (value != null) return String(value);
  if (row.suppressed.includes(measure)) return "已隐藏";
  return "—";
}

/** A count as a bar: suppressed or unknown counts draw no bar (null), never a bar of zero. */
export function barValue(value: number | null | undefined): number | null {
  return value ?? null;
}

export interface TenantNode {
  code: string;
  name: string;
  parentCode: string | null | undefined;
}

/** The tenant `root` and its descendants (the statistics query's scope), root first, in tree order. */
export function tenantAndDescendants<T extends TenantNode>(tenants: readonly T[], root: string): T[] {
  const children = new Map<string, T[]>();
  for (const t of tenants) {
    if (t.parentCode == null) continue;
    children.set(t.parentCode, [...(children.get(t.parentCode) ?? []), t]);
  }
  const top = tenants.find((t) => t.code === root);
  if (!top) return [];
  const out: T[] = [];
  const walk = (t: T) => {
    out.push(t);
    for (const c of children.get(t.code) ?? []) walk(c);
  };
  walk(top);
  return out;
}

function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The default range: the 30 days ending `today` (both included), as YYYY-MM-DD. */
export function lastThirtyDays(today: Date): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
  return { from: isoDay(from), to: isoDay(today) };
}

/** A period's label: the day for DAY, "2026年11月" for MONTH. */
export function periodLabel(period: string | null | undefined, by: "DAY" | "MONTH"): string {
  if (!period) return "—";
  if (by === "DAY") return period;
  const [year, month] = period.split("-");
  return `${year}年${Number(month)}月`;
}
