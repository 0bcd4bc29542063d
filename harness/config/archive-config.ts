import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { settings } from './settings.ts';

/** Environment variable set by global setup to the folder the suite renders into. */
export const RENDERED_DIR_ENV = 'ARCHIVE_RENDERED_DIR';

/** Where the suite reads articles from and which rendered folder it tests. */
export interface ArchiveConfig {
  /** Source articles (`*.md`), read by the oracle: ARCHIVE_SRC, default `fixtures/`. */
  srcDir: string;
  /** An already rendered folder to test (ARCHIVE_OUT), or undefined to render srcDir with our renderer. */
  outDir: string | undefined;
}

/** An environment variable's value (for the run's own plumbing: settings come from settings.ts); unset and empty both mean "use the default". */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The run's sources and rendered folder (settings `site.sources`, `site.pages`). */
export function archiveConfig(env: NodeJS.ProcessEnv = process.env): ArchiveConfig {
  const { sources, pages } = settings(env);
  return { srcDir: sources, outDir: pages };
}

/** The file in a source folder holding that archive's own defaults (environment variables override them). */
export const ARCHIVE_SETTINGS_FILE = 'archive-fidelity.json';

const ArchiveSettings = z
  .object({
    /** Why these settings: for the people who maintain the archive. */
    why: z.string().optional(),
    /** Which pages get the visual check, as ARCHIVE_VISUAL (see harness/visual/plan.ts). */
    visual: z.string().optional(),
  })
  .strict();

/** An archive's own defaults, from `<ARCHIVE_SRC>/archive-fidelity.json`. */
export type ArchiveSettings = z.infer<typeof ArchiveSettings>;

/** Reads an archive's settings file; none is no settings. A bad file is an error naming the file and the field. */
export function archiveSettings(srcDir: string): ArchiveSettings {
  const file = join(srcDir, ARCHIVE_SETTINGS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = ArchiveSettings.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/**
 * The golden folder (setting `goldens`): by default `golden/` when the archive is the bundled one
 * rendered by our renderer, else none (another archive or site never reads or writes this project's goldens).
 */
export function goldenDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return settings(env).goldens;
}

/** Why the visual check is off for this run when there is no golden folder, and how to turn it on. */
export const NO_GOLDENS =
  "no goldens for this site: this project's golden/ belongs to its bundled fixtures. Set `goldens` in archive-fidelity.config (or ARCHIVE_GOLDEN=<folder>) to compare this site's pages with goldens of its own (the first run writes them)";

/** Where the fidelity reporter writes and `approve` reads (setting `reports`, default `reports/fidelity/`). */
export function reportDir(env: NodeJS.ProcessEnv = process.env): string {
  return settings(env).reports;
}

/** The rendered folder under test: ARCHIVE_OUT, or the one global setup rendered. */
export function renderedDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = archiveConfig(env).outDir ?? env[RENDERED_DIR_ENV];
  if (dir === undefined) throw new Error(`No rendered folder: set ARCHIVE_OUT, or run through playwright.config.ts whose global setup renders ARCHIVE_SRC`);
  return dir;
}
