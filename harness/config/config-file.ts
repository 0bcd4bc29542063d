import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** The names a config file may have, in the order they are looked for in the working directory. */
const CONFIG_FILES = ['archive-fidelity.config.ts', 'archive-fidelity.config.mts', 'archive-fidelity.config.js', 'archive-fidelity.config.mjs', 'archive-fidelity.config.json'] as const;

/**
 * The checks whose findings a site may accept (harness/report/accepted-findings.ts): every check of
 * an article and of the listings, but not `page`: two posts at one page is a post lost, never a defect to live with.
 */
const ACCEPTABLE_CHECKS = ['text', 'boilerplate', 'images', 'embeds', 'metadata', 'health', 'index', 'icons', 'feeds'] as const;

/** Playwright's `workers`: a whole number, or a share of the cores from 1% to 100%; the file and the environment check it alike. */
export const WORKERS = /^([1-9]\d*|([1-9]\d?|100)%)$/;
export const WORKERS_RULE = 'a whole number of workers, or a share of the cores such as 50%';

/** A regular expression as a string, checked where the config is read, not when a page first meets it. */
const pattern = z
  .string()
  .min(1)
  .refine((source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a regular expression');

/** One accepted kind of finding: which check, a pattern its message matches, and why it is accepted. */
const AcceptRule = z
  .object({
    /** The check's id, as the summary's columns name it: text, boilerplate, images, embeds, metadata, health, index, icons, feeds. */
    check: z.enum(ACCEPTABLE_CHECKS),
    /** A regular expression the finding's message matches (unanchored: anchor it with ^ and $ to match one finding exactly). */
    finding: pattern,
    /** Why the finding is accepted: shown with every finding it accepts. */
    why: z.string().min(1),
  })
  .strict();

/**
 * What a site's `archive-fidelity.config.*` may say. Every key is optional: the defaults check this
 * project's bundled fixtures with its own renderer. Paths are relative to the config file's folder.
 */
const ConfigFile = z
  .object({
    /** Why these settings: for the people who maintain the archive. */
    why: z.string().optional(),
    site: z
      .object({
        /** The folder of source articles (`*.md`) the oracle reads, e.g. `source/_posts`. */
        sources: z.string().min(1).optional(),
        /** The folder of rendered pages to judge, e.g. `public`; absent: the sources are rendered with this project's renderer. */
        pages: z.string().min(1).optional(),
        /** The generator's own site folder whose model says where each post is published; `none`: do not read it. Absent: found from the sources. */
        generator: z.string().min(1).optional(),
        /** A JSON manifest `{"<source>.md": "<page file>"}` for a generator whose model cannot be read. */
        manifest: z.string().min(1).optional(),
        /** The site profile: a built-in name or a profile file. Absent: detected from the pages. */
        profile: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** How many pages are judged at once (Playwright workers): a number, or a share of the cores such as `50%`. Absent: every core. */
    workers: z.union([z.number().int().positive(), z.string().regex(WORKERS, WORKERS_RULE)]).optional(),
    /** Time zone of dates that carry none. */
    timezone: z.string().min(1).optional(),
    /** The folder of approved goldens; `false`: no visual check. */
    goldens: z.union([z.string().min(1), z.literal(false)]).optional(),
    /** Which pages get the visual check: `on`, `off`, `sample:N`, `glob:<pattern>`. */
    visual: z
      .string()
      .regex(/^(on|off|sample:\d+|glob:.+)$/, 'one of on, off, sample:N, glob:<pattern>')
      .optional(),
    /** The folder of the verdict cache; `false` (the default): every article is checked. */
    cache: z.union([z.string().min(1), z.literal(false)]).optional(),
    /** Where the fidelity summary is written. */
    reports: z.string().min(1).optional(),
    /** How different a screenshot may be and still match its golden. */
    thresholds: z
      .object({ pixel: z.number().min(0).max(1).optional(), maxDiffPixels: z.number().int().min(0).optional(), maxDiffRatio: z.number().min(0).max(1).optional() })
      .strict()
      .optional(),
    /**
     * Findings the site's maintainers accept, each with why: a defect of the theme that no change to
     * the posts can fix. An accepted finding is reported (test annotation, summary) and fails nothing.
     */
    accept: z.array(AcceptRule).optional(),
    browser: z
      .object({
        /** Another Chromium or Chrome binary (screenshots are then not taken). */
        path: z.string().min(1).optional(),
        /** Where the pinned build is unpacked. */
        cache: z.string().min(1).optional(),
        /** How long the browser may take to start. */
        startTimeoutSeconds: z.number().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** An accepted kind of finding, as written in the config. */
export type AcceptRule = z.infer<typeof AcceptRule>;

/** A site's configuration as written. */
export type ArchiveFidelityConfig = z.infer<typeof ConfigFile>;

/** Types a configuration: `export default defineConfig({ … })` in `archive-fidelity.config.ts`. */
export function defineConfig(config: ArchiveFidelityConfig): ArchiveFidelityConfig {
  return config;
}

/** Raised for a config file that cannot be read; the message names the file and the key. */
export class ConfigError extends Error {}

/** The config file of a folder, if there is one. */
export function findConfigFile(dir: string): string | undefined {
  return CONFIG_FILES.map((name) => join(dir, name)).find((file) => existsSync(file));
}

/**
 * Reads and checks a config file: JSON as it is, TypeScript and JavaScript through jiti (which
 * compiles TypeScript on the fly, so a site needs no build step for its config).
 */
export async function readConfigFile(file: string): Promise<ArchiveFidelityConfig> {
  let data: unknown;
  try {
    if (file.endsWith('.json')) data = JSON.parse(readFileSync(file, 'utf8'));
    else {
      const { createJiti } = await import('jiti');
      const loaded = await createJiti(import.meta.url, { moduleCache: false }).import<{ default?: unknown }>(resolve(file));
      data = loaded.default ?? loaded;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${(error as Error).message.split('\n')[0] ?? ''})`}`);
  }
  const parsed = ConfigFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${file}: ${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'not valid'}`);
  }
  return parsed.data;
}
