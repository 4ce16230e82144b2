// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, then the system's (Debian's `chromium`),
// then one installed by `npx playwright install chromium`. Returns null when there is none.
import fs from 'node:fs';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export async function findChromium() {
  if (process.env.CHROMIUM_PATH) return fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  const system = SYSTEM.find((p) => fs.existsSync(p));
  if (system) return system;
  try {
    const { chromium } = await import('@playwright/test');
    const managed = chromium.executablePath();
    return managed && fs.existsSync(managed) ? managed : null;
  } catch {
    return null;
  }
}

export const MISSING_BROWSER = [
  'End-to-end tests need Chromium, and none was found. Any one of these fixes it:',
  '  - Debian/Ubuntu: sudo apt-get install -y chromium',
  '  - with internet access: npx playwright install chromium',
  '  - or point CHROMIUM_PATH at a Chromium or Chrome binary.',
].join('\n');
