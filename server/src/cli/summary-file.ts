import type { SpendSummary } from "../domain/btyd/gamma-gamma.js";
import { validateSummaries, type RfmSummary } from "../domain/btyd/summary.js";
import { ValidationError } from "../domain/shared/errors.js";
import { columnIndex, csvRecords, isBlank, numberAt } from "./csv.js";
import { readTextChunks, type InputOptions } from "./input-file.js";

/** Reads frequency,recency,T (the lifetimes summary layout); x/t_x are accepted as aliases. */
export async function readSummaryFile(path: string, options: InputOptions = {}): Promise<RfmSummary[]> {
  const out: RfmSummary[] = [];
  for await (const { r, line, cols } of rowsWith(path, ["frequency", "recency", "T"], options)) {
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
export async function readSpendFile(path: string, options: InputOptions = {}): Promise<SpendSummary[]> {
  const out: SpendSummary[] = [];
  for await (const { r, line, cols } of rowsWith(path, ["frequency", "monetary_value"], options)) {
    const x = numberAt(r[cols.get("frequency")!], "frequency", line);
    const zbar = numberAt(r[cols.get("monetary_value")!], "monetary_value", line);
    if (zbar < 0) throw new ValidationError(`Line ${line}: negative amount ${zbar}`);
    if (x > 0) out.push({ x, zbar });
  }
  return out;
}

/** The data rows of a summary file with the positions of the required columns. */
async function* rowsWith(path: string, required: string[], options: InputOptions) {
  const records = csvRecords(readTextChunks(path, options), path);
  try {
    const first = await records.next();
    const cols = columnIndex(first.done ? undefined : aliased(first.value.fields), required, path);
    for await (const rec of records) if (!isBlank(rec.fields)) yield { r: rec.fields, line: rec.line, cols };
  } finally {
    await records.return(undefined); // closes the file when a bad header or row stops us early
  }
}

const ALIASES: Record<string, string> = {
  x: "frequency",
  t_x: "recency",
  "t.x": "recency",
  "T.cal": "T",
  zbar: "monetary_value",
  "m.x": "monetary_value",
};

function aliased(header: string[]): string[] {
  return header.map((h) => ALIASES[h.trim()] ?? h.trim());
}
