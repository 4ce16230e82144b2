// Administrators enter and read times in Japan time (no daylight saving, so a fixed +09:00 is exact).
const JST_OFFSET_MS = 9 * 3600 * 1000;

/** "2026-04-01T09:00" (Japan time) → the instant. */
export function fromJstLocal(local: string): Date {
  return new Date(`${local}:00+09:00`);
}

/** The instant → "2026-04-01T09:00" in Japan time, for datetime-local inputs. */
export function toJstLocal(d: Date): string {
  return new Date(d.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16);
}
