// Runs the console's form adapter (web/src/forms/conditions.ts, bundled by the test with
// esbuild) over cases on stdin: [{schema, answers}] → [{dropped, missing, hidden, required}].
"use strict";
const adapter = require(process.argv[2]);

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(({ schema, answers }) => {
    const state = adapter.formState(adapter.readConditions(schema), answers);
    return {
      dropped: state.dropped,
      missing: state.missing.map((m) => m.path),
      answers: state.answers,
    };
  });
  process.stdout.write(JSON.stringify(results));
});
