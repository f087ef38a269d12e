// `npm run bench`: runs every tests/bench/*.bench.ts in its own process, one after another (benchmarks
// must not compete for the two cores), and collects their `ratio …` lines and issue 11's figures at the end.
import { readdirSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const SUMMARY = /^(ratio |peak_rss_recompute_1m_mb |admin_p99_during_recompute_ms )/;
const ratios: string[] = [];
let failures = 0;
for (const file of files) {
  console.log(`\n== ${file} ==`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, file)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.stdout.write(run.stdout);
  ratios.push(...run.stdout.split("\n").filter((l) => SUMMARY.test(l)));
  if (run.status !== 0) failures++;
}
console.log("\n== summary ==");
for (const line of ratios) console.log(line);
process.exit(failures ? 1 : 0);
