// `npm run audit:retire -- YYYY-MM --by <who>`: retires one month of audit events older than the
// retention period (lib/audit/retention.ts): verifies the whole trail, records the month as retired and
// detaches its partition, which is left for you to archive (pg_dump -t) and drop.
import { retireAuditMonth } from '@/lib/audit/retention';
import { db } from '@/lib/db/client';

const [month] = process.argv.slice(2);
const by = process.argv[process.argv.indexOf('--by') + 1];
if (!month || !process.argv.includes('--by') || !by) {
  console.error('usage: npm run audit:retire -- YYYY-MM --by <your email>');
  process.exit(2);
}
try {
  const { partition, events } = await retireAuditMonth(month, by);
  console.log(`Retired ${month}: ${events} event(s). "${partition}" is detached: archive it (pg_dump -t '"${partition}"') and drop it.`);
} catch (err) {
  console.error(String((err as Error).message));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
