// The `statistics` query's dashboards (issue 23's rollups): volume over time (DAY or MONTH), per
// department, per type of assistance (ITEM) and the overdue queue per department, each chart with
// its numbers in a table. A suppressed count (below the small-cell threshold, or one a total
// would give such a count back from) is null in the answer and shown as "已隐藏", never as zero.
// Below the overdue queue, the overdue open cases themselves (`cases`, overdue: true: open and
// past their deadline now; the 50 opened last), sorted by deadline.
import { useMemo } from "react";
import { graphql } from "../gql";
import type { StatisticsPanelsQuery } from "../gql/graphql";
import { useQuery } from "../graphql/useQuery";
import { CASE_STATE, shortTime } from "../flow/labels";
import { ErrorBox, Loading } from "../ui/common";
import { Bars } from "./Chart";
import { barValue, cellText, type Measure, periodLabel } from "./statistics";

const StatisticsPanelsDocument = graphql(`
  query StatisticsPanels($tenant: String!, $from: Date!, $to: Date!, $period: StatisticsDimension!) {
    byPeriod: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [$period]) {
      asOf
      minCell
      rows { period applications cases approved denied pending overdue suppressed }
    }
    byDepartment: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [DEPARTMENT]) {
      rows { department applications cases approved denied pending overdue suppressed }
    }
    byItem: statistics(tenant: $tenant, from: $from, to: $to, groupBy: [ITEM]) {
      rows { item applications cases approved denied pending overdue suppressed }
    }
    catalogue(tenant: $tenant) { items { code name children { code name } } }
    overdueCases: cases(filter: { tenant: $tenant, overdue: true }, first: 50) {
      totalCount
      edges { node { id itemName state dueAt overdueMarkedAt department { code name } } }
    }
  }
`);

type Row = StatisticsPanelsQuery["byPeriod"]["rows"][number] | StatisticsPanelsQuery["byDepartment"]["rows"][number];
type Counts = Pick<Row, "applications" | "cases" | "approved" | "denied" | "pending" | "overdue" | "suppressed">;

const MEASURE_LABELS: Record<Measure, string> = {
  APPLICATIONS: "申请数",
  CASES: "案件数",
  APPROVED: "准予",
  DENIED: "不予准予",
  PENDING: "办理中",
  OVERDUE: "超期",
};

function valueOf(row: Counts, measure: Measure): number | null | undefined {
  switch (measure) {
    case "APPLICATIONS": return row.applications;
    case "CASES": return row.cases;
    case "APPROVED": return row.approved;
    case "DENIED": return row.denied;
    case "PENDING": return row.pending;
    case "OVERDUE": return row.overdue;
  }
}

interface Labelled {
  key: string;
  label: string;
  row: Counts;
}

