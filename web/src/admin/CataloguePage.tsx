// A tenant's effective catalogue: each item with where it comes from for this tenant (本级、继承、
// 已覆盖、已停用) and which of its elements are overridden; the tenant tree beside it.
import { Link, useParams } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";
import { graphql } from "../gql";
import { useQuery } from "../graphql/useQuery";
import { ErrorBox, Loading, ProvenanceTag, provenanceOf } from "../ui/common";
import { TenantTree } from "./TenantTree";

const CatalogueDocument = graphql(`
  query AdminCatalogue($tenant: String!) {
    tenant(code: $tenant) { code name parentCode }
    catalogue(tenant: $tenant) {
      disabledItems
      items {
        code
        name
        version
        department { name }
        provenance { owner origin overriddenBy elements { element origin tenant } }
      }
    }
    catalogueDiff(tenant: $tenant) { additions disabled overrides { code elements } }
  }
`);

export function CataloguePage() {
  const { me } = useAuth();
  const { code = me?.tenant.code ?? "" } = useParams();
  const { data, error, loading } = useQuery(CatalogueDocument, { tenant: code });
  return (
    <div className="split">
      <TenantTree />
      <section>
        <h1>{data ? `${data.tenant.name}的有效目录` : "有效目录"}</h1>
        <p className="muted">
          每个事项对本租户的来源：<ProvenanceTag kind="own" /> 本级定义、<ProvenanceTag kind="inherited" /> 自上级继承、
          <ProvenanceTag kind="overridden" /> 继承后被覆盖部分要素、<ProvenanceTag kind="disabled" /> 在本级停用。
        </p>
        {loading && <Loading />}
        <ErrorBox error={error} />
        {data && (
          <>
            <div className="table-scroll" tabIndex={0}>
              <table>
                <caption className="sr-only">{data.tenant.name}的事项</caption>
                <thead>
                  <tr><th scope="col">事项</th><th scope="col">实施部门</th><th scope="col">来源</th><th scope="col">所有者</th><th scope="col">被覆盖的要素</th></tr>
                </thead>
                <tbody>
                  {data.catalogue.items.map((item) => {
                    const overridden = item.provenance.elements.filter((e) => e.origin === "OVERRIDDEN");
                    return (
                      <tr key={item.code} data-item={item.code}>
                        <td>
                          <Link to={`/admin/tenants/${code}/items/${item.code}`}>{item.name}</Link>
                          <div className="muted">{item.code} · 第 {item.version} 版</div>
                        </td>
                        <td>{item.department?.name ?? "—"}</td>
                        <td><ProvenanceTag kind={provenanceOf(item.provenance.origin)} /></td>
                        <td>{item.provenance.owner}</td>
                        <td>
                          {overridden.length === 0
                            ? "—"
                            : overridden.map((e) => `${e.element}（${e.tenant}）`).join("、")}
                        </td>
                      </tr>
                    );
                  })}
                  {data.catalogue.disabledItems.map((c) => (
                    <tr key={`disabled-${c}`} data-item={c}>
                      <td>{c}</td><td>—</td><td><ProvenanceTag kind="disabled" /></td><td>—</td><td>—</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {data.tenant.parentCode && (
              <section className="card">
                <h2>相对上级（{data.tenant.parentCode}）的变化</h2>
                <p>本级新增：{data.catalogueDiff.additions.join("、") || "无"}</p>
                <p>本级停用：{data.catalogueDiff.disabled.join("、") || "无"}</p>
                <p>
                  本级覆盖：
                  {data.catalogueDiff.overrides.map((o) => `${o.code}（${o.elements.join("、")}）`).join("；") || "无"}
                </p>
              </section>
            )}
          </>
        )}
      </section>
    </div>
  );
}
