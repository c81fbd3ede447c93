// Drafts of the tenant's own items: new version, edit (merge patch), diff against the published
// version, the publish preview (lint and which recent selections change), then publish.
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";
import { graphql } from "../gql";
import type { DraftPublishPreviewQuery, ItemDiffQuery } from "../gql/graphql";
import { GraphQLRequestError, request } from "../graphql/client";
import { asRequestError, useQuery } from "../graphql/useQuery";
import { ErrorBox, Json, Loading, todayInChina } from "../ui/common";

const OwnItemsDocument = graphql(`
  query OwnItems($tenant: String!) {
    catalogue(tenant: $tenant) { items { code name provenance { owner } } }
  }
`);

const VersionsDocument = graphql(`
  query ItemVersions($tenant: String!, $code: String!) {
    itemVersionsConnection(tenant: $tenant, code: $code, first: 20) {
      edges { node { version status effectiveFrom lockVersion updatedAt } }
    }
  }
`);

const NewVersionDocument = graphql(`
  mutation DraftNewVersion($input: CatalogueDraftNewVersionInput!) {
    catalogueDraftNewVersion(input: $input) { itemVersion { version } errors { code message path } }
  }
`);

const UpdateDocument = graphql(`
  mutation DraftUpdate($input: CatalogueDraftUpdateInput!) {
    catalogueDraftUpdate(input: $input) { itemVersion { version lockVersion } errors { code message path } }
  }
`);

const DiffDocument = graphql(`
  query ItemDiff($tenant: String!, $code: String!, $from: Int!, $to: Int!) {
    itemDiff(tenant: $tenant, code: $code, fromVersion: $from, toVersion: $to) { element change before after }
  }
`);

const PreviewDocument = graphql(`
  query DraftPublishPreview($tenant: String!, $code: String!, $version: Int!, $effectiveFrom: Date!) {
    catalogueDraftPublishPreview(tenant: $tenant, code: $code, version: $version, effectiveFrom: $effectiveFrom) {
      tenant { name } items applications changed fieldsAdded fieldsRemoved fieldsChanged materialsAdded materialsRemoved materialsChanged problem
    }
  }
`);

const PublishDocument = graphql(`
  mutation DraftPublish($input: CatalogueDraftPublishInput!) {
    catalogueDraftPublish(input: $input) { itemVersion { version status effectiveFrom } errors { code message path } }
  }
`);

const CHANGE: Record<string, string> = { ADDED: "新增", REMOVED: "删除", CHANGED: "修改" };
const STATUS: Record<string, string> = { DRAFT: "草稿", PUBLISHED: "已发布", RETIRED: "已废止" };

function payloadError(errors: { code: string; message: string; path: string[] }[]): GraphQLRequestError | null {
  return errors.length ? new GraphQLRequestError(errors.map((e) => ({ message: e.message, code: e.code, path: e.path }))) : null;
}

export function DraftsPage() {
  const { me } = useAuth();
  const tenant = me?.tenant.code ?? "";
  const [params, setParams] = useSearchParams();
  const code = params.get("item") ?? "";
  const items = useQuery(OwnItemsDocument, { tenant });
  const own = items.data?.catalogue.items.filter((i) => i.provenance.owner === tenant) ?? [];
  return (
    <>
      <h1>草稿与发布</h1>
      <p className="muted">本级事项的新版本先作为草稿编辑，查看差异、检查结果与发布预览后再发布；已发布的版本不再改变。继承事项请在目录中“覆盖”。</p>
      <label className="stack">
        本级事项
        <select value={code} onChange={(e) => setParams(e.target.value ? { item: e.target.value } : {})}>
          <option value="">（请选择）</option>
          {own.map((i) => <option key={i.code} value={i.code}>{i.name}（{i.code}）</option>)}
        </select>
      </label>
      <ErrorBox error={items.error} />
      {code && <ItemDrafts key={code} tenant={tenant} code={code} />}
    </>
  );
}

