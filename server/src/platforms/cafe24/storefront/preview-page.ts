// Demo: GET /preview?platform=cafe24[&member_id=][&lang=ko|en] renders a Cafe24-like shop page carrying the
// ScriptTag as Cafe24 inserts it (src + integrity + crossorigin), a stand-in for the Front SDK (CAFE24API) that
// reports the given member id, and the skin's reserved anchor. Other /preview requests pass through (next()).
// Without a Cafe24 mall in the demo: a 404 page that says how to start one.
import { Router } from "express";
import type { Db } from "../../../db/database.js";
import { findShop, listInstalledShops } from "../../../db/repositories/shop.repository.js";
import { escapeHtml } from "../../../storefront-preview/extension-locales.js";

export interface Cafe24PreviewDeps {
  /** The demo's Cafe24 mall, or null when the demo runs on Shopify. */
  findMall(): Promise<string | null>;
  /** The ScriptTag's src and integrity, as registered (Cafe24Storefront.scriptUrl / asset.integrity); null: no Cafe24. */
  script: { src: string; integrity: string } | null;
}

const MEMBER_ID = /^[A-Za-z0-9._@-]{1,20}$/;

/** The first installed shop on Cafe24, for the demo. */
export async function firstCafe24Mall(db: Db): Promise<string | null> {
  for (const shop of await listInstalledShops(db)) if ((await findShop(db, shop))?.platform === "cafe24") return shop;
  return null;
}

function page(o: { mallId: string; memberId: string | null; lang: "ko" | "en"; src: string; integrity: string }) {
  const ko = o.lang === "ko";
  // JSON in a <script>: "<" escaped so no value can close the element.
  const sdk = JSON.stringify({ mall: o.mallId, member: o.memberId }).replace(/</g, "\\u003c");
  const who = o.memberId ? `${ko ? "회원" : "member"} ${escapeHtml(o.memberId)}` : ko ? "비회원" : "guest";
  return `<!doctype html>
<html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(o.mallId)} · Cafe24 ${ko ? "미리보기" : "preview"}</title>
<style>body{margin:0;font-family:system-ui,sans-serif}header,main,footer{padding:0 1rem;max-width:64rem;margin:0 auto}
header{display:flex;justify-content:space-between;align-items:center;height:4rem;border-bottom:1px solid #ddd}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:1rem}.grid div{height:12rem;background:#f3f3f3}
.note{font-size:.85rem;color:#555}</style>
<script>(()=>{const c=${sdk};window.CAFE24API={MALL_ID:c.mall,SHOP_NO:1,init(){return this},
getCustomerIDInfo(cb){setTimeout(()=>cb(null,{id:{member_id:c.member,guest_id:c.member?null:"guest"}}),0)}};})();</script>
</head><body>
<header><strong>${escapeHtml(o.mallId)}</strong><nav><a href="/myshop/coupon/coupon.html">${ko ? "마이쇼핑" : "My shop"}</a></nav></header>
<main>
<p class="note">${ko ? "Cafe24 스토어 미리보기" : "Cafe24 storefront preview"} · ${who} · ${
    ko
      ? "Front SDK의 회원 아이디는 검증되지 않으므로 배너는 모든 방문자에게 같은 내용입니다."
      : "The Front SDK's member id is not verified, so the banner is the same for every visitor."
  }</p>
<div data-dangol-banner style="height:128px"></div>
<h2>${ko ? "신상품" : "New arrivals"}</h2>
<div class="grid"><div></div><div></div><div></div><div></div></div>
</main>
<footer><p class="note">© ${escapeHtml(o.mallId)}</p></footer>
<script src="${escapeHtml(o.src)}" integrity="${escapeHtml(o.integrity)}" crossorigin="anonymous"></script>
</body></html>`;
}

function notFoundPage(): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>Cafe24 미리보기 없음</title></head><body>
<h1>이 데모에는 Cafe24 쇼핑몰이 없습니다 (No Cafe24 mall in this demo)</h1>
<p>Cafe24로 데모를 시작하세요: <code>DEMO_PLATFORM=cafe24 npm start</code></p>
<p>Start the demo on Cafe24 with <code>DEMO_PLATFORM=cafe24 npm start</code>, then open /preview?platform=cafe24.</p>
</body></html>`;
}

export function cafe24PreviewRoutes(deps: Cafe24PreviewDeps): Router {
  const router = Router();
  router.get("/", async (req, res, next) => {
    if (req.query.platform !== "cafe24") return next();
    const memberId = typeof req.query.member_id === "string" && req.query.member_id ? req.query.member_id : null;
    const lang = req.query.lang === undefined ? "ko" : req.query.lang;
    res.set("Cache-Control", "no-store").type("html");
    if ((memberId !== null && !MEMBER_ID.test(memberId)) || (lang !== "ko" && lang !== "en")) {
      res
        .status(400)
        .send("<!doctype html><p>member_id (up to 20 letters, digits, . _ @ -) or lang (ko, en) is invalid.</p>");
      return;
    }
    const mallId = deps.script ? await deps.findMall() : null;
    if (!mallId || !deps.script) {
      res.status(404).send(notFoundPage());
      return;
    }
    res.send(page({ mallId, memberId, lang, src: deps.script.src, integrity: deps.script.integrity }));
  });
  return router;
}
