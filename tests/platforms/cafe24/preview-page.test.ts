// /preview?platform=cafe24: the Cafe24-like page carries the ScriptTag as registered (src, integrity,
// crossorigin) and the reserved anchor; other /preview requests fall through to the Shopify preview; without a
// Cafe24 mall (or without the Cafe24 module) a 404 page says how to start the demo on Cafe24.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import {
  cafe24PreviewRoutes,
  type Cafe24PreviewDeps,
} from "../../../server/src/platforms/cafe24/storefront/preview-page.js";

const SCRIPT = { src: "http://127.0.0.1:1/cafe24/storefront/banner.js?client_id=c", integrity: "sha384-abc" };

describe("Cafe24 storefront preview page", () => {
  let server: Server | undefined;
  afterEach(async () => server && new Promise((resolve) => server!.close(resolve)));

  async function get(deps: Cafe24PreviewDeps, query: string) {
    const app = express()
      .use("/preview", cafe24PreviewRoutes(deps))
      .use("/preview", (_req, res) => {
        res.status(299).send("shopify preview");
      });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/preview?${query}`);
    return { status: res.status, text: await res.text() };
  }

  it("renders the tag with its integrity and the reserved anchor, Korean by default", async () => {
    const page = await get({ findMall: async () => "demo-mall", script: SCRIPT }, "platform=cafe24&member_id=m1");
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<script src="${SCRIPT.src}" integrity="sha384-abc" crossorigin="anonymous"></script>`);
    expect(page.text).toContain('<div data-dangol-banner style="height:128px"></div>');
    expect(page.text).toContain('<html lang="ko">');
  });

  it("passes other previews through, refuses a bad member id or language", async () => {
    expect((await get({ findMall: async () => "demo-mall", script: SCRIPT }, "customer=1")).status).toBe(299);
    await new Promise((resolve) => server!.close(resolve));
    expect(
      (await get({ findMall: async () => "demo-mall", script: SCRIPT }, "platform=cafe24&member_id=%3Cb%3E")).status,
    ).toBe(400);
    await new Promise((resolve) => server!.close(resolve));
    expect((await get({ findMall: async () => "demo-mall", script: SCRIPT }, "platform=cafe24&lang=fr")).status).toBe(
      400,
    );
  });

  it.each([
    ["no Cafe24 mall", { findMall: async () => null, script: SCRIPT }],
    ["no Cafe24 module", { findMall: async () => "demo-mall", script: null }],
  ])("answers 404 with how to start the demo on Cafe24 when there is %s", async (_what, deps) => {
    const page = await get(deps, "platform=cafe24");
    expect(page.status).toBe(404);
    expect(page.text).toContain("DEMO_PLATFORM=cafe24 npm start");
  });
});
