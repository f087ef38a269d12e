import { createHash, randomUUID } from "node:crypto";
import type { Db } from "../db/database.js";
import type {
  CommercePlatform,
  CustomerMetafield,
  CustomerMetafieldRef,
  MetafieldRejection,
  MetafieldWriteResult,
} from "../platforms/commerce-platform.js";
import type { PlatformLookup } from "../platforms/registry.js";
import type { CustomerPrediction } from "../domain/timing/prediction.js";
import { decide, type DecisionResult } from "../domain/campaigns/decide.js";
import { attributeConversions, DEFAULT_ATTRIBUTION_DAYS } from "../domain/campaigns/attribution.js";
import { DECISION_METAFIELD, type StorefrontDecision } from "../domain/campaigns/storefront-decision.js";
import type { CampaignEventFact } from "../domain/campaigns/decision-input.js";
import { listCustomerCoupons, markCouponsUsed, type StoredCoupon } from "../db/repositories/coupon.repository.js";
import {
  insertCampaignEvents,
  listAssignments,
  listCustomerEventFacts,
  type CampaignEventRow,
} from "../db/repositories/campaign-event.repository.js";
import {
  listPublishedDecisions,
  markDecisionsPublished,
  savePublishedDecisions,
  type PublishedDecision,
} from "../db/repositories/decision.repository.js";
import { listCountedOrders, listFirstNames } from "../db/repositories/campaign-audience.repository.js";
import { chunks } from "../db/repositories/order.repository.js";
import { recordArmAssignments } from "../db/repositories/experiment.repository.js";
import { listPredictions, listPredictionsOf, listPredictionsPage } from "../db/repositories/prediction.repository.js";
import {
  clearPublishErrors,
  listPublishErrors,
  recordPublishErrors,
} from "../db/repositories/publish-error.repository.js";
import { listPredictionIdsInRange } from "../db/repositories/publish-page.repository.js";
import { claimCustomers, extendClaims, releaseCustomers } from "../db/repositories/publish-claim.repository.js";
import {
  listPublishedSegmentFields,
  markSegmentFieldsPublished,
} from "../db/repositories/segment-fields.repository.js";
import {
  SEGMENT_FIELD_DEFINITIONS,
  SEGMENT_FIELDS_NAMESPACE,
  segmentFieldValues,
} from "../domain/segments/segment-metafields.js";
import { effectiveCampaigns } from "./campaign.service.js";
import { issueCoupon } from "./coupon-issuer.js";

/** Predictions for these customers, or for the whole shop when `customerIds` is null. */
export type PredictionLoader = ((shop: string, customerIds: string[] | null) => Promise<CustomerPrediction[]>) & {
  /** The shop's predictions after `afterId` in customer-id order: a whole-shop publish pages through these. */
  page?: (shop: string, afterId: string | null, limit: number) => Promise<CustomerPrediction[]>;
  /**
   * Up to `limit` customer ids with a prediction in (afterId, throughId]: a recompute's publish page walks its range
   * through these; only ids, since each page reads its predictions again under its claim.
   */
  rangeIds?: (shop: string, afterId: string | null, throughId: string, limit: number) => Promise<string[]>;
};

/** Reads the timing engine's stored predictions (customer_predictions). */
export function predictionsFromDb(db: Db): PredictionLoader {
  const load: PredictionLoader = async (shop, customerIds) => {
    if (customerIds === null) return listPredictions(db, shop);
    return listPredictionsOf(db, shop, customerIds);
  };
  load.page = (shop, afterId, limit) => listPredictionsPage(db, shop, afterId, limit);
  load.rangeIds = (shop, afterId, throughId, limit) => listPredictionIdsInRange(db, shop, afterId, throughId, limit);
  return load;
}

export interface DecisionPublisherDeps {
  db: Db;
  /** Each shop's own platform takes its coupons and decision metafields. */
  platforms: PlatformLookup;
  loadPredictions: PredictionLoader;
  now?: () => Date;
  log?: (message: string, err: unknown) => void;
  /** Customers decided per round (bounds memory and query sizes). */
  pageSize?: number;
  attributionDays?: number;
  /** How long a publisher waits for customers another publisher holds before counting them as not written. */
  claimWaitMs?: number;
  /** How often it asks again meanwhile. */
  claimPollMs?: number;
}

/** A claim lapses this long after it was taken or last extended (each metafield batch extends it). */
const CLAIM_LEASE_MS = 2 * 60_000;

