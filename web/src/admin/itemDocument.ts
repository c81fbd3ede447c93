// The item document elements the override editor changes, as the catalogue files name them
// (docs/catalogue-format.md), and the client-side diff of a merge patch against the item.

/** A merge patch's effect on one element: what it is now and what it would become. */
export interface ElementDiff {
  element: string;
  before: unknown;
  after: unknown;
}

/** RFC 7386 merge: what `patch` makes of `target` (null removes a key). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    target !== null && typeof target === "object" && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** Per top-level element of `patch`: its value in `current` and after the patch; unchanged ones left out. */
export function diffPatch(current: Record<string, unknown>, patch: Record<string, unknown>): ElementDiff[] {
  return Object.keys(patch)
    .sort()
    .map((element) => ({ element, before: current[element] ?? null, after: mergePatch(current[element], patch[element]) ?? null }))
    .filter((d) => JSON.stringify(d.before) !== JSON.stringify(d.after));
}

/** The elements of a patch the server would refuse as locked. */
export function lockedIn(patch: Record<string, unknown>, locked: readonly string[]): string[] {
  return Object.keys(patch).filter((k) => locked.includes(k));
}
