import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// A/B/n content variants of a campaign (issue 14). Variant "a" is the campaign's own content (campaigns.content);
// rows here are the extra variants "b", "c", … with their own title, message, button and image. The experiment
// row records the winner once the merchant picks one (all treated customers then get it; the holdout stays).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("campaign_variants")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("campaign_key", "text", (c) => c.notNull())
    .addColumn("variant_id", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("image_url", "text")
    .addColumn("weight", "double precision", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("campaign_variants_pk", ["shop_domain", "campaign_key", "variant_id"])
    .execute();
  await db.schema
    .createTable("campaign_experiments")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("campaign_key", "text", (c) => c.notNull())
    .addColumn("winner_variant", "text")
    .addColumn("ended_at", "text")
    .addPrimaryKeyConstraint("campaign_experiments_pk", ["shop_domain", "campaign_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("campaign_experiments").execute();
  await db.schema.dropTable("campaign_variants").execute();
}
