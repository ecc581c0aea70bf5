// `npm run build`: the services compiled by tsc into dist/ (tsconfig.build.json: the entries of
// the gateway, the five subgraphs and `npm run serve`, and what they import; no tests), with the
// files they read beside their own code (WSDLs, holiday calendars) copied next to it, so that
// dist/ runs with plain node. schema/ and the keys stay where they are: the services find them
// from the folder holding package.json (PROJECT_ROOT in platform/config.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const SOURCES = ['platform', 'gateway', 'subgraphs', 'adapters'];
/** Not needed at run time: the sources themselves (tsc compiled what is used), docs. */
const SOURCE_ONLY = /\.(ts|md)$/;

// A file deleted from the sources must not live on in dist/.
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
} catch {
  // tsc has printed its errors.
  process.exit(1);
}
for (const dir of SOURCES) {
  cpSync(path.join(root, dir), path.join(dist, dir), { recursive: true, filter: (src) => !SOURCE_ONLY.test(src) });
}
// The browser apps the gateway serves (/dashboard, /graphiql), built afresh into ui/<app>/dist.
const { buildUi } = await import('./lib/build-ui.mjs');
buildUi(root, { force: true });
console.log(`[build] compiled into ${path.relative(process.cwd(), dist) || '.'}/ and ui/*/dist/`);
