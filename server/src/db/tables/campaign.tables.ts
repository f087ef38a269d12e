// Owned by the campaign feature; extended by its migrations.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CampaignTables {}
