// Serves the storefront preview on 127.0.0.1:0 for browser tests, with an in-memory shop and a beacon sink
// standing in for the app proxy's POST /apps/dangol/events (same body schema, no signature).
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { chromium, type Browser } from "playwright-core";
import { errorHandler } from "../../server/src/http/error-handler.js";
import { storefrontEventSchema } from "../../server/src/services/storefront.service.js";
import { previewRoutes } from "../../server/src/storefront-preview/preview.routes.js";
import type { PreviewCustomer } from "../../server/src/storefront-preview/customer-drop.js";
import type { LocalizedText, StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import { SHOP } from "./engine-fixtures.js";

import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.js";

export { CHROMIUM, CHROMIUM_ARGS };

export interface Beacon {
  kind: string;
  campaign?: string | null;
}

export interface PreviewServer {
  url: string;
  beacons: Beacon[];
  close(): Promise<void>;
}

export async function startPreviewServer(
  customers: Array<{ customer: PreviewCustomer; decision: StorefrontDecision | null; label: LocalizedText }>,
): Promise<PreviewServer> {
  const byId = new Map(customers.map((c) => [c.customer.id, c]));
  const beacons: Beacon[] = [];
  const app = express();
  // Validates with the app proxy's own (strict) schema, so a beacon the real endpoint would refuse fails here too.
  app.post("/apps/dangol/events", express.json({ type: () => true }), (req, res) => {
    beacons.push(storefrontEventSchema.parse(req.body));
    res.status(204).end();
  });
  app.use(
    "/preview",
    previewRoutes({
      shop: SHOP,
      loadCustomer: async (shop, id) => (shop === SHOP ? byId.get(id)?.customer : undefined),
      loadDecision: async (shop, id) => (shop === SHOP ? byId.get(id)?.decision : undefined),
      listPicks: async () =>
        customers.map((c) => ({ id: c.customer.id, name: c.customer.firstName ?? "", label: c.label })),
    }),
  );
  app.use(errorHandler(() => {}));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    beacons,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Sums every layout-shift entry (buffered, from navigation start) that was not caused by recent input. */
export const LAYOUT_SHIFT_PROBE = `
  window.__dangolShift = 0;
  window.__dangolShiftEntries = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__dangolShiftEntries++;
      if (!e.hadRecentInput) window.__dangolShift += e.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
`;
