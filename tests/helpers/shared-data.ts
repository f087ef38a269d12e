import path from "node:path";

/** The team's shared data folder: `shared/` sits beside the repository (locally and in CI). */
export const SHARED_DATA = path.resolve(import.meta.dirname, "../../../shared/data");

export const sharedData = (...parts: string[]) => path.join(SHARED_DATA, ...parts);
