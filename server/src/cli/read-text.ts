import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { ValidationError } from "../domain/shared/errors";

/** Whole file as UTF-8 text, gunzipped when the name ends in .gz. Unreadable input is bad input (exit 2), not a crash. */
export function readText(path: string): string {
  if (!existsSync(path)) throw new ValidationError(`File not found: ${path}`);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    throw new ValidationError(`Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (!path.endsWith(".gz")) return buf.toString("utf8");
  try {
    return gunzipSync(buf).toString("utf8");
  } catch {
    throw new ValidationError(`${path} is not a valid gzip file`);
  }
}
