import { describe, expect, it } from "vitest";
import { decide } from "../../../../server/src/domain/campaigns/decide.js";
import { scheduleMiss, utcDayStart } from "../../../../server/src/domain/campaigns/schedule.js";
import { campaigns, input, NOW } from "./fixtures.js";

// NOW is 2026-11-22T12:00:00Z.
const withSchedule = (startsOn: string | null, endsOn: string | null) =>
  input({
    campaigns: campaigns(["replenishment", "vip_thanks"], (c) => {
      if (c.key === "replenishment") c.settings = { ...c.settings, startsOn, endsOn };
    }),
  });
const verdictOf = (r: ReturnType<typeof decide>) => r.verdicts.find((v) => v.campaign === "replenishment")!;

describe("campaign schedule", () => {
  it("shows a campaign inside its dates, both days included", () => {
    for (const [start, end] of [
      ["2026-11-22", "2026-11-22"],
      ["2026-11-01", null],
      [null, "2026-11-22"],
      [null, null],
    ] as const) {
      const r = decide(withSchedule(start, end));
      expect(r.decision.banner?.campaign, `${start}..${end}`).toBe("replenishment");
    }
  });

  it("does not show a campaign before its start or after its end, and the slot goes to the next one", () => {
    const early = decide(withSchedule("2026-11-23", null));
    expect(verdictOf(early)).toMatchObject({ outcome: "off_schedule", detail: "scheduled to start on 2026-11-23" });
    expect(early.assignments).not.toContainEqual({ campaign: "replenishment", holdout: false });
    const late = decide(withSchedule("2026-11-01", "2026-11-21"));
    expect(verdictOf(late)).toMatchObject({ outcome: "off_schedule", detail: "schedule ended on 2026-11-21" });
    // VIP thanks (lower priority, same slot) takes the banner instead of being outranked by a campaign not running.
    const vip = decide({
      ...withSchedule("2026-12-01", null),
      prediction: { ...input().prediction!, rfm: { recency: 5, frequency: 5, monetary: 5, group: "Champions" } },
    });
    expect(vip.decision.banner?.campaign).toBe("vip_thanks");
  });

  it("ends at the end of the last UTC day, not at its start", () => {
    const justBefore = new Date("2026-11-22T23:59:59.999Z");
    const after = new Date("2026-11-23T00:00:00.000Z");
    expect(scheduleMiss({ endsOn: "2026-11-22" }, justBefore)).toBeNull();
    expect(scheduleMiss({ endsOn: "2026-11-22" }, after)).toBe("schedule ended on 2026-11-22");
    expect(scheduleMiss({ startsOn: "2026-11-22" }, new Date("2026-11-21T23:59:59.999Z"))).toBe(
      "scheduled to start on 2026-11-22",
    );
    expect(scheduleMiss({ startsOn: "2026-11-22" }, NOW)).toBeNull();
  });

  it("reads only real calendar days", () => {
    expect(utcDayStart("2026-11-22")).toBe(Date.parse("2026-11-22T00:00:00Z"));
    for (const bad of ["2026-02-30", "2026-13-01", "22/11/2026", "2026-11-22T00:00:00Z", ""]) {
      expect(utcDayStart(bad), bad).toBeNull();
    }
  });
});
