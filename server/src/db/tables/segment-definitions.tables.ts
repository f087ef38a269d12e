// Owned by the segment definitions ensurer (migration 2026_12_03_0400_segment_definitions). ISO text dates.

/** A shop whose segment field definitions are known to exist: which set (keys and types), and since when. */
export interface SegmentDefinitionsEnsuredTable {
  shop_domain: string;
  definitions: string;
  ensured_at: string;
}

export interface SegmentDefinitionsTables {
  segment_definitions_ensured: SegmentDefinitionsEnsuredTable;
}
