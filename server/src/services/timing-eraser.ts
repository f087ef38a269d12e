import type { DataEraser } from "./privacy.service.js";
import { deleteCustomerTimingData, deleteShopTimingData } from "../db/repositories/timing-erase.repository.js";

/** Clears predictions, fits and snapshots on app/uninstalled + shop/redact, and a customer's prediction on customers/redact. */
export const timingEraser: DataEraser = {
  eraseShop: (db, shop) => deleteShopTimingData(db, shop),
  eraseCustomer: (db, shop, customerId) => deleteCustomerTimingData(db, shop, customerId),
};
