// A material upload as the API wants it (README "Material uploads"): declare the file with its
// size and SHA-256, PUT the bytes to the signed URL with the headers given, then complete it.
import { request } from "../graphql/client";
import { FlowUploadCompleteDocument, FlowUploadCreateDocument } from "./operations";

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Uploads `file` for `tenant`; the completed upload's id (a material's `reference`). */
export async function uploadMaterial(tenant: string, file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  const created = (
    await request(FlowUploadCreateDocument, {
      input: {
        tenant,
        fileName: file.name,
        contentType: file.type || "application/octet-stream",
        byteSize: bytes.byteLength,
        sha256: await sha256Hex(bytes),
      },
    })
  ).materialUploadCreate;
  if (created.errors.length || !created.upload?.url) {
    throw new Error(created.errors.map((e) => e.message).join("；") || "无法取得上传地址");
  }
  const put = await fetch(created.upload.url, {
    method: "PUT",
    headers: (created.upload.headers ?? {}) as Record<string, string>,
    body: bytes,
  });
  if (!put.ok) throw new Error(`上传失败（HTTP ${put.status}）`);
  const completed = (await request(FlowUploadCompleteDocument, { id: created.upload.id })).materialUploadComplete;
  if (completed.errors.length || !completed.upload) {
    throw new Error(completed.errors.map((e) => e.message).join("；") || "上传未能完成");
  }
  return completed.upload.id;
}
