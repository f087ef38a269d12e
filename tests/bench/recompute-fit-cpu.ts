// Wall and process CPU (every thread) of the worker engine's first pass and fit, on a generated store of the demo's
// size: the part of a recompute the calibration origins dominate. Run before and after a change, interleaved.
// node --import tsx tests/bench/recompute-fit-cpu.ts [customers] [runs]
import { REGIMES } from "../../server/src/domain/synthetic/regimes.js";
import { NO_OVERRIDES } from "../../server/src/domain/timing/non-product-lines.js";
import { workerRecomputeEngine } from "../../server/src/services/recompute-worker-client.js";
import { historiesAtLastCutoff } from "../unit/domain/timing/store-at-cutoff.js";

const customers = Number(process.argv[2] ?? 4300);
const runs = Number(process.argv[3] ?? 3);
const { now, histories } = historiesAtLastCutoff(REGIMES[0], 11, customers);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
for (let r = 0; r < runs; r++) {
  const engine = workerRecomputeEngine();
  const [t0, c0] = [performance.now(), cpu()];
  await engine.begin(histories.length, now);
  for (let i = 0; i < histories.length; i += 250) await engine.add(histories.slice(i, i + 250));
  const [t1, c1] = [performance.now(), cpu()];
  const model = await engine.fit(NO_OVERRIDES);
  const [t2, c2] = [performance.now(), cpu()];
  await engine.close();
  console.log(
    `run ${r + 1}: ${histories.length} customers, ${model.calibration?.origins} origins; first pass ${((t1 - t0) / 1000).toFixed(2)} s wall ${(c1 - c0).toFixed(2)} s cpu; fit ${((t2 - t1) / 1000).toFixed(2)} s wall ${(c2 - c1).toFixed(2)} s cpu`,
  );
}
