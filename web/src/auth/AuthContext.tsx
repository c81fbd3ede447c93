// Who is signed in: the token (memory + sessionStorage) and the API's own answer to `me`.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { request, useTokenSource } from "../graphql/client";
import { graphql } from "../gql";
import type { MeQuery } from "../gql/graphql";
import { loadToken, saveToken } from "./session";

const MeDocument = graphql(`
  query Me {
    me {
      userId
      roles
      departments
      area
      tenant { code name level }
    }
  }
`);

export type Me = MeQuery["me"];

interface AuthState {
  token: string | null;
  me: Me | null;
  loading: boolean;
  error: string | null;
  signIn: (token: string) => Promise<void>;
  signOut: () => void;
  /** Whether `me` holds any of these roles (the schema's enum names: "TENANT_ADMIN", …). */
  hasRole: (...roles: string[]) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

let memoryToken: string | null = null;
useTokenSource(() => memoryToken);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => {
    memoryToken = loadToken();
    return memoryToken;
  });
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState<boolean>(token !== null);
  const [error, setError] = useState<string | null>(null);

  const adopt = useCallback(async (next: string | null) => {
    memoryToken = next;
    saveToken(next);
    setToken(next);
    setError(null);
    if (!next) {
      setMe(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    try {
      setMe((await request(MeDocument)).me);
    } catch (e) {
      memoryToken = null;
      saveToken(null);
      setToken(null);
      setMe(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (memoryToken) void adopt(memoryToken);
  }, [adopt]);

  const value = useMemo<AuthState>(
    () => ({
      token,
      me,
      loading,
      error,
      signIn: (t) => adopt(t),
      signOut: () => void adopt(null),
      hasRole: (...roles) => !!me && me.roles.some((r) => roles.includes(r)),
    }),
    [token, me, loading, error, adopt],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error("useAuth outside AuthProvider");
  return state;
}
