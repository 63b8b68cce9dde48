import { existsSync } from 'node:fs';

/** Flags this machine needs: no sandbox as root, and no calls home on a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to drive: CHROME_PATH, else Debian's; test tools never download one. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install Debian\'s ("sudo apt-get install -y chromium") or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}
