import { Route } from "react-router-dom";
import { Pending } from "../layout/Pending";

export const auditRoutes = (
  <>
    <Route path="/audit/person" element={<Pending title="个人历史" note="按身份证号查询" />} />
    <Route path="/audit/application" element={<Pending title="申请历史" note="跨部门历史" />} />
    <Route path="/audit/verify" element={<Pending title="审计链校验" note="链校验" />} />
    <Route path="/audit/export" element={<Pending title="审计导出" note="CSV 导出" />} />
  </>
);
