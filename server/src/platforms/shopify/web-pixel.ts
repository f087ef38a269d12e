// Activates the web pixel for a shop: create, or update the one this app already has there (a reinstall).
import { PlatformError } from "../../domain/shared/errors.js";
import { throwOnUserErrors } from "./errors.js";
import { WEB_PIXEL_CREATE_MUTATION, WEB_PIXEL_QUERY, WEB_PIXEL_UPDATE_MUTATION } from "./graphql/web-pixel.js";
import type { GraphqlCaller } from "./throttled-graphql.js";

type PixelUserErrors = Array<{ field?: string[] | null; code?: string | null; message: string }>;
interface PixelPayload {
  webPixel: { id: string; settings: unknown } | null;
  userErrors: PixelUserErrors;
}

/** Where the pixel posts its events: the app's POST /pixel/events (mounted in main.ts). */
export function pixelEndpoint(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/pixel/events`;
}

export async function activateWebPixel(
  graphql: GraphqlCaller,
  shop: string,
  endpoint: string,
): Promise<{ id: string; action: "created" | "updated" }> {
  const webPixel = { settings: JSON.stringify({ endpoint }) };
  const created = await graphql.request<{ webPixelCreate: PixelPayload }>(shop, WEB_PIXEL_CREATE_MUTATION, {
    webPixel,
  });
  const { userErrors } = created.webPixelCreate;
  const taken = userErrors.length > 0 && userErrors.every((e) => e.code === "TAKEN");
  if (!taken) {
    throwOnUserErrors("Activating the web pixel", userErrors);
    return { id: pixelId(created.webPixelCreate), action: "created" };
  }
  const existing = await graphql.request<{ webPixel: { id: string } | null }>(shop, WEB_PIXEL_QUERY);
  if (!existing.webPixel) throw new PlatformError("Activating the web pixel: TAKEN, yet no pixel to update", true);
  const updated = await graphql.request<{ webPixelUpdate: PixelPayload }>(shop, WEB_PIXEL_UPDATE_MUTATION, {
    id: existing.webPixel.id,
    webPixel,
  });
  throwOnUserErrors("Updating the web pixel", updated.webPixelUpdate.userErrors);
  return { id: pixelId(updated.webPixelUpdate), action: "updated" };
}

function pixelId(payload: PixelPayload): string {
  if (!payload.webPixel)
    throw new PlatformError("Activating the web pixel: Shopify returned no pixel and no error", true);
  return payload.webPixel.id;
}
