// Script tags: POST/GET /api/v2/admin/scripttags, DELETE /scripttags/{script_no}. One tag per request; `src`
// must be https (loopback http is allowed for local demos); `integrity` is an SRI hash when given; the same src
// registered again by the same app is refused with 422.
import type { Cafe24Mall } from "./mall.js";
import type { Cafe24ScriptTagRecord } from "./records.js";
import { kstIso } from "./kst.js";
import { Cafe24HttpError, requestBody } from "./http.js";

const SRI = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/;
const LOCATIONS = new Set(["all", "MAIN", "PRODUCT_LIST", "PRODUCT_DETAIL", "BOARD", "ORDER_BASKET", "MYSHOP"]);

export function createScriptTag(mall: Cafe24Mall, clientId: string, body: Record<string, unknown> | null, now: number) {
  const request = requestBody(body);
  const src = String(request.src ?? "");
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    throw new Cafe24HttpError(422, "src must be an absolute URL. (src)");
  }
  const loopback = url.protocol === "http:" && ["127.0.0.1", "localhost"].includes(url.hostname);
  if (url.protocol !== "https:" && !loopback) throw new Cafe24HttpError(422, "src must use https. (src)");
  const locations = request.display_location;
  if (!Array.isArray(locations) || locations.length === 0 || locations.some((l) => !LOCATIONS.has(String(l))))
    throw new Cafe24HttpError(422, "display_location is required: all or page codes such as MAIN. (display_location)");
  const integrity = request.integrity === undefined || request.integrity === "" ? null : String(request.integrity);
  if (integrity !== null && !SRI.test(integrity))
    throw new Cafe24HttpError(422, "integrity must be an SRI hash such as sha384-... (integrity)");
  const existing = [...mall.scriptTags.values()].find((t) => t.clientId === clientId && t.src === src);
  if (existing) throw new Cafe24HttpError(422, `The script is already installed (script_no ${existing.scriptNo}).`);
  const skins = Array.isArray(request.skin_no) ? request.skin_no.map(Number) : [];
  const tag = mall.addScriptTag({
    clientId,
    src,
    displayLocation: locations.map(String),
    skinNo: skins,
    integrity,
    createdDate: Math.floor(now / 1000) * 1000,
  });
  return { scripttag: tagJson(mall, tag) };
}

export function listScriptTags(mall: Cafe24Mall, clientId: string) {
  return {
    scripttags: [...mall.scriptTags.values()].filter((t) => t.clientId === clientId).map((t) => tagJson(mall, t)),
  };
}

export function deleteScriptTag(mall: Cafe24Mall, clientId: string, scriptNo: string) {
  const tag = mall.scriptTags.get(scriptNo);
  if (!tag || tag.clientId !== clientId) throw new Cafe24HttpError(404, "The script does not exist. (script_no)");
  mall.scriptTags.delete(scriptNo);
  return { scripttag: { shop_no: mall.shopNo, script_no: scriptNo } };
}

function tagJson(mall: Cafe24Mall, t: Cafe24ScriptTagRecord) {
  return {
    shop_no: mall.shopNo,
    script_no: t.scriptNo,
    client_id: t.clientId,
    src: t.src,
    display_location: t.displayLocation,
    exclude_path: [],
    skin_no: t.skinNo,
    integrity: t.integrity,
    created_date: kstIso(t.createdDate),
    updated_date: kstIso(t.createdDate),
  };
}
