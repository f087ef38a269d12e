// Records the SHA-256 of every migration in server/src/db/migrations.lock.json. Run it once when adding a
// migration; tests/db/migrations-lock.test.ts then fails if a written migration is ever edited.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";

const dir = new URL("../server/src/db/migrations/", import.meta.url);
const lockFile = new URL("../server/src/db/migrations.lock.json", import.meta.url);
const lock = existsSync(lockFile) ? JSON.parse(readFileSync(lockFile, "utf8")) : {};
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .sort()) {
  const hash = createHash("sha256")
    .update(readFileSync(new URL(file, dir)))
    .digest("hex");
  if (lock[file] && lock[file] !== hash) {
    console.error(`${file} changed after it was locked: write a new migration instead`);
    process.exit(1);
  }
  lock[file] = hash;
}
writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`locked ${Object.keys(lock).length} migrations`);
