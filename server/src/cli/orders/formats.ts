// The order-file layouts we read. Each names, per field, the headers it may appear under (first match wins), and
// says how that platform marks a cancelled order. Anything else: --format custom with --map field=Header.

/** What one file row can tell us. `order` groups rows into one order; the others are read from its rows. */
export const FIELDS = [
  "order",
  "orderId",
  "customer",
  "date",
  "product",
  "title",
  "quantity",
  "price",
  "total",
  "refunded",
  "currency",
  "status",
  "financialStatus",
  "cancelledAt",
  "claimStatus",
] as const;
export type Field = (typeof FIELDS)[number];

/** The cells of one row by field; "" when the column is absent or the cell is blank. */
export type RowValues = Record<Field, string>;

export interface OrderFormat {
  name: FormatName;
  headers: Partial<Record<Field, string[]>>;
  /** Fields without which a row cannot be read (a missing one is a fatal, file-level error). */
  required: Field[];
  defaultCurrency: string;
  /** The zone of times written without one (Korean platforms export KST); --utc-offset overrides it. */
  localUtcOffset?: string;
  /** Rows that are not orders at all (Online Retail's "C" cancellation invoices). */
  skipRow?: (v: RowValues) => string | null;
  /** Read once from an order's first row: the whole order is cancelled, or was refunded in full. */
  orderState?: (v: RowValues) => "cancelled" | "refunded" | null;
  /** Per row: this line was cancelled or returned (Korean platforms keep a status per product line). */
  lineCancelled?: (v: RowValues) => boolean;
  /** Online Retail lists free lines (price 0: samples, manual fixes); they are not purchases. */
  skipFreeLines?: boolean;
}

export type FormatName = "online-retail" | "shopify" | "cafe24" | "naver" | "custom";
export const FORMAT_NAMES: FormatName[] = ["online-retail", "shopify", "cafe24", "naver", "custom"];

// A status counts as cancelled when it says cancelled/returned/refunded, unless it says the request was withdrawn
// or refused ("취소철회", "반품거부").
const KOREAN_CANCELLED = /취소|반품|환불/;
const KOREAN_NOT_FINAL = /철회|거부|불가/;
const koreanCancelled = (s: string) => KOREAN_CANCELLED.test(s) && !KOREAN_NOT_FINAL.test(s);

export const FORMATS: Record<FormatName, OrderFormat> = {
  // UCI Online Retail (I and II): one row per invoice line; "C" invoices are cancellations, not orders. Times are UK
  // local without a zone, read as UTC (at most an hour off, nothing at day resolution).
  "online-retail": {
    name: "online-retail",
    headers: {
      order: ["Invoice", "InvoiceNo"],
      customer: ["Customer ID", "CustomerID"],
      date: ["InvoiceDate"],
      product: ["StockCode"],
      title: ["Description"],
      quantity: ["Quantity"],
      price: ["Price", "UnitPrice"],
    },
    required: ["order", "customer", "date", "product", "quantity", "price"],
    defaultCurrency: "GBP",
    skipRow: (v) => (v.order.startsWith("C") ? "cancellation invoice (C…)" : null),
    skipFreeLines: true,
  },
  // Shopify admin → Orders → Export: one row per line item; order columns only on an order's first row.
  shopify: {
    name: "shopify",
    headers: {
      order: ["Name"],
      orderId: ["Id"],
      customer: ["Email"],
      date: ["Created at", "Paid at"],
      product: ["Lineitem sku"],
      title: ["Lineitem name"],
      quantity: ["Lineitem quantity"],
      price: ["Lineitem price"],
      total: ["Total"],
      refunded: ["Refunded Amount"],
      currency: ["Currency"],
      financialStatus: ["Financial Status"],
      cancelledAt: ["Cancelled at"],
    },
    required: ["order", "customer", "date", "title", "quantity", "price"],
    defaultCurrency: "",
    orderState: (v) => {
      const fin = v.financialStatus.toLowerCase();
      if (v.cancelledAt || fin === "voided") return "cancelled";
      return fin === "refunded" ? "refunded" : null;
    },
  },
  // Cafe24 admin → 주문관리 → 엑셀 다운로드. Merchants choose the columns (다운로드 양식관리), so the names
  // below are the usual ones, not a fixed layout: --map covers the rest.
  cafe24: {
    name: "cafe24",
    headers: {
      order: ["주문번호"],
      customer: ["주문자ID", "주문자 ID", "주문자아이디", "주문자 아이디", "회원아이디", "회원 아이디"],
      date: ["주문일시", "주문일", "결제일시"],
      product: ["상품코드", "상품번호", "자체상품코드"],
      title: ["상품명", "주문상품명"],
      quantity: ["수량", "주문수량"],
      price: ["판매가", "상품판매가", "단가"],
      total: ["총 결제금액", "총결제금액", "결제금액", "실결제금액"],
      status: ["주문상태", "주문 상태", "처리상태"],
    },
    required: ["order", "customer", "date", "title", "quantity", "price"],
    defaultCurrency: "KRW",
    localUtcOffset: "+09:00",
    lineCancelled: (v) => koreanCancelled(v.status),
  },
  // Naver Smart Store 판매자센터 → 주문통합검색 → 엑셀다운 (saved as CSV): one row per 상품주문번호.
  naver: {
    name: "naver",
    headers: {
      order: ["주문번호"],
      customer: ["구매자ID", "구매자 ID", "구매자아이디"],
      date: ["주문일시", "결제일"],
      product: ["상품번호"],
      title: ["상품명"],
      quantity: ["수량"],
      price: ["상품가격", "판매가"],
      status: ["주문상태"],
      claimStatus: ["클레임상태"],
    },
    required: ["order", "customer", "date", "title", "quantity", "price"],
    defaultCurrency: "KRW",
    localUtcOffset: "+09:00",
    lineCancelled: (v) => koreanCancelled(v.status) || koreanCancelled(v.claimStatus),
  },
  // Any other layout: every column comes from --map; a status column, if mapped, is read in English or Korean.
  custom: {
    name: "custom",
    headers: {},
    required: ["order", "customer", "date"],
    defaultCurrency: "",
    orderState: (v) =>
      v.cancelledAt || /^(cancel|void)/i.test(v.status)
        ? "cancelled"
        : /^refunded$/i.test(v.status)
          ? "refunded"
          : null,
    lineCancelled: (v) => koreanCancelled(v.status),
  },
};

/** Tells the layout from the header row, or null when it is none we know. */
export function detectFormat(header: string[]): FormatName | null {
  const has = (h: string) => header.includes(h);
  if (has("Lineitem quantity") && has("Name")) return "shopify";
  if (has("StockCode") && (has("Invoice") || has("InvoiceNo"))) return "online-retail";
  if (has("상품주문번호") || has("구매자ID")) return "naver";
  if (has("주문번호")) return "cafe24";
  return null;
}
