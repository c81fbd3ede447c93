/**
 * The merged form's JSONLogic annotations, applied in the browser the way the server applies them
 * on submit (src/socialaid/forms/validation.py), with json-logic-js.
 *
 * The form's JSON Schema (the `jsonSchema` of the `applicationForm` query) carries, on every field
 * and repeat group, `x-key` (the canonical dotted key), `x-visibleWhen` and, on fields,
 * `x-requiredWhen`: a JSONLogic rule, or `true` / `false`. Its static `required` arrays hold only
 * what is required unconditionally; the server decides requirement by `x-requiredWhen` alone.
 *
 * Conditions read the answers as nested objects plus `params` (the schema's `x-parameters`). A row
 * field's conditions (key `household.members[].disabled`) also read the row itself: by the undotted
 * name (`disabled`) and by the path `household.members[].disabled`.
 *
 * This module has no React and no form library in it: `formState(conditions, answers)` is all a
 * renderer needs (what is hidden, what is required, what was dropped, what is missing).
 */
import jsonLogic from "json-logic-js";

export type Answers = Record<string, unknown>;
/** A JSONLogic rule, or a constant (no condition is `true`). */
export type Condition = boolean | null | Record<string, unknown>;

/** A field of the form, where it sits and when it is shown and required. */
export interface ConditionalField {
  key: string; // canonical key: applicant.name, household.members[].name
  label: string;
  /** Path from the answers' root, or from the row for a row field. */
  path: string[];
  visibleWhen: Condition;
  requiredWhen: Condition;
}

/** A repeat group (an array of row objects) and its row fields. */
export interface ConditionalGroup {
  key: string; // household.members
  label: string;
  path: string[];
  visibleWhen: Condition;
  minItems: number;
  fields: ConditionalField[];
}

/** Everything the annotations say, read once per form. */
export interface FormConditions {
  fields: ConditionalField[]; // top-level fields (not in a repeat group)
  groups: ConditionalGroup[];
  parameters: Record<string, unknown>;
}

/** An answer the form requires now and nobody gave: the server's REQUIRED field error. */
export interface MissingAnswer {
  path: string; // household.members[1].school_name (rows from 0), as the server's error path
  key: string;
  message: string;
}

export interface FormState {
  /** The answers that count: known to the form and visible (what to submit). */
  answers: Answers;
  /** Paths of the answers dropped: not part of the form, or hidden. */
  dropped: string[];
  /** Concrete paths of the fields and groups hidden for these answers, answered or not. */
  hidden: Set<string>;
  /** Concrete paths of the fields required for these answers (empty groups with rows required too). */
  required: Set<string>;
  /** Required and unanswered, in form order. */
  missing: MissingAnswer[];
}

type SchemaNode = Record<string, unknown>;
type PathPart = string | number;

// ---------------------------------------------------------------- reading the schema

/** Collects the fields and repeat groups of a merged form's JSON Schema. */
export function readConditions(schema: SchemaNode): FormConditions {
  const fields: ConditionalField[] = [];
  const groups: ConditionalGroup[] = [];
  walk(schema, [], (node, path) => {
    if (node.type === "array" && isObjectSchema(node.items)) {
      const rows: ConditionalField[] = [];
      walk(node.items as SchemaNode, [], (row, rowPath) => {
        rows.push(fieldOf(row, rowPath));
        return true;
      });
      groups.push({
        key: String(node["x-key"]),
        label: String(node.title ?? node["x-key"]),
        path,
        visibleWhen: conditionOf(node["x-visibleWhen"]),
        minItems: typeof node.minItems === "number" ? node.minItems : 0,
        fields: rows,
      });
      return true;
    }
    fields.push(fieldOf(node, path));
    return true;
  });
  const parameters = schema["x-parameters"];
  return { fields, groups, parameters: isObject(parameters) ? parameters : {} };
}

/** Visits every node with an `x-key` (a field or a group) under the object schema `node`. */
function walk(node: SchemaNode, path: string[], visit: (n: SchemaNode, p: string[]) => boolean) {
  const properties = node.properties;
  if (!isObject(properties)) return;
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child)) continue;
    const here = [...path, name];
    if (typeof child["x-key"] === "string") visit(child, here);
    else if (child.type === "object") walk(child, here, visit);
  }
}