export interface PublishSummary {
  customers: number;
  banners: number;
  notices: number;
  holdouts: number;
  couponsIssued: number;
  metafieldsWritten: number;
  /** Not written because the platform could not take the call (throttled, down): retried by the next publish. */
  metafieldFailures: number;
  /** Refused by the platform for the customer itself (e.g. no longer known): stored as a publish error. */
  metafieldsRejected: number;
  /** Customers the platform no longer knows, left out of a whole-shop publish (a targeted publish retries them). */
  metafieldsSkipped: number;
  conversionsRecorded: number;
}

const emptySummary = (): PublishSummary => ({
  customers: 0,
  banners: 0,
  notices: 0,
  holdouts: 0,
  couponsIssued: 0,
  metafieldsWritten: 0,
  metafieldFailures: 0,
  metafieldsRejected: 0,
  metafieldsSkipped: 0,
  conversionsRecorded: 0,
});

/** Deterministic event id, so re-running attribution never double-counts. */
function factId(...parts: string[]): string {
  const h = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** "c150 (unknown_customer: Owner does not exist.)", …, at most 20 named. */
function describeRejections(rejections: MetafieldRejection[]): string {
  const named = rejections
    .slice(0, 20)
    .map((r) => `${r.customerId} (${r.reason}: ${r.message})`)
    .join(", ");
  return rejections.length > 20 ? `${named} and ${rejections.length - 20} more` : named;
}

/** What the metafield shows, ignoring when it was decided. */
function visible(d: StorefrontDecision): string {
  return JSON.stringify({ banner: d.banner, notice: d.notice });
}

/** Each customer's segment fields now (JSON), those last written, and who differs. */
interface SegmentFieldWrites {
  values: Map<string, string>;
  previous: Map<string, string>;
  changed: Set<string>;
}

export function createDecisionPublisher(deps: DecisionPublisherDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? console.error;
  const pageSize = deps.pageSize ?? 500;
  const windowDays = deps.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS;
  const claimWaitMs = deps.claimWaitMs ?? 30_000;
  const claimPollMs = deps.claimPollMs ?? 100;
  // One publish at a time per shop: toggles, webhooks and recomputes may overlap.
  const queues = new Map<string, Promise<unknown>>();

  function serialized<T>(shop: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(shop) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    queues.set(shop, next);
    void next
      .finally(() => {
        if (queues.get(shop) === next) queues.delete(shop);
      })
      .catch(() => undefined);
    return next;
  }

  /** Records conversions (orders with the campaign's code or inside the window after assignment) and used codes. */
  async function recordConversions(
    shop: string,
    ids: string[],
    coupons: StoredCoupon[],
    facts: Map<string, CampaignEventFact[]>,
  ): Promise<number> {
    const assignments = await listAssignments(deps.db, shop, ids);
    const codes = coupons.map((c) => ({ code: c.code, customerId: c.customerId, campaign: c.campaign }));
    if (assignments.length === 0 && codes.length === 0) return 0;
    const earliest = Math.min(
      ...assignments.map((a) => a.assignedAt.getTime()),
      ...coupons.map((c) => c.issuedAt.getTime()),
    );
    const orders = await listCountedOrders(deps.db, shop, ids, new Date(earliest));
    const byCode = new Map(coupons.map((c) => [c.code.toUpperCase(), c]));
    for (const o of orders) {
      const mine = o.discountCodes
        .map((x) => byCode.get(x.toUpperCase()))
        .filter((c) => c && c.customerId === o.customerId && !c.usedAt);
      if (mine.length) {
        await markCouponsUsed(
          deps.db,
          shop,
          o.customerId,
          mine.map((c) => c!.code),
          o.processedAt,
        );
        for (const c of mine) c!.usedAt = o.processedAt;
      }
    }
    const conversions = attributeConversions(assignments, orders, codes, windowDays);
    const rows: CampaignEventRow[] = conversions.map((c) => ({
      id: factId("conversion", shop, c.campaign, c.orderId),
      shop_domain: shop,
      customer_id: c.customerId,
      campaign_key: c.campaign,
      kind: "conversion",
      holdout: c.holdout ? 1 : 0,
      order_id: c.orderId,
      occurred_at: c.occurredAt.toISOString(),
    }));
    await insertCampaignEvents(deps.db, rows);
    for (const c of conversions)
      facts.get(c.customerId)?.push({ kind: "conversion", campaign: c.campaign, occurredAt: c.occurredAt });
    return rows.length;
  }

  /**
   * Publishes these customers while holding each one's claim (publish_claims), from reading what was last written
   * to recording what the platform took: two instances, or a full publish and an order's republish, would otherwise
   * both read the old fields and both send the same change. Customers another publisher holds are waited for (then
   * decided against what it wrote); those still held after claimWaitMs count as metafield failures, so a publish-page
   * job is retried. Each customer is decided on its prediction read under the claim.
   */
  async function publishPage(shop: string, ids: string[], targeted: boolean, summary: PublishSummary): Promise<void> {
    const token = randomUUID();
    const deadline = Date.now() + claimWaitMs;
    let pending = ids;
    for (;;) {
      const at = new Date();
      const claimed = await claimCustomers(deps.db, shop, pending, token, at, new Date(at.getTime() + CLAIM_LEASE_MS));
      if (claimed.length) {
        try {
          // Read again under the claim: the publisher waited for (or one that finished just before) may have sent a
          // newer prediction, which one read before the claim must not overwrite.
          const fresh = new Map((await deps.loadPredictions(shop, claimed)).map((p) => [p.customerId, p]));
          // A page publishes customers with a prediction; one gone meanwhile (erased, no counted order) is left out.
          const publishing = targeted ? claimed : claimed.filter((id) => fresh.has(id));
          await publishClaimed(shop, publishing, fresh, targeted, summary, token);
        } finally {
          // Released on failure too: what was last written is unchanged for anyone not recorded, so the next
          // publish sends it.
          await releaseCustomers(deps.db, shop, claimed, token);
        }
        const done = new Set(claimed);
        pending = pending.filter((id) => !done.has(id));
      }
      if (pending.length === 0) return;
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, claimPollMs));
    }
    summary.metafieldFailures += pending.length;
    log(
      `${pending.length} customer(s) of ${shop} held by another publisher for ${claimWaitMs} ms: not published now`,
      pending.slice(0, 20),
    );
  }

  async function publishClaimed(
    shop: string,
    ids: string[],
    predictions: Map<string, CustomerPrediction>,
    targeted: boolean,
    summary: PublishSummary,
    token: string,
  ): Promise<void> {
    const at = now();
    const campaigns = await effectiveCampaigns(deps.db, shop);
    const [names, facts, previous] = await Promise.all([
      listFirstNames(deps.db, shop, ids),
      listCustomerEventFacts(deps.db, shop, ids),
      listPublishedDecisions(deps.db, shop, ids),
    ]);
    let coupons = await listCustomerCoupons(deps.db, shop, ids);
    summary.conversionsRecorded += await recordConversions(shop, ids, coupons, facts);
    // Looked up once a page (each lookup reads the shop's row).
    const platform = await deps.platforms.for(shop);
    // Cafe24 has no /discount/CODE or cart permalink: its banner links go to the coupon box or the product page.
    const links = platform.id === "cafe24" ? "cafe24" : "shopify";

    const decideFor = (id: string): DecisionResult =>
      decide({
        shop,
        customer: { id, firstName: names.get(id) ?? null },
        prediction: predictions.get(id) ?? null,
        coupons: coupons.filter((c) => c.customerId === id && c.status === "active"),
        events: facts.get(id) ?? [],
        campaigns,
        now: at,
        links,
      });

    const results = new Map(ids.map((id) => [id, decideFor(id)]));
    const needing = ids.filter((id) => results.get(id)!.couponNeeds.length > 0);
    for (const id of needing) {
      for (const need of results.get(id)!.couponNeeds) {
        if (await issueCoupon({ db: deps.db, platform, log }, shop, id, need, at)) summary.couponsIssued++;
      }
    }
    if (needing.length) {
      coupons = await listCustomerCoupons(deps.db, shop, ids);
      for (const id of needing) results.set(id, decideFor(id));
    }

    const fields = await segmentFieldsToWrite(platform, shop, ids, predictions, coupons, at);
    const published: PublishedDecision[] = [];
    const assignmentRows: CampaignEventRow[] = [];
    const changed: string[] = [];
    for (const id of ids) {
      const r = results.get(id)!;
      const before = previous.get(id);
      const same = before?.publishedAt && visible(before.decision) === visible(r.decision) && !fields?.changed.has(id);
      if (!same) changed.push(id);
      published.push({
        customerId: id,
        decision: r.decision,
        verdicts: r.verdicts,
        assignments: r.assignments,
        decidedAt: at,
        publishedAt: same ? before!.publishedAt : null,
      });
      for (const a of r.assignments) {
        const known = before?.assignments.some((b) => b.campaign === a.campaign && b.holdout === a.holdout);
        if (!known) {
          assignmentRows.push({
            id: randomUUID(),
            shop_domain: shop,
            customer_id: id,
            campaign_key: a.campaign,
            kind: "assignment",
            holdout: a.holdout ? 1 : 0,
            order_id: null,
            occurred_at: at.toISOString(),
          });
        }
      }
      summary.customers++;
      if (r.decision.banner) summary.banners++;
      if (r.decision.notice) summary.notices++;
      if (r.assignments.some((a) => a.holdout)) summary.holdouts++;
    }
    await savePublishedDecisions(deps.db, shop, published);
    await insertCampaignEvents(deps.db, assignmentRows);
    // Every decision refreshes each assigned customer's arm and latest time: the 14-day attribution window runs from it.
    const arms = ids.flatMap((id) =>
      results.get(id)!.assignments.map((a) => ({ customerId: id, campaign: a.campaign, arm: a.arm ?? "a" })),
    );
    await recordArmAssignments(deps.db, shop, arms, at);
    const unknown = targeted ? new Set<string>() : await unknownCustomers(shop, changed);
    summary.metafieldsSkipped += unknown.size;
    await writeMetafields(
      platform,
      shop,
      changed.filter((id) => !unknown.has(id)),
      results,
      summary,
      token,
      fields,
    );
  }

  /**
   * Each customer's segment fields (JSON) where the platform's segment editor can filter on them (Shopify), and
   * who has fields other than the ones last written: they are rewritten even when the banner is the same.
   */
  async function segmentFieldsToWrite(
    platform: CommercePlatform,
    shop: string,
    ids: string[],
    predictions: Map<string, CustomerPrediction>,
    coupons: StoredCoupon[],
    at: Date,
  ): Promise<SegmentFieldWrites | undefined> {
    if (!platform.capabilities.customerSegmentMetafields) return undefined;
    const written = await listPublishedSegmentFields(deps.db, shop, ids);
    const values = new Map<string, string>();
    const changed = new Set<string>();
    for (const id of ids) {
      const expiries = coupons
        .filter((c) => c.customerId === id && c.status === "active" && c.expiresAt > at)
        .map((c) => c.expiresAt);
      const json = JSON.stringify(segmentFieldValues(predictions.get(id) ?? null, expiries));
      values.set(id, json);
      if (written.get(id) !== json) changed.add(id);
    }
    return { values, changed, previous: written };
  }

  /**
   * Customers the platform said it no longer knows. Resending them on every republish would fail forever, so a
   * whole-shop publish leaves them out; a targeted publish (their order webhook, a storefront visit) tries again.
   */
  async function unknownCustomers(shop: string, ids: string[]): Promise<Set<string>> {
    const errors = await listPublishErrors(deps.db, shop, ids);
    return new Set(errors.filter((e) => e.reason === "unknown_customer").map((e) => e.customerId));
  }

  async function writeMetafields(
    platform: CommercePlatform,
    shop: string,
    ids: string[],
    results: Map<string, DecisionResult>,
    summary: PublishSummary,
    claimToken: string,
    segmentFields?: SegmentFieldWrites,
  ): Promise<void> {
    if (platform.capabilities.storefrontDelivery !== "metafields") {
      // Its storefront asks our server (Cafe24's ScriptTag), which answers from the decision just stored: live now.
      if (ids.length) await markDecisionsPublished(deps.db, shop, ids, now());
      return;
    }
    // The adapter splits into platform-sized calls (Shopify: 25 per metafieldsSet); 100 per call here bounds a failure's blast radius.
    for (const batch of chunks(ids, 100)) {
      const metafields: CustomerMetafield[] = [];
      const clear: CustomerMetafieldRef[] = [];
      for (const id of batch) {
        metafields.push({
          customerId: id,
          namespace: DECISION_METAFIELD.namespace,
          key: DECISION_METAFIELD.key,
          type: DECISION_METAFIELD.type,
          value: JSON.stringify(results.get(id)!.decision),
        });
        // The segment fields ride in the same calls, only those whose value changed since the last write (a
        // rewrite of an unchanged value would show as an edit in the merchant's segment tools); a field that no
        // longer applies is cleared.
        const values = segmentFields?.values.get(id);
        if (values === undefined) continue;
        const parsed = JSON.parse(values) as Record<string, string | null>;
        const before = JSON.parse(segmentFields?.previous.get(id) ?? "{}") as Record<string, string | null>;
        for (const d of SEGMENT_FIELD_DEFINITIONS) {
          const ref = { customerId: id, namespace: SEGMENT_FIELDS_NAMESPACE, key: d.key };
          const value = parsed[d.key];
          if (value === (before[d.key] ?? null)) continue;
          if (value === null) clear.push(ref);
          else metafields.push({ ...ref, type: d.type, value });
        }
      }
      // A slow platform (throttled batches) must not outlast the claim: another publisher would take it and resend.
      await extendClaims(deps.db, shop, claimToken, new Date(Date.now() + CLAIM_LEASE_MS));
      let result: MetafieldWriteResult;
      try {
        result = await platform.setCustomerMetafields(shop, metafields, clear.length ? clear : undefined);
      } catch (err) {
        // The platform took none of it (throttled, down): left unpublished, the next publish retries the batch.
        summary.metafieldFailures += batch.length;
        log(`Writing ${batch.length} decision metafields for ${shop} failed`, err);
        continue;
      }
      // The platform refused some customers themselves: everyone else was written; those are recorded, not retried blindly.
      const refused = new Map(result.rejected.map((r) => [r.customerId, r]));
      const written = batch.filter((id) => !refused.has(id));
      const at = now();
      // What the batch's write changed, in one transaction (one commit, not four a batch).
      await deps.db.transaction().execute(async (trx) => {
        await markDecisionsPublished(trx, shop, written, at);
        if (segmentFields)
          await markSegmentFieldsPublished(
            trx,
            shop,
            written.map((id) => ({ customerId: id, fields: segmentFields.values.get(id)! })),
          );
        await clearPublishErrors(trx, shop, written);
        await recordPublishErrors(trx, shop, [...refused.values()], at);
      });
      summary.metafieldsWritten += written.length;
      summary.metafieldsRejected += refused.size;
      if (refused.size)
        log(
          `The platform refused decision metafields of ${refused.size} customer(s) of ${shop}: ${describeRejections([...refused.values()])}`,
          result.rejected,
        );
    }
  }

  /** A whole-shop publish one page of predictions at a time: memory bounded by the page, not the shop. */
  async function publishPaged(shop: string, page: NonNullable<PredictionLoader["page"]>): Promise<PublishSummary> {
    const summary = emptySummary();
    let after: string | null = null;
    for (;;) {
      const predictions = await page(shop, after, pageSize);
      if (predictions.length === 0) return summary;
      await publishPage(
        shop,
        predictions.map((p) => p.customerId),
        false,
        summary,
      );
      after = predictions[predictions.length - 1].customerId;
    }
  }

  /** One recompute page's range, (afterId, throughId], read pageSize predictions at a time. */
  async function publishRange(shop: string, afterId: string | null, throughId: string): Promise<PublishSummary> {
    const rangeIds = deps.loadPredictions.rangeIds;
    if (!rangeIds) throw new Error("publishRange needs a prediction loader with rangeIds()");
    const summary = emptySummary();
    let after = afterId;
    for (;;) {
      const ids = await rangeIds(shop, after, throughId, pageSize);
      if (ids.length === 0) return summary;
      await publishPage(shop, ids, false, summary);
      after = ids[ids.length - 1];
    }
  }

  async function publish(shop: string, customerIds: string[] | null): Promise<PublishSummary> {
    if (customerIds === null && deps.loadPredictions.page) return publishPaged(shop, deps.loadPredictions.page);
    const summary = emptySummary();
    // Only the ids here: each page reads its predictions under its claim.
    const ids = [...new Set(customerIds ?? (await deps.loadPredictions(shop, null)).map((p) => p.customerId))].sort();
    for (const page of chunks(ids, pageSize)) await publishPage(shop, page, customerIds !== null, summary);
    return summary;
  }

  return {
    /** Every customer with a prediction: call when a campaign changes (a recompute queues publish pages instead). */
    publishShop: (shop: string) => serialized(shop, () => publish(shop, null)),
    /** The customers of one recompute page, (afterId, throughId] in id order: the publish-page job's work. */
    publishRange: (shop: string, afterId: string | null, throughId: string) =>
      serialized(shop, () => publishRange(shop, afterId, throughId)),
    /** Only these customers: call from order webhooks and after a storefront dismissal. */
    publishCustomers: (shop: string, customerIds: string[]) =>
      customerIds.length ? serialized(shop, () => publish(shop, customerIds)) : Promise.resolve(emptySummary()),
  };
}

export type DecisionPublisher = ReturnType<typeof createDecisionPublisher>;
