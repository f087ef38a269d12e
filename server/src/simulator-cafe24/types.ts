// Public option and handle types of the Cafe24 simulator (README.md describes the HTTP contract).
import type { SimClock } from "../simulator/clock.js";
import type { CallBucketOptions } from "./call-bucket.js";
import type { Cafe24Mall } from "./mall.js";
import type { Cafe24AppConfig, Cafe24OAuth } from "./oauth.js";
import type { Cafe24SeedOptions } from "./seed.js";
import type { Cafe24WebhookSender } from "./webhooks.js";
import type { Cafe24ItemRecord, Cafe24OrderRecord } from "./records.js";

export interface Cafe24MallConfig {
  mallId: string;
  /** Seed from the Online Retail II CSV (the Shopify simulator's seeder); omit for an empty mall. */
  seed?: Cafe24SeedOptions;
}

export interface Cafe24SimulatorOptions {
  app: Cafe24AppConfig & { webhookApiKey: string };
  malls?: Cafe24MallConfig[];
  port?: number;
  /** Per-mall call bucket and usage quota (defaults: 40 calls draining 2/s; 3,000 calls per 600 s). */
  bucket?: CallBucketOptions;
  webhooks?: { subscriptions?: Array<{ address: string; mallId?: string }>; attempts?: number; baseDelayMs?: number };
  startAt?: Date;
}

export interface Cafe24TokenSet {
  access_token: string;
  expires_at: string;
  refresh_token: string;
  refresh_token_expires_at: string;
  mall_id: string;
  scopes: string[];
}

export interface Cafe24CallStats {
  calls: number;
  refused429: number;
}

export interface Cafe24SimulatorHandle {
  url: string;
  /** Base URL an adapter uses for a mall: `${url}/malls/<mall_id>` stands for `https://<mall_id>.cafe24api.com`. */
  baseUrlFor(mallId: string): string;
  clock: SimClock;
  oauth: Cafe24OAuth;
  webhooks: Cafe24WebhookSender;
  mall(mallId: string): Cafe24Mall;
  malls(): string[];
  addMall(config: Cafe24MallConfig): Promise<Cafe24Mall>;
  /** An approved install: the token answer a code exchange would give. */
  installApp(mallId: string): Cafe24TokenSet;
  /** Revokes the mall's tokens and sends the APP deleted webhook (resource_type APP). */
  uninstallApp(mallId: string): void;
  /** Places an order now and sends event 90023. */
  placeOrder(
    mallId: string,
    input: { memberId: string | null; items: Array<Omit<Cafe24ItemRecord, "itemNo">> },
  ): Cafe24OrderRecord;
  cancelOrder(mallId: string, orderId: string): Cafe24OrderRecord;
  /** Members leave the mall (withdrawal, or removed by the merchant): dropped from its members, one 90147 sent. */
  deleteMembers(mallId: string, memberIds: string[]): void;
  /** Admin API calls answered and refused with 429, per mall. */
  callStats(mallId: string): Cafe24CallStats;
  close(): Promise<void>;
}
