import { ValidationError } from "../../domain/shared/errors.js";

/** How many unreadable rows a run tolerates: a share of the data rows (rounded up) or a fixed count. */
export type BadRowLimit = { percent: number } | { count: number };

export const DEFAULT_BAD_ROW_LIMIT: BadRowLimit = { percent: 1 };

/** --max-bad 1% | 0.5% | 25 */
export function parseBadRowLimit(raw: string | undefined): BadRowLimit {
  if (raw === undefined) return DEFAULT_BAD_ROW_LIMIT;
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(raw.trim());
  if (!m || (m[2] && Number(m[1]) > 100) || (!m[2] && !Number.isInteger(Number(m[1]))))
    throw new ValidationError(`--max-bad must be a percentage (1%) or a whole number of rows (25), got "${raw}"`);
  return m[2] ? { percent: Number(m[1]) } : { count: Number(m[1]) };
}

const SAMPLES = 20;

/** Counts unreadable rows and keeps the first few (line, reason) to show; memory stays flat however many. */
export class BadRows {
  count = 0;
  readonly samples: Array<{ line: number; reason: string }> = [];

  add(line: number, reason: string): void {
    this.count++;
    if (this.samples.length < SAMPLES) this.samples.push({ line, reason });
  }

  allowed(limit: BadRowLimit, rows: number): number {
    return "count" in limit ? limit.count : Math.ceil((rows * limit.percent) / 100);
  }

  refusal(file: string, rows: number, allowed: number): ValidationError {
    const list = this.samples
      .slice(0, 10)
      .map((s) => `  line ${s.line}: ${s.reason}`)
      .join("\n");
    const more = this.count > 10 ? `\n  … and ${this.count - 10} more` : "";
    return new ValidationError(
      `${file}: ${this.count} of ${rows} rows cannot be read (limit ${allowed}; raise it with --max-bad):\n${list}${more}`,
    );
  }
}
