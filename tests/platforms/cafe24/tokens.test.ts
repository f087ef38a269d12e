// Cafe24 rotates the refresh token on every refresh and refuses the old one: two instances refreshing the same
// mall at once must end with one valid pair stored, both holding a working access token.
import { afterEach, describe, expect, it } from "vitest";
import {
  claimCafe24RefreshLease,
  findCafe24Tokens,
} from "../../../server/src/db/repositories/cafe24-token.repository.js";
import { DB_KINDS } from "../../helpers/db-kinds.js";
import { startCafe24Harness, type Cafe24Harness } from "./harness.js";

const MALL = "tokenmall";
const TWO_HOURS = 2 * 3_600_000;

describe.each(DB_KINDS)("Cafe24 access tokens (%s)", (kind) => {
  let h: Cafe24Harness;
  afterEach(async () => h?.close());

  it("two instances refreshing at once spend the refresh token once and keep the new pair", async () => {
    h = await startCafe24Harness({ malls: [{ mallId: MALL }] }, kind);
    const first = h.module();
    const second = h.module(); // another instance: same database, its own lease owner
    await h.install(MALL, first);
    const installed = await findCafe24Tokens(h.db.db, MALL);
    h.sim.clock.advance(TWO_HOURS + 60_000);

    const [a, b] = await Promise.all([first.tokens.accessToken(MALL), second.tokens.accessToken(MALL)]);
    expect(a).toBe(b);
    expect(a).not.toBe(installed?.access_token);
    expect(h.sim.oauth.refreshCount).toBe(1);
    const stored = await findCafe24Tokens(h.db.db, MALL);
    expect(stored?.access_token).toBe(a);
    expect(stored?.refresh_lease_owner).toBeNull();
    // Both can call Cafe24 with it, and the stored refresh token is the live one: the next refresh works.
    expect(await first.platform.hasAccess(MALL)).toBe(true);
    expect(await second.platform.hasAccess(MALL)).toBe(true);
    h.sim.clock.advance(TWO_HOURS + 60_000);
    const [c, d] = await Promise.all([second.tokens.accessToken(MALL), first.tokens.accessToken(MALL)]);
    expect(c).toBe(d);
    expect(h.sim.oauth.refreshCount).toBe(2);
  });

  it("an instance whose clock runs 60 s ahead waits for a live lease instead of spending the token again", async () => {
    h = await startCafe24Harness({ malls: [{ mallId: MALL }] }, kind);
    // The first instance's refresh is held at Cafe24's door until the second has tried for the lease.
    let letFirstRefresh = () => {};
    const held = new Promise<void>((resolve) => {
      letFirstRefresh = resolve;
    });
    const heldFetch: typeof fetch = async (input, init) => {
      if (String(input).endsWith("/api/v2/oauth/token")) await held;
      return fetch(input, init);
    };
    const first = h.module({ fetch: heldFetch });
    // 60 s ahead: past the first one's 30 s lease by its own clock.
    const ahead = h.module({ now: () => h.sim.clock.now() + 60_000 });
    await h.install(MALL, h.module());
    h.sim.clock.advance(TWO_HOURS + 60_000);

    const a = first.tokens.accessToken(MALL);
    while (!(await findCafe24Tokens(h.db.db, MALL))?.refresh_lease_owner)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const b = ahead.tokens.accessToken(MALL);
    // Let the second one reach Cafe24 if its claim (wrongly) succeeds, before the first refresh goes out.
    for (let i = 0; i < 20 && h.sim.oauth.refreshCount === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    letFirstRefresh();
    const [tokenA, tokenB] = await Promise.all([a, b]);
    expect(h.sim.oauth.refreshCount).toBe(1);
    expect(tokenB).toBe(tokenA);
    expect((await findCafe24Tokens(h.db.db, MALL))?.access_token).toBe(tokenA);
  });

  it("a lease that lapsed by the database's clock (its holder died) is taken over", async () => {
    h = await startCafe24Harness({ malls: [{ mallId: MALL }] }, kind);
    const module = h.module();
    await h.install(MALL, module);
    const row = await findCafe24Tokens(h.db.db, MALL);
    expect(await claimCafe24RefreshLease(h.db.db, MALL, row!.version, "dead-instance", -1_000)).toBe(true);
    // Stored in toISOString's form on both databases, so leases compare as text.
    expect((await findCafe24Tokens(h.db.db, MALL))?.refresh_lease_until).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    );
    h.sim.clock.advance(TWO_HOURS + 60_000);
    const token = await module.tokens.accessToken(MALL);
    expect(h.sim.oauth.refreshCount).toBe(1);
    expect((await findCafe24Tokens(h.db.db, MALL))?.access_token).toBe(token);
  });

  it("many concurrent callers across instances still refresh once", async () => {
    h = await startCafe24Harness({ malls: [{ mallId: MALL }] }, kind);
    const instances = [h.module(), h.module(), h.module()];
    await h.install(MALL, instances[0]);
    h.sim.clock.advance(TWO_HOURS);
    const tokens = await Promise.all(Array.from({ length: 12 }, (_, i) => instances[i % 3].tokens.accessToken(MALL)));
    expect(new Set(tokens).size).toBe(1);
    expect(h.sim.oauth.refreshCount).toBe(1);
  });

  it("the simulator refuses a reused refresh token, as Cafe24 does", async () => {
    h = await startCafe24Harness({ malls: [{ mallId: MALL }] }, kind);
    const m = h.module();
    await h.install(MALL, m);
    const old = (await findCafe24Tokens(h.db.db, MALL))!.refresh_token;
    await m.oauth.refresh(MALL, old);
    await expect(m.oauth.refresh(MALL, old)).rejects.toMatchObject({ retriable: false });
  });

  it("a 401 for a token replaces it even before it expires", async () => {
    h = await startCafe24Harness({ malls: [{ mallId: MALL }] }, kind);
    const m = h.module();
    await h.install(MALL, m);
    const before = await m.tokens.accessToken(MALL);
    const after = await m.tokens.accessToken(MALL, before);
    expect(after).not.toBe(before);
    expect(await m.tokens.accessToken(MALL, before)).toBe(after); // already replaced: no second refresh
    expect(h.sim.oauth.refreshCount).toBe(1);
  });

  it("after the app is deleted from the mall, access is gone (the refresh is refused, nothing retried)", async () => {
    h = await startCafe24Harness({ malls: [{ mallId: MALL }] }, kind);
    const m = h.module();
    await h.install(MALL, m);
    expect(await m.platform.hasAccess(MALL)).toBe(true);
    h.sim.uninstallApp(MALL);
    expect(await m.platform.hasAccess(MALL)).toBe(false);
    expect((await findCafe24Tokens(h.db.db, MALL))?.refresh_lease_owner).toBeNull(); // the lease was let go
  });
});
