// Minimal RFC-4180 line splitter: quoted fields, doubled quotes, commas inside quotes (enough for the retail CSV).
export function splitCsvLine(line: string): string[] {
  // Most rows quote nothing: a plain split gives the same fields at a fraction of the per-character loop's cost.
  if (!line.includes('"')) return line.split(",");
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
