// `npm run audit:verify`: walks the audit hash chain and reports the first broken link (exit 1).
import { verifyAuditChain } from '@/lib/audit/verify';
import { db } from '@/lib/db/client';

try {
  const report = await verifyAuditChain();
  if (report.ok) {
    console.log(`Audit chain verified: ${report.checked} event(s), head ${report.headHash}`);
  } else {
    console.error(
      `Audit chain BROKEN at event #${report.brokenAt!.id} (${report.brokenAt!.reason}); ${report.checked} event(s) before it verified.`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
