// The provider's redirect back: check state, exchange the code (PKCE verifier) for a token.
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useAuth } from "./AuthContext";
import { loadConsoleConfig } from "./consoleConfig";
import { completeSignIn, discover } from "./oidc";

export function Callback() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    (async () => {
      const config = await loadConsoleConfig();
      if (!config.oidcIssuer || !config.oidcClientId) throw new Error("服务端未配置身份提供方");
      const discovery = await discover(config.oidcIssuer);
      const { accessToken, returnTo } = await completeSignIn(
        discovery, config.oidcClientId, new URL(window.location.href), sessionStorage,
      );
      await signIn(accessToken);
      navigate(returnTo, { replace: true });
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [navigate, signIn]);
  return (
    <main className="signin" id="main">
      <h1>正在完成登录…</h1>
      {error && <p className="error" role="alert">{error}</p>}
    </main>
  );
}
