// Role grants in the tenant: who holds what, grant and revoke; a refused grant says which
// separation-of-duties rule it breaks.
import { useState, type FormEvent } from "react";
import { useAuth } from "../auth/AuthContext";
import { graphql } from "../gql";
import type { Role } from "../gql/graphql";
import { request } from "../graphql/client";
import { asRequestError, useQuery } from "../graphql/useQuery";
import { ROLE_LABELS } from "../layout/labels";
import { ErrorBox, Loading } from "../ui/common";

const AssignmentsDocument = graphql(`
  query RoleAssignments($tenant: String!) {
    roleAssignments(tenant: $tenant, first: 100) {
      totalCount
      edges { node { id userId role grantedBy grantedAt tenant { name } } }
    }
  }
`);

const GrantDocument = graphql(`
  mutation RoleGrant($input: RoleGrantInput!) {
    roleGrant(input: $input) { assignment { id } errors { code message path } }
  }
`);

const RevokeDocument = graphql(`
  mutation RoleRevoke($input: RoleRevokeInput!) {
    roleRevoke(input: $input) { errors { code message path } }
  }
`);

const GRANTABLE: Role[] = ["WINDOW_CLERK", "CASEWORKER", "APPROVER", "JOINT_MEETING", "ADVISER", "TENANT_ADMIN", "AUDITOR", "ANALYST"];

export function GrantsPage() {
  const { me } = useAuth();
  const tenant = me?.tenant.code ?? "";
  const { data, error, loading, reload } = useQuery(AssignmentsDocument, { tenant });
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<Role>("CASEWORKER");
  const [refusal, setRefusal] = useState<{ message: string; code: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function act(kind: "grant" | "revoke", user: string, r: Role, event?: FormEvent) {
    event?.preventDefault();
    setRefusal(null);
    setDone(null);
    try {
      const errors =
        kind === "grant"
          ? (await request(GrantDocument, { input: { tenant, userId: user, role: r } })).roleGrant.errors
          : (await request(RevokeDocument, { input: { tenant, userId: user, role: r } })).roleRevoke.errors;
      if (errors.length) setRefusal({ message: errors.map((e) => e.message).join("；"), code: errors[0].code });
      else {
        setDone(kind === "grant" ? `已授予 ${user} ${ROLE_LABELS[r]}` : `已撤销 ${user} 的 ${ROLE_LABELS[r]}`);
        reload();
      }
    } catch (e) {
      const failed = asRequestError(e);
      setRefusal({ message: failed.message, code: failed.codes[0] ?? "" });
    }
  }

  return (
    <>
      <h1>角色授权</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption>共 {data.roleAssignments.totalCount} 项授权</caption>
            <thead><tr><th scope="col">用户</th><th scope="col">角色</th><th scope="col">租户</th><th scope="col">授权人</th><th scope="col">时间</th><th scope="col">操作</th></tr></thead>
            <tbody>
              {data.roleAssignments.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{node.userId}</td><td>{ROLE_LABELS[node.role]}</td><td>{node.tenant.name}</td><td>{node.grantedBy}</td>
                  <td>{new Date(node.grantedAt).toLocaleString("zh-CN")}</td>
                  <td><button type="button" className="danger" onClick={() => void act("revoke", node.userId, node.role)}>撤销</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="card" onSubmit={(e) => void act("grant", userId, role, e)}>
        <h2>授予角色</h2>
        <div className="form-grid">
          <label>用户<input name="userId" value={userId} onChange={(e) => setUserId(e.target.value)} required /></label>
          <label>角色
            <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {GRANTABLE.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
            </select>
          </label>
          <button type="submit" className="primary">授予</button>
        </div>
        {done && <p className="ok" role="status">{done}</p>}
        {refusal && (
          <div className="error" role="alert">
            <p>未授予：{refusal.message}</p>
            {refusal.code === "FORBIDDEN" && (
              <p>
                职责分离规则：同一辖区（本租户、其上级与下级）内，一人不得既是租户管理员又是经办人、审批人或审计员——
                配置系统的人不能同时决定或审计案件；任何人都不能给自己授予角色，授权须由他人作出。
              </p>
            )}
          </div>
        )}
      </form>
    </>
  );
}
