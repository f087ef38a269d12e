// Multi-row INSERTs compiled once per shape. Kysely parses and compiles every values() list afresh, which cost the
// backfill about a quarter of its CPU for half a million order lines. The SQL of an insert whose rows all have the
// same columns depends only on the statement, the columns and the row count, so it is compiled once per count and
// later chunks are sent with their own parameters.
import type { CompiledQuery, Compilable } from "kysely";
import type { Db } from "../database.js";

/** Shapes kept: two statements × the chunk sizes a backfill sees (full chunks plus each batch's remainder). */
const MAX_SHAPES = 64;
const compiled = new Map<string, CompiledQuery>();

/**
 * Runs `build(rows)` and returns its rows. `rows` must be non-empty and built by one function (same keys, same
 * order). The first statement of a shape is checked: if Kysely's parameters are not the rows' values column by
 * column (a value Kysely rewrites), that shape is never cached and always goes through Kysely.
 */
export async function executeInsert<T extends object, R>(
  db: Db,
  statement: string,
  rows: T[],
  build: (rows: T[]) => Compilable<R>,
): Promise<R[]> {
  const columns = Object.keys(rows[0]) as Array<keyof T>;
  const key = `${db.getExecutor().adapter.constructor.name}\u0000${statement}\u0000${columns.join(",")}\u0000${rows.length}`;
  const parameters = rows.flatMap((row) => columns.map((column) => row[column]));
  const known = compiled.get(key);
  if (known) return (await db.executeQuery<R>({ ...known, parameters })).rows;
  const fresh = build(rows).compile();
  if (sameValues(fresh.parameters, parameters)) {
    if (compiled.size >= MAX_SHAPES) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, fresh);
  }
  return (await db.executeQuery<R>(fresh)).rows;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
