// The working-day calendar a province publishes: statutory holidays and adjusted working days,
// which deadlines count in working days against.
import { useEffect, useState, type FormEvent } from "react";
import { useAuth } from "../auth/AuthContext";
import { graphql } from "../gql";
import { GraphQLRequestError, request } from "../graphql/client";
import { asRequestError, useQuery } from "../graphql/useQuery";
import { ErrorBox, Loading } from "../ui/common";
import { holidaysText, parseDates, parseHolidays } from "./calendarInput";

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

const CalendarPublishDocument = graphql(`
  mutation AdminCalendarPublish($input: WorkingCalendarPublishInput!) {
    workingCalendarPublish(input: $input) {
      workingCalendar { year holidays { date } adjustedWorkdays }
      recountedCases recountedSupplements
      errors { code message path }
    }
  }
`);

export function CalendarPage() {
  const { me } = useAuth();
  const tenant = me?.tenant.code ?? "";
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, loading, reload } = useQuery(CalendarDocument, { tenant, year });
  const calendar = data?.workingCalendar;
  const [holidays, setHolidays] = useState("");
  const [workdays, setWorkdays] = useState("");
  const [problem, setProblem] = useState<GraphQLRequestError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    setHolidays(holidaysText(calendar?.holidays ?? []));
    setWorkdays((calendar?.adjustedWorkdays ?? []).join("\n"));
  }, [calendar]);
  const parsedHolidays = parseHolidays(holidays);
  const parsedWorkdays = parseDates(workdays);
  const unreadable = [
    ...parsedHolidays.unreadable.map((n) => `节假日第 ${n} 行`),
    ...parsedWorkdays.unreadable.map((n) => `调休上班日第 ${n} 行`),
  ];

  async function publish(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    try {
      const r = await request(CalendarPublishDocument, {
        input: { tenant, year, holidays: parsedHolidays.values, adjustedWorkdays: parsedWorkdays.values },
      });
      const result = r.workingCalendarPublish;
      if (result.errors.length) setProblem(new GraphQLRequestError(result.errors.map((e) => ({ message: e.message, code: e.code, path: e.path }))));
      else {
        setDone(`已发布 ${year} 年日历；按新日历重算了 ${result.recountedCases ?? 0} 个案件和 ${result.recountedSupplements ?? 0} 个补正的暂定期限。`);
        reload();
      }
    } catch (e) {
      setProblem(asRequestError(e));
    }
  }
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
        </section>
      )}
      {calendar && (
        <form className="card" onSubmit={(e) => void publish(e)}>
          <h2>发布 {year} 年日历</h2>
          <p className="muted">由省级管理员按国务院办公厅放假安排发布，整体替换该年日历；区县管理员发布时会被拒绝。</p>
          <div className="split-even">
            <label>法定节假日（每行“日期 名称”，如 {year}-01-01 元旦）
              <textarea rows={10} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
            </label>
            <label>调休上班日（每行一个日期）
              <textarea rows={10} value={workdays} onChange={(e) => setWorkdays(e.target.value)} />
            </label>
          </div>
          {unreadable.length > 0 && <p className="error" role="alert">无法识别：{unreadable.join("、")}</p>}
          <button type="submit" className="primary" disabled={unreadable.length > 0}>发布日历</button>
          <ErrorBox error={problem} />
          {done && <p className="ok" role="status">{done}</p>}
        </form>
      )}
    </>
  );
}
