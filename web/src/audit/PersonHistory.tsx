// A person's history by ID number, across applications and departments. The number is typed
// into a form, sent in the POST body of the query and kept only in this component's memory:
// never in the URL, history state or browser storage; it is shown masked.
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { graphql } from "../gql";
import type { PersonHistoryQuery } from "../gql/graphql";
import { GraphQLRequestError, request } from "../graphql/client";
import { asRequestError } from "../graphql/useQuery";
import { ErrorBox, Loading } from "../ui/common";
import { maskIdNumber } from "./mask";

const PersonHistoryDocument = graphql(`
  query PersonHistory($idNumber: String!) {
    personHistory(idNumber: $idNumber) {
      applicationsConnection(first: 50) {
        totalCount
        edges { node { applicationId tenant { name } firstAt lastAt eventCount departments actions } }
      }
      events(first: 50) {
        totalCount
        totalCountIsCapped
        edges { node { sequence occurredAt actor department action subjectType subjectId applicationId tenant { name } } }
      }
    }
  }
`);

export function when(iso: string): string {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}

export function PersonHistory() {
  const [typed, setTyped] = useState("");
  const [searched, setSearched] = useState<string | null>(null);
  const [result, setResult] = useState<PersonHistoryQuery["personHistory"] | null>(null);
  const [error, setError] = useState<GraphQLRequestError | null>(null);
  const [busy, setBusy] = useState(false);

  async function search(event: FormEvent) {
    event.preventDefault();
    const idNumber = typed.trim();
    setTyped("");
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult((await request(PersonHistoryDocument, { idNumber })).personHistory);
      setSearched(maskIdNumber(idNumber));
    } catch (e) {
      setError(asRequestError(e));
    } finally {
      setBusy(false);
    }
  }

  const apps = result?.applicationsConnection.edges.map((e) => e.node) ?? [];
  const departments = [...new Set(apps.flatMap((a) => a.departments))];
  return (
    <>
      <h1>个人历史</h1>
      <form className="card" onSubmit={(e) => void search(e)} autoComplete="off">
        <div className="form-grid">
          <label>
            身份证号（查询后即从页面清除，不写入地址栏或浏览器存储）
            <input name="idNumber" type="password" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} required />
          </label>
          <button type="submit" className="primary" disabled={busy}>查询</button>
        </div>
        <p className="muted">每次查询都记入审计（查询人、时间、身份证号的密钥哈希）。</p>
      </form>
      {busy && <Loading />}
      <ErrorBox error={error} />
      {result && (
        <>
          <h2>{searched} 的记录</h2>
          <p data-testid="person-summary">
            共 {result.applicationsConnection.totalCount} 份申请，涉及 {departments.length} 个部门（{departments.join("、") || "无"}）；
            审计事件 {result.events.totalCount}{result.events.totalCountIsCapped ? " 条以上" : " 条"}。
          </p>
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="person-applications">
              <caption>申请</caption>
              <thead><tr><th scope="col">申请</th><th scope="col">租户</th><th scope="col">部门</th><th scope="col">首次</th><th scope="col">最近</th><th scope="col">事件数</th></tr></thead>
              <tbody>
                {apps.map((a) => (
                  <tr key={a.applicationId}>
                    <td><Link to={`/audit/application/${encodeURIComponent(a.applicationId)}`}>{a.applicationId}</Link></td>
                    <td>{a.tenant.name}</td><td>{a.departments.join("、")}</td><td>{when(a.firstAt)}</td><td>{when(a.lastAt)}</td><td>{a.eventCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption>审计事件（最新在前）</caption>
              <thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">租户</th><th scope="col">部门</th><th scope="col">操作人</th><th scope="col">动作</th><th scope="col">对象</th></tr></thead>
              <tbody>
                {result.events.edges.map(({ node: e }) => (
                  <tr key={`${e.tenant.name}-${e.sequence}`}>
                    <td>{e.sequence}</td><td>{when(e.occurredAt)}</td><td>{e.tenant.name}</td><td>{e.department ?? "—"}</td><td>{e.actor}</td><td>{e.action}</td><td>{e.subjectType} {e.subjectId}</td>
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
