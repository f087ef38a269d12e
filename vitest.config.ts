import { defineConfig } from "vitest/config";

const BROWSER = "tests/browser/**/*.test.{ts,tsx}";

export default defineConfig({
  test: {
    setupFiles: ["tests/setup.ts"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "suite", include: ["tests/**/*.test.{ts,tsx}"], exclude: [BROWSER] } },
      // Chromium tests measure layout shift, timers and page loads: run after the rest, one file at a time, so a
      // busy CPU (two cores shared with the other test files) can't make a page late or paint it half-parsed.
      { extends: true, test: { name: "chromium", include: [BROWSER], maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
