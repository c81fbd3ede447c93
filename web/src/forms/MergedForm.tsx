/**
 * The merged application form rendered by react-jsonschema-form (@rjsf/core, Ajv 2020-12) with
 * the JSONLogic annotations applied by `conditions.ts`: hidden fields are not rendered and their
 * answers are not submitted, conditionally required fields are marked and reported with the
 * server's message, and the static `required` arrays are left to the annotations as the server does.
 */
import Form, { getDefaultRegistry } from "@rjsf/core";
import type { ErrorSchema, FieldTemplateProps, RJSFValidationError, UiSchema } from "@rjsf/utils";
import { ErrorSchemaBuilder, TranslatableString, englishStringTranslator } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020";
import { type ReactNode, useMemo, useState } from "react";

import { type Answers, type FormState, formState, formatPath, readConditions } from "./conditions";
import { FORMATS } from "./formats";
import { presentableSchema, uiSchemaFor } from "./presentation";

/** Ajv for JSON Schema 2020-12 with the form's formats; one per page is enough. */
export const validator = customizeValidator({ AjvClass: Ajv2020, customFormats: FORMATS });

const CHINESE: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.AddItemButton]: "添加一行",
  [TranslatableString.AddButton]: "添加一行",
  [TranslatableString.RemoveButton]: "删除",
  [TranslatableString.MoveUpButton]: "上移",
  [TranslatableString.MoveDownButton]: "下移",
  [TranslatableString.CopyButton]: "复制",
  [TranslatableString.YesLabel]: "是",
  [TranslatableString.NoLabel]: "否",
  [TranslatableString.ErrorsLabel]: "请更正以下问题",
  [TranslatableString.OptionalObjectAdd]: "添加",
  [TranslatableString.OptionalObjectRemove]: "删除",
};

function translate(key: TranslatableString, params?: string[]): string {
  return CHINESE[key] ?? englishStringTranslator(key, params);
}

// Ajv keyword → Chinese message (the server's wording in forms/answer_messages.py is similar).
const MESSAGES: Record<string, string> = {
  type: "类型不符",
  format: "格式不正确",
  enum: "不是可选的值",
  const: "不是可选的值",
  oneOf: "请选择一个可选的值",
  minimum: "不能小于最小值",
  exclusiveMinimum: "超出允许范围",
  maximum: "不能大于最大值",
  minLength: "不能为空",
  maxLength: "过长",
  minItems: "行数不足",
  maxItems: "行数过多",
  uniqueItems: "有重复的选项",
  pattern: "格式不正确",
};

interface Context {
  state: FormState;
}

/** Renders a field as the default template does, unless the annotations hide it. */
function ConditionalFieldTemplate(props: FieldTemplateProps): ReactNode {
  const { state } = props.registry.formContext as Context;
  const path = formatPath(props.fieldPathId.path);
  if (path && state.hidden.has(path)) return null;
  const Default = getDefaultRegistry().templates.FieldTemplate;
  return <Default {...props} required={path ? state.required.has(path) : props.required} />;
}

export interface MergedFormProps {
  /** The `jsonSchema` of the `applicationForm` query. */
  schema: Record<string, unknown>;
  answers: Answers;
  onChange: (answers: Answers, state: FormState) => void;
  /** Called with the answers that count (hidden and unknown ones dropped) once nothing is missing. */
  onSubmit: (answers: Answers) => void;
  /** Field errors the server returned (path as in applicationFormCheck: household.members[1].name). */
  serverErrors?: { path: string; message: string }[];
  children?: ReactNode;
}

export function MergedForm({ schema, answers, onChange, onSubmit, serverErrors, children }: MergedFormProps) {
  const conditions = useMemo(() => readConditions(schema), [schema]);
  const shown = useMemo(() => presentableSchema(schema), [schema]);
  const uiSchema = useMemo<UiSchema>(
    () => ({ ...uiSchemaFor(schema), "ui:submitButtonOptions": { submitText: "下一步" } }),
    [schema],
  );
  const state = useMemo(() => formState(conditions, answers), [conditions, answers]);
  const [tried, setTried] = useState(false);

  const extraErrors = useMemo<ErrorSchema | undefined>(() => {
    const builder = new ErrorSchemaBuilder();
    const problems = [...(tried ? state.missing : []), ...(serverErrors ?? [])];
    for (const problem of problems) builder.addErrors(problem.message, toRjsfPath(problem.path));
    return problems.length ? builder.ErrorSchema : undefined;
  }, [tried, state, serverErrors]);

  const transformErrors = (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors
      .filter((e) => e.name !== "required") // requirement is x-requiredWhen's, as on the server
      .filter((e) => e.name !== "if" && e.name !== "anyOf")
      .filter((e) => !isHidden(state, e.property))
      .map((e) => ({ ...e, message: MESSAGES[e.name ?? ""] ?? e.message, stack: `${e.property ?? ""} ${MESSAGES[e.name ?? ""] ?? e.message}` }));

  return (
    <Form
      schema={shown}
      uiSchema={uiSchema}
      formData={answers}
      validator={validator}
      formContext={{ state } satisfies Context}
      templates={{ FieldTemplate: ConditionalFieldTemplate }}
      translateString={translate}
      transformErrors={transformErrors}
      extraErrors={extraErrors}
      extraErrorsBlockSubmit
      showErrorList={false}
      // An unanswered code-list question stays unanswered: RJSF would otherwise answer it with
      // the first choice (each choice is a `const`), and a hidden field would count as filled.
      experimental_defaultFormStateBehavior={{ constAsDefaults: "never" }}
      noHtml5Validate
      onChange={(event) => {
        const next = (event.formData ?? {}) as Answers;
        onChange(next, formState(conditions, next));
      }}
      onSubmit={() => {
        setTried(true);
        if (state.missing.length === 0) onSubmit(state.answers);
      }}
      onError={() => setTried(true)}
    >
      {children}
    </Form>
  );
}

/** household.members[1].name → household.members.1.name (RJSF's error schema path). */
function toRjsfPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, ".$1");
}

/** Whether an Ajv error's property (".household.members.1.name") lies under a hidden path. */
function isHidden(state: FormState, property: string | undefined): boolean {
  if (!property) return false;
  const parts = property
    .replace(/^\./, "")
    .split(".")
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (let n = parts.length; n > 0; n--) if (state.hidden.has(formatPath(parts.slice(0, n)))) return true;
  return false;
}
