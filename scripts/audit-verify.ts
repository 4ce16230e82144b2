// `npm run audit:verify`: seals what is pending, then re-verifies the whole audit trail from the first seal
// (every event hash, every per-month fold, every seal link), printing progress, and records the result as
// a full checkpoint. Exit 1 on the first break. `-- --head '#<seq> <hash>'` also checks that a head
// printed in an export footer is a seal of this chain.
import { verifyAndCheckpoint } from '@/lib/audit/checkpoint';
import { db } from '@/lib/db/client';

const arg = process.argv.indexOf('--head');
const head = arg > 0 ? process.argv[arg + 1]?.match(/^#?(\d+)\s+([0-9a-f]{64})$/) : undefined;
if (arg > 0 && !head) {
  console.error(`--head takes the footer's "#<seq> <hash>"`);
  process.exit(2);
}
const started = Date.now();
try {
  const report = await verifyAndCheckpoint({
    full: true,
    onProgress: ({ seals, events }) => {
      const s = (Date.now() - started) / 1000;
      process.stdout.write(`\r${seals} seal(s), ${events} event(s) verified, ${Math.round(events / Math.max(s, 0.001))} events/s   `);
    },
  });
  process.stdout.write('\n');
  if (report.ok) {
    console.log(`Audit chain verified: ${report.checked} event(s) in ${report.seals} seal(s), head #${report.headSeq} ${report.headHash}`);
  } else {
    const b = report.brokenAt!;
    console.error(`Audit trail BROKEN at event #${b.id}${b.seal ? ` (seal #${b.seal})` : ''}${b.month ? ` (month ${b.month})` : ''}: ${b.reason}; ${report.checked} event(s) before it verified.`);
    process.exitCode = 1;
  }
  if (head) {
    const seal = await db.auditSeal.findUnique({ where: { seq: BigInt(head[1]!) } });
    if (seal?.hash === head[2] && report.ok) console.log(`Head #${head[1]} is seal #${head[1]} of this verified chain.`);
    else {
      console.error(`Head #${head[1]} ${head[2]} is NOT a seal of this verified chain.`);
      process.exitCode = 1;
    }
  }
} finally {
  await db.$disconnect();
}
