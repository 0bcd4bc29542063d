import { resolve } from 'node:path';

/** Environment variable set by global setup to the folder the suite renders into. */
export const RENDERED_DIR_ENV = 'ARCHIVE_RENDERED_DIR';

/** Where the suite reads articles from and which rendered folder it tests. */
export interface ArchiveConfig {
  /** Source articles (`*.md`), read by the oracle: ARCHIVE_SRC, default `fixtures/`. */
  srcDir: string;
  /** An already rendered folder to test (ARCHIVE_OUT), or undefined to render srcDir with our renderer. */
  outDir: string | undefined;
}

/** An environment variable's value; unset and empty both mean "use the default". */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Reads ARCHIVE_SRC and ARCHIVE_OUT, resolved against the working directory. */
export function archiveConfig(env: NodeJS.ProcessEnv = process.env): ArchiveConfig {
  const out = envValue(env, 'ARCHIVE_OUT');
  return { srcDir: resolve(envValue(env, 'ARCHIVE_SRC') ?? 'fixtures'), outDir: out === undefined ? undefined : resolve(out) };
}

/** The golden folder: ARCHIVE_GOLDEN, default `golden/`. */
export function goldenDir(env: NodeJS.ProcessEnv = process.env): string {
  return envValue(env, 'ARCHIVE_GOLDEN') ?? 'golden';
}

/** Where the fidelity reporter writes and `npm run approve` reads: ARCHIVE_REPORT_DIR, default `reports/fidelity/`. */
export function reportDir(env: NodeJS.ProcessEnv = process.env): string {
  return envValue(env, 'ARCHIVE_REPORT_DIR') ?? 'reports/fidelity';
}

/** The rendered folder under test: ARCHIVE_OUT, or the one global setup rendered. */
export function renderedDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = archiveConfig(env).outDir ?? env[RENDERED_DIR_ENV];
  if (dir === undefined) throw new Error(`No rendered folder: set ARCHIVE_OUT, or run through playwright.config.ts whose global setup renders ARCHIVE_SRC`);
  return dir;
}
