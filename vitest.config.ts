import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,db,components,app}/**/*.test.ts"],
    environment: "node",
    // Database suites open PGlite or create a Postgres database per file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    server: { deps: { inline: ["next-auth"] } },
  },
});
