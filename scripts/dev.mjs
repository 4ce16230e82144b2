#!/usr/bin/env node
// `npm run dev`: the same start as `npm start` — install, embedded PostgreSQL, migrations, demo data on
// the first run — but serves with `next dev` (hot reload, no production build) for working on Kaiji.
// Ctrl-C stops the web server, the job workers and PostgreSQL in order (scripts/lib/serve.mjs).
import { serve } from './lib/serve.mjs';

await serve({ dev: true });
