import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureKeys } from '../../platform/keys';
import { startInfrastructure } from '../../scripts/lib/infrastructure';
import { demoOrganizationKeys } from '../../scripts/lib/organization-keys';
import { ensureChromium } from '../../tools/chromium';

/**
 * Starts FerretDB and Redis once for the whole run (or uses MONGODB_URI / REDIS_URL), and makes
 * throw-away keys (the demo organisations' too). Workers inherit the environment set here. Installs Debian's Chromium for the
 * browser tests (issue 18) when it is missing and we are root, once, before any worker races for it.
 */
export default async function globalSetup(): Promise<void> {
  ensureChromium((m) => console.log(`\n[test setup] ${m}`));
  const infra = await startInfrastructure({ log: (m) => console.log(`\n[test setup] ${m}`) });
  const keysDir = mkdtempSync(path.join(tmpdir(), 'vss-keys-'));
  await ensureKeys(keysDir);
  // The demo organisations' signing keys (R-ID-4), made once here rather than by racing workers.
  demoOrganizationKeys(keysDir);
  process.env.MONGODB_URI = infra.mongoUri;
  process.env.REDIS_URL = infra.redisUrl;
  process.env.KEYS_DIR = keysDir;
  // Tests that read PostgreSQL's own catalog under the embedded FerretDB (absent with MONGODB_URI).
  if (infra.postgresUrl) process.env.EMBEDDED_POSTGRES_URL = infra.postgresUrl;
  (globalThis as { __vssInfra?: typeof infra }).__vssInfra = infra;
}
