import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";

export function RequireAuth({ children }: { children: ReactNode }) {
  const { token, me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <p className="loading" role="status">正在加载…</p>;
  if (!token || !me) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}
