// One application's history across departments, in order, with the fields each event changed.
import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { graphql } from "../gql";
import { useQuery } from "../graphql/useQuery";
import { ErrorBox, Json, Loading } from "../ui/common";
import { when } from "./PersonHistory";

const ApplicationHistoryDocument = graphql(`
  query ApplicationHistory($id: ID!) {
    applicationHistory(id: $id) {
      applicationId
      tenant { name }
      departments
      eventsConnection(first: 100) {
        totalCount
        edges { node { sequence occurredAt actor roles department action reason changes { field before after } } }
      }
    }
  }
`);

export function ApplicationHistory() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(id);
  const { data, error, loading } = useQuery(ApplicationHistoryDocument, { id }, { skip: !id });
  function open(event: FormEvent) {
    event.preventDefault();
    if (typed.trim()) navigate(`/audit/application/${encodeURIComponent(typed.trim())}`);
  }
  const history = data?.applicationHistory;
  return (
    <>
      <h1>申请历史</h1>
      <form className="card row" onSubmit={open}>
        <label>申请标识 <input value={typed} onChange={(e) => setTyped(e.target.value)} /></label>
        <button type="submit" className="primary">查看</button>
      </form>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {history && (
        <>
          <p data-testid="application-departments">
            {history.tenant.name} · 申请 {history.applicationId} · 经办部门：{history.departments.join("、") || "无"} · 共 {history.eventsConnection.totalCount} 个事件
          </p>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">部门</th><th scope="col">操作人</th><th scope="col">动作</th><th scope="col">字段变化</th></tr></thead>
              <tbody>
                {history.eventsConnection.edges.map(({ node: e }) => (
                  <tr key={e.sequence}>
                    <td>{e.sequence}</td><td>{when(e.occurredAt)}</td><td>{e.department ?? "—"}</td><td>{e.actor}</td>
                    <td>{e.action}{e.reason && <div className="muted">{e.reason}</div>}</td>
                    <td>
                      {e.changes.length === 0 ? "—" : (
                        <ul>{e.changes.map((c) => <li key={c.field}>{c.field}：<Json value={c.before} /> → <Json value={c.after} /></li>)}</ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
