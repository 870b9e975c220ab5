/** A flat JSON object: what activity, audit and job rows keep as metadata. */
export type FlatJson = Record<string, string | number | boolean | null>;
