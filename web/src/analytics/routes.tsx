import { lazy, Suspense } from "react";
import { Route } from "react-router-dom";

// ECharts only in this chunk: the first load of the console does not carry it.
const Dashboards = lazy(() => import("./Dashboards"));

export const analyticsRoutes = (
  <>
    <Route
      path="/analytics"
      element={
        <Suspense fallback={<p role="status">正在加载…</p>}>
          <Dashboards />
        </Suspense>
      }
    />
  </>
);
