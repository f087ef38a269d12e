import type { Kysely } from "kysely";
import type { CoreTables } from "./tables/core.tables.js";
import type { SyncTables } from "./tables/sync.tables.js";
import type { TimingTables } from "./tables/timing.tables.js";
import type { CampaignTables } from "./tables/campaign.tables.js";
import type { AdminTables } from "./tables/admin.tables.js";
import type { ExperimentTables } from "./tables/experiment.tables.js";
import type { PublishTables } from "./tables/publish.tables.js";
import type { PixelTables } from "./tables/pixel.tables.js";

/** Every table the app owns, one interface per feature so features can grow independently. */
export interface Database
  extends CoreTables,
    SyncTables,
    TimingTables,
    CampaignTables,
    AdminTables,
    ExperimentTables,
    PublishTables,
    PixelTables {}

export type Db = Kysely<Database>;
export type DbKind = "sqlite" | "postgres";
