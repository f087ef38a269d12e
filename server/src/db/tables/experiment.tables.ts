// Owned by the experiments feature (migrations 2026_12_02_1700, 1710). Same conventions as campaign.tables.ts.

/** Extra content variants ("b", "c", …) of a campaign; "a" is the campaign's own content. */
export interface CampaignVariantsTable {
  shop_domain: string;
  campaign_key: string;
  variant_id: string;
  /** JSON CampaignContent (title, body, cta; en and ko). */
  content: string;
  image_url: string | null;
  weight: number;
  updated_at: string;
}

/** The merchant's pick: once set, every treated customer gets this variant. */
export interface CampaignExperimentsTable {
  shop_domain: string;
  campaign_key: string;
  winner_variant: string | null;
  ended_at: string | null;
}

/** The customer's first (intent-to-treat) and latest arm in a campaign, with the first and latest decision times. */
export interface ExperimentAssignmentsTable {
  shop_domain: string;
  campaign_key: string;
  customer_id: string;
  arm: string;
  last_arm: string;
  first_at: string;
  last_at: string;
}

export interface ExperimentTables {
  campaign_variants: CampaignVariantsTable;
  campaign_experiments: CampaignExperimentsTable;
  experiment_assignments: ExperimentAssignmentsTable;
}
