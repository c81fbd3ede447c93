import { Link } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";
import { NAV } from "./Layout";

export function Home() {
  const { me, hasRole } = useAuth();
  const entries = NAV.filter((n) => hasRole(...n.roles));
  return (
    <>
      <h1>欢迎，{me?.userId}</h1>
      <p>当前租户：{me?.tenant.name}（{me?.tenant.code}）</p>
      {entries.length === 0 ? (
        <p>当前角色在控制台中没有可用的功能。</p>
      ) : (
        <ul className="tiles">
          {entries.map((n) => (
            <li key={n.to}><Link to={n.to}>{n.label}</Link></li>
          ))}
        </ul>
      )}
    </>
  );
}
