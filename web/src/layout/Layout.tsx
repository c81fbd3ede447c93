// The frame of every signed-in screen: a header with the signed-in identity, navigation by role
// (a menu button on a phone), and the screen. Keep stable: the flow screens live inside it too.
import { useState } from "react";
import { NavLink, Outlet } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";
import { ROLE_LABELS } from "./labels";

export interface NavEntry {
  to: string;
  label: string;
  roles: string[];
}

export const NAV: NavEntry[] = [
  { to: "/admin/tenants", label: "租户与目录", roles: ["TENANT_ADMIN"] },
  { to: "/admin/drafts", label: "草稿与发布", roles: ["TENANT_ADMIN"] },
  { to: "/admin/parameters", label: "参数", roles: ["TENANT_ADMIN"] },
  { to: "/admin/calendar", label: "工作日历", roles: ["TENANT_ADMIN"] },
  { to: "/admin/grants", label: "角色授权", roles: ["TENANT_ADMIN"] },
  { to: "/audit/person", label: "个人历史", roles: ["AUDITOR"] },
  { to: "/audit/application", label: "申请历史", roles: ["AUDITOR"] },
  { to: "/audit/verify", label: "审计链校验", roles: ["AUDITOR"] },
  { to: "/audit/export", label: "审计导出", roles: ["AUDITOR"] },
  { to: "/analytics", label: "统计看板", roles: ["ANALYST", "TENANT_ADMIN"] },
  { to: "/flow", label: "申请到决定（参考流程）", roles: ["APPLICANT", "WINDOW_CLERK", "CASEWORKER", "APPROVER", "ADVISER"] },
];

export function Layout() {
  const { me, signOut, hasRole } = useAuth();
  const [open, setOpen] = useState(false);
  const entries = NAV.filter((n) => hasRole(...n.roles));
  return (
    <div className="app">
      <a className="skip" href="#main">跳到正文</a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls="nav"
          onClick={() => setOpen(!open)}
        >
          菜单
        </button>
        <NavLink to="/" className="brand">社会救助管理控制台</NavLink>
        {me && (
          <div className="whoami">
            <span>{me.tenant.name}</span>
            <span className="muted">{me.roles.map((r) => ROLE_LABELS[r] ?? r).join("、")}</span>
            <button type="button" onClick={signOut}>退出</button>
          </div>
        )}
      </header>
      <div className="body">
        <nav id="nav" aria-label="主导航" className={open ? "nav open" : "nav"}>
          <ul>
            {entries.map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} onClick={() => setOpen(false)}>{n.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
