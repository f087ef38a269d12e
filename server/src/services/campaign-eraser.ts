import type { DataEraser } from "./privacy.service.js";
import { deleteCustomerCampaignData, deleteShopCampaignData } from "../db/repositories/campaign.repository.js";

/** Clears campaign data on app/uninstalled + shop/redact and on customers/redact. */
export const campaignEraser: DataEraser = {
  eraseShop: (db, shop) => deleteShopCampaignData(db, shop),
  eraseCustomer: (db, shop, customerId) => deleteCustomerCampaignData(db, shop, customerId),
};
