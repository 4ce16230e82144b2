/** Record lists larger than this run in the background; smaller ones stream straight to the browser. */
export const DIRECT_LIMIT = 50_000;
