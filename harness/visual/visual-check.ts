import { compareScreenshots } from './compare.ts';
import { decide, environmentChanges, sha256, UPDATE_COMMAND, type GoldenEnvironment, type GoldenState, type GoldenStore } from './golden-store.ts';
import { htmlDiffPage } from './html-snapshot.ts';
import { snapshotName } from './screenshot.ts';
import type { VisualThresholds } from './thresholds.ts';

/** A file to attach to the test for the HTML report. */
interface Attachment {
  name: string;
  contentType: string;
  body: Buffer | string;
}

/** One golden comparison: its outcome, the words for it, and the pictures to review it by. */
export interface VisualResult {
  /** Golden file name, e.g. `011_…@1280.png` or `011_….html`. */
  golden: string;
  status: 'passed' | 'new' | 'updated' | 'changed' | 'missing';
  fail: boolean;
  message: string;
  diffPixels: number;
  diffRatio: number;
  /** How this run's browser, fonts or widths differ from what made the golden. */
  environmentChanges: string[];
  attachments: Attachment[];
}

/** The command that accepts one article's screenshots from the last run. */
function approveCommand(slug: string): string {
  return `npm run approve -- ${JSON.stringify(slug)}`;
}

/**
 * Compares a screenshot with `golden/<base>.png` and applies the update policy. Attachments follow
 * Playwright's naming (`<base>-expected.png`, `-actual.png`, `-diff.png`) so its report shows its
 * image-diff viewer.
 */
export async function checkScreenshot(store: GoldenStore, slug: string, base: string, actual: Buffer, environment: GoldenEnvironment, thresholds: VisualThresholds, findings = 0): Promise<VisualResult> {
  const name = `${base}.png`;
  const golden = store.readPng(name);
  let state: GoldenState = 'missing';
  let comparison: ReturnType<typeof compareScreenshots> | undefined;
  const actualHash = sha256(actual);
  if (golden !== undefined) {
    // The golden records the hash of the screenshot it was made from: equal hash, equal pixels.
    if (golden.sourceHash === actualHash) state = 'same';
    else {
      comparison = compareScreenshots(golden.png, actual, thresholds);
      state = comparison.same ? 'same' : 'different';
    }
  }
  const decision = decide(state, store.mode, store.ci);
  if (decision.write) await store.writePng(name, actual, environment, actualHash);

  const path = store.displayPath(name);
  const attachments: Attachment[] = [];
  if (state !== 'same') attachments.push({ name: `${base}-actual.png`, contentType: 'image/png', body: actual });
  if (golden !== undefined && comparison !== undefined && state === 'different') {
    attachments.push({ name: `${base}-expected.png`, contentType: 'image/png', body: golden.png });
    if (comparison.diffPng !== undefined) attachments.push({ name: `${base}-diff.png`, contentType: 'image/png', body: comparison.diffPng });
  }
  const size =
    comparison !== undefined && (comparison.expectedSize.width !== comparison.actualSize.width || comparison.expectedSize.height !== comparison.actualSize.height)
      ? `; page size ${comparison.expectedSize.width}×${comparison.expectedSize.height} → ${comparison.actualSize.width}×${comparison.actualSize.height} px`
      : '';
  const pixels = comparison === undefined ? '' : `${comparison.diffPixels} pixels (${(comparison.diffRatio * 100).toFixed(3)}%) differ${size}`;
  return {
    golden: name,
    status: decision.status,
    fail: decision.fail,
    message: messageFor(decision.status, decision.fail, path, pixels, slug, store.ci, findings),
    diffPixels: comparison?.diffPixels ?? 0,
    diffRatio: comparison?.diffRatio ?? 0,
    environmentChanges: golden === undefined ? [] : environmentChanges(golden.environment, environment),
    attachments,
  };
}

/** Compares a page's normalised HTML with its approved snapshot `golden/<slug>.html`. */
export function checkHtmlSnapshot(store: GoldenStore, slug: string, actual: string, findings = 0): VisualResult {
  const name = snapshotName(slug);
  const approved = store.readText(name);
  const state: GoldenState = approved === undefined ? 'missing' : approved === actual ? 'same' : 'different';
  const decision = decide(state, store.mode, store.ci);
  if (decision.write) store.writeText(name, actual);
  const attachments: Attachment[] = [];
  if (state !== 'same') attachments.push({ name: `${slug}-actual.html`, contentType: 'text/html', body: actual });
  if (approved !== undefined && state === 'different') {
    attachments.push({ name: `${slug}-html-diff.html`, contentType: 'text/html', body: htmlDiffPage(`${slug}: page HTML against the approved snapshot`, store.displayPath(name), approved, actual) });
  }
  return {
    golden: name,
    status: decision.status,
    fail: decision.fail,
    message: messageFor(decision.status, decision.fail, store.displayPath(name), 'the normalised HTML differs (see the attached HTML diff)', slug, store.ci, findings),
    diffPixels: 0,
    diffRatio: 0,
    environmentChanges: [],
    attachments,
  };
}

function messageFor(status: VisualResult['status'], fail: boolean, path: string, difference: string, slug: string, ci: boolean, findings: number): string {
  switch (status) {
    case 'passed':
      return `${path} matches`;
    case 'new':
      return fail ? `${path} did not exist; it was written from this run: look at it, then commit it` : `${path} written (new)`;
    case 'updated':
      return `${path} rewritten from this run (${difference || 'rewritten'})`;
    case 'missing':
      return `${path} is missing; run \`${UPDATE_COMMAND}\` to create it${ci ? ' (goldens are never written when CI is set)' : ''}`;
    case 'changed':
      // Approving the pictures of a page that fails its fidelity checks would approve the failure.
      if (findings > 0) return `${path} differs: ${difference}. The page's fidelity checks found ${findings} problem(s) in this run: fix those first (approving is refused while they fail)`;
      return `${path} differs: ${difference}. If the change is intended, accept it with \`${approveCommand(slug)}\` (no re-run) or \`${UPDATE_COMMAND}\``;
  }
}
