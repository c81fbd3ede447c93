// Runs graphql-http's GraphQL-over-HTTP conformance audit against the server at argv[2] and
// prints one JSON document: every audit's id, name, status and, for the ones that did not pass,
// the reason and the response that failed it. Run by tests/transport/test_graphql_over_http.py.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
// The package is installed in tests/npm (npm ci --prefix tests/npm), not next to this script.
const require = createRequire(path.join(here, "..", "npm", "package.json"));
const { auditServer } = require("graphql-http");

const url = process.argv[2];
const results = await auditServer({ url });
const report = [];
for (const result of results) {
  const entry = { id: result.id, name: result.name, status: result.status };
  if (result.status !== "ok") {
    entry.reason = result.reason;
    entry.responseStatus = result.response.status;
    entry.responseType = result.response.headers.get("content-type");
    try {
      entry.responseBody = (await result.response.text()).slice(0, 500);
    } catch (error) {
      entry.responseBody = `(body already read: ${error})`;
    }
  }
  report.push(entry);
}
process.stdout.write(JSON.stringify(report, null, 1) + "\n");
