// Registers the banner script on a mall through the Admin API (POST /scripttags, scope mall.write_application)
// with the SRI hash of the bytes we serve, idempotently: a tag with our src and the same hash is kept; one with
// our src and another hash (the script changed) is replaced; a create that loses a race to another instance
// (422 "already installed") re-reads and keeps the winner. Never two tags with our src.
import { expectOk, type Cafe24AdminApi } from "../admin-api.js";

interface ScriptTagJson {
  script_no: string;
  src: string;
  integrity: string | null;
  display_location: string[];
}

export type ScriptTagOutcome = { scriptNo: string; action: "created" | "kept" | "replaced" };

type Api = Pick<Cafe24AdminApi, "get" | "post" | "call">;

async function ourTags(api: Api, mallId: string, src: string): Promise<ScriptTagJson[]> {
  const body = expectOk(
    await api.get<{ scripttags: ScriptTagJson[] }>(mallId, "/scripttags"),
    "Cafe24 list scripttags",
  );
  return body.scripttags.filter((t) => t.src === src);
}

const isCurrent = (t: ScriptTagJson, integrity: string) =>
  t.integrity === integrity && t.display_location.length === 1 && t.display_location[0] === "all";

export async function ensureBannerScriptTag(
  api: Api,
  mallId: string,
  tag: { src: string; integrity: string },
): Promise<ScriptTagOutcome> {
  const existing = await ourTags(api, mallId, tag.src);
  const keep = existing.find((t) => isCurrent(t, tag.integrity));
  // Stale copies go (Cafe24 refuses a second tag with the same src, and a stale hash would block the script).
  for (const t of existing) {
    if (t === keep) continue;
    expectOk(
      await api.call(mallId, "DELETE", `/scripttags/${encodeURIComponent(t.script_no)}`),
      "Cafe24 delete scripttag",
    );
  }
  if (keep) return { scriptNo: keep.script_no, action: "kept" };
  const created = await api.post<{ scripttag: ScriptTagJson }>(mallId, "/scripttags", {
    shop_no: 1,
    request: { src: tag.src, display_location: ["all"], integrity: tag.integrity },
  });
  if (created.status === 422) {
    // Another instance registered it between our read and our create: theirs is ours.
    const winner = (await ourTags(api, mallId, tag.src)).find((t) => isCurrent(t, tag.integrity));
    if (winner) return { scriptNo: winner.script_no, action: "kept" };
  }
  const body = expectOk(created, "Cafe24 create scripttag");
  return { scriptNo: body.scripttag.script_no, action: existing.length ? "replaced" : "created" };
}
