import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, which the browser tests drive through playwright-core (issue 18). Playwright's
 * own browser download (`npx playwright install`) cannot reach its CDN here, and Debian's package
 * is what a closed data centre has anyway.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Installs Chromium with apt-get when it is missing and we are root (first run only), as
 * tools/redis does for redis-server; otherwise throws one line saying what to do. Waits for the
 * dpkg lock rather than failing when another process (a parallel session) is installing packages.
 */
export function ensureChromium(log: (msg: string) => void = () => {}): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run \`sudo apt-get install -y chromium\` (the browser tests drive it)`);
  }
  log('installing chromium with apt-get for the browser tests (first run only)…');
  try {
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (err) {
    // Another process may have installed it while we waited on apt's locks.
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`installing chromium with apt-get failed: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is missing`);
  return CHROMIUM_PATH;
}
