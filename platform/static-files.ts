import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/**
 * A built single-page app served under a path prefix (issue 18: /dashboard, /graphiql), with sirv:
 * files by their path, anything else under the prefix answered with index.html so the app's own
 * routes survive a reload. Hashed assets are cached for a year, index.html never, so a new build
 * is seen at once. Served before authentication: the files are public, the data behind /graphql is
 * not. Answers false (not handled) outside the prefix, or when the app was not built.
 */
export function staticApp(prefix: string, dir: string): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const built = existsSync(dir);
  const serve = built
    ? sirv(dir, {
        single: true,
        dev: false,
        etag: true,
        // The .br/.gz files scripts/lib/build-ui.mjs writes beside each asset, when the browser takes them.
        brotli: true,
        gzip: true,
        setHeaders: (res, pathname) => {
          res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
          res.setHeader('x-content-type-options', 'nosniff');
        },
      })
    : null;
  return async (req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0]!;
    if (!serve || (req.method !== 'GET' && req.method !== 'HEAD') || !(path === prefix || path.startsWith(`${prefix}/`))) return false;
    if (path === prefix) {
      // Relative asset URLs resolve against the folder, so the app's root ends with a slash.
      res.writeHead(301, { location: `${prefix}/` }).end();
      return true;
    }
    // sirv reads the path from req.url; the access log keeps the full one.
    req.url = url.slice(prefix.length);
    serve(req, res, () => void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`${path} is not part of this app`));
    req.url = url;
    return true;
  };
}
