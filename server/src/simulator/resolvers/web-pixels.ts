// webPixelCreate / webPixelUpdate / webPixel: one pixel per app and shop, settings checked against the
// extension's declared fields, and both scopes Shopify requires (write_pixels, read_customer_events).
import { GraphQLError } from "graphql";
import { gid, parseGid } from "../ids.js";
import { checkPixelSettings } from "../web-pixel-settings.js";
import type { GraphqlContext, ResolverMap } from "./context.js";

const WRITE_SCOPES = ["write_pixels", "read_customer_events"];

/** Shopify's answer to a field the token's scopes don't cover: a top-level error, the field null. */
function requireScopes(ctx: GraphqlContext, field: string, needed: string[]): void {
  const missing = needed.filter((scope) => !ctx.scopes.has(scope));
  if (missing.length === 0) return;
  const requiredAccess = needed.map((scope) => `\`${scope}\` access scope`).join(". Also: ");
  throw new GraphQLError(`Access denied for ${field} field. Required access: ${requiredAccess}.`, {
    extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess },
  });
}

const pixelOf = (ctx: GraphqlContext) =>
  ctx.store.webPixel && { id: gid("WebPixel", ctx.store.webPixel.id), settings: ctx.store.webPixel.settings };
const refused = (field: string[], code: string, message: string) => ({
  webPixel: null,
  userErrors: [{ field, code, message }],
});

export const webPixelResolvers: ResolverMap = {
  QueryRoot: {
    webPixel: (_, args: { id?: string | null }, ctx) => {
      // write_pixels implies read_pixels, as Shopify's write scopes imply their read scope.
      if (!ctx.scopes.has("write_pixels")) requireScopes(ctx, "webPixel", ["read_pixels"]);
      const pixel = pixelOf(ctx);
      if (!pixel || (args.id && args.id !== pixel.id)) return null;
      return pixel;
    },
  },
  Mutation: {
    webPixelCreate: (_, args: { webPixel: { settings?: unknown } }, ctx) => {
      requireScopes(ctx, "webPixelCreate", WRITE_SCOPES);
      if (ctx.store.webPixel) return refused(["webPixel"], "TAKEN", "Web pixel is taken.");
      const verdict = checkPixelSettings(args.webPixel.settings, ctx.webPixelFields);
      if (!verdict.ok) return refused(["webPixel", "settings"], verdict.code, verdict.message);
      ctx.store.webPixel = { id: ctx.store.nextId("webPixel"), settings: verdict.json };
      ctx.store.version++;
      return { webPixel: pixelOf(ctx), userErrors: [] };
    },
    webPixelUpdate: (_, args: { id: string; webPixel: { settings?: unknown } }, ctx) => {
      requireScopes(ctx, "webPixelUpdate", WRITE_SCOPES);
      const pixel = ctx.store.webPixel;
      if (!pixel || parseGid(args.id, "WebPixel") !== pixel.id)
        return refused(["id"], "NOT_FOUND", "Web pixel not found.");
      const verdict = checkPixelSettings(args.webPixel.settings, ctx.webPixelFields);
      if (!verdict.ok) return refused(["webPixel", "settings"], verdict.code, verdict.message);
      pixel.settings = verdict.json;
      ctx.store.version++;
      return { webPixel: pixelOf(ctx), userErrors: [] };
    },
  },
};
