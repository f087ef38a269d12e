import path from "node:path";

const REPO = path.resolve(import.meta.dirname, "../..");

/** Small published data sets the tests need, vendored in the repository (tests never read ../shared). */
export const fixturePath = (...parts: string[]) => path.join(REPO, "tests/fixtures", ...parts);

/** UCI Online Retail II 2009–10: the demo's own seed file, also the backtests' home data. */
export const ONLINE_RETAIL_2009_10 = path.join(REPO, "server/seed/online_retail_II_2009-2010.csv.gz");
