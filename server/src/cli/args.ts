import { parseArgs } from "node:util";
import { ValidationError } from "../domain/shared/errors.js";

export interface FlagSpec {
  multiple?: boolean;
  /** A switch such as --dry-run (takes no value). */
  boolean?: boolean;
}

/** Flags for one command; unknown flags and missing required ones are usage errors (exit 2). */
export function parseFlags(argv: string[], spec: Record<string, FlagSpec>, required: string[]) {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    const options = Object.fromEntries(
      Object.entries(spec).map(([k, v]) => [
        k,
        { type: v.boolean ? ("boolean" as const) : ("string" as const), multiple: v.multiple ?? false },
      ]),
    );
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as typeof values;
  } catch (e) {
    throw new ValidationError((e as Error).message);
  }
  const missing = required.filter((k) => values[k] === undefined);
  if (missing.length) throw new ValidationError(`Missing ${missing.map((m) => `--${m}`).join(", ")}`);
  return values;
}

export function parseDateFlag(raw: string, name: string): Date {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(d.getTime())) throw new ValidationError(`--${name} must be a date (YYYY-MM-DD), got "${raw}"`);
  return d;
}

export function parsePositiveInt(raw: string, name: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new ValidationError(`--${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** True when the user asked for help anywhere on the command line. */
export function wantsHelp(argv: string[]): boolean {
  return argv.some((a) => a === "--help" || a === "-h");
}
