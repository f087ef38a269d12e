// Owned by the admin UI feature (migration 2026_11_22_0500_admin). Same portable types as core.tables.ts.

/** Weekly count of customers per segment key, so the dashboard can show movement since last week. */
export interface SegmentSnapshotsTable {
  shop_domain: string;
  /** UTC date "YYYY-MM-DD" the counts describe. */
  snapshot_date: string;
  segment_key: string;
  customers: number;
  created_at: string;
}

export interface AdminTables {
  segment_snapshots: SegmentSnapshotsTable;
}
