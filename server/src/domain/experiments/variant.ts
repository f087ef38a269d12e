import type { CampaignContent } from "../campaigns/campaign.js";
import { BASE_VARIANT, type VariantWeight } from "./arms.js";

/** Extra variant ids, in the order the editor adds them ("a" is the campaign's own content). */
export const VARIANT_IDS = ["b", "c", "d", "e"] as const;

/** One content variant: the campaign's text fields plus an optional image (an https URL). */
export interface ContentVariant {
  id: string;
  content: CampaignContent;
  imageUrl: string | null;
  weight: number;
}

/** A campaign's variants beyond "a" and the winner, once the merchant has picked one. */
export interface ExperimentState {
  variants: ContentVariant[];
  winner: string | null;
  /** ISO time the test ended (winner chosen). */
  endedAt: string | null;
}

export const noExperiment = (): ExperimentState => ({ variants: [], winner: null, endedAt: null });

/** The weights assignArm splits by: "a" (weight 1) and every extra variant. */
export function variantWeights(state: ExperimentState | undefined): VariantWeight[] {
  return [{ id: BASE_VARIANT, weight: 1 }, ...(state?.variants ?? []).map((v) => ({ id: v.id, weight: v.weight }))];
}

/** Every arm of the campaign, holdout first: the rows of the results table. */
export function armIds(state: ExperimentState | undefined, holdout: string): string[] {
  return [holdout, BASE_VARIANT, ...(state?.variants ?? []).map((v) => v.id)];
}
