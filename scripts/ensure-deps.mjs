// Installs npm dependencies when they are missing or older than package-lock.json.
// Plain JavaScript on purpose: it runs before any dependency (tsx, TypeScript) exists.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');

const stale = !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs + 1000);
if (stale) {
  console.error('installing npm dependencies…');
  execSync(existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

// The browser apps the gateway serves (/dashboard, /graphiql), rebuilt when their sources change.
const { buildUi } = await import('./lib/build-ui.mjs');
buildUi(root);
