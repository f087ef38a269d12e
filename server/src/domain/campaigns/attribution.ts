const DAY = 86_400_000;

export interface AssignmentFact {
  customerId: string;
  campaign: string;
  holdout: boolean;
  assignedAt: Date;
}

export interface OrderFact {
  orderId: string;
  customerId: string;
  processedAt: Date;
  discountCodes: string[];
}

export interface IssuedCode {
  code: string;
  customerId: string;
  campaign: string;
}

export interface Conversion {
  campaign: string;
  customerId: string;
  orderId: string;
  holdout: boolean;
  occurredAt: Date;
}

export const DEFAULT_ATTRIBUTION_DAYS = 7;

/**
 * An order converts for a campaign when it uses a code that campaign issued to the same customer, or when it
 * comes within `windowDays` after the customer was assigned to the campaign (treatment or holdout alike, so the
 * two arms are measured the same way). Orders must already exclude cancelled/test/refunded ones.
 */
export function attributeConversions(
  assignments: AssignmentFact[],
  orders: OrderFact[],
  codes: IssuedCode[],
  windowDays = DEFAULT_ATTRIBUTION_DAYS,
): Conversion[] {
  const out = new Map<string, Conversion>();
  const byCode = new Map(codes.map((c) => [c.code.toUpperCase(), c]));
  const holdoutOf = new Map(assignments.map((a) => [`${a.campaign}\u0000${a.customerId}`, a.holdout]));
  const add = (campaign: string, order: OrderFact, holdout: boolean) => {
    const key = `${campaign}\u0000${order.orderId}`;
    if (!out.has(key))
      out.set(key, {
        campaign,
        customerId: order.customerId,
        orderId: order.orderId,
        holdout,
        occurredAt: order.processedAt,
      });
  };
  for (const order of orders) {
    for (const used of order.discountCodes) {
      const issued = byCode.get(used.toUpperCase());
      if (issued && issued.customerId === order.customerId) {
        add(issued.campaign, order, holdoutOf.get(`${issued.campaign}\u0000${order.customerId}`) ?? false);
      }
    }
    for (const a of assignments) {
      if (a.customerId !== order.customerId) continue;
      const t = order.processedAt.getTime() - a.assignedAt.getTime();
      if (t > 0 && t <= windowDays * DAY) add(a.campaign, order, a.holdout);
    }
  }
  return [...out.values()];
}
