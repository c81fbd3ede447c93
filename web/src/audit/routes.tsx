import { Route } from "react-router-dom";
import { ApplicationHistory } from "./ApplicationHistory";
import { ExportPage } from "./ExportPage";
import { PersonHistory } from "./PersonHistory";
import { VerifyChain } from "./VerifyChain";

export const auditRoutes = (
  <>
    <Route path="/audit/person" element={<PersonHistory />} />
    <Route path="/audit/application" element={<ApplicationHistory />} />
    <Route path="/audit/application/:id" element={<ApplicationHistory />} />
    <Route path="/audit/verify" element={<VerifyChain />} />
    <Route path="/audit/export" element={<ExportPage />} />
  </>
);
