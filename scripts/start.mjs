#!/usr/bin/env node
// `npm start`: everything a newcomer needs, in one command. Installs what is missing, starts an
// embedded PostgreSQL when DATABASE_URL is unset (data kept in .kaiji/), applies migrations, loads the
// demo data on the first run only, builds when the sources changed, and serves the built app
// (`next start`) with the job workers beside it. Ctrl-C stops them in order (scripts/lib/serve.mjs).
import { serve } from './lib/serve.mjs';

await serve({ dev: false });
