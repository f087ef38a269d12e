import { defineConfig } from "vitest/config";

const BROWSER = "tests/browser/**/*.test.{ts,tsx}";
// Kill and restart real app processes against deadlines: the `npm start` entry point (several times against 60 s),
// and three instances on one PostgreSQL database under a burst of 5,000 webhooks (tests/scale, PG_URL only).
const WHOLE_APP = ["tests/sync/demo-restart.test.ts", "tests/scale/**/*.test.ts"];

export default defineConfig({
  test: {
    setupFiles: ["tests/setup.ts"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "suite", include: ["tests/**/*.test.{ts,tsx}"], exclude: [BROWSER, ...WHOLE_APP] },
      },
      // Chromium tests measure layout shift, timers and page loads, and the whole-app test races deadlines: they
      // run after the rest, one file at a time, so a busy CPU (two cores shared with the other test files) can't
      // make a page late, paint it half-parsed or miss a deadline.
      {
        extends: true,
        test: { name: "alone", include: [BROWSER, ...WHOLE_APP], maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
