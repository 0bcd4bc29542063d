import { diffArrays } from 'diff';
import type { EmbedFacts } from '../observe/collect-in-page.ts';
import { canonicalEmbedTarget, mediaAddress } from '../oracle/embed-targets.ts';
import type { ExpectedArticle } from '../oracle/expected.ts';
import type { ObservedPage } from '../observe/observe-page.ts';
import { countOf, type CheckResult, type Finding } from './result.ts';

/** How a sequence entry reads when an embed has no web address to lead to. */
const NO_ADDRESS = '(no web address)';

/**
 * Embeds: every <iframe>, <video>, <audio>, <embed> and <object> of the source is still offered in
 * the page, in order, leading to the same place (the provider's own page: a YouTube player and a link
 * to its watch page are the same video), as a visible link or a live player; none dropped, none added.
 */
export function checkEmbeds(expected: Pick<ExpectedArticle, 'embeds'>, observed: Pick<ObservedPage, 'embeds'>): CheckResult {
  const want = expected.embeds.map((embed) => embed.target ?? NO_ADDRESS);
  const got = observed.embeds.map((embed) => targetOf(embed) ?? NO_ADDRESS);
  const findings: Finding[] = [];
  const parts = diffArrays(want, got);
  const removed = parts.filter((part) => part.removed).flatMap((part) => part.value);
  const added = parts.filter((part) => part.added).flatMap((part) => part.value);
  const [wantCount, gotCount] = [countOf(want), countOf(got)];
  for (const target of new Set(removed)) {
    const missing = (wantCount.get(target) ?? 0) - (gotCount.get(target) ?? 0);
    const element = expected.embeds[want.indexOf(target)]?.element ?? 'embed';
    if (missing > 0) findings.push({ message: `missing embed #${want.indexOf(target) + 1} of ${want.length} (<${element}>): ${target}` });
    else findings.push({ message: `embed #${want.indexOf(target) + 1} of ${want.length} is out of order: ${target}` });
  }
  for (const target of new Set(added)) {
    if (!wantCount.has(target)) findings.push({ message: `embed not in the source: ${target}` });
    else if ((gotCount.get(target) ?? 0) > (wantCount.get(target) ?? 0)) findings.push({ message: `embed offered more often than in the source: ${target}` });
  }
  observed.embeds.forEach((embed, index) => {
    if (!embed.visible) findings.push({ message: `embed #${index + 1} of the page is hidden from readers: ${targetOf(embed) ?? NO_ADDRESS}` });
    else if (embed.link && embed.text === '') findings.push({ message: `embed #${index + 1} of the page is a link with no text: ${targetOf(embed) ?? NO_ADDRESS}` });
  });
  return { findings, metrics: { expectedEmbeds: want.length, pageEmbeds: got.length, linkedEmbeds: observed.embeds.filter((embed) => embed.link).length } };
}

/** Where an embed of the page leads, reduced the same way as the source's (embed-targets.ts). */
function targetOf(embed: EmbedFacts): string | undefined {
  if (embed.link) return canonicalEmbedTarget(embed.href ?? undefined);
  if (embed.tag === 'video' || embed.tag === 'audio') return canonicalEmbedTarget(mediaAddress(embed.src ?? undefined, embed.sources));
  return canonicalEmbedTarget(embed.src ?? undefined);
}
