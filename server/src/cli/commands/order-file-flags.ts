import { ValidationError } from "../../domain/shared/errors.js";
import type { FlagSpec } from "../args.js";
import type { CliContext } from "../context.js";
import { parseBadRowLimit } from "../orders/bad-rows.js";
import { parseColumnMap } from "../orders/column-map.js";
import { FIELDS, FORMAT_NAMES, type FormatName } from "../orders/formats.js";
import { readOrderFile, type FileOrder, type OrderFileReport } from "../orders/read-orders.js";

/** Flags every command that reads order files shares. */
export const ORDER_FILE_FLAGS: Record<string, FlagSpec> = {
  format: {},
  map: { multiple: true },
  "max-bad": {},
  "utc-offset": {},
};

export const ORDER_FILE_USAGE = `    --format ${FORMAT_NAMES.join("|")}   (default: told from the header)
    --map field=Header[,field=Header…]   columns by name for a layout we do not know; fields:
                ${FIELDS.join(", ")}
    --max-bad 1%|<rows>   unreadable rows skipped and reported before the file is refused (default 1%)
    --utc-offset +09:00   zone of times written without one (default +09:00 for cafe24/naver, else UTC)`;

/** Reads one order file with the shared flags; bad rows that were skipped are reported on stderr. */
export async function readOrdersWithFlags(
  path: string,
  flags: Record<string, unknown>,
  ctx: CliContext,
): Promise<{ orders: FileOrder[]; report: OrderFileReport }> {
  const format = flags.format as string | undefined;
  if (format !== undefined && !FORMAT_NAMES.includes(format as FormatName))
    throw new ValidationError(`--format must be one of ${FORMAT_NAMES.join(", ")}, got "${format}"`);
  const result = await readOrderFile(path, {
    format: format as FormatName | undefined,
    map: parseColumnMap(flags.map as string[] | undefined),
    maxBad: parseBadRowLimit(flags["max-bad"] as string | undefined),
    utcOffset: flags["utc-offset"] as string | undefined,
    now: ctx.now,
    maxInputBytes: ctx.maxInputBytes,
  });
  const { report } = result;
  if (report.badRows > 0) {
    const shown = report.badRowSamples
      .slice(0, 10)
      .map((s) => `  line ${s.line}: ${s.reason}`)
      .join("\n");
    ctx.warn(
      `warning: ${path}: skipped ${report.badRows} unreadable row(s) of ${report.rows} (limit ${report.allowedBadRows}):\n${shown}`,
    );
  }
  return result;
}
