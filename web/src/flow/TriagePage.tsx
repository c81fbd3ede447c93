// One door (一门受理): the window clerk accepts the submitted applications of her area.
import { useState } from "react";
import { useAuth } from "../auth/AuthContext";
import { request } from "../graphql/client";
import { asRequestError, useQuery } from "../graphql/useQuery";
import { shortTime } from "./labels";
import { FlowTriageAcceptDocument, FlowTriageQueueDocument } from "./operations";

export function TriagePage() {
  const { me } = useAuth();
  const tenant = me?.tenant.code ?? "";
  const queue = useQuery(FlowTriageQueueDocument, { tenant }, { skip: !tenant });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function accept(id: string, lockVersion: number) {
    setError(null);
    try {
      const payload = (await request(FlowTriageAcceptDocument, { input: { id, lockVersion } })).applicationTriageAccept;
      if (payload.errors.length) setError(payload.errors.map((e) => e.message).join("；"));
      else setMessage("已受理，已分送各事项主管部门");
      queue.reload();
    } catch (e) {
      setError(asRequestError(e).message);
    }
  }

  const rows = queue.data?.applications.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="triage-title">
      <h1 id="triage-title">一门受理：待受理的申请</h1>
      {message && <p className="notice" role="status">{message}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {queue.error && <p className="error" role="alert">{queue.error.message}</p>}
      <table>
        <caption>待受理 {rows.length} 件</caption>
        <thead>
          <tr><th scope="col">申请人</th><th scope="col">事项</th><th scope="col">提交时间</th><th scope="col">操作</th></tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <td>{a.applicantName}</td>
              <td>{a.items.join("、")}</td>
              <td>{shortTime(a.submittedAt)}</td>
              <td>
                <button type="button" className="primary" onClick={() => void accept(a.id, a.lockVersion)}>
                  受理 {a.applicantName} 的申请
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!queue.loading && rows.length === 0 && <p>暂无待受理的申请。</p>}
    </section>
  );
}
