import type { GoldenEnvironment } from '../visual/golden-store.ts';

/** One golden comparison of an article, as the summary records it. */
export interface VisualEntry {
  golden: string;
  width: number | undefined;
  status: 'passed' | 'new' | 'updated' | 'changed' | 'missing';
  diffPixels: number;
  diffRatio: number;
  /** Where this run's actual screenshot or page snapshot was saved (relative to the summary), for `npm run approve`. */
  actual?: string;
  /** For a changed screenshot: its diff picture (relative to the summary), shown small on the summary page. */
  diff?: string;
}

/** One article (or the index page) in the summary. */
export interface ArticleEntry {
  slug: string;
  title: string;
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  /** Findings per check that fail the page; absent when the check did not run. */
  checks: Record<string, number>;
  /** Findings per check the site accepts (the setting `accept`); absent when none. */
  accepted?: Record<string, number>;
  textRecall: number | undefined;
  visual: VisualEntry[];
  /** Link into the Playwright HTML report. */
  reportLink: string;
  errors: string[];
}

/** `reports/fidelity/summary.json`: everything the summary page shows, and what `npm run approve` reads. */
export interface Summary {
  goldenDir: string;
  environment: GoldenEnvironment | undefined;
  environmentWarnings: string[];
  counts: {
    articles: number;
    failed: number;
    /** Articles skipped because every input is byte-identical to a run where they passed (ARCHIVE_CACHE). */
    unchanged: number;
    visual: { passed: number; changed: number; new: number; deleted: number; updated: number; missing: number };
  };
  deletedGoldens: string[];
  /** Pages whose screenshots were not taken, and why (this run's browser is not the pinned build). */
  screenshotsSkipped: { pages: number; reason: string | undefined };
  /** Each rule of the setting `accept`, with how many findings of this run it accepted. */
  accepted?: { check: string; finding: string; why: string; count: number }[];
  /** What the site tests noted once for the whole site (what its chrome loads that cannot be answered offline). */
  siteNotes?: string[];
  articles: ArticleEntry[];
}

/** The annotation types the tests record and the reporter reads. */
export const ANNOTATIONS = {
  check: 'fidelity-check',
  visual: 'fidelity-visual',
  environmentChanged: 'fidelity-environment-changed',
  environment: 'fidelity-environment',
  deletedGolden: 'fidelity-golden-deleted',
  /** An article not checked again: every input is byte-identical to a run where it passed (ARCHIVE_CACHE). */
  unchanged: 'fidelity-unchanged',
  /** The key of a checked article's inputs, for the reporter to cache if it passed. */
  verdictKey: 'fidelity-verdict-key',
  /** A finding the site accepts (the setting `accept`): `{check, message, rule, why}`, failing nothing. */
  accepted: 'fidelity-accepted',
  /** Something a check noticed that is not wrong with the page (an image broken in the source). */
  note: 'fidelity-note',
  /** The whole visual check skipped: the site has no goldens of its own (ARCHIVE_GOLDEN unset). */
  visualSkipped: 'fidelity-visual-skipped',
  /** Screenshots not taken because this run's browser is not the pinned build goldens are made with. */
  screenshotsSkipped: 'fidelity-screenshots-skipped',
} as const;
