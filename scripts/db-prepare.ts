// Applies pending migrations, then loads the demo data when asked (--demo) and not loaded before.
// Prints one JSON line describing what it did, for the scripts that call it.
import { migrate } from '@/lib/db/migrator';
import { demoSeeded, seedDemo } from '@/lib/seed/demo';
import { db } from '@/lib/db/client';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set');
  process.exit(2);
}
const wantDemo = process.argv.includes('--demo');
try {
  const applied = await migrate(url, { log: (l) => console.error(`  ${l}`) });
  let seeded = false;
  if (wantDemo && !(await demoSeeded())) {
    await seedDemo();
    seeded = true;
  }
  console.log(JSON.stringify({ applied, seeded, demo: await demoSeeded() }));
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
