// One item as the seeds' item lists show it (名称、实施部门、救助对象、办理流程、救助内容、所需材料、
// 政策依据), with each element's provenance for this tenant. Read through the public `item` query,
// so it shows what applicants see.
import { Link, useParams } from "react-router-dom";
import { graphql } from "../gql";
import type { AdminItemQuery } from "../gql/graphql";
import { useQuery } from "../graphql/useQuery";
import { ErrorBox, Loading, ProvenanceTag, provenanceOf } from "../ui/common";

export const AdminItemDocument = graphql(`
  query AdminItem($tenant: String!, $code: String!) {
    item(tenant: $tenant, code: $code) {
      code
      name
      version
      effectiveFrom
      department { code name }
      targetGroups { code name }
      targetDescription
      acceptanceConditions
      processSteps { name actor level description timeLimitWorkingDays }
      benefit { content formulaText period }
      materials { evidence { code name } necessity original purpose }
      legalBasis { title number article }
      timeLimit { statutoryWorkingDays promisedWorkingDays }
      provenance { owner origin overriddenBy lockedElements elements { element origin tenant } }
    }
  }
`);

export type AdminItem = AdminItemQuery["item"];

const NECESSITY: Record<string, string> = { REQUIRED: "必交", CONDITIONAL: "视情形", OPTIONAL: "选交" };

function days(n: number | null | undefined): string {
  return n == null ? "未规定" : `${n} 个工作日`;
}

export function ItemView({ item }: { item: AdminItem }) {
  return (
    <dl className="item-detail">
      <dt>名称</dt>
      <dd>{item.name}</dd>
      <dt>实施部门</dt>
      <dd>{item.department?.name ?? "—"}</dd>
      <dt>救助对象</dt>
      <dd>
        {item.targetGroups.map((g) => g.name).join("、") || "—"}
        {item.targetDescription && <p>{item.targetDescription}</p>}
        {item.acceptanceConditions && <p className="muted">受理条件：{item.acceptanceConditions}</p>}
      </dd>
      <dt>办理流程</dt>
      <dd>
        <ol>
          {item.processSteps.map((s, i) => (
            <li key={i}>
              {s.name}
              {s.timeLimitWorkingDays != null && `（${s.timeLimitWorkingDays} 个工作日）`}
              {s.description && <span className="muted"> — {s.description}</span>}
            </li>
          ))}
        </ol>
        <p>
          办理时限：法定 <span data-testid="statutory-days">{days(item.timeLimit.statutoryWorkingDays)}</span>，承诺{" "}
          <span data-testid="promised-days">{days(item.timeLimit.promisedWorkingDays)}</span>
        </p>
      </dd>
      <dt>救助内容</dt>
      <dd>
        {item.benefit?.content ?? "—"}
        {item.benefit?.formulaText && <p className="muted">计算：{item.benefit.formulaText}</p>}
      </dd>
      <dt>所需材料</dt>
      <dd>
        <ul>
          {item.materials.map((m) => (
            <li key={m.evidence.code}>
              {m.evidence.name}（{NECESSITY[m.necessity] ?? m.necessity}）<span className="muted"> {m.purpose}</span>
            </li>
          ))}
        </ul>
      </dd>
      <dt>政策依据</dt>
      <dd>
        <ul>
          {item.legalBasis.map((l, i) => (
            <li key={i}>
              {l.title}
              {l.number && `（${l.number}）`}
              {l.article && ` ${l.article}`}
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}

export function ItemDetail() {
  const { code = "", item: itemCode = "" } = useParams();
  const { data, error, loading } = useQuery(AdminItemDocument, { tenant: code, code: itemCode });
  const item = data?.item;
  const origin = item ? provenanceOf(item.provenance.origin) : null;
  return (
    <>
      <p><Link to={`/admin/tenants/${code}`}>← 返回目录</Link></p>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {item && (
        <>
          <h1>
            {item.name} {origin && <ProvenanceTag kind={origin} />}
          </h1>
          <p className="muted">
            {item.code} · 所有者 {item.provenance.owner} · 第 {item.version} 版 · 自 {item.effectiveFrom} 起
          </p>
          <div className="row">
            {origin !== "own" && (
              <Link className="button primary" to={`/admin/tenants/${code}/items/${itemCode}/override`}>覆盖此事项</Link>
            )}
            {origin === "own" && (
              <Link className="button primary" to={`/admin/drafts?item=${itemCode}`}>草稿与发布</Link>
            )}
          </div>
          <section className="card"><ItemView item={item} /></section>
          <section className="card">
            <h2>各要素来源</h2>
            <div className="table-scroll" tabIndex={0}>
              <table>
                <thead><tr><th scope="col">要素</th><th scope="col">来源</th><th scope="col">来自租户</th></tr></thead>
                <tbody>
                  {item.provenance.elements.map((e) => (
                    <tr key={e.element}>
                      <td>{e.element}</td>
                      <td>
                        <ProvenanceTag kind={provenanceOf(e.origin)} />{" "}
                        {item.provenance.lockedElements.includes(e.element) && <ProvenanceTag kind="locked" />}
                      </td>
                      <td>{e.tenant}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
