import { defineConfig } from "@playwright/test";
import { ADMIN_STATE } from "./e2e/admin";

// Started by scripts/test.ts, which provides the hub (HUB_URL) and Debian's Chromium (CHROMIUM_PATH).
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  // The hub starts empty: its first-run setup (which creates the admin) runs before the other journeys.
  projects: [
    { name: "first-run", testMatch: /first-run\.spec\.ts/ },
    { name: "journeys", testIgnore: /first-run\.spec\.ts/, dependencies: ["first-run"], use: { storageState: ADMIN_STATE } },
  ],
  use: {
    baseURL: process.env.HUB_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
