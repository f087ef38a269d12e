// Runs the whole vitest suite and closes with the plain "N passed, N failed" line that CI reads.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";

const report = ".vitest.json";
rmSync(report, { force: true });
const args = [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${report}`,
  ...process.argv.slice(2),
];
const run = spawnSync("npx", args, { stdio: "inherit", env: { ...process.env, CI: process.env.CI ?? "true" } });
let summary = "0 passed, 1 failed";
try {
  const r = JSON.parse(readFileSync(report, "utf8"));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
  if (r.numTotalTests === 0) summary = "0 passed, 1 failed";
} catch {
  // No report means vitest itself failed to start; the failed count above says so.
}
console.log(summary);
process.exit(run.status ?? 1);
