import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { ValidationError } from "../domain/shared/errors";

/** Whole file as UTF-8 text, gunzipped when the name ends in .gz. */
export function readText(path: string): string {
  if (!existsSync(path)) throw new ValidationError(`File not found: ${path}`);
  const buf = readFileSync(path);
  return (path.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8");
}
