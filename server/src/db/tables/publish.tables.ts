// Owned by the paged publish (migration 2026_12_02_1830, issue 11).

/** A page of customers, (after_id, through_id] in id order, still to publish after a full recompute. */
export interface PublishPagesTable {
  id: string;
  shop_domain: string;
  after_id: string | null;
  through_id: string;
  created_at: string;
}

/** A publisher's hold on one customer until expires_at (migration 2026_12_03_1000): see publish-claim.repository. */
export interface PublishClaimsTable {
  shop_domain: string;
  customer_id: string;
  token: string;
  expires_at: string;
}

export interface PublishTables {
  publish_pages: PublishPagesTable;
  publish_claims: PublishClaimsTable;
}
