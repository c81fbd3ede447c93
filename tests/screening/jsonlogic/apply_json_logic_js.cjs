// Evaluates rules with json-logic-js, the engine a browser frontend runs: reads a JSON list of
// {rule, data} on stdin, writes a JSON list of results ({value} or {error}) on stdout. Numbers
// that JSON cannot carry (NaN, Infinity) are written as strings, so they are compared too.
"use strict";
const path = require("node:path");
const jsonLogic = require(path.join(__dirname, "..", "..", "npm", "node_modules", "json-logic-js"));

function portable(value) {
  if (typeof value === "number" && !Number.isFinite(value)) return { number: String(value) };
  if (Array.isArray(value)) return value.map(portable);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, portable(v)]));
  }
  return value;
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(({ rule, data }) => {
    try {
      return { value: portable(jsonLogic.apply(rule, data)) };
    } catch (error) {
      return { error: String(error && error.message ? error.message : error) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
