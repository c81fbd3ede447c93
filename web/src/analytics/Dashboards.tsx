// Analysts' and centre managers' dashboards: the reform's effect against its targets
// (reformEffect) and 办结汇总 per department (completionSummary), each chart with its numbers as a
// table; and the `statistics` query's volume over time, per department, per type of assistance and
// the overdue queue (StatisticsPanels). A date range and a tenant (the signed-in one or a
// descendant) apply to every chart.
import { useMemo, useState } from "react";
import { useAuth } from "../auth/AuthContext";
import { graphql } from "../gql";
import { useQuery } from "../graphql/useQuery";
import { ErrorBox, Loading } from "../ui/common";
import { Bars } from "./Chart";
import { StatisticsPanels } from "./StatisticsPanels";
import { lastThirtyDays, tenantAndDescendants } from "./statistics";

const DashboardTenantsDocument = graphql(`
  query DashboardTenants {
    tenants { code name parentCode }
  }
`);

const DashboardsDocument = graphql(`
  query Dashboards($tenant: String!, $from: Date, $to: Date) {
    reformEffect(tenant: $tenant, from: $from, to: $to) {
      applications
      timedApplications
      checks { measure itemByItem merged saved reductionPercent met arithmetic target { statement reductionPercent comparison } }
    }
    completionSummary(tenant: $tenant, from: $from, to: $to) {
      minCell
      departments { department departmentName received decided approved denied closed withdrawn pending overdue withinLimit late }
      total { received decided approved denied closed pending overdue withinLimit late }
    }
  }
`);

const MEASURES: Record<string, string> = { STEPS: "环节", FIELDS: "填报项", TIME: "时间（工作日）", MATERIALS: "材料", TRIPS: "跑动次数" };

// The table's columns after the department, in order; a hidden count (small, or one that would
// give a small one back by subtraction) is null in the answer and never shown as zero.
const COMPLETION_COLUMNS = ["received", "decided", "approved", "denied", "closed", "pending", "overdue", "withinLimit", "late"] as const;

function hiddenOr(value: number | null | undefined): string {
  return value == null ? "已隐藏" : String(value);
}

function percent(value: number | null | undefined): string {
  return value == null ? "—" : `${value.toFixed(1)}%`;
}

export function Dashboards() {
  const { me } = useAuth();
  // statistics needs both ends; the last 30 days unless the analyst picks others.
  const [range, setRange] = useState(() => lastThirtyDays(new Date()));
  const [period, setPeriod] = useState<"DAY" | "MONTH">("DAY");
  const [picked, setPicked] = useState("");
  const tenant = picked || me?.tenant.code || "";
  const tenants = useQuery(DashboardTenantsDocument, {});
  const choices = useMemo(
    () => tenantAndDescendants(tenants.data?.tenants ?? [], me?.tenant.code ?? ""),
    [tenants.data, me],
  );
  const { data, error, loading } = useQuery(DashboardsDocument, {
    tenant,
    from: range.from || null,
    to: range.to || null,
  });
  const reform = data?.reformEffect;
  const completion = data?.completionSummary;
  const reformSeries = useMemo(
    () =>
      reform
        ? [
            { name: "逐项申请", values: reform.checks.map((c) => c.itemByItem) },
            { name: "一件事合并", values: reform.checks.map((c) => c.merged) },
          ]
        : [],
    [reform],
  );
  const reformCategories = useMemo(() => reform?.checks.map((c) => MEASURES[c.measure] ?? c.measure) ?? [], [reform]);
  const completionSeries = useMemo(
    () =>
      completion
        ? [
            { name: "批准", values: completion.departments.map((d) => d.approved), stack: "done" },
            { name: "不予批准", values: completion.departments.map((d) => d.denied), stack: "done" },
            { name: "终止", values: completion.departments.map((d) => d.closed), stack: "done" },
            { name: "办理中", values: completion.departments.map((d) => d.pending), stack: "done" },
            { name: "超期", values: completion.departments.map((d) => d.overdue) },
          ]
        : [],
    [completion],
  );
  const completionCategories = useMemo(() => completion?.departments.map((d) => d.departmentName) ?? [], [completion]);
  const departmentNames = useMemo(
    () => new Map((completion?.departments ?? []).map((d) => [d.department, d.departmentName])),
    [completion],
  );

  return (
    <>
      <h1>统计看板</h1>
      <div className="card form-grid">
        <label>起（含）<input type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} /></label>
        <label>止（含）<input type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} /></label>
        <label>
          租户
          <select value={tenant} onChange={(e) => setPicked(e.target.value)}>
            {choices.length === 0 && me && <option value={me.tenant.code}>{me.tenant.name}</option>}
            {choices.map((t) => <option key={t.code} value={t.code}>{t.name}（{t.code}）</option>)}
          </select>
        </label>
        <label>
          时间粒度
          <select value={period} onChange={(e) => setPeriod(e.target.value === "MONTH" ? "MONTH" : "DAY")}>
            <option value="DAY">按日</option>
            <option value="MONTH">按月</option>
          </select>
        </label>
      </div>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {reform && (
        <section className="card" aria-labelledby="reform-title">
          <h2 id="reform-title">改革成效（对照目标）</h2>
          <p>期间申请 {reform.applications} 份，其中已有办理时长的 {reform.timedApplications} 份。</p>
          <Bars label="改革成效：逐项申请与一件事合并的对比" categories={reformCategories} series={reformSeries} />
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="reform-table">
              <caption>改革成效数据</caption>
              <thead><tr><th scope="col">指标</th><th scope="col">逐项申请</th><th scope="col">合并后</th><th scope="col">减少</th><th scope="col">减少比例</th><th scope="col">目标</th><th scope="col">是否达成</th></tr></thead>
              <tbody>
                {reform.checks.map((c) => (
                  <tr key={c.measure}>
                    <td>{MEASURES[c.measure] ?? c.measure}</td><td>{c.itemByItem}</td><td>{c.merged}</td><td>{c.saved}</td>
                    <td title={c.arithmetic}>{percent(c.reductionPercent)}</td>
                    <td>{c.target?.statement ?? "未设目标"}</td>
                    <td>{c.met == null ? "—" : c.met ? "达成" : "未达成"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {completion && (
        <section className="card" aria-labelledby="completion-title">
          <h2 id="completion-title">办结汇总（按部门）</h2>
          <Bars label="办结汇总：各部门的办理结果" categories={completionCategories} series={completionSeries} />
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="completion-table">
              <caption>
                办结汇总数据
                {completion.minCell > 1 ? `（1 至 ${completion.minCell - 1} 的数，以及可由合计推算出它们的数，记为“已隐藏”）` : ""}
              </caption>
              <thead><tr><th scope="col">部门</th><th scope="col">收件</th><th scope="col">已决定</th><th scope="col">批准</th><th scope="col">不予批准</th><th scope="col">终止</th><th scope="col">办理中</th><th scope="col">超期</th><th scope="col">时限内</th><th scope="col">逾期办结</th></tr></thead>
              <tbody>
                {completion.departments.map((d) => (
                  <tr key={d.department}>
                    <td>{d.departmentName}</td>{COMPLETION_COLUMNS.map((c) => <td key={c}>{hiddenOr(d[c])}</td>)}
                  </tr>
                ))}
                <tr>
                  <th scope="row">合计</th>{COMPLETION_COLUMNS.map((c) => <td key={c}>{hiddenOr(completion.total[c])}</td>)}
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      )}
      <StatisticsPanels tenant={tenant} from={range.from} to={range.to} period={period} departmentNames={departmentNames} />
    </>
  );
}

export default Dashboards;
