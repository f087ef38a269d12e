// Shared setup for simulator tests: a small seeded shop and a GraphQL caller.
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from "../../server/src/simulator/index.js";

export const APP = { apiKey: "test-key", apiSecret: "test-secret", appId: "4242" };
export const DEMO = "demo.myshopify.com";
export const OTHER = "other.myshopify.com";
/** First week of the retail file: ~770 orders, ~540 customers, loads in about a second. */
export const SMALL_SEED = { since: new Date("2009-12-01T00:00:00Z"), until: new Date("2009-12-08T00:00:00Z") };

export async function startSmall(extra: Partial<SimulatorOptions> = {}): Promise<SimulatorHandle> {
  return startSimulator({ app: APP, shops: [{ domain: DEMO, seed: SMALL_SEED }, { domain: OTHER }], ...extra });
}

export interface GqlResponse {
  status: number;
  body: { data?: any; errors?: any; extensions?: any };
}

export async function gql(
  sim: SimulatorHandle,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  shop = DEMO,
): Promise<GqlResponse> {
  const response = await fetch(`${sim.url}/admin/api/2026-07/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token, "X-Shopify-Shop-Domain": shop },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GqlResponse["body"] };
}
