// The text of a PDF that Kaiji wrote with pdfkit, for tests that check a PDF field by field. The project
// has no PDF reader, and pdfkit writes every embedded font with a ToUnicode CMap, so this reads just what
// pdfkit writes: Flate streams, Type0 fonts named /F<n> in the page resources, and hex strings in Tj/TJ.
// Returns the text in drawing order, one line per text object; compare with `squash` (whitespace is where
// lines wrapped, not part of the values).
import zlib from 'node:zlib';

type Obj = { dict: string; stream: Buffer | null };

function objects(pdf: Buffer): Map<number, Obj> {
  const text = pdf.toString('latin1');
  const out = new Map<number, Obj>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    let start = at + 'stream'.length;
    if (body[start] === '\r') start++;
    if (body[start] === '\n') start++;
    const end = body.lastIndexOf('endstream');
    let raw = Buffer.from(body.slice(start, end), 'latin1');
    if (/\/FlateDecode/.test(dict)) raw = zlib.inflateSync(raw);
    out.set(Number(m[1]), { dict, stream: raw });
  }
  return out;
}

function cmapOf(stream: Buffer): Map<number, string> {
  const map = new Map<number, string>();
  const text = stream.toString('latin1');
  const chars = (hexes: string) =>
    String.fromCharCode(...(hexes.match(/[0-9a-fA-F]{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of block[1]!.split('\n')) {
      const m = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[(.*)\]/.exec(line);
      if (m) {
        const start = parseInt(m[1]!, 16);
        [...m[3]!.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((e, i) => map.set(start + i, chars(e[1]!.replace(/ /g, ''))));
        continue;
      }
      const r = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/.exec(line);
      if (r) for (let c = parseInt(r[1]!, 16), u = parseInt(r[3]!, 16); c <= parseInt(r[2]!, 16); c++, u++) map.set(c, String.fromCharCode(u));
    }
  }
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), chars(m[2]!));
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const o of objs.values()) {
    const resources = /\/Font\s*<<([\s\S]*?)>>/.exec(o.dict)?.[1];
    if (!resources) continue;
    for (const [, name, ref] of resources.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objs.get(Number(ref))?.dict ?? '')?.[1];
      const cmap = toUnicode ? objs.get(Number(toUnicode))?.stream : null;
      if (cmap && !fonts.has(name!)) fonts.set(name!, cmapOf(cmap));
    }
  }
  const lines: string[] = [];
  for (const o of objs.values()) {
    if (!o.stream || !/BT/.test(o.stream.toString('latin1', 0, 4096))) continue;
    const content = o.stream.toString('latin1');
    let font: Map<number, string> | undefined;
    for (const block of content.matchAll(/BT([\s\S]*?)ET/g)) {
      let line = '';
      for (const op of block[1]!.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
        if (op[1]) font = fonts.get(op[1]);
        const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : op[3] !== undefined ? [op[3]] : [];
        for (const hex of hexes) for (const code of hex.match(/[0-9a-fA-F]{4}/g) ?? []) line += font?.get(parseInt(code, 16)) ?? '';
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}

/** Without any whitespace: where a paragraph wrapped is not part of what it says. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
