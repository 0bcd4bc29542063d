import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { settings } from '../config/settings.ts';
import { writeFileAtomic } from '../run/write-atomic.ts';
import { optimisePng } from './optimise-png.ts';
import { readTextChunks, withTextChunks } from './png-chunks.ts';

/** Playwright's `--update-snapshots` modes (`default`: the flag was not given). */
export type UpdateMode = 'all' | 'changed' | 'missing' | 'none' | 'default';

/** What made a golden: a change in any of these changes pixels. */
export interface GoldenEnvironment {
  /** The browser build (`@sparticuz/chromium@153.0.0`): another build of the same version draws other pixels. */
  browser: string;
  chromium: string;
  playwright: string;
  font: string;
  widths: number[];
}

/** A golden screenshot as stored. */
export interface GoldenPng {
  png: Buffer;
  /** SHA-256 of the screenshot bytes the golden was made from: equal means the same pixels, no decoding. */
  sourceHash: string | undefined;
  environment: GoldenEnvironment | undefined;
  /** Set when it was approved with --force although its page failed a fidelity check: why. */
  approvedDespite?: string | undefined;
}

/** How an actual result stands against its golden. */
export type GoldenState = 'missing' | 'same' | 'different';

/** What to do about it: write the golden or not, and whether the test fails. */
export interface GoldenDecision {
  write: boolean;
  fail: boolean;
  /** passed, new (written), updated (rewritten), changed (differs, not written), missing (not written). */
  status: 'passed' | 'new' | 'updated' | 'changed' | 'missing';
}

/** The command a message tells people to run to create or accept goldens. */
export const UPDATE_COMMAND = 'npx playwright test --update-snapshots';

const SOURCE_HASH = 'fidelity-source-sha256';
const ENVIRONMENT = 'fidelity-environment';
const APPROVED_DESPITE = 'fidelity-approved-despite';

/**
 * The update policy, as Playwright applies it to its own snapshots, with one rule on top: on CI
 * (CI set) goldens are never written, so a missing golden fails instead of being silently created.
 *
 * | state     | none / CI | default            | missing         | changed        | all            |
 * |-----------|-----------|--------------------|-----------------|----------------|----------------|
 * | missing   | fail      | write, then fail   | write           | write          | write          |
 * | same      | pass      | pass               | pass            | pass           | rewrite        |
 * | different | fail      | fail               | fail            | rewrite        | rewrite        |
 */
export function decide(state: GoldenState, mode: UpdateMode, ci: boolean): GoldenDecision {
  const writes = !ci && mode !== 'none';
  if (state === 'missing') {
    if (!writes) return { write: false, fail: true, status: 'missing' };
    return { write: true, fail: mode === 'default', status: 'new' };
  }
  if (state === 'same') return { write: writes && mode === 'all', fail: false, status: 'passed' };
  if (writes && (mode === 'changed' || mode === 'all')) return { write: true, fail: false, status: 'updated' };
  return { write: false, fail: true, status: 'changed' };
}

/** The one owner of golden files: where they live, how they are read and written. */
export class GoldenStore {
  readonly dir: string;

  constructor(
    dir: string,
    readonly mode: UpdateMode,
    readonly ci: boolean,
  ) {
    this.dir = resolve(dir);
  }

  /** `golden/<name>` as shown to people (relative to the working directory). */
  displayPath(name: string): string {
    const path = join(this.dir, name);
    return path.startsWith(process.cwd()) ? path.slice(process.cwd().length + 1) : path;
  }

  /** The golden screenshot `name`, if there is one. */
  readPng(name: string): GoldenPng | undefined {
    const png = this.read(name);
    if (png === undefined) return undefined;
    const text = readTextChunks(png);
    const environment = text.get(ENVIRONMENT);
    return { png, sourceHash: text.get(SOURCE_HASH), environment: environment === undefined ? undefined : (JSON.parse(environment) as GoldenEnvironment), approvedDespite: text.get(APPROVED_DESPITE) };
  }

  /**
   * Stores a screenshot as golden: losslessly recompressed (unless ARCHIVE_GOLDEN_OPTIMISE=off, for
   * fast writes), with its source hash and environment inside, and how it was approved when that
   * overrode a failing page (`approve --force`).
   */
  async writePng(name: string, screenshot: Buffer, environment: GoldenEnvironment, screenshotHash = sha256(screenshot), approvedDespite?: string): Promise<void> {
    const optimised = settings().optimiseGoldens ? await optimisePng(screenshot) : screenshot;
    this.write(name, withTextChunks(optimised, { [SOURCE_HASH]: screenshotHash, [ENVIRONMENT]: JSON.stringify(environment), ...(approvedDespite === undefined ? {} : { [APPROVED_DESPITE]: approvedDespite }) }));
  }

  /** A text golden (an approved page snapshot). */
  readText(name: string): string | undefined {
    return this.read(name)?.toString('utf8');
  }

  writeText(name: string, text: string): void {
    this.write(name, Buffer.from(text, 'utf8'));
  }

  /** Every golden file name in the folder. */
  list(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((name) => /\.(png|html)$/.test(name))
        .sort();
    } catch {
      return [];
    }
  }

  private read(name: string): Buffer | undefined {
    try {
      return readFileSync(join(this.dir, name));
    } catch {
      return undefined;
    }
  }

  /** Written through a temp file and rename: a golden is never half-written. */
  private write(name: string, bytes: Buffer): void {
    writeFileAtomic(join(this.dir, name), bytes);
  }
}

/** Hex SHA-256 of some bytes. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What differs between the environment that made a golden and this run's, in words. */
export function environmentChanges(golden: GoldenEnvironment | undefined, current: GoldenEnvironment): string[] {
  if (golden === undefined) return ['the golden does not record what made it'];
  const changes: string[] = [];
  if (golden.browser !== current.browser) changes.push(`browser build ${golden.browser ?? '(not recorded)'} → ${current.browser}`);
  if (golden.chromium !== current.chromium) changes.push(`Chromium ${golden.chromium} → ${current.chromium}`);
  if (golden.playwright !== current.playwright) changes.push(`Playwright ${golden.playwright} → ${current.playwright}`);
  if (golden.font !== current.font) changes.push(`font ${golden.font} → ${current.font}`);
  if (golden.widths.join(',') !== current.widths.join(',')) changes.push(`widths ${golden.widths.join('/')} → ${current.widths.join('/')}`);
  return changes;
}
