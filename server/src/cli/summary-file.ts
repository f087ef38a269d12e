import type { SpendSummary } from "../domain/btyd/gamma-gamma";
import { validateSummaries, type RfmSummary } from "../domain/btyd/summary";
import { ValidationError } from "../domain/shared/errors";
import { columnIndex, csvRows, numberAt } from "./csv";
import { readText } from "./read-text";

/** Reads frequency,recency,T (the lifetimes summary layout); x/t_x are accepted as aliases. */
export function readSummaryFile(path: string): RfmSummary[] {
  const rows = csvRows(readText(path));
  const header = rows.next().value as string[] | undefined;
  const cols = columnIndex(aliased(header), ["frequency", "recency", "T"], path);
  const out: RfmSummary[] = [];
  let line = 1;
  for (const r of rows) {
    line++;
    if (r.length === 1 && r[0].trim() === "") continue;
    const x = numberAt(r[cols.get("frequency")!], "frequency", line);
    const tx = numberAt(r[cols.get("recency")!], "recency", line);
    const T = numberAt(r[cols.get("T")!], "T", line);
    if (x < 0 || tx < 0 || T < 0) throw new ValidationError(`Line ${line}: negative value`);
    out.push({ x, tx, T });
  }
  validateSummaries(out);
  return out;
}

/** Reads the repeat buyers (x > 0) with their mean repeat value: columns frequency/x and monetary_value/zbar. */
export function readSpendFile(path: string): SpendSummary[] {
  const rows = csvRows(readText(path));
  const header = rows.next().value as string[] | undefined;
  const cols = columnIndex(aliased(header), ["frequency", "monetary_value"], path);
  const out: SpendSummary[] = [];
  let line = 1;
  for (const r of rows) {
    line++;
    if (r.length === 1 && r[0].trim() === "") continue;
    const x = numberAt(r[cols.get("frequency")!], "frequency", line);
    const zbar = numberAt(r[cols.get("monetary_value")!], "monetary_value", line);
    if (zbar < 0) throw new ValidationError(`Line ${line}: negative amount ${zbar}`);
    if (x > 0) out.push({ x, zbar });
  }
  return out;
}

const ALIASES: Record<string, string> = { x: "frequency", t_x: "recency", "t.x": "recency", "T.cal": "T", zbar: "monetary_value", "m.x": "monetary_value" };

function aliased(header: string[] | undefined): string[] | undefined {
  return header?.map((h) => ALIASES[h.trim()] ?? h.trim());
}
