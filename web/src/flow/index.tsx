// The reference applicant-to-decision flow, mounted by the router at /console/flow/*: the
// applicant applies (items with screening, the merged form, uploads, submit) and watches the
// status live; the window clerk triages; a department's caseworker decides.
import { Link, Route, Routes } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";
import { ApplyPage } from "./ApplyPage";
import { CasesPage } from "./CasesPage";
import { StatusPage } from "./StatusPage";
import { TriagePage } from "./TriagePage";
import "./flow.css";

function FlowHome() {
  const { hasRole } = useAuth();
  return (
    <section aria-labelledby="flow-title">
      <h1 id="flow-title">申请到决定（参考流程）</h1>
      <p className="muted">给前端团队的参考实现：只用公开 GraphQL API；表单适配器见 web/src/forms/README.md。</p>
      <ul className="flow-entry">
        {hasRole("APPLICANT") && <li><Link to="apply">申请社会救助</Link></li>}
        {hasRole("WINDOW_CLERK") && <li><Link to="triage">一门受理：待受理的申请</Link></li>}
        {hasRole("CASEWORKER") && <li><Link to="cases">部门办理：本部门的案件</Link></li>}
      </ul>
    </section>
  );
}

export default function Flow() {
  return (
    <Routes>
      <Route index element={<FlowHome />} />
      <Route path="apply" element={<ApplyPage />} />
      <Route path="applications/:id" element={<StatusPage />} />
      <Route path="triage" element={<TriagePage />} />
      <Route path="cases" element={<CasesPage />} />
    </Routes>
  );
}