function fieldOf(node: SchemaNode, path: string[]): ConditionalField {
  return {
    key: String(node["x-key"]),
    label: String(node.title ?? node["x-key"]),
    path,
    visibleWhen: conditionOf(node["x-visibleWhen"]),
    requiredWhen: conditionOf(node["x-requiredWhen"], false),
  };
}

function conditionOf(value: unknown, absent: boolean = true): Condition {
  if (value === undefined || value === null) return absent;
  if (typeof value === "boolean" || isObject(value)) return value as Condition;
  return absent;
}

// ---------------------------------------------------------------- evaluating

/** JSONLogic truthiness of `condition` over `data`; no condition means true. */
export function holds(condition: Condition, data: Answers): boolean {
  if (condition === null || condition === true) return true;
  if (condition === false) return false;
  return jsonLogic.truthy(jsonLogic.apply(condition as jsonLogic.RulesLogic, data));
}

/** The data a top-level condition reads: the answers and `params`. */
export function evaluationData(answers: Answers, parameters: Record<string, unknown>): Answers {
  return { ...answers, params: { ...parameters } };
}

/**
 * The data a row field's condition reads: the row's own names, the whole answers (which win when
 * a row key shadows a section), and the row again at `<group>[]` so `household.members[].x` reads it.
 */
export function rowScope(data: Answers, groupKey: string, row: unknown): Answers {
  const path = groupKey.split(".");
  const own = isObject(row) ? row : {};
  const scoped: Answers = { ...own, ...data };
  let node = scoped;
  for (const segment of path.slice(0, -1)) {
    const child = node[segment];
    node[segment] = isObject(child) ? { ...child } : {};
    node = node[segment] as Answers;
  }
  node[`${path[path.length - 1]}[]`] = row;
  return scoped;
}

/** Unanswered: absent, null, an empty string or an empty list (false and 0 are answers). */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** What the form makes of `answers`: see FormState. Pure: `answers` is not modified. */
export function formState(conditions: FormConditions, answers: Answers): FormState {
  const { kept, dropped } = known(conditions, answers);
  for (;;) {
    const hidden = hiddenAnswers(conditions, kept);
    if (hidden.length === 0) break;
    for (const parts of hidden) {
      deleteAt(kept, parts);
      dropped.push(formatPath(parts));
    }
  }
  const data = evaluationData(kept, conditions.parameters);
  const hidden = new Set<string>();
  const required = new Set<string>();
  const missing: MissingAnswer[] = [];
  for (const field of conditions.fields) {
    const path = formatPath(field.path);
    if (!holds(field.visibleWhen, data)) hidden.add(path);
    if (holds(field.requiredWhen, data)) {
      required.add(path);
      if (isMissing(getAt(kept, field.path))) {
        missing.push({ path, key: field.key, message: `${field.label}：必填` });
      }
    }
  }
  for (const group of conditions.groups) {
    const groupPath = formatPath(group.path);
    const visible = holds(group.visibleWhen, data);
    if (!visible) hidden.add(groupPath);
    const rows = getAt(kept, group.path);
    if (isMissing(rows)) {
      if (group.minItems > 0 && visible) {
        required.add(groupPath);
        missing.push({ path: groupPath, key: group.key, message: `${group.label}：至少填写 ${group.minItems} 行` });
      }
      continue;
    }
    if (!Array.isArray(rows)) continue;
    rows.forEach((row, index) => {
      if (!isObject(row)) return;
      const scope = rowScope(data, group.key, row);
      for (const field of group.fields) {
        const path = formatPath([...group.path, index, ...field.path]);
        if (!holds(field.visibleWhen, scope)) hidden.add(path);
        if (holds(field.requiredWhen, scope)) {
          required.add(path);
          if (isMissing(getAt(row, field.path))) {
            missing.push({ path, key: field.key, message: `${field.label}：必填` });
          }
        }
      }
    });
  }
  return { answers: kept, dropped, hidden, required, missing };
}

/** The answers the form knows (null values left out) and the paths of all the others. */
function known(conditions: FormConditions, answers: Answers): { kept: Answers; dropped: string[] } {
  const kept: Answers = {};
  for (const field of conditions.fields) {
    const value = getAt(answers, field.path);
    if (value !== undefined && value !== null) setAt(kept, field.path, structuredClone(value));
  }
  for (const group of conditions.groups) {
    const rows = getAt(answers, group.path);
    if (rows === undefined || rows === null) continue;
    if (!Array.isArray(rows)) {
      setAt(kept, group.path, structuredClone(rows)); // the JSON Schema reports it
      continue;
    }
    const keptRows = rows.map((row) => {
      if (!isObject(row)) return structuredClone(row);
      const keptRow: Answers = {};
      for (const field of group.fields) {
        const value = getAt(row, field.path);
        if (value !== undefined && value !== null) setAt(keptRow, field.path, structuredClone(value));
      }
      return keptRow;
    });
    setAt(kept, group.path, keptRows);
  }
  const dropped = leaves(answers, [])
    .filter((parts) => !isPresent(kept, parts))
    .map(formatPath);
  return { kept, dropped };
}

