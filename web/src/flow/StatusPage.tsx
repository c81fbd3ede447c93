// The applicant's status timeline, pushed live over the WebSocket as departments act.
import { useParams } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";
import { APPLICATION_STATE, CASE_STATE, TIMELINE_KIND, shortTime } from "./labels";
import { useLiveApplication } from "./live";

export function StatusPage() {
  const { id = "" } = useParams();
  const { token } = useAuth();
  const { application, status, error } = useLiveApplication(id, token);
  return (
    <section aria-labelledby="status-title">
      <h1 id="status-title">办理进度</h1>
      <p className="muted" role="status" data-live={status}>
        {status === "live" ? "实时更新中：部门办理后自动刷新" : status === "connecting" ? "正在连接…" : "实时连接已关闭"}
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      {application && (
        <>
          <section className="card">
            <h2>申请状态：<span data-state={application.state}>{APPLICATION_STATE[application.state] ?? application.state}</span></h2>
            <table>
              <caption>各事项</caption>
              <thead>
                <tr><th scope="col">事项</th><th scope="col">部门</th><th scope="col">状态</th><th scope="col">决定</th></tr>
              </thead>
              <tbody>
                {application.cases.map((c) => (
                  <tr key={c.id}>
                    <td>{c.itemName}</td>
                    <td>{c.department.name}</td>
                    <td data-case-state={c.state}>{CASE_STATE[c.state] ?? c.state}</td>
                    <td>{c.decision ? `${c.decision.outcome === "APPROVED" ? "准予" : "不予准予"}${c.decision.amount ? `，${c.decision.amount} 元` : ""}` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">时间线</h2>
            <ol className="flow-timeline">
              {application.timeline.map((t, i) => (
                <li key={`${t.at}-${t.kind}-${i}`} data-kind={t.kind}>
                  <time dateTime={t.at}>{shortTime(t.at)}</time> <strong>{TIMELINE_KIND[t.kind] ?? t.kind}</strong>
                  {t.summary ? `：${t.summary}` : ""}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </section>
  );
}