function Panel({ id, title, keyHeader, rows, measures }: {
  id: string;
  title: string;
  keyHeader: string;
  rows: Labelled[];
  measures: Measure[];
}) {
  const categories = useMemo(() => rows.map((r) => r.label), [rows]);
  const series = useMemo(
    () => measures.map((m) => ({ name: MEASURE_LABELS[m], values: rows.map((r) => barValue(valueOf(r.row, m))) })),
    [rows, measures],
  );
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">所选期间没有申请。</p>
      ) : (
        <Bars label={title} categories={categories} series={series} />
      )}
      <div className="table-scroll" tabIndex={0}>
        <table data-testid={`${id}-table`}>
          <caption>{title}数据</caption>
          <thead>
            <tr>
              <th scope="col">{keyHeader}</th>
              {measures.map((m) => <th scope="col" key={m}>{MEASURE_LABELS[m]}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                <th scope="row">{r.label}</th>
                {measures.map((m) => <td key={m} data-measure={m}>{cellText(valueOf(r.row, m), m, r.row)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const VOLUME: Measure[] = ["APPLICATIONS", "CASES"];
const OUTCOMES: Measure[] = ["APPLICATIONS", "CASES", "APPROVED", "DENIED", "PENDING"];
const ITEM_MEASURES: Measure[] = ["CASES", "APPROVED", "DENIED", "PENDING"];
const OVERDUE: Measure[] = ["OVERDUE", "PENDING"];

export function StatisticsPanels({ tenant, from, to, period, departmentNames }: {
  tenant: string;
  from: string;
  to: string;
  period: "DAY" | "MONTH";
  /** Department code → name (completionSummary's), for the tables' row headers. */
  departmentNames: Map<string, string>;
}) {
  const { data, error, loading } = useQuery(
    StatisticsPanelsDocument,
    { tenant, from, to, period },
    { skip: !tenant || !from || !to },
  );
  const itemNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const item of data?.catalogue.items ?? []) {
      names.set(item.code, item.name);
      for (const child of item.children) names.set(child.code, child.name);
    }
    return names;
  }, [data]);
  const byPeriod = useMemo(
    () => (data?.byPeriod.rows ?? []).map((row) => ({ key: row.period ?? "", label: periodLabel(row.period, period), row })),
    [data, period],
  );
  const byDepartment = useMemo(
    () =>
      (data?.byDepartment.rows ?? []).map((row) => ({
        key: row.department ?? "",
        label: departmentNames.get(row.department ?? "") ?? row.department ?? "—",
        row,
      })),
    [data, departmentNames],
  );
  const byItem = useMemo(
    () => (data?.byItem.rows ?? []).map((row) => ({ key: row.item ?? "", label: itemNames.get(row.item ?? "") ?? row.item ?? "—", row })),
    [data, itemNames],
  );
  if (loading) return <Loading />;
  if (error) return <ErrorBox error={error} />;
  if (!data) return null;
  const minCell = data.byPeriod.minCell;
  return (
    <>
      <p className="muted" data-testid="statistics-as-of">
        数据截至 {new Date(data.byPeriod.asOf).toLocaleString("zh-CN")}（汇总约每分钟一次）；
        {minCell > 1 ? `1 至 ${minCell - 1} 的数，以及可由合计推算出它们的数，不显示：表中记为“已隐藏”，图中不画。` : "所有数均显示。"}
      </p>
      <Panel id="volume" title={period === "DAY" ? "申请量（按日）" : "申请量（按月）"} keyHeader={period === "DAY" ? "提交日" : "提交月"} rows={byPeriod} measures={VOLUME} />
      <Panel id="department" title="申请与案件（按部门）" keyHeader="部门" rows={byDepartment} measures={OUTCOMES} />
      <Panel id="item" title="案件（按救助事项）" keyHeader="救助事项" rows={byItem} measures={ITEM_MEASURES} />
      <Panel id="overdue" title="超期队列（按部门）" keyHeader="部门" rows={byDepartment} measures={OVERDUE} />
      <OverdueCases cases={data.overdueCases} />
    </>
  );
}

function OverdueCases({ cases }: { cases: StatisticsPanelsQuery["overdueCases"] }) {
  const rows = [...cases.edges.map((e) => e.node)].sort((a, b) => (a.dueAt ?? "").localeCompare(b.dueAt ?? ""));
  return (
    <section className="card" aria-labelledby="overdue-cases-title">
      <h2 id="overdue-cases-title">超期案件（现在仍未办结）</h2>
      <p>共 <span data-testid="overdue-cases-count">{cases.totalCount}</span> 件{cases.totalCount > rows.length ? `，此处列出最近开立的 ${rows.length} 件` : ""}。</p>
      <div className="table-scroll" tabIndex={0}>
        <table data-testid="overdue-cases-table">
          <caption>超期案件列表</caption>
          <thead><tr><th scope="col">事项</th><th scope="col">部门</th><th scope="col">状态</th><th scope="col">办结期限</th><th scope="col">标记超期</th></tr></thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={5}>没有超期案件。</td></tr>}
            {rows.map((c) => (
              <tr key={c.id} data-key={c.id}>
                <td>{c.itemName}</td><td data-department={c.department.code}>{c.department.name}</td><td>{CASE_STATE[c.state] ?? c.state}</td>
                <td>{c.dueAt ? shortTime(c.dueAt) : "—"}</td><td>{c.overdueMarkedAt ? shortTime(c.overdueMarkedAt) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
