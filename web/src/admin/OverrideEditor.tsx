// The override editor for an inherited item: change unlocked elements (the locked ones shown as
// locked), then 预览 — the diff of each element, the server's checks (lint, locked elements) and
// which recent selections would get a different form — and only then 发布.
import { useMemo, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { graphql } from "../gql";
import type { CatalogueOverridePreviewQuery } from "../gql/graphql";
import { GraphQLRequestError, request } from "../graphql/client";
import { asRequestError, useQuery } from "../graphql/useQuery";
import { ErrorBox, Json, Loading, ProvenanceTag, todayInChina } from "../ui/common";
import { AdminItemDocument, type AdminItem } from "./ItemDetail";
import { diffPatch, lockedIn, type ElementDiff } from "./itemDocument";

const OverridePreviewDocument = graphql(`
  query CatalogueOverridePreview($tenant: String!, $code: String!, $patch: JSON!, $effectiveFrom: Date!) {
    catalogueOverridePreview(tenant: $tenant, code: $code, patch: $patch, effectiveFrom: $effectiveFrom) {
      tenant { code name }
      items
      applications
      changed
      fieldsAdded
      fieldsRemoved
      fieldsChanged
      materialsAdded
      materialsRemoved
      materialsChanged
      problem
    }
  }
`);

const OverrideSetDocument = graphql(`
  mutation CatalogueOverrideSet($input: CatalogueOverrideSetInput!) {
    catalogueOverrideSet(input: $input) {
      override { version effectiveFrom patch }
      errors { code message path }
    }
  }
`);

/** The elements the form edits, as the item document names them, from the typed item. */
function currentElements(item: AdminItem): Record<string, unknown> {
  return {
    time_limits: {
      statutory_working_days: item.timeLimit.statutoryWorkingDays ?? null,
      promised_working_days: item.timeLimit.promisedWorkingDays ?? null,
    },
    target_description: item.targetDescription ?? null,
    acceptance_conditions: item.acceptanceConditions ?? null,
  };
}

interface Draft {
  statutory: string;
  promised: string;
  targetDescription: string;
  acceptanceConditions: string;
  extra: string;
}

function draftOf(item: AdminItem): Draft {
  return {
    statutory: item.timeLimit.statutoryWorkingDays?.toString() ?? "",
    promised: item.timeLimit.promisedWorkingDays?.toString() ?? "",
    targetDescription: item.targetDescription ?? "",
    acceptanceConditions: item.acceptanceConditions ?? "",
    extra: "",
  };
}

/** The merge patch the form describes: only what differs from the item now. */
function patchOf(item: AdminItem, draft: Draft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const limits: Record<string, number> = {};
  const statutory = draft.statutory.trim() === "" ? null : Number(draft.statutory);
  const promised = draft.promised.trim() === "" ? null : Number(draft.promised);
  if (statutory !== null && statutory !== item.timeLimit.statutoryWorkingDays) limits.statutory_working_days = statutory;
  if (promised !== null && promised !== item.timeLimit.promisedWorkingDays) limits.promised_working_days = promised;
  if (Object.keys(limits).length) patch.time_limits = limits;
  if (draft.targetDescription !== (item.targetDescription ?? "")) patch.target_description = draft.targetDescription;
  if (draft.acceptanceConditions !== (item.acceptanceConditions ?? "")) patch.acceptance_conditions = draft.acceptanceConditions;
  if (draft.extra.trim()) Object.assign(patch, JSON.parse(draft.extra) as Record<string, unknown>);
  return patch;
}

type Preview = CatalogueOverridePreviewQuery["catalogueOverridePreview"];

export function OverrideEditor() {
  const { code = "", item: itemCode = "" } = useParams();
  const { data, error, loading, reload } = useQuery(AdminItemDocument, { tenant: code, code: itemCode });
  const item = data?.item;
  if (loading && !item) return <Loading />;
  if (error) return <ErrorBox error={error} />;
  if (!item) return null;
  return <Editor key={`${item.code}-${item.version}`} tenant={code} item={item} reload={reload} />;
}

function Editor({ tenant, item, reload }: { tenant: string; item: AdminItem; reload: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const [effectiveFrom, setEffectiveFrom] = useState(todayInChina());
  const [reason, setReason] = useState("");
  const [reviewed, setReviewed] = useState<{ patch: string; diff: ElementDiff[]; preview: Preview } | null>(null);
  const [checkError, setCheckError] = useState<GraphQLRequestError | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = item.provenance.lockedElements;

  const parsed = useMemo(() => {
    try {
      return { patch: patchOf(item, draft), error: null };
    } catch {
      return { patch: null, error: "其他要素的合并补丁不是合法的 JSON 对象" };
    }
  }, [item, draft]);
  const lockedTouched = parsed.patch ? lockedIn(parsed.patch, locked) : [];
  const patchText = parsed.patch ? JSON.stringify(parsed.patch) : "";
  const upToDate = reviewed !== null && reviewed.patch === patchText;

  function edit(change: Partial<Draft>) {
    setDraft({ ...draft, ...change });
    setPublished(null);
  }

  async function preview(event: FormEvent) {
    event.preventDefault();
    if (!parsed.patch || Object.keys(parsed.patch).length === 0 || lockedTouched.length) return;
    setBusy(true);
    setCheckError(null);
    setReviewed(null);
    try {
      const result = await request(OverridePreviewDocument, { tenant, code: item.code, patch: parsed.patch, effectiveFrom });
      setReviewed({ patch: patchText, diff: diffPatch(currentElements(item), parsed.patch), preview: result.catalogueOverridePreview });
    } catch (e) {
      setCheckError(asRequestError(e));
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    if (!parsed.patch || !upToDate) return;
    setBusy(true);
    setCheckError(null);
    try {
      const result = await request(OverrideSetDocument, {
        input: { tenant, code: item.code, patch: parsed.patch, effectiveFrom, reason },
      });
      const errors = result.catalogueOverrideSet.errors;
      if (errors.length) {
        setCheckError(new GraphQLRequestError(errors.map((e) => ({ message: e.message, code: e.code, path: e.path }))));
      } else {
        setPublished(`已发布：覆盖第 ${result.catalogueOverrideSet.override?.version} 版，自 ${effectiveFrom} 起生效。`);
        setReviewed(null);
        reload();
      }
    } catch (e) {
      setCheckError(asRequestError(e));
    } finally {
      setBusy(false);
    }
  }

  const known = currentElements(item);
  return (
    <>
      <p><Link to={`/admin/tenants/${tenant}/items/${item.code}`}>← 返回事项</Link></p>
      <h1>覆盖：{item.name}</h1>
      <p className="muted">继承自 {item.provenance.owner}；覆盖对本租户及其下级生效。锁定要素不可覆盖。</p>
      {published && <p className="ok" role="status">{published}</p>}
      <form onSubmit={(e) => void preview(e)} className="card">
        <h2>要素</h2>
        <div className="form-grid">
          <label>
            <span>名称 <ProvenanceTag kind="locked" /></span>
            <input value={item.name} disabled aria-describedby="locked-note" />
          </label>
          <label>
            法定办理时限（工作日）
            <input inputMode="numeric" value={draft.statutory} onChange={(e) => edit({ statutory: e.target.value })} />
          </label>
          <label>
            承诺办理时限（工作日）
            <input inputMode="numeric" name="promised" value={draft.promised} onChange={(e) => edit({ promised: e.target.value })} />
          </label>
        </div>
        <label className="stack">
          救助对象说明
          <textarea rows={3} value={draft.targetDescription} onChange={(e) => edit({ targetDescription: e.target.value })} />
        </label>
        <label className="stack">
          受理条件
          <textarea rows={3} value={draft.acceptanceConditions} onChange={(e) => edit({ acceptanceConditions: e.target.value })} />
        </label>
        <details>
          <summary>其他要素（RFC 7386 合并补丁，JSON）</summary>
          <textarea rows={4} value={draft.extra} onChange={(e) => edit({ extra: e.target.value })} aria-label="其他要素的合并补丁" />
        </details>
        <p id="locked-note" className="muted">
          锁定要素：{locked.map((l) => <span key={l}><ProvenanceTag kind="locked" /> {l} </span>)}
        </p>
        {parsed.error && <p className="error" role="alert">{parsed.error}</p>}
        {lockedTouched.length > 0 && (
          <p className="error" role="alert">锁定要素不可覆盖：{lockedTouched.join("、")}</p>
        )}
        <div className="form-grid">
          <label>
            生效日期
            <input type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
          </label>
          <label>
            覆盖理由（记入审计）
            <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || !parsed.patch || Object.keys(parsed.patch).length === 0 || lockedTouched.length > 0}>
            预览（差异、检查与影响）
          </button>
        </div>
      </form>
      <ErrorBox error={checkError} />
      {reviewed && (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">发布前预览</h2>
          <h3>差异</h3>
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="override-diff">
              <thead><tr><th scope="col">要素</th><th scope="col">现在</th><th scope="col">覆盖后</th></tr></thead>
              <tbody>
                {reviewed.diff.map((d) => (
                  <tr key={d.element}>
                    <td>{d.element}</td>
                    <td className="diff-remove-cell">{d.element in known ? <Json value={d.before} /> : "（见事项详情）"}</td>
                    <td className="diff-add"><Json value={d.after} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>检查结果</h3>
          <p className="ok" data-testid="lint-result">发布检查通过：没有锁定要素，目录检查没有发现问题。</p>
          <h3>影响（近 90 天的申请组合）</h3>
          {reviewed.preview.length === 0 ? (
            <p data-testid="preview-selections">近 90 天没有包含此事项的申请，表单变化不影响已有申请组合。</p>
          ) : (
            <div className="table-scroll" tabIndex={0}>
              <table data-testid="preview-selections">
                <thead><tr><th scope="col">租户</th><th scope="col">事项组合</th><th scope="col">申请数</th><th scope="col">表单变化</th></tr></thead>
                <tbody>
                  {reviewed.preview.map((s, i) => (
                    <tr key={i}>
                      <td>{s.tenant.name}</td>
                      <td>{s.items.join("、")}</td>
                      <td>{s.applications}</td>
                      <td>
                        {s.problem ?? (s.changed
                          ? [...s.fieldsAdded.map((f) => `+${f}`), ...s.fieldsRemoved.map((f) => `−${f}`), ...s.fieldsChanged.map((f) => `~${f}`),
                             ...s.materialsAdded.map((m) => `+材料 ${m}`), ...s.materialsRemoved.map((m) => `−材料 ${m}`), ...s.materialsChanged.map((m) => `~材料 ${m}`)].join("、") || "表单哈希变化"
                          : "不变")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="row">
            <button type="button" className="primary" disabled={busy || !upToDate || !reason.trim()} onClick={() => void publish()}>
              发布覆盖
            </button>
            {!reason.trim() && <span className="muted">请填写覆盖理由后发布。</span>}
          </div>
        </section>
      )}
    </>
  );
}
