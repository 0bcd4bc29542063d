import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-fs';
import { settings } from '../config/settings.ts';
import { fontConfigFile } from './fallback-fonts.ts';

/**
 * The Chromium every test run and golden uses unless told otherwise: the npm package below ships a
 * brotli-compressed chrome-headless-shell build for Linux x64 inside its tarball, so `npm ci` pins the
 * browser through package-lock.json like any other dependency (no download, no root, no apt).
 */
const PINNED_PACKAGE = '@sparticuz/chromium';

/** The platforms the package ships a binary for. */
const SUPPORTED = { platform: 'linux', arch: 'x64' } as const;

/** The unpacked build: where it is, and what its processes need in their environment. */
export interface PinnedChromium {
  /** `@sparticuz/chromium@153.0.0`: the build's identity, recorded in every golden. */
  build: string;
  executablePath: string;
  /** Bundled NSS/NSPR/expat and a fontconfig limited to bundled and npm fonts: the same libraries and fallback fonts on every machine. */
  env: Record<string, string>;
}

/** Raised when the pinned build cannot be made ready; the message is one line saying what and how to fix it. */
export class PinnedChromiumError extends Error {}

/** True on the platforms the pinned package has a binary for. */
export function pinnedChromiumSupported(): boolean {
  return process.platform === SUPPORTED.platform && process.arch === SUPPORTED.arch;
}

/** The installed package's folder and version, or undefined when it is not installed. */
function installedPackage(): { dir: string; version: string } | undefined {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(PINNED_PACKAGE); // `<dir>/build/index.js`: the package exports nothing else
  } catch {
    return undefined;
  }
  const dir = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { dir, version };
}

/**
 * Where builds are unpacked, one folder per package version: CHROMIUM_CACHE, else
 * `$XDG_CACHE_HOME/archive-fidelity` (default `~/.cache/archive-fidelity`). Outside node_modules on
 * purpose, so `npm ci` does not throw the 200 MB binary away each time.
 */
function browserCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const own = settings(env).browser.cache;
  if (own !== undefined) return own;
  const base = env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(homedir() || tmpdir(), '.cache');
  return join(base, 'archive-fidelity');
}

/** The archives inside the package, what each becomes, and why it is needed. */
const PARTS = [
  { file: 'chromium.br', into: 'chromium', kind: 'binary', why: 'the browser itself' },
  { file: 'al2023.tar.br', into: '.', kind: 'tar', why: 'NSS, NSPR and expat of the same build, so no system library is needed' },
  { file: 'fonts.tar.br', into: '.', kind: 'tar', why: "the package's fallback fonts (Open Sans) and fonts.conf" },
  { file: 'swiftshader.tar.br', into: 'swiftshader', kind: 'tar', why: 'software GL, so rendering never depends on a GPU' },
] as const;

/** Written last into a finished unpack: a folder without it is never used. */
const COMPLETE = '.complete';

/**
 * Makes the pinned build ready and says how to launch it, unpacking it on first use. Unpacking goes
 * into a private temporary folder that is renamed into place when complete, so concurrent runs and
 * shards on one machine never see a half-unpacked browser and never race: the first rename wins and
 * the others discard their copy. Returns undefined when the package is not installed.
 */
export async function preparePinnedChromium(env: NodeJS.ProcessEnv = process.env): Promise<PinnedChromium | undefined> {
  const installed = installedPackage();
  if (installed === undefined) return undefined;
  const build = `${PINNED_PACKAGE}@${installed.version}`;
  const target = join(browserCacheDir(env), `chromium-${installed.version}-${SUPPORTED.platform}-${SUPPORTED.arch}`);
  if (!existsSync(join(target, COMPLETE))) await unpack(installed.dir, target, build);
  return {
    build,
    executablePath: join(target, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [join(target, 'lib'), join(target, 'swiftshader'), env.LD_LIBRARY_PATH].filter((part) => part !== undefined && part !== '').join(':'),
      FONTCONFIG_FILE: fontConfigFile(target),
    },
  };
}

async function unpack(packageDir: string, target: string, build: string): Promise<void> {
  const temp = `${target}.${process.pid}.${Date.now()}.partial`;
  try {
    mkdirSync(temp, { recursive: true });
    for (const part of PARTS) {
      const source = join(packageDir, 'bin', part.file);
      const into = join(temp, part.into);
      if (part.kind === 'binary') await pipeline(createReadStream(source), createBrotliDecompress(), createWriteStream(into, { mode: 0o755 }));
      else await pipeline(createReadStream(source), createBrotliDecompress(), extract(into));
    }
    chmodSync(join(temp, 'chromium'), 0o755);
    writeFileSync(join(temp, COMPLETE), `${build}\n`);
    // A folder without the marker is not a finished unpack (say, one a person half-deleted): replace it.
    if (existsSync(target) && !existsSync(join(target, COMPLETE))) rmSync(target, { recursive: true, force: true });
    try {
      renameSync(temp, target);
    } catch (error) {
      // Another process finished first: its copy is as good as ours.
      if (!existsSync(join(target, COMPLETE))) throw error;
    }
  } catch (error) {
    throw new PinnedChromiumError(`could not unpack ${build} into ${target}: ${reason(error)}. ${advice(error)}`);
  } finally {
    removeQuietly(temp); // never leave a partial unpack behind; a failure here must not hide the first one
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // nothing to remove, or nowhere it could have been made
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message.split('\n')[0] ?? String(error);
  return code === undefined || message.includes(code) ? message : `${code} ${message}`;
}

function advice(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'The disk is full: free about 250 MB, or set CHROMIUM_CACHE to a folder on another disk';
  if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM' || code === 'ENOTDIR') return 'Set CHROMIUM_CACHE to a writable folder';
  return `Reinstall the package (npm ci), or set CHROMIUM_CACHE to another folder`;
}
