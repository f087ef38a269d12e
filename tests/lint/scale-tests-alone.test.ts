// The scale test's burst prints answer times that only mean something when no other test file shares the two
// cores: tests/scale must stay in the project that runs after the rest (groupOrder), one file at a time.
import { describe, expect, it } from "vitest";
import config from "../../vitest.config.js";

type Project = {
  test?: {
    name?: string;
    include?: string[];
    exclude?: string[];
    maxWorkers?: number;
    sequence?: { groupOrder?: number };
  };
};
const projects = ((config as { test?: { projects?: Project[] } }).test?.projects ?? []).map((p) => p.test ?? {});
const SCALE = "tests/scale/**/*.test.ts";

describe("whole-app tests run alone", () => {
  it("tests/scale is in a later group, one file at a time, and left out of the others", () => {
    const alone = projects.filter((p) => p.include?.includes(SCALE));
    expect(alone).toHaveLength(1);
    expect(alone[0].maxWorkers).toBe(1);
    const others = projects.filter((p) => p !== alone[0]);
    for (const p of others) {
      expect(p.exclude ?? []).toContain(SCALE);
      expect(p.sequence?.groupOrder ?? 0).toBeLessThan(alone[0].sequence?.groupOrder ?? 0);
    }
  });
});
