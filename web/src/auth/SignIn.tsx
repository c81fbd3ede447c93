// Sign-in: the configured OIDC provider (code flow with PKCE), and in dev a role picker that
// mints a token through POST /dev/tokens (which the server does not have in production).
import { useEffect, useState, type FormEvent } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { useAuth } from "./AuthContext";
import { loadConsoleConfig, mintDevToken, type ConsoleConfig } from "./consoleConfig";
import { authorizeUrl, discover } from "./oidc";

export interface DevPreset {
  label: string;
  user: string;
  tenant: string;
  roles: string[];
  departments: string[];
  area?: string;
}

// Seed tenants (tenants/310000-shanghai, tenants/310105-changning) and the roles of access/vocabulary.py.
export const DEV_PRESETS: DevPreset[] = [
  { label: "长宁区 · 区级管理员", user: "admin-310105", tenant: "310105", roles: ["tenant_admin"], departments: [] },
  { label: "上海市 · 市级管理员", user: "admin-310000", tenant: "310000", roles: ["tenant_admin"], departments: [] },
  { label: "上海市 · 审计员", user: "auditor-310000", tenant: "310000", roles: ["auditor"], departments: [] },
  { label: "长宁区 · 审计员", user: "auditor-310105", tenant: "310105", roles: ["auditor"], departments: [] },
  { label: "长宁区 · 统计分析员", user: "analyst-310105", tenant: "310105", roles: ["analyst"], departments: [] },
  { label: "长宁区 · 一门受理窗口", user: "clerk-310105", tenant: "310105", roles: ["window_clerk"], departments: [] },
  { label: "长宁区 · 民政经办人", user: "civil-310105", tenant: "310105", roles: ["caseworker"], departments: ["civil_affairs"] },
  { label: "长宁区 · 申请人", user: "citizen-310105", tenant: "310105", roles: ["applicant"], departments: [] },
];

export function SignIn() {
  const { signIn, error: authError } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo = (location.state as { from?: string } | null)?.from ?? "/";
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [custom, setCustom] = useState({ user: "dev-user", tenant: "310105", roles: "tenant_admin", departments: "" });

  useEffect(() => {
    loadConsoleConfig().then(setConfig, (e: unknown) => setError(String(e)));
  }, []);

  async function useDevToken(preset: Omit<DevPreset, "label">) {
    setError(null);
    try {
      await signIn(await mintDevToken(preset));
      navigate(returnTo, { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function signInWithProvider() {
    if (!config?.oidcIssuer || !config.oidcClientId) return;
    try {
      const discovery = await discover(config.oidcIssuer);
      const redirect = `${window.location.origin}/console/callback`;
      window.location.assign(
        await authorizeUrl(discovery, config.oidcClientId, redirect, sessionStorage, returnTo),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function submitCustom(event: FormEvent) {
    event.preventDefault();
    const split = (s: string) => s.split(/[,，\s]+/).filter(Boolean);
    void useDevToken({ user: custom.user, tenant: custom.tenant, roles: split(custom.roles), departments: split(custom.departments) });
  }

  const providerReady = !!config?.oidcIssuer && !!config.oidcClientId;
  return (
    <main className="signin" id="main">
      <h1>社会救助“一件事”管理控制台</h1>
      {(error || authError) && <p className="error" role="alert">{error ?? authError}</p>}
      <section className="card">
        <h2>统一身份认证登录</h2>
        {providerReady ? (
          <button type="button" className="primary" onClick={() => void signInWithProvider()}>
            通过身份提供方登录
          </button>
        ) : (
          <p className="muted">服务端未配置身份提供方（SOCIALAID_OIDC_ISSUER 与 SOCIALAID_CONSOLE_OIDC_CLIENT_ID）。</p>
        )}
      </section>
      {config?.devTokens && (
        <section className="card" aria-labelledby="dev-picker">
          <h2 id="dev-picker">开发环境：选择角色登录</h2>
          <p className="muted">仅开发环境提供；生产环境没有此入口（/dev/tokens 返回 404）。</p>
          <ul className="preset-list">
            {DEV_PRESETS.map((p) => (
              <li key={p.label}>
                <button type="button" onClick={() => void useDevToken(p)}>{p.label}</button>
              </li>
            ))}
          </ul>
          <details>
            <summary>自定义身份</summary>
            <form onSubmit={submitCustom} className="form-grid">
              <label>用户<input value={custom.user} onChange={(e) => setCustom({ ...custom, user: e.target.value })} /></label>
              <label>租户代码<input value={custom.tenant} onChange={(e) => setCustom({ ...custom, tenant: e.target.value })} /></label>
              <label>角色（逗号分隔）<input value={custom.roles} onChange={(e) => setCustom({ ...custom, roles: e.target.value })} /></label>
              <label>部门（逗号分隔）<input value={custom.departments} onChange={(e) => setCustom({ ...custom, departments: e.target.value })} /></label>
              <button type="submit" className="primary">签发开发令牌并登录</button>
            </form>
          </details>
        </section>
      )}
    </main>
  );
}
