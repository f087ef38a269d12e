// Who is running which pg-boss job, so a killed instance's jobs run again within seconds. pg-boss 10 has no
// heartbeat: an active job whose process died stays active until its expiry (hours, since a big shop's recompute
// is long). Each instance beats every few seconds (the database's clock); one that has been silent for
// staleAfterSeconds is dead, and any instance puts its leased jobs back to waiting, with no attempt spent (a
// SIGKILL is not the job's failure). The tables live in pg-boss's schema, next to its own.
import { hostname } from "node:os";
import { errorMessage } from "./job-queue.js";

type Sql = (text: string, values: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;

export interface LeaseOptions {
  schema: string;
  sql: Sql;
  instance: string;
  staleAfterSeconds?: number;
  log: (message: string) => void;
}

export interface Leases {
  take(name: string, ids: string[]): Promise<void>;
  /** Records the job's end (complete or fail), then drops its lease. */
  settle(name: string, id: string, end: () => Promise<unknown>): Promise<void>;
  /** Unstarted or interrupted jobs: waiting again now, attempt not counted. */
  handBack(name: string, ids: string[]): Promise<void>;
  /** Reaps dead instances now (also done on every beat); returns how many jobs went back. */
  reap(): Promise<number>;
  stop(): Promise<void>;
}

export async function createLeases(options: LeaseOptions): Promise<Leases> {
  const { schema, sql, instance, log } = options;
  const stale = options.staleAfterSeconds ?? 15;
  // `resumed` in the data tells the next run that an earlier one was cut off (it may take over what that one held).
  const requeue = `UPDATE ${schema}.job SET state = 'retry', started_on = NULL, start_after = now(),
    data = data || '{"resumed": true}'::jsonb`;
  for (let attempt = 1; ; attempt++) {
    try {
      await sql(
        `CREATE TABLE IF NOT EXISTS ${schema}.dangol_instance (id uuid PRIMARY KEY, beat_at timestamptz NOT NULL);
         ALTER TABLE ${schema}.dangol_instance ADD COLUMN IF NOT EXISTS process text;
         CREATE TABLE IF NOT EXISTS ${schema}.dangol_lease (job_id uuid PRIMARY KEY, name text NOT NULL, instance uuid NOT NULL)`,
        [],
      );
      break;
    } catch (err) {
      // Instances starting together race on CREATE TABLE's catalog rows; the loser finds the table next time.
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  const beat = () =>
    sql(
      `INSERT INTO ${schema}.dangol_instance (id, beat_at, process) VALUES ($1, now(), $2)
       ON CONFLICT (id) DO UPDATE SET beat_at = now()`,
      [instance, `${hostname()}:${process.pid}`], // which process holds a job, for operators (and tests)
    );
  await beat();

  async function reap(): Promise<number> {
    const { rows } = await sql(
      `WITH dead AS (
         DELETE FROM ${schema}.dangol_instance WHERE beat_at < now() - $1 * interval '1 second' RETURNING id
       ), gone AS (
         DELETE FROM ${schema}.dangol_lease l USING dead WHERE l.instance = dead.id RETURNING l.job_id, l.name
       ), back AS (
         ${requeue} FROM gone WHERE job.name = gone.name AND job.id = gone.job_id AND job.state = 'active' RETURNING 1
       ) SELECT count(*)::int AS n FROM back`,
      [stale],
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n) log(`job queue: ${n} job(s) of a dead instance are waiting again`);
    return n;
  }

  const timer = setInterval(
    () => {
      beat()
        .then(reap)
        .catch((err: unknown) => log(`job queue heartbeat: ${errorMessage(err)}`));
    },
    Math.max(250, (stale * 1000) / 4),
  );
  timer.unref();

  const drop = (ids: string[]) => sql(`DELETE FROM ${schema}.dangol_lease WHERE job_id = ANY($1::uuid[])`, [ids]);
  return {
    async take(name, ids) {
      await sql(
        `INSERT INTO ${schema}.dangol_lease (job_id, name, instance) SELECT unnest($1::uuid[]), $2, $3
         ON CONFLICT (job_id) DO UPDATE SET name = excluded.name, instance = excluded.instance`,
        [ids, name, instance],
      );
    },
    async settle(_name, id, end) {
      await end();
      await drop([id]);
    },
    async handBack(name, ids) {
      if (!ids.length) return;
      await sql(`${requeue} WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`, [name, ids]);
      await drop(ids);
    },
    reap,
    async stop() {
      clearInterval(timer);
      await sql(`DELETE FROM ${schema}.dangol_lease WHERE instance = $1`, [instance]).catch(() => undefined);
      await sql(`DELETE FROM ${schema}.dangol_instance WHERE id = $1`, [instance]).catch(() => undefined);
    },
  };
}
