import { describe, expect, it } from "vitest";
import { csvRecords, type CsvRecord } from "../../../server/src/cli/csv.js";

async function parse(chunks: string[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const r of csvRecords(source(), "test.csv")) out.push(r);
  return out;
}

const TEXT = 'a,b,c\r\n1,"x, ""quoted""",3\n2,"two\nlines",\n\n3,,"end"\r4,"",last';

describe("csvRecords", () => {
  it("reads quoted commas, doubled quotes, CRLF/LF/CR and empty fields, with each record's starting line", async () => {
    expect(await parse([TEXT])).toEqual([
      { fields: ["a", "b", "c"], line: 1 },
      { fields: ["1", 'x, "quoted"', "3"], line: 2 },
      { fields: ["2", "two\nlines", ""], line: 3 },
      { fields: [""], line: 5 },
      { fields: ["3", "", "end"], line: 6 },
      { fields: ["4", "", "last"], line: 7 },
    ]);
  });

  it("gives the same records whatever the chunk boundaries", async () => {
    const whole = await parse([TEXT]);
    for (let size = 1; size <= 7; size++) {
      const chunks = [];
      for (let i = 0; i < TEXT.length; i += size) chunks.push(TEXT.slice(i, i + size));
      expect(await parse(chunks)).toEqual(whole);
    }
    for (let cut = 1; cut < TEXT.length; cut++)
      expect(await parse([TEXT.slice(0, cut), TEXT.slice(cut)])).toEqual(whole);
  });

  it("refuses an unclosed quote with its line", async () => {
    await expect(parse(['a,b\n1,"never closed\n2,3\n'])).rejects.toThrow(/Line 2: a quoted field is never closed/);
  });
});
