import type { ExpectedArticle } from '../oracle/expected.ts';
import type { ObservedPage } from '../observe/observe-page.ts';
import type { SiteProfile } from '../profiles/profile.ts';
import { checkBoilerplate } from './boilerplate.ts';
import { checkEmbeds } from './embeds.ts';
import { checkHealth } from './health.ts';
import { checkImages } from './images.ts';
import { checkMetadata } from './metadata.ts';
import type { CheckResult } from './result.ts';
import { checkText } from './text.ts';

/** What a check knows of the run besides the two models: the archive's time zone and the site's profile. */
interface CheckContext {
  zone: string;
  profile: SiteProfile;
}

/** A named fidelity check of one article page. */
export interface ArticleCheck {
  id: 'text' | 'boilerplate' | 'images' | 'embeds' | 'metadata' | 'health';
  title: string;
  run(expected: ExpectedArticle, observed: ObservedPage, context: CheckContext): CheckResult;
}

/** The checks every article page gets, in report order. */
export const ARTICLE_CHECKS: readonly ArticleCheck[] = [
  { id: 'text', title: 'text preserved', run: (expected, observed) => checkText(expected, observed) },
  { id: 'boilerplate', title: 'boilerplate gone', run: (expected, observed) => checkBoilerplate(expected, observed) },
  { id: 'images', title: 'images and referrer policy', run: (expected, observed) => checkImages(expected, observed) },
  { id: 'embeds', title: 'embedded media offered', run: (expected, observed) => checkEmbeds(expected, observed) },
  { id: 'metadata', title: 'metadata matches the front matter', run: (expected, observed, { zone, profile }) => checkMetadata(expected, observed, zone, profile.article) },
  { id: 'health', title: 'page health', run: (_, observed, { profile }) => checkHealth(observed, profile.policy) },
];
