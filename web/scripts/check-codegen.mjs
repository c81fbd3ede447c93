// Fails when src/gql/ is not what `npm run codegen` makes from ../schema.graphql and the
// operations in src/ now: run codegen into a temporary folder and compare file by file.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const fresh = mkdtempSync(join(tmpdir(), "console-codegen-"));
try {
  execFileSync("npx", ["graphql-codegen", "--config", "codegen.ts", "--silent"], {
    env: { ...process.env, CODEGEN_OUT: fresh + "/" },
    stdio: "inherit",
  });
  const names = (dir) => readdirSync(dir).filter((n) => n.endsWith(".ts")).sort();
  const stale = [];
  const want = names(fresh);
  const have = names("src/gql");
  for (const name of new Set([...want, ...have])) {
    const a = want.includes(name) ? readFileSync(join(fresh, name), "utf8") : null;
    const b = have.includes(name) ? readFileSync(join("src/gql", name), "utf8") : null;
    if (a !== b) stale.push(name);
  }
  if (stale.length) {
    console.error(`src/gql/ is stale (${stale.join(", ")}): run \`npm run codegen\` and commit it`);
    process.exit(1);
  }
  console.log("src/gql/ matches schema.graphql and the operations in src/");
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
