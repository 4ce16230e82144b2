// `npm run db:seed`: loads the demo data into the database at DATABASE_URL, on request only.
import { migrate } from '@/lib/db/migrator';
import { db } from '@/lib/db/client';
import { demoSeeded, seedDemo } from '@/lib/seed/demo';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the database to load demo data into.');
  process.exit(2);
}
try {
  await migrate(url);
  if (await demoSeeded()) {
    console.log('Demo data is already loaded; nothing to do.');
  } else {
    await seedDemo();
    console.log('Demo data loaded. Demo accounts use the password kaiji-demo-2026.');
  }
} finally {
  await db.$disconnect();
}
