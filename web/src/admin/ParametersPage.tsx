// The tenant's parameters (amounts and thresholds the seeds name without a value) with where each
// value comes from, and setting a value from a date (tenantParameterSet).
import { useState, type FormEvent } from "react";
import { useAuth } from "../auth/AuthContext";
import { graphql } from "../gql";
import { GraphQLRequestError, request } from "../graphql/client";
import { asRequestError, useQuery } from "../graphql/useQuery";
import { ErrorBox, Json, Loading, todayInChina } from "../ui/common";

const ParametersDocument = graphql(`
  query AdminParameters($tenant: String!) {
    parameters(tenant: $tenant) {
      key label unit value valueOrigin valueEffectiveFrom valueSource valueTenant { code name }
      source { seed section }
    }
  }
`);

const ParameterSetDocument = graphql(`
  mutation TenantParameterSet($input: TenantParameterSetInput!) {
    tenantParameterSet(input: $input) { parameter { key value } errors { code message path } }
  }
`);

const ORIGIN: Record<string, string> = { NONE: "未设定", CATALOGUE: "目录规定", SET: "管理员设定" };

export function ParametersPage() {
  const { me } = useAuth();
  const tenant = me?.tenant.code ?? "";
  const { data, error, loading, reload } = useQuery(ParametersDocument, { tenant });
  const [form, setForm] = useState({ key: "", value: "", effectiveFrom: todayInChina(), source: "", reason: "" });
  const [problem, setProblem] = useState<GraphQLRequestError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    const numeric = form.value.trim() !== "" && !Number.isNaN(Number(form.value));
    try {
      const r = await request(ParameterSetDocument, {
        input: { tenant, key: form.key, value: numeric ? Number(form.value) : form.value, effectiveFrom: form.effectiveFrom, source: form.source, reason: form.reason },
      });
      const errors = r.tenantParameterSet.errors;
      if (errors.length) setProblem(new GraphQLRequestError(errors.map((e) => ({ message: e.message, code: e.code, path: e.path }))));
      else {
        setDone(`已设定 ${form.key}，自 ${form.effectiveFrom} 起生效。`);
        reload();
      }
    } catch (e) {
      setProblem(asRequestError(e));
    }
  }

  return (
    <>
      <h1>参数</h1>
      <p className="muted">种子文件只给出名称、没有给出数值的金额与标准，在此按租户设定；下级租户未设定时沿用上级的值。</p>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead><tr><th scope="col">参数</th><th scope="col">值</th><th scope="col">来源</th><th scope="col">生效</th><th scope="col">依据</th></tr></thead>
            <tbody>
              {data.parameters.map((p) => (
                <tr key={p.key}>
                  <td>{p.label}<div className="muted">{p.key}{p.unit ? ` · ${p.unit}` : ""}</div></td>
                  <td><Json value={p.value} /></td>
                  <td>{ORIGIN[p.valueOrigin] ?? p.valueOrigin}{p.valueTenant ? `（${p.valueTenant.name}）` : ""}</td>
                  <td>{p.valueEffectiveFrom ?? "—"}</td>
                  <td>{p.valueSource ?? `${p.source.seed ?? ""} ${p.source.section}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="card" onSubmit={(e) => void submit(e)}>
        <h2>设定参数值</h2>
        <div className="form-grid">
          <label>参数
            <select value={form.key} onChange={(e) => setForm({ ...form, key: e.target.value })} required>
              <option value="">（请选择）</option>
              {data?.parameters.map((p) => <option key={p.key} value={p.key}>{p.label}</option>)}
            </select>
          </label>
          <label>值<input value={form.value} onChange={(e) => setForm({ ...form, value: e.target.value })} required /></label>
          <label>生效日期<input type="date" value={form.effectiveFrom} onChange={(e) => setForm({ ...form, effectiveFrom: e.target.value })} /></label>
          <label>依据（文件名称、文号、条款）<input value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })} required /></label>
          <label>理由（记入审计）<input value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} required /></label>
          <button type="submit" className="primary">设定</button>
        </div>
        <ErrorBox error={problem} />
        {done && <p className="ok" role="status">{done}</p>}
      </form>
    </>
  );
}
