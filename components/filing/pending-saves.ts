'use client';
// The section form on screen registers how to save what is pending, so that navigation elsewhere in the
// disclosure (the step list, "next section") saves first: changing section never loses an entry.
let flusher: (() => Promise<boolean>) | null = null;

export function registerFlush(fn: (() => Promise<boolean>) | null): void {
  flusher = fn;
}

export async function flushPending(): Promise<boolean> {
  return flusher ? flusher() : true;
}
