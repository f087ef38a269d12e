// Owned by the web pixel intake (migration 2026_12_02_1600_pixel_visits). Portable types: ISO text dates.

/** Page views per Shopify client id (a browser) and UTC day, from the web pixel's page_viewed events. */
export interface PixelVisitsTable {
  shop_domain: string;
  client_id: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  page_views: number;
  last_seen_at: string;
}

/** A checkout_completed: this client id reported this order id. Only our own orders row says whose it is. */
export interface PixelCheckoutsTable {
  shop_domain: string;
  order_id: string;
  client_id: string;
  claimed_at: string;
}

export interface PixelTables {
  pixel_visits: PixelVisitsTable;
  pixel_checkouts: PixelCheckoutsTable;
}
