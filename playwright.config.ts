import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

const chromium = {
  ...devices["Desktop Chrome"],
  // Debian's Chromium; a downloaded browser is never used.
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "chromium",
      dependencies: ["setup"],
      testIgnore: [/designer\//, /console\//, /operations\//, /security\.spec\.ts/],
      use: chromium,
    },
    // The console suite reads the jobs the demo's full synchronization (sync.spec) left behind.
    {
      name: "console",
      dependencies: [process.env.E2E_ONLY_DESIGNER ? "setup" : "chromium"],
      testMatch: /console\/.*\.spec\.ts/,
      use: chromium,
    },
    // Dashboard, reconciliation and notifications: after the console suite, whose CUSTOMER edits would be drift here.
    {
      name: "operations",
      dependencies: [process.env.E2E_ONLY_DESIGNER ? "setup" : "console"],
      testMatch: /operations\/.*\.spec\.ts/,
      use: chromium,
    },
    // The designer suite publishes versions of the shared mapping: it starts once the sync suites are done.
    // E2E_ONLY_DESIGNER=1 runs it right after sign-in, for working on the designer alone.
    {
      name: "designer",
      dependencies: [process.env.E2E_ONLY_DESIGNER ? "setup" : "operations"],
      testMatch: /designer\/.*\.spec\.ts/,
      use: chromium,
    },
    // The security suite calls every action as its own role too, so it really starts a full synchronization, runs
    // mappings and publishes: it goes last, after the suites that check what the demo data does.
    {
      name: "security",
      dependencies: [process.env.E2E_ONLY_DESIGNER ? "setup" : "designer"],
      testMatch: /security\.spec\.ts/,
      use: chromium,
    },
  ],
  webServer: {
    command: "node e2e/server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
