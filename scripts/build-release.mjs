#!/usr/bin/env node
// `npm run build:release [-- --out <folder>]`: the one production artefact, a self-contained folder
// (default `release/`) that runs with nothing but Node.js:
//   server.js, .next-release/, node_modules/   Next.js's standalone output (only the traced dependencies)
//   .next-release/static/, public/               static files, fonts included
//   messages/, prisma/migrations/,              catalogs, migrations and the roster sample, read at
//   lib/admin/samples/                          run time
//   scripts/*.mjs                               start (migrate, then serve) and the maintenance commands,
//                                               bundled to plain JavaScript: no tsx, no tsconfig paths
//   package.json                                `npm start` / `npm run <command>` inside the folder
// The Dockerfile copies this folder and nothing else; test/release.test.ts starts it as the image does.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBuilt, ensureInstalled, ensurePrismaClient, root } from './lib/install.mjs';

export const RELEASE_DIST_DIR = '.next-release';

// Commands compiled into the release: source → scripts/<name>.mjs.
export const RELEASE_COMMANDS = {
  start: 'scripts/release-start.ts',
  'db-migrate': 'scripts/db-migrate.ts',
  'admin-create': 'scripts/admin-create.ts',
  'audit-verify': 'scripts/audit-verify.ts',
  'audit-retire': 'scripts/audit-retire.ts',
};

/** Builds the release into `out` (emptied first). Returns how long each part took, in ms. */
export async function buildRelease(out, { quiet = false } = {}) {
  const log = (m) => quiet || console.log(m);
  const times = {};
  let t = Date.now();
  if (fs.existsSync(path.join(root, 'node_modules'))) await ensurePrismaClient({ quiet });
  else await ensureInstalled({ quiet });
  await ensureBuilt({ quiet, distDir: RELEASE_DIST_DIR, standalone: true });
  times.next = Date.now() - t;

  const dist = path.join(root, RELEASE_DIST_DIR);
  const standalone = path.join(dist, 'standalone');
  if (!fs.existsSync(path.join(standalone, 'server.js'))) throw new Error(`${standalone}/server.js is missing: was the build standalone?`);
  t = Date.now();
  log(`• Assembling the release in ${out}`);
  if (root.startsWith(out + path.sep) || root === out) throw new Error(`${out} holds the sources; choose another folder for the release`);
  if (fs.existsSync(out) && fs.readdirSync(out).length && !fs.existsSync(path.join(out, 'server.js')))
    throw new Error(`${out} is not empty and is not a release: choose an empty or new folder`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const copy = (from, to) => fs.cpSync(from, path.join(out, to), { recursive: true, dereference: true });
  for (const name of fs.readdirSync(standalone)) if (name !== 'package.json') copy(path.join(standalone, name), name);
  copy(path.join(dist, 'static'), `${RELEASE_DIST_DIR}/static`);
  copy(path.join(root, 'public'), 'public');
  copy(path.join(root, 'messages'), 'messages');
  // Served as a download by /admin/roster/sample.
  copy(path.join(root, 'lib/admin/samples'), 'lib/admin/samples');
  fs.rmSync(path.join(out, 'prisma'), { recursive: true, force: true });
  copy(path.join(root, 'prisma/migrations'), 'prisma/migrations');
  // PDF exports read the Japanese font files at run time (lib/reports/export/pdf/fonts.ts).
  copy(path.join(root, 'node_modules/@fontsource-variable/noto-sans-jp'), 'node_modules/@fontsource-variable/noto-sans-jp');

  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(RELEASE_COMMANDS).map(([name, src]) => [name, path.join(root, src)])),
    outdir: path.join(out, 'scripts'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    tsconfig: path.join(root, 'tsconfig.json'),
    // Native code stays a package (the standalone node_modules has it); optional drivers stay absent.
    external: ['@node-rs/argon2', 'pg-native'],
    plugins: [serverOnlyIsInert],
    banner: {
      js: [
        "import { createRequire as __kaijiRequire } from 'node:module';",
        "import { fileURLToPath as __kaijiPath } from 'node:url';",
        'const require = __kaijiRequire(import.meta.url);',
        // The migrator finds prisma/migrations from here, wherever the command is started.
        "process.env.KAIJI_ROOT ??= __kaijiPath(new URL('..', import.meta.url));",
      ].join('\n'),
    },
    logLevel: 'warning',
  });
  times.commands = Date.now() - t;

  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const scripts = { start: 'node scripts/start.mjs', 'db:migrate': 'node scripts/db-migrate.mjs', 'admin:create': 'node scripts/admin-create.mjs', 'audit:verify': 'node scripts/audit-verify.mjs', 'audit:retire': 'node scripts/audit-retire.mjs' };
  const release = { name: pkg.name, version: pkg.version, private: true, type: 'module', engines: pkg.engines, scripts };
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(release, null, 2)}\n`);
  return times;
}

// `server-only` throws outside a React Server Components bundle; these commands are server code by
// definition, so the guard has nothing to guard here.
const serverOnlyIsInert = {
  name: 'server-only-is-inert',
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'kaiji-empty' }));
    build.onLoad({ filter: /.*/, namespace: 'kaiji-empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

export function folderSize(dir) {
  let bytes = 0;
  const walk = (p) => {
    const st = fs.lstatSync(p);
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) walk(path.join(p, n));
    else bytes += st.size;
  };
  walk(dir);
  return bytes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'release' } } });
  const out = path.resolve(values.out);
  try {
    const t = Date.now();
    await buildRelease(out);
    console.log(`✓ Release in ${out} (${(folderSize(out) / 1e6).toFixed(0)} MB, ${((Date.now() - t) / 1000).toFixed(0)} s). Start it with: cd ${path.relative(process.cwd(), out) || '.'} && node scripts/start.mjs`);
  } catch (err) {
    console.error(`✗ ${err.message}`);
    process.exit(1);
  }
}
