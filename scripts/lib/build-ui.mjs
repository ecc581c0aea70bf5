// Builds each browser app under ui/<app>/ (issue 18: the dashboard, GraphiQL) with Vite into
// ui/<app>/dist/, only when its sources or the installed packages changed since the last build
// (a hash kept beside the output). Plain JavaScript: ensure-deps.mjs runs it before tsx exists.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const IGNORED = new Set(['dist', 'node_modules']);

function sourcesOf(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    if (IGNORED.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourcesOf(full, out);
    else out.push(full);
  }
  return out;
}

/** The apps: folders of ui/ holding a vite.config.mts. */
export function uiApps(root) {
  const ui = path.join(root, 'ui');
  if (!existsSync(ui)) return [];
  return readdirSync(ui).filter((name) => existsSync(path.join(ui, name, 'vite.config.mts')));
}

/**
 * Writes <file>.br and <file>.gz beside each built asset, which sirv sends to browsers that accept
 * them (platform/static-files.ts): GraphiQL's 1.2 MB of JavaScript travels as 0.35 MB.
 */
function precompress(dir) {
  for (const file of sourcesOf(dir)) {
    if (!/\.(js|css|html|svg|json)$/.test(file) || statSync(file).size < 1024) continue;
    const body = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  }
}

/** Builds the apps whose sources changed (all of them with `force`); returns the names built. */
export function buildUi(root, { force = false, log = console.error } = {}) {
  const built = [];
  for (const app of uiApps(root)) {
    const dir = path.join(root, 'ui', app);
    const hash = createHash('sha256');
    for (const file of [...sourcesOf(dir), path.join(root, 'package-lock.json')]) hash.update(path.relative(root, file)).update(readFileSync(file));
    const digest = hash.digest('hex');
    const stamp = path.join(dir, 'dist', '.source-hash');
    if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) continue;
    log(`building ui/${app} with Vite…`);
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`building ui/${app} failed (vite exited with ${r.status ?? r.signal})`);
    precompress(path.join(dir, 'dist'));
    writeFileSync(stamp, digest);
    built.push(app);
  }
  return built;
}
