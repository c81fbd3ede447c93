// The signed-in token lives in sessionStorage (gone when the tab closes) and in memory. Only the
// token is stored: never an ID number or anything an auditor searched for.

const TOKEN_KEY = "socialaid.console.token";

export interface Claims {
  sub: string;
  tenant: string;
  roles: string[];
  departments: string[];
  exp: number | null;
}

export function decodeClaims(token: string): Claims | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    return {
      sub: String(claims.sub ?? ""),
      tenant: String(claims.tenant ?? ""),
      roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
      departments: Array.isArray(claims.departments) ? claims.departments.map(String) : [],
      exp: typeof claims.exp === "number" ? claims.exp : null,
    };
  } catch {
    return null;
  }
}

export function loadToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}
