// Routes under /console/. The flow (web/src/flow/) is loaded lazily at /console/flow/*.
import { lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { AuthProvider } from "./auth/AuthContext";
import { Callback } from "./auth/Callback";
import { SignIn } from "./auth/SignIn";
import { Home } from "./layout/Home";
import { Layout } from "./layout/Layout";
import { Pending } from "./layout/Pending";
import { RequireAuth } from "./layout/RequireAuth";
import { adminRoutes } from "./admin/routes";
import { auditRoutes } from "./audit/routes";
import { analyticsRoutes } from "./analytics/routes";

const Flow = lazy(() => import("./flow/index"));

export function App() {
  return (
    <AuthProvider>
      <BrowserRouter basename="/console">
        <Routes>
          <Route path="/signin" element={<SignIn />} />
          <Route path="/callback" element={<Callback />} />
          <Route
            element={
              <RequireAuth>
                <Layout />
              </RequireAuth>
            }
          >
            <Route index element={<Home />} />
            {adminRoutes}
            {auditRoutes}
            {analyticsRoutes}
            <Route
              path="/flow/*"
              element={
                <Suspense fallback={<p role="status">正在加载…</p>}>
                  <Flow />
                </Suspense>
              }
            />
            <Route path="*" element={<Pending title="页面不存在" note="请从左侧菜单选择功能。" />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AuthProvider>
  );
}
