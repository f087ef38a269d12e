// Running a bulk operation against the simulator as the app does: start it, poll until it leaves CREATED/RUNNING,
// then read its JSONL file.
import { expect } from "vitest";
import type { SimulatorHandle } from "../../server/src/simulator/index.js";
import { gql } from "./sim-helpers.js";

export const RUN_BULK = `mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { field message } } }`;
const POLL = `query($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url } }`;

/** The operation as it ended (COMPLETED, FAILED…); the query must be accepted (no userErrors). */
export async function runBulkToEnd(sim: SimulatorHandle, token: string, query: string) {
  const started = await gql(sim, token, RUN_BULK, { q: query });
  expect(started.body.data.bulkOperationRunQuery.userErrors).toEqual([]);
  const id = started.body.data.bulkOperationRunQuery.bulkOperation.id as string;
  for (let i = 0; i < 200; i++) {
    const op = (await gql(sim, token, POLL, { id })).body.data.bulkOperation;
    if (!["CREATED", "RUNNING"].includes(op.status)) return op;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("bulk operation never finished");
}

/** The file's lines, one JSON object each. */
export async function bulkLines(url: string): Promise<Array<Record<string, unknown>>> {
  const text = await (await fetch(url)).text();
  return text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
