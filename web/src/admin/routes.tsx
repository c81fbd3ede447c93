import { Navigate, Route } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";
import { CalendarPage } from "./CalendarPage";
import { CataloguePage } from "./CataloguePage";
import { DraftsPage } from "./DraftsPage";
import { GrantsPage } from "./GrantsPage";
import { ItemDetail } from "./ItemDetail";
import { OverrideEditor } from "./OverrideEditor";
import { ParametersPage } from "./ParametersPage";

function OwnTenant() {
  const { me } = useAuth();
  return <Navigate to={`/admin/tenants/${me?.tenant.code ?? ""}`} replace />;
}

export const adminRoutes = (
  <>
    <Route path="/admin/tenants" element={<OwnTenant />} />
    <Route path="/admin/tenants/:code" element={<CataloguePage />} />
    <Route path="/admin/tenants/:code/items/:item" element={<ItemDetail />} />
    <Route path="/admin/tenants/:code/items/:item/override" element={<OverrideEditor />} />
    <Route path="/admin/drafts" element={<DraftsPage />} />
    <Route path="/admin/parameters" element={<ParametersPage />} />
    <Route path="/admin/calendar" element={<CalendarPage />} />
    <Route path="/admin/grants" element={<GrantsPage />} />
  </>
);
