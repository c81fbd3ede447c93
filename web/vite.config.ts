import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The console is served by `socialaid serve` under /console/ on the API's own origin, so every
// request goes to same-origin /graphql; `npm run dev` proxies the API of a local `socialaid serve`.
const api = process.env.SOCIALAID_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  base: "/console/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Hashed file names: the server marks /console/assets/* immutable and index.html no-cache.
    assetsDir: "assets",
    sourcemap: false,
  },
  server: {
    proxy: {
      // ws: subscriptions (graphql-ws) upgrade /graphql to a WebSocket; without it they fail under `npm run dev`.
      "/graphql": { target: api, ws: true },
      "/audit": api,
      "/dev": api,
      "/files": api,
      "/print": api,
      "/console/config.json": api,
    },
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
