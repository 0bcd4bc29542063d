import { load } from 'cheerio';
import type { ObservedPage } from '../observe/observe-page.ts';
import type { CheckResult, Finding } from './result.ts';

/**
 * The site's icons, checked once per site: every `<link rel="icon">` the index page declares must be
 * served. (Per page the browser fetches icons whenever it likes, so a missing one would be reported
 * on a different handful of pages each run; page health leaves icon requests out.)
 */
export async function checkSiteIcons(page: Pick<ObservedPage, 'html' | 'url'> | undefined, origin: string): Promise<CheckResult> {
  if (page === undefined) return { findings: [], metrics: { icons: 0 } };
  const $ = load(page.html);
  const icons = [
    ...new Set(
      $('link[rel~="icon"][href], link[rel~="apple-touch-icon"][href]')
        .toArray()
        .map((link) => new URL($(link).attr('href') ?? '', page.url).href),
    ),
  ];
  const findings: Finding[] = [];
  for (const icon of icons) {
    if (new URL(icon).origin !== origin) continue; // an icon elsewhere is an outside request, reported by page health
    const response = await fetch(icon, { method: 'HEAD' });
    if (!response.ok) findings.push({ message: `the site's icon ${new URL(icon).pathname} is missing (HTTP ${response.status}): every page declares it` });
  }
  return { findings, metrics: { icons: icons.length } };
}
