// Owned by the sync feature; extended by its migrations.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SyncTables {}
