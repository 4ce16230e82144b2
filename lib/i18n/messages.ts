// Message catalogs: messages/<locale>/<namespace>.json, one file per namespace, merged per locale.
// Read from disk once per process (they are part of the release, never changed at run time).
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from './config';

type Catalog = Record<string, unknown>;
const loaded = new Map<Locale, Catalog>();

export function messagesFor(locale: Locale): Catalog {
  let catalog = loaded.get(locale);
  if (!catalog) {
    const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), 'messages', locale);
    catalog = {};
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      catalog[file.slice(0, -5)] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Catalog;
    }
    loaded.set(locale, catalog);
  }
  return catalog;
}
