// The experiment's per-arm figures as a plain table that scrolls inside its card when narrow. Not Polaris'
// DataTable: its scroll buttons are labelled with a raw "left"/"right" inside the Korean sentence.
const scroller = { overflowX: "auto" as const };
const table = { borderCollapse: "collapse" as const, width: "100%", fontSize: "13px" };
const head = { textAlign: "right" as const, padding: "6px 8px", fontWeight: 600, whiteSpace: "nowrap" as const };
const cell = { textAlign: "right" as const, padding: "6px 8px", whiteSpace: "nowrap" as const };
const first = { ...cell, textAlign: "left" as const };
const line = { borderTop: "1px solid var(--p-color-border-secondary)" };

export function ArmTable(props: { headings: string[]; rows: string[][] }) {
  const [label, ...figures] = props.headings;
  return (
    <div style={scroller}>
      <table style={table}>
        <thead>
          <tr>
            <th scope="col" style={{ ...head, textAlign: "left" }}>
              {label}
            </th>
            {figures.map((h) => (
              <th key={h} scope="col" style={head}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map(([arm, ...values]) => (
            <tr key={arm} style={line}>
              <th scope="row" style={first}>
                {arm}
              </th>
              {values.map((v, i) => (
                <td key={props.headings[i + 1]} style={cell}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
