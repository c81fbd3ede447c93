// What the server tells the console before sign-in (GET /console/config.json): the OIDC provider
// and client id, and whether the dev-only token endpoint exists (never in production).
export interface ConsoleConfig {
  oidcIssuer: string | null;
  oidcClientId: string | null;
  devTokens: boolean;
}

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch("/console/config.json", { cache: "no-store" });
  if (!response.ok) return { oidcIssuer: null, oidcClientId: null, devTokens: false };
  return (await response.json()) as ConsoleConfig;
}

export interface DevTokenRequest {
  user: string;
  tenant: string;
  roles: string[];
  departments: string[];
  area?: string | null;
}

/** A dev token from POST /dev/tokens (exists only when the server is not in production). */
export async function mintDevToken(body: DevTokenRequest): Promise<string> {
  const response = await fetch("/dev/tokens", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`开发令牌签发失败（HTTP ${response.status}）`);
  return ((await response.json()) as { token: string }).token;
}
