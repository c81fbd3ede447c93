/**
 * How the merged form looks in a form library: code lists as labelled choices (`oneOf` of
 * `const` + `title` from `x-options`, which validates exactly like the `enum` it replaces), long
 * text as a text area, yes/no as two radio buttons (false is an answer, so no tri-state checkbox).
 */

type SchemaNode = Record<string, unknown>;
export type UiSchema = Record<string, unknown>;

/** The schema to render: a copy with `enum` code lists turned into labelled `oneOf`. */
export function presentableSchema(schema: SchemaNode): SchemaNode {
  return transform(schema) as SchemaNode;
}

function transform(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(transform);
  if (typeof node !== "object" || node === null) return node;
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-")) out[key] = value; // annotations travel untouched
    else out[key] = transform(value);
  }
  const options = (node as SchemaNode)["x-options"];
  if (Array.isArray(options)) {
    const choices = options.map((o: { code: string; label: string }) => ({ const: o.code, title: o.label }));
    if (Array.isArray(out.enum)) {
      delete out.enum;
      out.oneOf = choices;
    } else if (out.type === "array" && typeof out.items === "object" && out.items !== null) {
      const items = { ...(out.items as SchemaNode) };
      delete items.enum;
      out.items = { ...items, oneOf: choices };
    }
  }
  return out;
}

/** The uiSchema for the merged form's fields (by `x-elementType`). */
export function uiSchemaFor(schema: SchemaNode): UiSchema {
  const ui: UiSchema = {};
  const properties = schema.properties;
  if (typeof properties !== "object" || properties === null) return ui;
  for (const [name, child] of Object.entries(properties as Record<string, SchemaNode>)) {
    if (child.type === "object") {
      ui[name] = uiSchemaFor(child);
    } else if (child.type === "array" && (child.items as SchemaNode | undefined)?.type === "object") {
      ui[name] = { items: uiSchemaFor(child.items as SchemaNode) };
    } else {
      const widget = widgetFor(child);
      if (widget) ui[name] = widget;
    }
  }
  return ui;
}

function widgetFor(field: SchemaNode): UiSchema | null {
  switch (field["x-elementType"]) {
    case "text":
      return { "ui:widget": "textarea", "ui:options": { rows: 3 } };
    case "boolean":
      return { "ui:widget": "radio", "ui:enumNames": ["是", "否"] };
    case "codes":
      return { "ui:widget": "checkboxes" };
    case "date":
      return { "ui:widget": "date" };
    default:
      return null;
  }
}
