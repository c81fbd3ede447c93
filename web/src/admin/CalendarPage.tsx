// The working-day calendar a province publishes: statutory holidays and adjusted working days,
// which deadlines count in working days against.
import { useState } from "react";
import { useAuth } from "../auth/AuthContext";
import { graphql } from "../gql";
import { useQuery } from "../graphql/useQuery";
import { ErrorBox, Loading } from "../ui/common";

const CalendarDocument = graphql(`
  query AdminCalendar($tenant: String!, $year: Int!) {
    workingCalendar(tenant: $tenant, year: $year) {
      tenant { name }
      year published source publishedAt
      holidays { date name }
      adjustedWorkdays
    }
  }
`);

export function CalendarPage() {
  const { me } = useAuth();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, loading } = useQuery(CalendarDocument, { tenant: me?.tenant.code ?? "", year });
  const calendar = data?.workingCalendar;
  return (
    <>
      <h1>工作日历</h1>
      <label>年份 <input type="number" value={year} min={2000} max={2100} onChange={(e) => setYear(Number(e.target.value))} /></label>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {calendar && (
        <section className="card">
          <h2>{calendar.tenant.name} {calendar.year} 年</h2>
          <p>{calendar.published ? `已发布（${calendar.source ?? "未注明依据"}）` : "本年日历尚未发布：按周一至周五计算工作日，并在就绪检查中提示。"}</p>
          <div className="split-even">
            <div>
              <h3>法定节假日（{calendar.holidays.length} 天）</h3>
              <ul>{calendar.holidays.map((h) => <li key={h.date}>{h.date} {h.name}</li>)}</ul>
            </div>
            <div>
              <h3>调休上班日（{calendar.adjustedWorkdays.length} 天）</h3>
              <ul>{calendar.adjustedWorkdays.map((d) => <li key={d}>{d}</li>)}</ul>
            </div>
          </div>
          <p className="muted">发布新一年的日历：workingCalendarPublish（省级管理员）。</p>
        </section>
      )}
    </>
  );
}
