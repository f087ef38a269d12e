import { ValidationError } from "../../domain/shared/errors.js";
import { createOrderImportService } from "../../services/order-import.service.js";
import { parseFlags } from "../args.js";
import type { Command } from "../context.js";
import { toDomainOrder } from "../orders/to-domain.js";
import { ORDER_FILE_FLAGS, ORDER_FILE_USAGE, readOrdersWithFlags } from "./order-file-flags.js";

// A Shopify domain (x.myshopify.com) or another platform's shop id (a Cafe24 mall id): letters, digits, dot, dash.
const SHOP = /^[a-z0-9][a-z0-9.-]{0,253}$/i;

/**
 * import --shop <shop> --file <orders csv[.gz]> [--dry-run]: a store's order history from its own export, stored
 * for an installed shop like synced orders (idempotent upserts keyed by shop + order id, all in one transaction).
 */
export const importCommand: Command = {
  usage: `import --shop <shop domain> --file <orders csv[.gz]> [--dry-run]
${ORDER_FILE_USAGE}
    stores the file's orders for an installed shop (DATABASE_URL as for the server); --dry-run reads and checks
    everything and writes nothing. Re-importing a file is harmless: orders are keyed by shop + order id`,

  async run(argv, ctx) {
    const flags = parseFlags(argv, { shop: {}, file: {}, "dry-run": { boolean: true }, ...ORDER_FILE_FLAGS }, [
      "shop",
      "file",
    ]);
    const shop = (flags.shop as string).trim().toLowerCase();
    if (!SHOP.test(shop))
      throw new ValidationError(`--shop must be a shop domain such as example.myshopify.com, got "${flags.shop}"`);
    const dryRun = flags["dry-run"] === true;
    const { orders, report } = await readOrdersWithFlags(flags.file as string, flags, ctx);
    if (orders.length === 0)
      throw new ValidationError(
        `${flags.file}: no customer orders to import (all rows are guests, cancellations or returns)`,
      );
    const session = await ctx.openDb();
    try {
      const outcome = await createOrderImportService({ db: session.db }).importOrders(shop, orders.map(toDomainOrder), {
        dryRun,
      });
      return { shop, dryRun, ...outcome, customers: report.customers, input: report };
    } finally {
      await session.close();
    }
  },
};
