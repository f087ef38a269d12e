// Owned by the Flow events (migration 2026_12_02_1810_flow_events). Portable types: ISO text dates.

/** An occasion claimed for sending: present once per shop and occasion key. */
export interface FlowEventsTable {
  shop_domain: string;
  occasion_key: string;
  kind: string;
  customer_id: string;
  claimed_at: string;
}

export interface FlowEventTables {
  flow_events: FlowEventsTable;
}
