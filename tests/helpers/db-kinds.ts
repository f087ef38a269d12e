import { PG_URL } from "./test-db.js";

/** Repository tests run on every real database available: SQLite always, PostgreSQL when PG_URL is set. */
export const DB_KINDS: Array<"sqlite" | "postgres"> = PG_URL ? ["sqlite", "postgres"] : ["sqlite"];