/** Paths of the answered fields and groups whose visibility fails over `kept`. */
function hiddenAnswers(conditions: FormConditions, kept: Answers): PathPart[][] {
  const data = evaluationData(kept, conditions.parameters);
  const hidden: PathPart[][] = [];
  for (const field of conditions.fields) {
    if (getAt(kept, field.path) !== undefined && !holds(field.visibleWhen, data)) hidden.push(field.path);
  }
  for (const group of conditions.groups) {
    const rows = getAt(kept, group.path);
    if (rows === undefined) continue;
    if (!holds(group.visibleWhen, data)) {
      hidden.push(group.path);
      continue;
    }
    if (!Array.isArray(rows)) continue;
    rows.forEach((row, index) => {
      if (!isObject(row)) return;
      const scope = rowScope(data, group.key, row);
      for (const field of group.fields) {
        if (getAt(row, field.path) !== undefined && !holds(field.visibleWhen, scope)) {
          hidden.push([...group.path, index, ...field.path]);
        }
      }
    });
  }
  return hidden;
}

// ---------------------------------------------------------------- paths

/** household, members, 2, name → household.members[2].name (the server's error path). */
export function formatPath(parts: readonly PathPart[]): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/** household.members[2].name → household, members, 2, name */
export function parsePath(path: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const segment of path.split(".")) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(segment);
    if (!match) {
      parts.push(segment);
      continue;
    }
    if (match[1]) parts.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

export function getAt(data: unknown, parts: readonly PathPart[]): unknown {
  let node: unknown = data;
  for (const part of parts) {
    if (typeof part === "number") {
      if (!Array.isArray(node) || part >= node.length) return undefined;
      node = node[part];
    } else {
      if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
      node = node[part];
    }
  }
  return node;
}

function setAt(data: Answers, path: readonly string[], value: unknown): void {
  let node = data;
  for (const segment of path.slice(0, -1)) {
    if (!isObject(node[segment])) node[segment] = {};
    node = node[segment] as Answers;
  }
  node[path[path.length - 1]] = value;
}

/** Removes the value at `parts` and the objects its removal leaves empty (rows stay). */
function deleteAt(data: Answers, parts: readonly PathPart[]): void {
  const index = parts.findIndex((p) => typeof p === "number");
  if (index >= 0) {
    const rows = getAt(data, parts.slice(0, index));
    const row = Array.isArray(rows) ? rows[parts[index] as number] : undefined;
    if (isObject(row)) deleteAt(row, parts.slice(index + 1));
    return;
  }
  const trail: Answers[] = [data];
  for (const segment of parts.slice(0, -1) as string[]) {
    const child = trail[trail.length - 1][segment];
    if (!isObject(child)) return;
    trail.push(child);
  }
  delete trail[trail.length - 1][parts[parts.length - 1] as string];
  for (let depth = parts.length - 1; depth > 0; depth--) {
    if (Object.keys(trail[depth]).length === 0) delete trail[depth - 1][parts[depth - 1] as string];
  }
}

function isPresent(data: unknown, parts: readonly PathPart[]): boolean {
  return getAt(data, parts) !== undefined;
}

function leaves(node: unknown, prefix: PathPart[]): PathPart[][] {
  if (isObject(node) && Object.keys(node).length > 0) {
    return Object.entries(node).flatMap(([name, child]) => leaves(child, [...prefix, name]));
  }
  if (Array.isArray(node) && node.length > 0 && node.every(isObject)) {
    return node.flatMap((row, index) => leaves(row, [...prefix, index]));
  }
  const empty =
    node === null || node === undefined || (isObject(node) && Object.keys(node).length === 0) ||
    (Array.isArray(node) && node.length === 0);
  return prefix.length > 0 && !empty ? [prefix] : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isObjectSchema(value: unknown): boolean {
  return isObject(value) && value.type === "object";
}
