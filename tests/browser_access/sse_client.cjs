// The npm graphql-sse client in distinct connections mode, as a frontend would use it:
// node sse_client.cjs <url> <token> <query> <variables JSON> <results to read>
// Prints each result as one JSON line, then exits; an error is printed as {"error": ...}.
"use strict";
const { createClient } = require("graphql-sse"); // found through NODE_PATH (tests/npm)

const [url, token, query, variables, wanted] = process.argv.slice(2);
const client = createClient({
  url,
  headers: { Authorization: `Bearer ${token}` },
  retryAttempts: 0,
});
let seen = 0;
const dispose = client.subscribe(
  { query, variables: JSON.parse(variables) },
  {
    next(result) {
      process.stdout.write(JSON.stringify(result) + "\n");
      seen += 1;
      if (seen >= Number(wanted)) {
        dispose();
        client.dispose();
      }
    },
    error(error) {
      process.stdout.write(JSON.stringify({ error: String(error) }) + "\n");
      process.exit(1);
    },
    complete() {
      process.exit(0);
    },
  },
);
