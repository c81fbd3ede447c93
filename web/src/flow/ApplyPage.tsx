// The applicant's side: pick items (with screening guidance), fill the one merged form, upload
// the materials the form check asks for, submit, then watch the status (StatusPage).
import { useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";
import { MergedForm } from "../forms/MergedForm";
import type { Answers } from "../forms/conditions";
import { asRequestError, useQuery } from "../graphql/useQuery";
import { request } from "../graphql/client";
import type { FlowFormCheckQuery, FlowFormQuery } from "../gql/graphql";
import { MATERIAL_STATUS, SCREENING_OUTCOME, subjectLabel } from "./labels";
import {
  FlowCatalogueDocument,
  FlowFormCheckDocument,
  FlowFormDocument,
  FlowScreeningDocument,
  FlowSubmitDocument,
} from "./operations";
import { uploadMaterial } from "./uploads";

type Step = "items" | "form" | "materials";
type Form = FlowFormQuery["applicationForm"];
type MaterialCheck = FlowFormCheckQuery["applicationFormCheck"]["materials"][number];

const STEPS: { step: Step; label: string }[] = [
  { step: "items", label: "选择事项" },
  { step: "form", label: "填写申请表" },
  { step: "materials", label: "上传材料并提交" },
];

export function ApplyPage() {
  const { me } = useAuth();
  const tenant = me?.tenant.code ?? "";
  const [step, setStep] = useState<Step>("items");
  const [items, setItems] = useState<string[]>([]);
  const [form, setForm] = useState<Form | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [checked, setChecked] = useState<MaterialCheck[]>([]);

  return (
    <section aria-labelledby="apply-title">
      <h1 id="apply-title">申请社会救助</h1>
      <ol className="flow-steps" aria-label="申请步骤">
        {STEPS.map((s, i) => (
          <li key={s.step} aria-current={s.step === step ? "step" : undefined}>
            {i + 1}. {s.label}
          </li>
        ))}
      </ol>
      {step === "items" && (
        <ItemStep
          tenant={tenant}
          selected={items}
          onChange={setItems}
          onNext={async () => {
            setForm((await request(FlowFormDocument, { tenant, items })).applicationForm);
            setStep("form");
          }}
        />
      )}
      {step === "form" && form && (
        <FormStep
          form={form}
          answers={answers}
          onChange={setAnswers}
          onBack={() => setStep("items")}
          onNext={(kept, materials) => {
            setAnswers(kept);
            setChecked(materials);
            setStep("materials");
          }}
        />
      )}
      {step === "materials" && form && (
        <MaterialsStep
          tenant={tenant}
          form={form}
          answers={answers}
          materials={checked}
          onBack={() => setStep("form")}
        />
      )}
    </section>
  );
}

function ItemStep({
  tenant,
  selected,
  onChange,
  onNext,
}: {
  tenant: string;
  selected: string[];
  onChange: (items: string[]) => void;
  onNext: () => Promise<void>;
}) {
  const catalogue = useQuery(FlowCatalogueDocument, { tenant }, { skip: !tenant });
  const [screeningAnswers, setScreeningAnswers] = useState<Answers>({});
  const screening = useQuery(FlowScreeningDocument, { tenant, answers: screeningAnswers }, { skip: !tenant });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const guidance = useMemo(
    () => new Map((screening.data?.eligibilityScreen ?? []).map((r) => [r.item, r])),
    [screening.data],
  );
  const items = (catalogue.data?.catalogue.items ?? []).filter((i) => i.mode === "ON_APPLICATION");
  const toggle = (code: string) =>
    onChange(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code]);

  return (
    <div className="flow-columns">
      <section className="card" aria-labelledby="screening-title">
        <h2 id="screening-title">先回答几个问题（资格初筛）</h2>
        <p className="muted">回答只用于本次初筛，不保存。每回答一题，右侧事项的初筛结论随之更新。</p>
        {(screening.data?.screeningQuestions ?? []).map((q) => (
          <ScreeningQuestionInput
            key={q.key}
            question={q}
            onAnswer={(value) => setScreeningAnswers(withAnswer(screeningAnswers, q.key, value))}
          />
        ))}
        {screening.data && screening.data.screeningQuestions.length === 0 && <p>没有更多问题了。</p>}
      </section>
      <section className="card" aria-labelledby="items-title">
        <h2 id="items-title">选择要申请的事项</h2>
        {catalogue.loading && <p role="status">正在加载目录…</p>}
        {catalogue.error && <p className="error" role="alert">{catalogue.error.message}</p>}
        <ul className="flow-items">
          {items.map((item) => {
            const g = guidance.get(item.code);
            return (
              <li key={item.code}>
                <label>
                  <input
                    type="checkbox"
                    checked={selected.includes(item.code)}
                    onChange={() => toggle(item.code)}
                    data-item={item.code}
                  />
                  <span className="flow-item-name">{item.name}</span>
                  <span className="muted">（{item.department?.name ?? "—"}）</span>
                </label>
                {g && (
                  <p className={`flow-guidance flow-${g.outcome.toLowerCase()}`}>
                    <strong>{SCREENING_OUTCOME[g.outcome] ?? g.outcome}</strong>：{g.explanation}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        {error && <p className="error" role="alert">{error}</p>}
        <button
          type="button"
          className="primary"
          disabled={selected.length === 0 || busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            onNext()
              .catch((e: unknown) => setError(asRequestError(e).message))
              .finally(() => setBusy(false));
          }}
        >
          下一步：填写申请表（已选 {selected.length} 项）
        </button>
      </section>
    </div>
  );
}

interface Question {
  key: string;
  label: string;
  type: string;
  codeValues: { code: string; label: string }[];
}

function ScreeningQuestionInput({ question, onAnswer }: { question: Question; onAnswer: (value: unknown) => void }) {
  const id = `screening-${question.key.replace(/\W/g, "-")}`;
  if (question.type === "boolean") {
    return (
      <fieldset className="flow-question">
        <legend>{question.label}</legend>
        <button type="button" onClick={() => onAnswer(true)}>是</button>{" "}
        <button type="button" onClick={() => onAnswer(false)}>否</button>
      </fieldset>
    );
  }
  if (question.codeValues.length > 0) {
    return (
      <div className="flow-question">
        <label htmlFor={id}>{question.label}</label>
        <select id={id} defaultValue="" onChange={(e) => e.target.value && onAnswer(e.target.value)}>
          <option value="">请选择</option>
          {question.codeValues.map((v) => (
            <option key={v.code} value={v.code}>{v.label}</option>
          ))}
        </select>
      </div>
    );
  }
  const numeric = ["integer", "number", "amount"].includes(question.type);
  return (
    <form
      className="flow-question"
      onSubmit={(e) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget).get("value");
        if (value !== null && value !== "") onAnswer(numeric ? Number(value) : String(value));
      }}
    >
      <label htmlFor={id}>{question.label}</label>
      <input id={id} name="value" type={numeric ? "number" : "text"} step="any" />
      <button type="submit">确定</button>
    </form>
  );
}

function withAnswer(answers: Answers, key: string, value: unknown): Answers {
  const next: Answers = structuredClone(answers);
  const path = key.split(".");
  let node = next;
  for (const segment of path.slice(0, -1)) {
    if (typeof node[segment] !== "object" || node[segment] === null) node[segment] = {};
    node = node[segment] as Answers;
  }
  node[path[path.length - 1]] = value;
  return next;
}

function FormStep({
  form,
  answers,
  onChange,
  onBack,
  onNext,
}: {
  form: Form;
  answers: Answers;
  onChange: (answers: Answers) => void;
  onBack: () => void;
  onNext: (answers: Answers, materials: MaterialCheck[]) => void;
}) {
  const [serverErrors, setServerErrors] = useState<{ path: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="form-title">
      <h2 id="form-title">填写申请表：{form.items.map((i) => i.name).join("、")}</h2>
      <p className="muted">一张表涵盖所选的全部事项；随回答显示或隐藏的问题由表单的条件决定。</p>
      {form.notes.map((n) => (
        <p key={n.message} className="notice">{n.message}</p>
      ))}
      {error && <p className="error" role="alert">{error}</p>}
      {serverErrors.length > 0 && (
        <div className="error" role="alert">
          <p>服务端检查未通过：</p>
          <ul>{serverErrors.map((e) => <li key={e.path}>{e.message}</li>)}</ul>
        </div>
      )}
      <MergedForm
        schema={form.jsonSchema as Record<string, unknown>}
        answers={answers}
        serverErrors={serverErrors}
        onChange={(next) => onChange(next)}
        onSubmit={async (kept) => {
          setError(null);
          try {
            const check = (await request(FlowFormCheckDocument, { hash: form.hash, answers: kept })).applicationFormCheck;
            const problems = check.answerErrors.map((e) => ({ path: e.path.slice(1).join(".").replace(/\.(\d+)(?=\.|$)/g, "[$1]"), message: e.message }));
            setServerErrors(problems);
            if (check.ok) onNext(kept, check.materials);
          } catch (e) {
            setError(asRequestError(e).message);
          }
        }}
      >
        <div className="flow-actions">
          <button type="button" onClick={onBack}>上一步</button>
          <button type="submit" className="primary">下一步：上传材料</button>
        </div>
      </MergedForm>
    </section>
  );
}

function MaterialsStep({
  tenant,
  form,
  answers,
  materials,
  onBack,
}: {
  tenant: string;
  form: Form;
  answers: Answers;
  materials: MaterialCheck[];
  onBack: () => void;
}) {
  const navigate = useNavigate();
  const catalogue = useQuery(FlowCatalogueDocument, { tenant });
  const [uploaded, setUploaded] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState<Record<string, boolean>>({});
  const [area, setArea] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(form.materials.map((m) => [m.id, m.name]));
  const toUpload = materials.filter((m) => m.status === "UPLOAD_REQUIRED");
  const slot = (m: MaterialCheck) => `${m.material}@${m.subjectPath ?? ""}`;
  const areas = catalogue.data?.tenant.areas ?? [];
  useEffect(() => {
    if (!area && areas.length) setArea(areas[0].code);
  }, [area, areas]);
  const ready = toUpload.every((m) => uploaded[slot(m)]) && !!area;

  async function upload(m: MaterialCheck, file: File) {
    setError(null);
    setUploading((u) => ({ ...u, [slot(m)]: true }));
    try {
      const id = await uploadMaterial(tenant, file);
      setUploaded((u) => ({ ...u, [slot(m)]: id }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setUploading((u) => ({ ...u, [slot(m)]: false }));
    }
  }

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const payload = (
        await request(FlowSubmitDocument, {
          input: {
            tenant,
            channel: "ONLINE",
            items: form.items.map((i) => i.code),
            answers,
            area,
            idempotencyKey: crypto.randomUUID(),
            materials: toUpload.map((m) => ({ material: m.material, subject: m.subjectPath, reference: uploaded[slot(m)] })),
          },
        })
      ).applicationSubmit;
      if (payload.errors.length || !payload.application) {
        setError(payload.errors.map((e) => e.message).join("；"));
        return;
      }
      navigate(`../applications/${encodeURIComponent(payload.application.id)}`);
    } catch (e) {
      setError(asRequestError(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="materials-title">
      <h2 id="materials-title">上传材料并提交</h2>
      <p className="muted">文件经签名地址直接上传（PDF、PNG 或 JPEG），不经过 GraphQL；免交或不适用的材料无需上传。</p>
      <table className="flow-materials">
        <caption>材料清单</caption>
        <thead>
          <tr><th scope="col">材料</th><th scope="col">对象</th><th scope="col">状态</th><th scope="col">文件</th></tr>
        </thead>
        <tbody>
          {materials.map((m) => {
            const key = slot(m);
            const inputId = `file-${key.replace(/\W/g, "-")}`;
            return (
              <tr key={key}>
                <td>{names.get(m.material) ?? m.code}</td>
                <td>{subjectLabel(m.subjectPath, answers)}</td>
                <td>{uploaded[key] ? "已上传" : (MATERIAL_STATUS[m.status] ?? m.reason)}</td>
                <td>
                  {m.status === "UPLOAD_REQUIRED" && (
                    <>
                      {/* The browser's own file button speaks the browser's language: a label in Chinese
                          stands in for it, the input stays focusable for the keyboard. */}
                      <input
                        id={inputId}
                        className="visually-hidden"
                        type="file"
                        accept="application/pdf,image/png,image/jpeg"
                        data-material={m.material}
                        data-subject={m.subjectPath ?? ""}
                        disabled={uploading[key]}
                        onChange={(e) => {
                          const file = e.target.files?.[0];
                          if (file) void upload(m, file);
                        }}
                      />
                      <label htmlFor={inputId} className="flow-file-button">
                        {uploaded[key] ? "重新选择" : "选择文件"}
                        <span className="visually-hidden">
                          ：{names.get(m.material) ?? m.code}（{subjectLabel(m.subjectPath, answers)}）
                        </span>
                      </label>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="flow-question">
        <label htmlFor="flow-area">受理街道（一门受理窗口）</label>
        <select id="flow-area" value={area} onChange={(e) => setArea(e.target.value)}>
          {areas.map((a) => (
            <option key={a.code} value={a.code}>{a.name}</option>
          ))}
        </select>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="flow-actions">
        <button type="button" onClick={onBack}>上一步</button>
        <button type="button" className="primary" disabled={!ready || busy} onClick={() => void submit()}>
          提交申请
        </button>
      </div>
    </section>
  );
}

