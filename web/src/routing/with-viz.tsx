// polaris-viz (charts, d3, react-spring) and its styles load only with the pages that draw charts.
import "@shopify/polaris-viz/build/esm/styles.css";
import { PolarisVizProvider } from "@shopify/polaris-viz";
import type { ComponentType } from "react";

export function withViz<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return function WithViz(props: P) {
    return (
      <PolarisVizProvider>
        <Page {...props} />
      </PolarisVizProvider>
    );
  };
}
