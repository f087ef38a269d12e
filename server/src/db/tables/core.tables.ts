// Row types for the core tables (migration 2026_11_22_0100_core). Dates are ISO-8601 UTC text,
// money is double precision, booleans are 0/1 integers, JSON is text: portable across SQLite and PostgreSQL.
// Every shop-owned row carries shop_domain; repositories always filter by it.

export interface ShopsTable {
  shop_domain: string;
  platform: string;
  installed_at: string;
  uninstalled_at: string | null;
  /** JSON: merchant settings such as the admin language. */
  settings: string;
}

export interface ShopifySessionsTable {
  id: string;
  shop: string;
  state: string;
  is_online: number;
  scope: string | null;
  expires: string | null;
  access_token: string | null;
  refresh_token: string | null;
  refresh_token_expires: string | null;
  /** JSON of OnlineAccessInfo for online sessions. */
  online_access_info: string | null;
}

export interface CustomersTable {
  shop_domain: string;
  customer_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  shop_domain: string;
  product_id: string;
  title: string;
  handle: string | null;
  updated_at: string;
}

export interface OrdersTable {
  shop_domain: string;
  order_id: string;
  customer_id: string | null;
  name: string | null;
  processed_at: string;
  updated_at: string;
  cancelled_at: string | null;
  test: number;
  total_price: number;
  refunded_total: number;
  currency: string;
  /** JSON array of discount codes used. */
  discount_codes: string;
  /** Null when the order feeds the model; otherwise why it is kept out (it stays stored). */
  excluded_reason: string | null;
}

export interface OrderLinesTable {
  shop_domain: string;
  order_id: string;
  line_no: number;
  product_id: string;
  variant_id: string | null;
  title: string;
  quantity: number;
  price: number;
}

export interface CoreTables {
  shops: ShopsTable;
  shopify_sessions: ShopifySessionsTable;
  customers: CustomersTable;
  products: ProductsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
}
