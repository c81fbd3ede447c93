// Chain verification: recompute every digest and link of a tenant's audit chain and show the
// first broken link, and how far signed checkpoints vouch for the events.
import { useState, type FormEvent } from "react";
import { useAuth } from "../auth/AuthContext";
import { graphql } from "../gql";
import type { AuditVerifyQuery } from "../gql/graphql";
import { GraphQLRequestError, request } from "../graphql/client";
import { asRequestError } from "../graphql/useQuery";
import { ErrorBox, Loading } from "../ui/common";
import { when } from "./PersonHistory";

const AuditVerifyDocument = graphql(`
  query AuditVerify($tenant: String!) {
    auditVerify(tenant: $tenant) {
      tenant { name }
      ok checked firstSequence lastSequence
      brokenLink { sequence eventId problem message tenant { name } }
      checkpoints { configured compared coveredThrough signedAt message }
    }
  }
`);

const PROBLEMS: Record<string, string> = {
  CONTENT_CHANGED: "内容被改动",
  LINK_BROKEN: "链接断开",
  SEQUENCE_GAP: "序号缺失",
  HEAD_MISMATCH: "最新事件缺失",
  CHECKPOINT_MISMATCH: "与签名检查点不符",
  CHECKPOINT_INVALID: "检查点签名无效",
};

export function VerifyChain() {
  const { me } = useAuth();
  const [tenant, setTenant] = useState(me?.tenant.code ?? "");
  const [result, setResult] = useState<AuditVerifyQuery["auditVerify"] | null>(null);
  const [error, setError] = useState<GraphQLRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  async function verify(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult((await request(AuditVerifyDocument, { tenant })).auditVerify);
    } catch (e) {
      setError(asRequestError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <h1>审计链校验</h1>
      <form className="card row" onSubmit={(e) => void verify(e)}>
        <label>租户代码 <input value={tenant} onChange={(e) => setTenant(e.target.value)} /></label>
        <button type="submit" className="primary" disabled={busy}>校验</button>
      </form>
      {busy && <Loading />}
      <ErrorBox error={error} />
      {result && (
        <section className="card" data-testid="verify-result">
          {result.ok ? (
            <p className="ok">审计链完整：{result.tenant.name}的 {result.checked} 个事件（序号 {result.firstSequence ?? "—"}–{result.lastSequence ?? "—"}）逐一重新计算，摘要与链接全部吻合。</p>
          ) : (
            <div className="error" role="alert">
              <p>审计链在序号 {result.brokenLink?.sequence} 处断开：{PROBLEMS[result.brokenLink?.problem ?? ""] ?? result.brokenLink?.problem}</p>
              <p>{result.brokenLink?.message}</p>
              {result.brokenLink?.eventId && <p>事件：{result.brokenLink.eventId}</p>}
            </div>
          )}
          <h2>签名检查点</h2>
          <p>
            {result.checkpoints.message}
            {result.checkpoints.coveredThrough != null && `（签名覆盖到序号 ${result.checkpoints.coveredThrough}` + (result.checkpoints.signedAt ? `，${when(result.checkpoints.signedAt)} 签署）` : "）")}
          </p>
        </section>
      )}
    </>
  );
}
