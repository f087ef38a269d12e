// Owned by the paged publish (migration 2026_12_02_1830, issue 11).

/** A page of customers, (after_id, through_id] in id order, still to publish after a full recompute. */
export interface PublishPagesTable {
  id: string;
  shop_domain: string;
  after_id: string | null;
  through_id: string;
  created_at: string;
}

export interface PublishTables {
  publish_pages: PublishPagesTable;
}
