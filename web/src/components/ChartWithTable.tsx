import type { CSSProperties, ReactNode } from "react";

export interface ChartSeries {
  name: string;
  color?: string;
  data: Array<{ key: string; value: number }>;
}

// Polaris' visually-hidden pattern: in the accessibility tree, not on screen.
const visuallyHidden: CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
};

/**
 * A polaris-viz chart for the eye, with its numbers as a table for screen readers. The chart's SVG nests role=list
 * groups directly in a role=list, and its legend is a role=list of buttons, both of which ARIA forbids (Lighthouse's
 * aria-required-children), so the chart is hidden from assistive technology and the table says the same thing.
 * A legend, when asked for, is drawn here (polaris-viz's legend buttons would be focusable inside the hidden part).
 */
export function ChartWithTable(props: {
  caption: string;
  series: ChartSeries[];
  format(value: number): string;
  legend?: boolean;
  children: ReactNode;
}) {
  const { caption, series, format } = props;
  const keys = series[0]?.data.map((d) => d.key) ?? [];
  return (
    <>
      <div aria-hidden="true">
        {props.children}
        {props.legend && <ChartLegend series={series} />}
      </div>
      <table style={visuallyHidden}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((key, i) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              {series.map((s) => (
                <td key={s.name}>{format(s.data[i]?.value ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ChartLegend({ series }: { series: ChartSeries[] }) {
  return (
    <div style={{ display: "flex", flexWrap: "wrap", justifyContent: "center", gap: "4px 16px", marginTop: 12 }}>
      {series.map((s) => (
        <span key={s.name} style={{ display: "inline-flex", alignItems: "center", gap: 6, fontSize: 12 }}>
          <span style={{ width: 8, height: 8, borderRadius: "50%", background: s.color }} />
          <span style={{ color: "rgb(97,97,97)" }}>{s.name}</span>
        </span>
      ))}
    </div>
  );
}
