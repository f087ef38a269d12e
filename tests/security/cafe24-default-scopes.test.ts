// main.ts asks Cafe24 for CAFE24_SCOPES, by default the config's list. That list lacked mall.read_privacy (the
// customer backfill reads /customersprivacy) and mall.read/write_application (the ScriptTag), so a mall installed
// with the defaults answered 403 to the calls the module makes; the module's tests ran with the right list.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/src/config.js";
import { CAFE24_APP } from "../platforms/cafe24/harness.js";

describe("Cafe24 default scopes", () => {
  it("cover every scope the Cafe24 module is tested with", () => {
    const cafe24 = loadConfig({
      CAFE24_CLIENT_ID: "id",
      CAFE24_CLIENT_SECRET: "secret",
      CAFE24_APP_URL: "https://dangol.example.com",
      CAFE24_WEBHOOK_KEY: "key",
    }).cafe24;
    expect([...(cafe24?.scopes ?? [])].sort()).toEqual([...CAFE24_APP.scopes].sort());
  });
});
