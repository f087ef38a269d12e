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

/** The dashboard's figures per shop (migration 2026_12_04_0100), rebuilt when what they were computed from changes. */
export interface DashboardSummariesTable {
  shop_domain: string;
  /** JSON: order and prediction figures, segment counts and cohort rows. */
  figures: string;
  /** The time the figures were computed for (the retention windows and cohort months depend on it). */
  as_of: string;
  orders_stamp: string | null;
  predictions_stamp: string | null;
  /** How long that refresh took: a quick one is redone inside the request, a slow one after it. */
  refresh_ms: number;
  refreshed_at: string;
}

export interface AdminTables {
  segment_snapshots: SegmentSnapshotsTable;
  dashboard_summaries: DashboardSummariesTable;
}
