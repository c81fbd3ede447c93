// The tenant tree (province → city → district) from `tenants`; each links to its catalogue.
import { Link, useParams } from "react-router-dom";
import { graphql } from "../gql";
import type { TenantsQuery } from "../gql/graphql";
import { useQuery } from "../graphql/useQuery";
import { ErrorBox, Loading } from "../ui/common";

const TenantsDocument = graphql(`
  query Tenants {
    tenants { code name level parentCode }
  }
`);

type TenantRow = TenantsQuery["tenants"][number];

const LEVELS: Record<string, string> = { PROVINCE: "省级", CITY: "市级", COUNTY: "县（区）级", STREET: "街镇", COMMUNITY: "社区" };

function Branch({ rows, parent, current }: { rows: TenantRow[]; parent: string | null; current?: string }) {
  const children = rows.filter((t) => (t.parentCode ?? null) === parent);
  if (children.length === 0) return null;
  return (
    <ul className="tree" role={parent === null ? "tree" : "group"} aria-label={parent === null ? "租户树" : undefined}>
      {children.map((t) => (
        <li key={t.code} role="treeitem" aria-selected={t.code === current}>
          <Link to={`/admin/tenants/${t.code}`} aria-current={t.code === current ? "page" : undefined}>
            {t.name}
          </Link>{" "}
          <span className="muted">{t.code} · {LEVELS[t.level] ?? t.level}</span>
          <Branch rows={rows} parent={t.code} current={current} />
        </li>
      ))}
    </ul>
  );
}

export function TenantTree() {
  const { code } = useParams();
  const { data, error, loading } = useQuery(TenantsDocument, {});
  return (
    <section className="card">
      <h2>租户树</h2>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && <Branch rows={data.tenants} parent={null} current={code} />}
    </section>
  );
}
