import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEB_FONT_CSS, webFontCss } from './web-font-css.mjs';

describe('app/web-font.css', () => {
  it('is what the installed font package gives, every face optional (no swap, so nothing shifts)', () => {
    const css = fs.readFileSync(WEB_FONT_CSS, 'utf8');
    expect(css, 'regenerate with: node scripts/lib/web-font-css.mjs').toBe(webFontCss());
    const faces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
    expect(faces.length).toBeGreaterThan(100);
    for (const face of faces) {
      expect(face).toContain('font-display: optional;');
      const file = /url\(([^)]+)\)/.exec(face)?.[1];
      expect(file && fs.existsSync(new URL(file, `file://${WEB_FONT_CSS}`))).toBe(true);
    }
  });
});