function ItemDrafts({ tenant, code }: { tenant: string; code: string }) {
  const versions = useQuery(VersionsDocument, { tenant, code });
  const [error, setError] = useState<GraphQLRequestError | null>(null);
  const [patch, setPatch] = useState("{}");
  const [effectiveFrom, setEffectiveFrom] = useState(todayInChina());
  const [diff, setDiff] = useState<ItemDiffQuery["itemDiff"] | null>(null);
  const [preview, setPreview] = useState<DraftPublishPreviewQuery["catalogueDraftPublishPreview"] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const nodes = versions.data?.itemVersionsConnection.edges.map((e) => e.node) ?? [];
  const draft = nodes.find((n) => n.status === "DRAFT");
  const published = nodes.filter((n) => n.status === "PUBLISHED").sort((a, b) => b.version - a.version)[0];

  async function run(action: () => Promise<GraphQLRequestError | null | void>) {
    setError(null);
    setMessage(null);
    try {
      const failed = await action();
      if (failed) setError(failed);
    } catch (e) {
      setError(asRequestError(e));
    }
  }

  return (
    <section className="card">
      {versions.loading && <Loading />}
      <ErrorBox error={versions.error ?? error} />
      {message && <p className="ok" role="status">{message}</p>}
      <table>
        <thead><tr><th scope="col">版本</th><th scope="col">状态</th><th scope="col">生效</th></tr></thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.version}><td>{n.version}</td><td>{STATUS[n.status]}</td><td>{n.effectiveFrom}</td></tr>
          ))}
        </tbody>
      </table>
      {!draft && (
        <button type="button" className="primary" onClick={() => void run(async () => {
          const r = await request(NewVersionDocument, { input: { tenant, code } });
          versions.reload();
          return payloadError(r.catalogueDraftNewVersion.errors);
        })}>新建草稿版本</button>
      )}
      {draft && (
        <>
          <h2>草稿第 {draft.version} 版</h2>
          <label className="stack">
            修改（RFC 7386 合并补丁，作用于事项文档）
            <textarea rows={5} value={patch} onChange={(e) => setPatch(e.target.value)} />
          </label>
          <div className="row">
            <button type="button" onClick={() => void run(async () => {
              const r = await request(UpdateDocument, { input: { tenant, code, version: draft.version, lockVersion: draft.lockVersion, patch: JSON.parse(patch) } });
              versions.reload();
              setDiff(null);
              setPreview(null);
              return payloadError(r.catalogueDraftUpdate.errors);
            })}>保存草稿</button>
            {published && (
              <button type="button" onClick={() => void run(async () => {
                setDiff((await request(DiffDocument, { tenant, code, from: published.version, to: draft.version })).itemDiff);
              })}>与第 {published.version} 版比较</button>
            )}
            <label>
              生效日期 <input type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
            </label>
            <button type="button" onClick={() => void run(async () => {
              setPreview((await request(PreviewDocument, { tenant, code, version: draft.version, effectiveFrom })).catalogueDraftPublishPreview);
            })}>检查与发布预览</button>
          </div>
          {diff && (
            <table>
              <caption>差异</caption>
              <thead><tr><th scope="col">要素</th><th scope="col">变化</th><th scope="col">之前</th><th scope="col">之后</th></tr></thead>
              <tbody>
                {diff.map((d) => (
                  <tr key={d.element}><td>{d.element}</td><td>{CHANGE[d.change]}</td><td><Json value={d.before} /></td><td className="diff-add"><Json value={d.after} /></td></tr>
                ))}
              </tbody>
            </table>
          )}
          {preview && (
            <>
              <p className="ok">发布检查通过。近 90 天受影响的申请组合：{preview.filter((s) => s.changed).length} 个（共 {preview.length} 个）。</p>
              <ul>
                {preview.map((s, i) => (
                  <li key={i}>{s.tenant.name}：{s.items.join("、")}（{s.applications} 份）— {s.problem ?? (s.changed ? "表单将变化" : "不变")}</li>
                ))}
              </ul>
              <button type="button" className="primary" onClick={() => void run(async () => {
                const r = await request(PublishDocument, { input: { tenant, code, version: draft.version, lockVersion: draft.lockVersion, effectiveFrom } });
                versions.reload();
                setPreview(null);
                const failed = payloadError(r.catalogueDraftPublish.errors);
                if (!failed) setMessage(`已发布第 ${draft.version} 版，自 ${effectiveFrom} 起生效。`);
                return failed;
              })}>发布</button>
            </>
          )}
        </>
      )}
    </section>
  );
}
