// Extra app processes for specs that need more than the one e2e server: the same build (no second
// `next build`), a database cloned from the untouched demo copy scripts/e2e-server.mjs leaves, and a
// real SMTP server whose inbox the spec reads.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../scripts/lib/embedded-pg.mjs';

const root = path.resolve(import.meta.dirname, '../..');

interface Handoff {
  adminUrl: string;
  template: string;
  distDir: string;
  authSecret: string;
}

export interface Received {
  to: string[];
  messageId: string;
  /** As sent on the wire (RFC 2047 encoded when not ASCII); decoded in `subjectText`. */
  subject: string;
  subjectText: string;
  /** The plain-text body, transfer encoding undone. */
  text: string;
}

/** Undoes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) of a header. */
function decodeHeader(value: string): string {
  return value.replace(/\s*=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(s: string): string {
  const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function bodyText(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = header(head, 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

export interface AppProcesses {
  urls: string[];
  /** A client on the processes' shared database, for setting up and checking what they did. */
  db: pg.Client;
  inbox: Received[];
  stop(): Promise<void>;
}

function readHandoff(): Handoff {
  const file = path.join(root, '.kaiji', `e2e-${process.env.E2E_PORT}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Handoff;
}

function header(raw: string, name: string): string {
  return new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(raw)?.[1]?.trim() ?? '';
}

async function startSmtp(inbox: Received[]): Promise<{ url: string; server: SMTPServer }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        // Headers folded over several lines are unfolded before reading.
        const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: header(head, 'Message-ID'),
          subject: header(head, 'Subject'),
          subjectText: decodeHeader(header(head, 'Subject')),
          text: bodyText(raw),
        });
        cb();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${port}`, server };
}

async function healthy(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`app process on ${url} exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`app process on ${url} did not become healthy`);
}

/** Starts `count` app processes (`next start`, different ports) on one new database and one SMTP server. */
export async function startAppProcesses(count: number): Promise<AppProcesses> {
  const h = readHandoff();
  const database = `kaiji_scale_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: h.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database} TEMPLATE ${h.template}`);
  const dbUrl = new URL(h.adminUrl);
  dbUrl.pathname = `/${database}`;
  const inbox: Received[] = [];
  const smtp = await startSmtp(inbox);

  const children: ChildProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const url = `http://localhost:${port}`;
    const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: dbUrl.toString(),
        AUTH_SECRET: h.authSecret,
        APP_URL: url,
        NEXTAUTH_URL: url,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'kaiji@kaiji.test',
        KAIJI_DEMO: '1',
        KAIJI_DIST_DIR: h.distDir,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    });
    children.push(child);
    urls.push(url);
  }
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  try {
    await Promise.all(urls.map((u, i) => healthy(u, children[i]!)));
    await db.connect();
  } catch (err) {
    for (const c of children) c.kill('SIGTERM');
    throw err;
  }
  return {
    urls,
    db,
    inbox,
    async stop() {
      await db.end().catch(() => {});
      await Promise.all(
        children.map((c) => (c.exitCode !== null ? undefined : new Promise((resolve) => (c.once('exit', resolve), c.kill('SIGTERM'))))),
      );
      await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
      await admin.end().catch(() => {});
    },
  };
}
