import type { DataEraser } from "./privacy.service.js";
import { deleteCustomerTimingData, deleteShopTimingData } from "../db/repositories/timing-erase.repository.js";
import { deleteShopPublishPages } from "../db/repositories/publish-page.repository.js";

/**
 * Clears predictions, fits, snapshots and pending publish pages on app/uninstalled + shop/redact, and a customer's
 * prediction on customers/redact (a page names an id range, no customer).
 */
export const timingEraser: DataEraser = {
  eraseShop: async (db, shop) => {
    await deleteShopTimingData(db, shop);
    await deleteShopPublishPages(db, shop);
  },
  eraseCustomer: (db, shop, customerId) => deleteCustomerTimingData(db, shop, customerId),
};
