import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/selftest.ts';
import { visualSelection } from '../../harness/visual/plan.ts';

/** An archive folder without settings of its own. */
const bare = mkdtempSync(join(tmpdir(), 'plan-'));

const pages = Array.from({ length: 50 }, (_, i) => `2022-${String(i).padStart(3, '0')}`).concat(['2021-a', '2021-b']);

test.describe('visual sample selection (pure)', () => {
  test("an archive's archive-fidelity.json sets its default; ARCHIVE_VISUAL overrides it; a bad file names itself", () => {
    const own = mkdtempSync(join(tmpdir(), 'plan-'));
    writeFileSync(join(own, 'archive-fidelity.json'), JSON.stringify({ visual: 'glob:2021-*' }));
    expect([...visualSelection(pages, { ARCHIVE_SRC: own })]).toEqual(['2021-a', '2021-b']);
    expect(visualSelection(pages, { ARCHIVE_SRC: own, ARCHIVE_VISUAL: 'off' }).size).toBe(0);
    writeFileSync(join(own, 'archive-fidelity.json'), JSON.stringify({ visual: 3 }));
    expect(() => visualSelection(pages, { ARCHIVE_SRC: own })).toThrow(/archive-fidelity\.json: visual: Invalid input: expected string/);
    writeFileSync(join(own, 'archive-fidelity.json'), '{ visual');
    expect(() => visualSelection(pages, { ARCHIVE_SRC: own })).toThrow(/archive-fidelity\.json: not valid JSON/);
  });

  test('on (the default) takes every page and the index; off takes none', () => {
    expect(visualSelection(pages, { ARCHIVE_SRC: bare }).size).toBe(pages.length + 1);
    expect(visualSelection(pages, { ARCHIVE_VISUAL: 'on' }).has('index')).toBe(true);
    expect(visualSelection(pages, { ARCHIVE_VISUAL: 'off' }).size).toBe(0);
  });

  test('sample:N is deterministic and stable as the archive grows', () => {
    const sample = visualSelection(pages, { ARCHIVE_VISUAL: 'sample:10' });
    expect(sample.size).toBe(10);
    expect(visualSelection([...pages].reverse(), { ARCHIVE_VISUAL: 'sample:10' })).toEqual(sample);
    const grown = visualSelection([...pages, 'new-1', 'new-2'], { ARCHIVE_VISUAL: 'sample:10' });
    expect([...sample].filter((page) => !grown.has(page)).length).toBeLessThanOrEqual(2);
  });

  test('glob: picks by name, the index only when asked', () => {
    expect([...visualSelection(pages, { ARCHIVE_VISUAL: 'glob:2021-*' })]).toEqual(['2021-a', '2021-b']);
    expect(visualSelection(pages, { ARCHIVE_VISUAL: 'glob:2021-a,index' })).toEqual(new Set(['2021-a', 'index']));
    expect(() => visualSelection(pages, { ARCHIVE_VISUAL: 'some' })).toThrow(/must be on, off, sample:N or glob:/);
  });
});
