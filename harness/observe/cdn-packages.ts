import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { CDNJS, MIRRORS, NPM_CDNS } from './cdn-table.ts';

/** A CDN URL read as an npm package file. */
export interface PackageRequest {
  name: string;
  /** The version or range the URL asks for (`3.6.0`, `6.1`, `latest`); undefined: any. */
  version: string | undefined;
  file: string;
}

/** How a CDN request was answered offline, or why it could not be. */
export type PackageAnswer = { served: true; from: string; body: Buffer; contentType: string } | { served: false; why: string };

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript',
  '.mjs': 'application/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** `name[@version]/file` (a scoped name has one more segment), or undefined. */
function splitPackagePath(path: string): PackageRequest | undefined {
  const parts = path.split('/');
  const scoped = parts[0]?.startsWith('@') === true;
  const head = scoped ? `${parts[0] ?? ''}/${parts[1] ?? ''}` : (parts[0] ?? '');
  const file = parts.slice(scoped ? 2 : 1).join('/');
  const at = head.lastIndexOf('@');
  const name = at > 0 ? head.slice(0, at) : head;
  const version = at > 0 ? head.slice(at + 1) : undefined;
  if (name === '' || file === '' || file.endsWith('/')) return undefined;
  return { name, version: version === '' ? undefined : version, file };
}

/** The npm package file a public CDN URL names (see cdn-table.ts), or undefined for any other URL. */
export function packageRequestOf(url: string): PackageRequest | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  let request: PackageRequest | undefined;
  const npm = NPM_CDNS.find((cdn) => cdn.host === parsed.hostname && path.startsWith(cdn.prefix));
  if (npm !== undefined) request = splitPackagePath(path.slice(npm.prefix.length));
  else if (parsed.hostname === CDNJS.host && path.startsWith(CDNJS.prefix)) {
    const [library = '', version, ...file] = path.slice(CDNJS.prefix.length).split('/');
    const name = CDNJS.packages[library];
    request = name === undefined || file.length === 0 ? undefined : { name, version, file: file.join('/') };
  }
  if (request === undefined) return undefined;
  const mirror = MIRRORS.find((candidate) => candidate.mirror === request.name && request.file.startsWith(candidate.folder));
  if (mirror === undefined) return request;
  const inner = splitPackagePath(request.file.slice(mirror.folder.length));
  return inner === undefined ? undefined : { ...inner, version: undefined };
}

/** True when an installed version is what a CDN URL asks for: exact, a prefix (`6.1`, `3`), or any (`latest`, none). */
export function versionMatches(installed: string, wanted: string | undefined): boolean {
  if (wanted === undefined || wanted === 'latest') return true;
  const plain = wanted.replace(/^[v^~=]/, '');
  return installed === plain || installed.startsWith(`${plain}.`);
}

/**
 * Answers CDN requests from npm packages installed in any of `roots` (each root and its parents'
 * node_modules, the way Node finds packages): the site's own folder first, then the harness's.
 * Files are read once per process.
 */
export class PackageFiles {
  private readonly packages = new Map<string, { dir: string; version: string } | undefined>();
  private readonly files = new Map<string, Buffer | undefined>();

  constructor(private readonly roots: readonly string[]) {}

  /** The file a CDN URL names, from an installed package of a matching version, or why not. */
  answer(url: string): PackageAnswer | undefined {
    const request = packageRequestOf(url);
    if (request === undefined) return undefined;
    const installed = this.installed(request.name);
    const wanted = `${request.name}${request.version === undefined ? '' : `@${request.version}`}`;
    if (installed === undefined) return { served: false, why: `${request.name} is not installed; where npm has ${wanted}, npm install --save-dev ${wanted} in the site's folder serves it offline` };
    if (!versionMatches(installed.version, request.version)) return { served: false, why: `${wanted} is asked for, ${request.name}@${installed.version} is installed` };
    const path = resolve(installed.dir, request.file);
    if (!path.startsWith(installed.dir + sep)) return { served: false, why: `${request.file} is outside the package` };
    const body = this.read(path);
    if (body === undefined) return { served: false, why: `${request.name}@${installed.version} has no file ${request.file}` };
    return { served: true, from: `${request.name}@${installed.version}/${request.file}`, body, contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
  }

  private installed(name: string): { dir: string; version: string } | undefined {
    if (this.packages.has(name)) return this.packages.get(name);
    let found: { dir: string; version: string } | undefined;
    search: for (const root of this.roots) {
      for (let dir = resolve(root); ; dir = dirname(dir)) {
        const candidate = join(dir, 'node_modules', ...name.split('/'));
        try {
          const { version } = JSON.parse(readFileSync(join(candidate, 'package.json'), 'utf8')) as { version?: string };
          if (typeof version === 'string') {
            found = { dir: candidate, version };
            break search;
          }
        } catch {
          // not here: look one folder up
        }
        if (dirname(dir) === dir) break;
      }
    }
    this.packages.set(name, found);
    return found;
  }

  private read(path: string): Buffer | undefined {
    if (!this.files.has(path)) this.files.set(path, statSync(path, { throwIfNoEntry: false })?.isFile() === true ? readFileSync(path) : undefined);
    return this.files.get(path);
  }
}
