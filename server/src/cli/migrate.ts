// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, as the server reads it)
// without starting the server. Start-up migrates too; this is for deploys that migrate first.
import { ConfigError, loadConfig } from "../config.js";
import { createDb } from "../db/create-db.js";
import { migrateToLatest } from "../db/migrate.js";

export async function runMigrate(out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    err(`error: ${e.message}`);
    return 2;
  }
  const where = config.database.kind === "sqlite" ? config.database.filename : "PostgreSQL (DATABASE_URL)";
  const { db } = createDb(config.database);
  try {
    const applied = await migrateToLatest(db);
    out(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
        : `${where} is up to date`,
    );
    return 0;
  } catch (e) {
    err(`error: migrating ${where} failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) {
  process.exitCode = await runMigrate(
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
}
