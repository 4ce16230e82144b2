import 'server-only';
import type { Tx } from '@/lib/db/client';

// Filled in with the disclosure content model.
export async function seedDemoDisclosures(_tx: Tx, _ctx: Record<string, unknown>): Promise<void> {}
