import type { CodegenConfig } from "@graphql-codegen/cli";

// Types for every operation in src/ from the API's checked-in schema.graphql (client preset:
// typed document nodes). `npm run codegen:check` writes them elsewhere and compares, so a stale
// src/gql/ fails the tests. CODEGEN_OUT is only for that check.
const out = process.env.CODEGEN_OUT ?? "src/gql/";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    [out]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: "string", Date: "string", JSON: "unknown", ID: "string" },
      },
    },
  },
};

export default config;
