// Makes a fresh clone runnable: installs dependencies when node_modules is missing or older than
// package-lock.json, and regenerates the Prisma client when the schema changed. Plain Node, no deps.
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const sha = (...files) => {
  const h = createHash('sha256');
  for (const f of files) h.update(fs.existsSync(f) ? fs.readFileSync(f) : '');
  return h.digest('hex');
};

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (res.status !== 0) {
    throw new Error(`${path.basename(args[0] ?? cmd)} ${args.slice(1).join(' ')} failed (exit ${res.status ?? res.signal})`);
  }
}

/**
 * `run`, without blocking this process's event loop: for long children (a build) started by a process
 * that also owns an embedded PostgreSQL, whose log pipe that loop must keep reading.
 */
export function runAsync(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? cmd)} ${args.slice(1).join(' ')} failed (exit ${code ?? signal})`)),
    );
  });
}

export async function ensureInstalled({ quiet = false } = {}) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Kaiji needs Node.js 20.19 or newer; this is ${process.version}.`);
    process.exit(1);
  }
  const lock = path.join(root, 'package-lock.json');
  const stamp = path.join(root, 'node_modules/.kaiji-install-stamp');
  const want = sha(lock);
  const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
  if (want !== have) {
    if (!quiet) console.log('• Installing dependencies (npm ci)…');
    run('npm', ['ci', '--no-audit', '--no-fund']);
    fs.writeFileSync(stamp, want);
  }
  await ensurePrismaClient({ quiet });
}

/** Regenerates the Prisma client when the schema or the lock file changed since it was generated. */
export async function ensurePrismaClient({ quiet = false } = {}) {
  const lock = path.join(root, 'package-lock.json');
  const schema = path.join(root, 'prisma/schema.prisma');
  const genStamp = path.join(root, 'lib/generated/prisma/.schema-hash');
  const wantGen = sha(schema, lock);
  if (!fs.existsSync(genStamp) || fs.readFileSync(genStamp, 'utf8') !== wantGen) {
    if (!quiet) console.log('• Generating the Prisma client…');
    const { prismaGenerate } = await import('./prisma-cli.mjs');
    prismaGenerate();
    fs.writeFileSync(genStamp, wantGen);
  }
}

// Everything that goes into `next build`; a change to any of it means the build is stale.
const BUILD_INPUTS = ['app', 'components', 'lib', 'messages', 'public', 'next.config.js', 'proxy.ts', 'instrumentation.ts', 'tsconfig.json', 'package-lock.json', 'prisma/schema.prisma'];

function walk(p, out) {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) continue;
      walk(path.join(p, name), out);
    }
  } else if (!/\.test\.tsx?$/.test(p)) out.push(p);
}

export function sourceHash() {
  const files = [];
  for (const input of BUILD_INPUTS) walk(path.join(root, input), files);
  const h = createHash('sha256');
  for (const f of files) h.update(path.relative(root, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  return h.digest('hex');
}

/**
 * Runs `next build` into `distDir` unless the build there was made from exactly these sources. A lock
 * folder makes concurrent callers with the same sources wait for one build instead of racing.
 */
export async function ensureBuilt({ quiet = false, distDir = '.next', standalone = false } = {}) {
  const dir = path.join(root, distDir);
  const stamp = path.join(dir, 'kaiji-build-stamp');
  const want = sourceHash();
  const fresh = () => fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want && fs.existsSync(path.join(dir, 'BUILD_ID'));
  if (fresh()) return false;
  const lock = `${dir}.lock`;
  const holder = () => {
    try {
      return Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
    } catch {
      return 0;
    }
  };
  const alive = (pid) => {
    try {
      return pid > 0 && (process.kill(pid, 0), true);
    } catch {
      return false;
    }
  };
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      // Another process is building: wait for it, unless it died and left its lock behind.
      const pid = holder();
      if (pid && !alive(pid)) fs.rmSync(lock, { recursive: true, force: true });
      else if (!pid && Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 60_000)
        fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    if (fresh()) return false;
    if (!quiet) console.log(`• Building the app (next build${distDir === '.next' ? '' : ` into ${distDir}`})…`);
    // Other build folders use a tsconfig of their own (next.config.js), which Next rewrites as it likes.
    const extraTsconfig = path.join(root, 'tsconfig.e2e.json');
    if (distDir !== '.next' && !fs.existsSync(extraTsconfig)) fs.writeFileSync(extraTsconfig, '{ "extends": "./tsconfig.json" }\n');
    await runAsync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', KAIJI_DIST_DIR: distDir, KAIJI_STANDALONE: standalone ? '1' : '0' },
    });
    fs.writeFileSync(stamp, want);
    return true;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Arguments for running a TypeScript script of ours (scripts/, bench/) with tsx. Pass `tsxEnv()` too:
 * it points tsx at tsconfig.scripts.json, where `server-only` resolves to a stub.
 */
export function tsxArgs(script, ...args) {
  return ['--import', 'tsx', path.join(root, script), ...args];
}

export function tsxEnv(env = process.env) {
  return { ...env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.scripts.json') };
}
