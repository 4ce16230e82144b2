// A second app process for the two-process screening-cache test: it keeps its own compiled screening
// index (as every app process does) and answers one JSON line per command read from stdin:
//   screen <name>          → the names of the entries the name matches
//   retire <watchlistId> <reference>
import readline from 'node:readline';
import { db } from '@/lib/db/client';
import { screenOrganisation } from '@/lib/watchlists/screen';

const rl = readline.createInterface({ input: process.stdin });
for await (const line of rl) {
  const [cmd, ...rest] = line.split(' ');
  try {
    if (cmd === 'screen') {
      const matches = await screenOrganisation(rest.join(' '));
      console.log(JSON.stringify({ names: matches.map((m) => m.entry.name) }));
    } else if (cmd === 'retire') {
      const [watchlistId, reference] = rest as [string, string];
      await db.watchlistEntry.update({ where: { watchlistId_reference: { watchlistId, reference } }, data: { retiredAt: new Date() } });
      console.log(JSON.stringify({ ok: true }));
    } else if (cmd === 'exit') {
      break;
    }
  } catch (err) {
    console.log(JSON.stringify({ error: String(err) }));
  }
}
await db.$disconnect();
