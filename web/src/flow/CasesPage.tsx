// A department's caseworker: acknowledges (接件) a case of her department and decides it.
import { useState, type FormEvent } from "react";
import { useAuth } from "../auth/AuthContext";
import { request } from "../graphql/client";
import { asRequestError, useQuery } from "../graphql/useQuery";
import { CASE_STATE, shortTime } from "./labels";
import { FlowCaseAcknowledgeDocument, FlowCaseDecideDocument, FlowCaseQueueDocument } from "./operations";

export function CasesPage() {
  const { me } = useAuth();
  const tenant = me?.tenant.code ?? "";
  const department = me?.departments[0] ?? null;
  const queue = useQuery(
    FlowCaseQueueDocument,
    { filter: { tenant, department, status: ["READY", "ACKNOWLEDGED"] } },
    { skip: !tenant },
  );
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const rows = queue.data?.cases.edges.map((e) => e.node) ?? [];

  async function acknowledge(id: string, lockVersion: number) {
    setError(null);
    try {
      const payload = (await request(FlowCaseAcknowledgeDocument, { input: { id, lockVersion } })).caseAcknowledge;
      if (payload.errors.length) setError(payload.errors.map((e) => e.message).join("；"));
      else setMessage("已接件，开始办理");
      queue.reload();
    } catch (e) {
      setError(asRequestError(e).message);
    }
  }

  async function decide(event: FormEvent<HTMLFormElement>, id: string, lockVersion: number) {
    event.preventDefault();
    setError(null);
    const data = new FormData(event.currentTarget);
    const approved = data.get("outcome") === "APPROVED";
    try {
      const payload = (
        await request(FlowCaseDecideDocument, {
          input: approved
            ? {
                id,
                lockVersion,
                outcome: "APPROVED",
                amount: String(data.get("amount") ?? ""),
                periodMonths: Number(data.get("periodMonths") ?? 0),
                startsOn: String(data.get("startsOn") ?? ""),
              }
            : { id, lockVersion, outcome: "DENIED", reasons: [String(data.get("reason") ?? "")] },
        })
      ).caseDecide;
      if (payload.errors.length) setError(payload.errors.map((e) => e.message).join("；"));
      else setMessage(approved ? "已作出准予决定" : "已作出不予准予决定");
      queue.reload();
    } catch (e) {
      setError(asRequestError(e).message);
    }
  }

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">部门办理：{department ? `本部门（${department}）` : ""}的案件</h1>
      {message && <p className="notice" role="status">{message}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {queue.error && <p className="error" role="alert">{queue.error.message}</p>}
      {rows.map((c) => (
        <article key={c.id} className="card" aria-labelledby={`case-${c.id}`} data-case={c.itemCode}>
          <h2 id={`case-${c.id}`}>{c.itemName}</h2>
          <p>
            状态：<span data-case-state={c.state}>{CASE_STATE[c.state] ?? c.state}</span>
            {c.dueAt ? `；办理时限 ${shortTime(c.dueAt)}` : ""}
          </p>
          {c.state === "READY" && (
            <button type="button" className="primary" onClick={() => void acknowledge(c.id, c.lockVersion)}>
              接件：{c.itemName}
            </button>
          )}
          {c.state === "ACKNOWLEDGED" && (
            <form className="form-grid" onSubmit={(e) => void decide(e, c.id, c.lockVersion)} aria-label={`决定：${c.itemName}`}>
              <fieldset>
                <legend>决定</legend>
                <label><input type="radio" name="outcome" value="APPROVED" defaultChecked /> 准予救助</label>
                <label><input type="radio" name="outcome" value="DENIED" /> 不予准予</label>
              </fieldset>
              <label>救助金额（元）<input name="amount" inputMode="decimal" defaultValue="" /></label>
              <label>期限（月）<input name="periodMonths" type="number" min="1" defaultValue="12" /></label>
              <label>起始日期<input name="startsOn" type="date" /></label>
              <label>不予准予的理由<input name="reason" /></label>
              <button type="submit" className="primary">作出决定</button>
            </form>
          )}
        </article>
      ))}
      {!queue.loading && rows.length === 0 && <p>暂无待办案件。</p>}
    </section>
  );
}
