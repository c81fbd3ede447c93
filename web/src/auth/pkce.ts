// PKCE (RFC 7636) and the `state` check of the OIDC authorization code flow, without a library:
// the verifier is 32 random bytes in base64url (43 characters), the challenge its SHA-256 in
// base64url (method S256). The pending sign-in (state → verifier) waits in sessionStorage for
// the provider's redirect back and is used once.

const PENDING_KEY = "socialaid.console.oidc.pending";

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString(byteCount: number): string {
  const bytes = new Uint8Array(byteCount);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

/** A new code verifier: 43 characters of [A-Za-z0-9-_], as RFC 7636 §4.1 allows. */
export function createVerifier(): string {
  return randomString(32);
}

/** The S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))). */
export async function challengeFor(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function createState(): string {
  return randomString(16);
}

export interface PendingSignIn {
  state: string;
  verifier: string;
  redirectUri: string;
  returnTo: string;
}

/** Where the pending sign-in is kept between the redirect out and the redirect back. */
export interface PendingStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function rememberPending(store: PendingStore, pending: PendingSignIn): void {
  store.setItem(PENDING_KEY, JSON.stringify(pending));
}

export class StateMismatchError extends Error {
  constructor() {
    super("登录回调的 state 与发起登录时不一致，已拒绝（可能是伪造的回调或重复使用的链接）");
  }
}

/**
 * The pending sign-in the provider's redirect answers. The returned `state` must equal the one
 * sent; either way the pending entry is removed, so a callback URL cannot be replayed.
 */
export function takePending(store: PendingStore, returnedState: string | null): PendingSignIn {
  const raw = store.getItem(PENDING_KEY);
  store.removeItem(PENDING_KEY);
  if (!raw || !returnedState) throw new StateMismatchError();
  const pending = JSON.parse(raw) as PendingSignIn;
  if (pending.state !== returnedState) throw new StateMismatchError();
  return pending;
}
