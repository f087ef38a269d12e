import type { BgNbdParams } from "./bgnbd.js";

/** Seeded uniform (0,1) generator (mulberry32), so simulated stores are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
}

/** Gamma(shape, rate=1) by Marsaglia-Tsang (with the shape < 1 boost). */
export function sampleGamma(shape: number, rand: () => number): number {
  if (shape < 1) return sampleGamma(shape + 1, rand) * rand() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      const u1 = rand(),
        u2 = rand();
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rand();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Purchase times of one BG/NBD customer observed for T time units after a first purchase at 0:
 * Poisson purchases at rate λ ~ Gamma(r, α), dropping out after each purchase with p ~ Beta(a, b).
 */
export function simulateBgnbdCustomer(p: BgNbdParams, T: number, rand: () => number, maxPurchases = 1000): number[] {
  const lambda = sampleGamma(p.r, rand) / p.alpha;
  const ga = sampleGamma(p.a, rand),
    gb = sampleGamma(p.b, rand);
  const drop = ga / (ga + gb);
  const times = [0];
  let t = 0;
  while (times.length < maxPurchases) {
    if (rand() < drop) break;
    t += -Math.log(rand()) / lambda;
    if (t > T) break;
    times.push(t);
  }
  return times;
}
