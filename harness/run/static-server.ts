import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running static file server on 127.0.0.1. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT` without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a folder read-only over HTTP on 127.0.0.1 and an OS-chosen port, like any static host:
 * percent-decoded paths, `index.html` for folders, 404 for anything outside the folder.
 */
export async function serveFolder(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const file = fileFor(base, request.url ?? '/');
    if (file === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(file === undefined ? 404 : 405, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(file === undefined ? 'not found' : 'method not allowed');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      // Pages are always fetched fresh; assets may be cached for the run, so page after page does not
      // re-fetch (and re-block on) the same style sheets and ~30 font files.
      'cache-control': extname(file).toLowerCase() === '.html' ? 'no-store' : 'max-age=600',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}

/** The file a request path names inside `base`, or undefined if there is none (or it escapes `base`). */
export function fileFor(base: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined; // malformed percent-encoding
  }
  const target = resolve(join(base, path));
  if (target !== base && !target.startsWith(base + sep)) return undefined;
  try {
    const stat = statSync(target);
    if (stat.isFile()) return target;
    if (stat.isDirectory() && statSync(join(target, 'index.html')).isFile()) return join(target, 'index.html');
  } catch {
    return undefined;
  }
  return undefined;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done, fail) => server.close((error) => (error ? fail(error) : done())));
}
