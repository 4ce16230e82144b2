// The one Content-Disposition of every download: RFC 6266 with an ASCII fallback `filename` for old
// clients and the exact UTF-8 name in `filename*` (RFC 5987), with the characters RFC 5987 reserves but
// encodeURIComponent leaves alone (' ( ) *) percent-encoded too.
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
