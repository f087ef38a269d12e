// Owned by the Cafe24 adapter (migration 2026_12_02_1000_cafe24_tokens). Instants are ISO 8601 UTC strings.
export type Cafe24TokensTable = {
  mall_id: string;
  access_token: string;
  access_token_expires_at: string;
  refresh_token: string;
  refresh_token_expires_at: string;
  /** Space-separated scopes granted. */
  scopes: string;
  /** Bumped on every stored pair: the refresh lease is claimed against it. */
  version: number;
  refresh_lease_owner: string | null;
  refresh_lease_until: string | null;
  updated_at: string;
};

// Migration 2026_12_02_1200_cafe24_oauth_states: install states, issued at launch, spent once by the callback.
export type Cafe24OAuthStatesTable = {
  /** SHA-256 (hex) of the state sent to Cafe24. */
  state_hash: string;
  mall_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
};

// Type aliases (not interfaces): Kysely's withTables wants index-compatible record types.
export type Cafe24Tables = {
  cafe24_tokens: Cafe24TokensTable;
  cafe24_oauth_states: Cafe24OAuthStatesTable;
};
