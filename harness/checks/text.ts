import { createTwoFilesPatch, diffArrays } from 'diff';
import type { ExpectedArticle } from '../oracle/expected.ts';
import { normalizeText } from '../oracle/normalize.ts';
import type { ObservedPage } from '../observe/observe-page.ts';
import { countOf, excerpt, type CheckResult, type Finding } from './result.ts';

/**
 * Text preserved: every block of the source appears in the rendered content, in order, exactly once,
 * as a reader sees it. Recall is the share of the source's characters found in order.
 */
export function checkText(expected: ExpectedArticle, observed: Pick<ObservedPage, 'blocks' | 'contentRoot' | 'preformatted'> & Partial<Pick<ObservedPage, 'softBreaks' | 'altCaptions'>>): CheckResult {
  if (observed.contentRoot === null) {
    return { findings: [{ message: 'the page has no content root (set ARCHIVE_CONTENT_SELECTOR to the element holding the article body)' }], metrics: { recall: 0 } };
  }
  const rendered = rejoinSoftBreaks(observed, new Set(expected.blocks));
  const parts = diffArrays(expected.blocks, rendered);
  const inOrder = parts.filter((part) => !part.added && !part.removed).flatMap((part) => part.value);
  const unmatchedSource = parts.filter((part) => part.removed).flatMap((part) => part.value);
  const unmatchedRendered = parts.filter((part) => part.added).flatMap((part) => part.value);

  const findings: Finding[] = [];
  const sourceCount = countOf(expected.blocks);
  const renderedCount = countOf(rendered);
  const reported = new Set<string>();
  for (const block of unmatchedSource) {
    const have = renderedCount.get(block) ?? 0;
    if (have === 0) findings.push({ message: `missing block ${position(expected.blocks, block)}: "${excerpt(block)}"${hint(block, unmatchedRendered)}` });
    else if (have >= (sourceCount.get(block) ?? 0) && !reported.has(block)) {
      findings.push({ message: `block ${position(expected.blocks, block)} is out of order: "${excerpt(block)}"` });
    }
    reported.add(block);
  }
  for (const block of new Set(unmatchedRendered)) {
    const want = sourceCount.get(block) ?? 0;
    const have = renderedCount.get(block) ?? 0;
    if (want === 0) findings.push({ message: `extra block not in the source: "${excerpt(block)}"` });
    else if (have > want) findings.push({ message: `duplicated block: "${excerpt(block)}" shown ${have} times, the source has it ${want === 1 ? 'once' : `${want} times`}` });
  }

  // A caption the theme makes from an image's alt text is the theme's, unless it shows a text of the article again.
  for (const caption of new Set((observed.altCaptions ?? []).map(normalizeText))) {
    const want = sourceCount.get(caption) ?? 0;
    const shown = (renderedCount.get(caption) ?? 0) + (observed.altCaptions ?? []).filter((text) => normalizeText(text) === caption).length;
    if (want > 0 && shown > want) findings.push({ message: `duplicated block: "${excerpt(caption)}" shown ${shown} times, the source has it ${want === 1 ? 'once' : `${want} times`} (the theme shows an image's alt text as a caption)` });
  }

  findings.push(...preformattedFindings(expected.preformatted, observed.preformatted));

  const total = length(expected.blocks);
  const recall = total === 0 ? 1 : length(inOrder) / total;
  const result: CheckResult = { findings, metrics: { recall: Math.round(recall * 10000) / 10000, sourceBlocks: expected.blocks.length, renderedBlocks: rendered.length } };
  if (findings.length > 0) {
    result.report = {
      name: 'text-diff.txt',
      contentType: 'text/plain',
      body: `Text blocks, one per line, whitespace normalised (- source only, + page only):\n\n${createTwoFilesPatch(`source ${expected.file}`, `page ${observed.contentRoot}`, lines(expected.blocks), lines(rendered), undefined, undefined, {
        context: 2,
      })}`,
    };
  }
  return result;
}

/**
 * The page's blocks, normalised; where only the page's CSS parts a source block (a theme showing an
 * image of a paragraph on its own line: a soft break), the parts are read as the one block they are,
 * joined by what ran on at each break. A break anywhere else stays.
 */
function rejoinSoftBreaks(observed: Pick<ObservedPage, 'blocks'> & Partial<Pick<ObservedPage, 'softBreaks'>>, source: ReadonlySet<string>): string[] {
  const blocks = observed.blocks.map((block, index) => ({ text: block, joint: observed.softBreaks?.[index] ?? null })).filter((block) => normalizeText(block.text) !== '');
  const joined: string[] = [];
  for (let start = 0; start < blocks.length;) {
    let end = start;
    let text = blocks[start]?.text ?? '';
    for (let next = start + 1, run = text; next < blocks.length && typeof blocks[next]?.joint === 'string'; next++) {
      run += `${blocks[next]?.joint ?? ''}${blocks[next]?.text ?? ''}`;
      if (source.has(normalizeText(run))) [end, text] = [next, run];
    }
    joined.push(normalizeText(text));
    start = end + 1;
  }
  return joined;
}

/**
 * Preformatted blocks (code, verse) are compared exactly: there, whitespace and line breaks are the
 * text. Names the first line that differs, with both versions.
 */
function preformattedFindings(expected: string[], rendered: string[]): Finding[] {
  if (expected.length !== rendered.length) {
    return expected.length === 0 ? [] : [{ message: `the source has ${expected.length} preformatted block(s), the page ${rendered.length}` }];
  }
  const findings: Finding[] = [];
  expected.forEach((want, index) => {
    const got = rendered[index] ?? '';
    if (got === want || got.replace(/\n$/, '') === want.replace(/\n$/, '')) return;
    const [wantLines, gotLines] = [want.split('\n'), got.split('\n')];
    const line = wantLines.findIndex((text, at) => text !== gotLines[at]);
    const at = line === -1 ? wantLines.length : line;
    findings.push({
      message: `preformatted block #${index + 1} of ${expected.length} differs at line ${at + 1}: the source has ${JSON.stringify(excerpt(wantLines[at] ?? '(end)', 60))}, the page ${JSON.stringify(excerpt(gotLines[at] ?? '(end)', 60))}`,
    });
  });
  return findings;
}

/** A missing block often survives merged into, or split across, rendered blocks; say so. */
function hint(block: string, unmatchedRendered: string[]): string {
  const container = unmatchedRendered.find((rendered) => rendered.includes(block));
  if (container !== undefined) return ` (merged into the rendered block "${excerpt(container, 40)}")`;
  const pieces = unmatchedRendered.filter((rendered) => [...rendered].length >= 2 && block.includes(rendered));
  if (pieces.length > 0) return ` (split: the page has ${pieces.length} part${pieces.length === 1 ? '' : 's'} of it as separate blocks)`;
  return '';
}

function position(blocks: string[], block: string): string {
  return `#${blocks.indexOf(block) + 1} of ${blocks.length}`;
}

function length(blocks: string[]): number {
  return blocks.reduce((sum, block) => sum + [...block].length, 0);
}

function lines(blocks: string[]): string {
  return blocks.map((block) => `${block}\n`).join('');
}
