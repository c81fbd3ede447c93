import { Route } from "react-router-dom";
import { Pending } from "../layout/Pending";

export const adminRoutes = (
  <>
    <Route path="/admin/tenants" element={<Pending title="租户与目录" note="租户树与有效目录" />} />
    <Route path="/admin/drafts" element={<Pending title="草稿与发布" note="草稿、差异、检查与发布预览" />} />
    <Route path="/admin/parameters" element={<Pending title="参数" note="租户参数" />} />
    <Route path="/admin/calendar" element={<Pending title="工作日历" note="工作日历" />} />
    <Route path="/admin/grants" element={<Pending title="角色授权" note="角色授权与职责分离" />} />
  </>
);
