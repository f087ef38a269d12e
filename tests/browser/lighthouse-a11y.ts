// Lighthouse's accessibility category on a Playwright page: Lighthouse's own gatherer (axe-core with Lighthouse's
// rule set, run in the page) and its own audits and weights, without the rest of a Lighthouse run (config,
// benchmark, trace), which takes ~7 s a page here against ~1 s for this.
import type { Page } from "playwright-core";
import defaultConfig from "lighthouse/core/config/default-config.js";
import { ExecutionContext } from "lighthouse/core/gather/driver/execution-context.js";
import Accessibility from "lighthouse/core/gather/gatherers/accessibility.js";

interface AxeNode {
  node: { snippet: string; selector: string };
  failureSummary?: string;
}
interface AuditResult {
  score: number | null;
  details?: { items?: Array<{ node: AxeNode["node"] & { explanation?: string } }> };
}
interface AuditClass {
  audit(artifacts: unknown): AuditResult;
}

export interface A11yReport {
  /** Lighthouse's accessibility score, 0-100. */
  score: number;
  /** Each failing audit: its id and the first failing elements with axe's explanation. */
  failures: string[];
}

const refs = (defaultConfig.categories?.accessibility?.auditRefs ?? []).filter((ref) => (ref.weight ?? 0) > 0);
const audits = Promise.all(
  refs.map(async (ref) => ({
    id: ref.id,
    weight: ref.weight ?? 0,
    audit: (await import(`lighthouse/core/audits/accessibility/${ref.id}.js`)).default as AuditClass,
  })),
);

/** The page as it is now (snapshot mode), scored as Lighthouse scores its accessibility category. */
export async function lighthouseA11y(page: Page): Promise<A11yReport> {
  // Lighthouse's driver evaluates (deps, then mainFn) in the page; the same expression through Playwright.
  const driver = {
    executionContext: {
      evaluate: (mainFn: () => unknown, options: { args: unknown[]; deps?: Array<string | (() => unknown)> }) =>
        page.evaluate(
          `(() => { ${ExecutionContext.serializeDeps(options.deps)}
            return (${mainFn})(${ExecutionContext.serializeArguments(options.args)}); })()`,
        ),
    },
  };
  const artifact = await new Accessibility().getArtifact({ driver } as never);
  let earned = 0;
  let possible = 0;
  const failures: string[] = [];
  for (const { id, weight, audit } of await audits) {
    const result = audit.audit({ Accessibility: artifact });
    if (result.score === null) continue; // not applicable: left out of the score, as Lighthouse does
    earned += result.score * weight;
    possible += weight;
    if (result.score < 1) {
      const items = (result.details?.items ?? []).slice(0, 3);
      failures.push(`${id}: ${items.map((i) => `${i.node.snippet.slice(0, 160)} (${i.node.explanation})`).join("; ")}`);
    }
  }
  return { score: Math.round((earned / possible) * 100), failures };
}
