// The OIDC authorization code flow with PKCE against the provider the server is configured with
// (SOCIALAID_OIDC_ISSUER, SOCIALAID_CONSOLE_OIDC_CLIENT_ID): discovery document → authorize
// endpoint → back to /console/callback → token endpoint. A public client: no secret.
import {
  challengeFor,
  createState,
  createVerifier,
  rememberPending,
  takePending,
  type PendingStore,
} from "./pkce";

export interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  issuer: string;
}

export async function discover(issuer: string): Promise<Discovery> {
  const url = issuer.replace(/\/$/, "") + "/.well-known/openid-configuration";
  const response = await fetch(url);
  if (!response.ok) throw new Error(`无法读取身份提供方的发现文档（HTTP ${response.status}）`);
  return (await response.json()) as Discovery;
}

/** The authorize URL to send the browser to; remembers the state and verifier for the way back. */
export async function authorizeUrl(
  discovery: Discovery,
  clientId: string,
  redirectUri: string,
  store: PendingStore,
  returnTo: string,
): Promise<string> {
  const verifier = createVerifier();
  const state = createState();
  rememberPending(store, { state, verifier, redirectUri, returnTo });
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: "openid",
    state,
    code_challenge: await challengeFor(verifier),
    code_challenge_method: "S256",
  }).toString();
  return url.toString();
}

/** Exchanges the code of the provider's redirect for an access token, after checking `state`. */
export async function completeSignIn(
  discovery: Discovery,
  clientId: string,
  callback: URL,
  store: PendingStore,
): Promise<{ accessToken: string; returnTo: string }> {
  const error = callback.searchParams.get("error");
  if (error) throw new Error(`身份提供方拒绝了登录：${error}`);
  const pending = takePending(store, callback.searchParams.get("state"));
  const code = callback.searchParams.get("code");
  if (!code) throw new Error("登录回调缺少授权码");
  const response = await fetch(discovery.token_endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: pending.redirectUri,
      client_id: clientId,
      code_verifier: pending.verifier,
    }).toString(),
  });
  if (!response.ok) throw new Error(`换取令牌失败（HTTP ${response.status}）`);
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error("令牌端点没有返回 access_token");
  return { accessToken: body.access_token, returnTo: pending.returnTo };
}
