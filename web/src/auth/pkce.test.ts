import { describe, expect, it } from "vitest";
import {
  base64url,
  challengeFor,
  createState,
  createVerifier,
  rememberPending,
  StateMismatchError,
  takePending,
  type PendingStore,
} from "./pkce";

function memoryStore(): PendingStore & { size: () => number } {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    size: () => items.size,
  };
}

const pending = { state: "s-1", verifier: "v", redirectUri: "http://x/console/callback", returnTo: "/" };

describe("PKCE", () => {
  it("computes the S256 challenge of RFC 7636 appendix B's verifier", async () => {
    // RFC 7636 Appendix B: this verifier has this challenge.
    const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    expect(await challengeFor(verifier)).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });

  it("makes verifiers of 43 unreserved characters, different each time", () => {
    const a = createVerifier();
    const b = createVerifier();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it("encodes base64url without padding or + and /", () => {
    expect(base64url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe("-__-");
    expect(base64url(new Uint8Array([0x61]))).toBe("YQ");
  });

  it("makes a new state each time", () => {
    expect(createState()).not.toBe(createState());
  });
});

describe("state handling", () => {
  it("returns the pending sign-in whose state came back, once", () => {
    const store = memoryStore();
    rememberPending(store, pending);
    expect(takePending(store, "s-1").verifier).toBe("v");
    expect(() => takePending(store, "s-1")).toThrow(StateMismatchError);
  });

  it("refuses a callback with another state and forgets the pending sign-in", () => {
    const store = memoryStore();
    rememberPending(store, pending);
    expect(() => takePending(store, "forged")).toThrow(StateMismatchError);
    expect(store.size()).toBe(0);
  });

  it("refuses a callback without state", () => {
    const store = memoryStore();
    rememberPending(store, pending);
    expect(() => takePending(store, null)).toThrow(StateMismatchError);
  });
});
