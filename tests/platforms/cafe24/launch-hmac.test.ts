// The app-launch check accepts Cafe24's one form of a signed launch query and nothing else: a forged or stale
// signature, and a query signed correctly but readable another way (a key repeated, keys out of Cafe24's order, a
// key Cafe24 doesn't send, a pair appended after the hmac), are all refused.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCafe24LaunchVerifier, signCafe24LaunchQuery } from "../../../server/src/platforms/cafe24/launch-hmac.js";

const SECRET = "dangol-cafe24-secret";
const NOW = Date.parse("2026-12-02T03:00:00Z");
const TS = String(NOW / 1000);
const verify = createCafe24LaunchVerifier(SECRET, () => NOW);
const LAUNCH = {
  is_multi_shop: "F",
  lang: "ko_KR",
  mall_id: "goodmall",
  nation: "KR",
  shop_no: "1",
  timestamp: TS,
  user_id: "goodmall",
  user_name: "홍길동",
  user_type: "P",
};

/** Signs exactly these bytes, as a holder of the secret would: the canonical-form check alone must refuse them. */
const signRaw = (signed: string) =>
  `${signed}&hmac=${encodeURIComponent(createHmac("sha256", SECRET).update(signed).digest("base64"))}`;

describe("Cafe24 app-launch HMAC", () => {
  it("accepts Cafe24's signed launch query and names the mall", () => {
    expect(verify(signCafe24LaunchQuery(LAUNCH, SECRET))).toEqual({
      mallId: "goodmall",
      userId: "goodmall",
      userType: "P",
      shopNo: 1,
    });
    // Signed independently of the module's signer: Cafe24's message is the query before "&hmac=".
    const raw = `mall_id=goodmall&timestamp=${TS}&user_id=goodmall&user_name=%ED%99%8D&user_type=P`;
    expect(verify(signRaw(raw))?.mallId).toBe("goodmall");
  });

  it("refuses a forged, missing or stale signature", () => {
    expect(verify(signCafe24LaunchQuery(LAUNCH, "another-secret"))).toBeNull();
    expect(verify(signCafe24LaunchQuery(LAUNCH, SECRET).replace("goodmall", "evilmall"))).toBeNull();
    expect(verify(signCafe24LaunchQuery(LAUNCH, SECRET).replace(/&hmac=.*$/, ""))).toBeNull();
    const stale = { ...LAUNCH, timestamp: String(NOW / 1000 - 301) };
    expect(verify(signCafe24LaunchQuery(stale, SECRET))).toBeNull();
    const future = { ...LAUNCH, timestamp: String(NOW / 1000 + 301) };
    expect(verify(signCafe24LaunchQuery(future, SECRET))).toBeNull();
    const edge = { ...LAUNCH, timestamp: String(NOW / 1000 - 300) };
    expect(verify(signCafe24LaunchQuery(edge, SECRET))?.mallId).toBe("goodmall");
  });

  it("refuses signed bytes that read another way than Cafe24's one form", () => {
    const good = signCafe24LaunchQuery(LAUNCH, SECRET);
    // A pair appended after the hmac (a lax parser would read mall_id twice, or the last one).
    expect(verify(`${good}&mall_id=evilmall`)).toBeNull();
    // Correctly signed, but a key repeated, out of order, unknown, empty, or without "=".
    expect(verify(signRaw(`mall_id=goodmall&mall_id=evilmall&timestamp=${TS}`))).toBeNull();
    expect(verify(signRaw(`timestamp=${TS}&mall_id=goodmall`))).toBeNull();
    expect(verify(signRaw(`mall_id=goodmall&timestamp=${TS}&zzz=1`))).toBeNull();
    expect(verify(signRaw(`mall_id=goodmall&&timestamp=${TS}`))).toBeNull();
    expect(verify(signRaw(`mall_id=goodmall&timestamp=${TS}&user_id`))).toBeNull();
    // A value that holds a split ("x&mall_id=evil" arrives encoded) stays one value; decoded, it no longer verifies.
    const nested = signCafe24LaunchQuery({ ...LAUNCH, user_name: "x&mall_id=evilmall" }, SECRET);
    expect(verify(nested)?.mallId).toBe("goodmall");
    expect(verify(nested.replace("x%26mall_id%3Devilmall", "x&mall_id=evilmall"))).toBeNull();
    // A mall id that could not name a host, and the required keys missing.
    expect(verify(signRaw(`mall_id=evil.example%2F&timestamp=${TS}`))).toBeNull();
    expect(verify(signRaw(`timestamp=${TS}&user_id=x`))).toBeNull();
  });
});
