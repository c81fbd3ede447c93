// Export for offline review: the audit CSV/JSONL endpoint (GET /audit/export) with the auditor's
// token, saved as a file.
import { useState, type FormEvent } from "react";
import { useAuth } from "../auth/AuthContext";
import { todayInChina } from "../ui/common";

export function ExportPage() {
  const { me, token } = useAuth();
  const [form, setForm] = useState({ tenant: me?.tenant.code ?? "", from: "", to: todayInChina(), format: "csv" });
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setStatus("正在导出…");
    const query = new URLSearchParams({ tenant: form.tenant, format: form.format });
    if (form.from) query.set("from", form.from);
    if (form.to) query.set("to", form.to);
    const response = await fetch(`/audit/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) {
      setStatus(null);
      setError(`导出失败（HTTP ${response.status}）：${await response.text()}`);
      return;
    }
    const blob = await response.blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `audit-${form.tenant}.${form.format}`;
    link.click();
    URL.revokeObjectURL(link.href);
    setStatus(`已导出 ${blob.size} 字节。`);
  }

  return (
    <>
      <h1>审计导出</h1>
      <form className="card" onSubmit={(e) => void download(e)}>
        <div className="form-grid">
          <label>租户代码<input value={form.tenant} onChange={(e) => setForm({ ...form, tenant: e.target.value })} required /></label>
          <label>起（含，中国时间）<input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} /></label>
          <label>止（不含）<input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} /></label>
          <label>格式
            <select value={form.format} onChange={(e) => setForm({ ...form, format: e.target.value })}>
              <option value="csv">CSV</option>
              <option value="jsonl">JSON Lines</option>
            </select>
          </label>
          <button type="submit" className="primary">导出</button>
        </div>
        <p className="muted">每行含 previous_hash 与 hash，可离线复核审计链。</p>
        {status && <p className="ok" role="status">{status}</p>}
        {error && <p className="error" role="alert">{error}</p>}
      </form>
    </>
  );
}
