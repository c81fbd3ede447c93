// Small shared pieces: loading and error states, provenance tags, JSON shown for people.
import type { ReactNode } from "react";
import type { GraphQLRequestError } from "../graphql/client";

export function Loading() {
  return <p role="status" className="loading">正在加载…</p>;
}

export function ErrorBox({ error }: { error: GraphQLRequestError | Error | string | null }) {
  if (!error) return null;
  const text = typeof error === "string" ? error : error.message;
  const codes = typeof error === "object" && "codes" in error ? (error as GraphQLRequestError).codes : [];
  return (
    <p className="error" role="alert">
      {text}
      {codes.length > 0 && <span className="muted">（{codes.join("、")}）</span>}
    </p>
  );
}

export type ProvenanceKind = "inherited" | "overridden" | "own" | "disabled" | "locked";
const PROVENANCE_LABELS: Record<ProvenanceKind, string> = {
  inherited: "继承",
  overridden: "已覆盖",
  own: "本级",
  disabled: "已停用",
  locked: "锁定",
};

export function ProvenanceTag({ kind }: { kind: ProvenanceKind }) {
  return <span className={`tag ${kind}`}>{PROVENANCE_LABELS[kind]}</span>;
}

/** The schema's Origin for the viewing tenant, as the console names it. */
export function provenanceOf(origin: string): ProvenanceKind {
  if (origin === "OVERRIDDEN") return "overridden";
  if (origin === "INHERITED") return "inherited";
  return "own";
}

export function Json({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined) return <span className="muted">（无）</span>;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return <code className="json">{JSON.stringify(value)}</code>;
}

/** Today in China (UTC+8), YYYY-MM-DD: catalogue dates are China dates. */
export function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
