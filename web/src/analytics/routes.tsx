import { Route } from "react-router-dom";
import { Pending } from "../layout/Pending";

export const analyticsRoutes = (
  <>
    <Route
      path="/analytics"
      element={<Pending title="统计看板" note="统计接口（statistics、reformEffect、completionSummary）合入主干后提供 ECharts 看板与数据表。" />}
    />
  </>
);
