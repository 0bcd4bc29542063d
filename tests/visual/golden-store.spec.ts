import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/selftest.ts';
import { PNG } from 'pngjs';
import { decide, environmentChanges, GoldenStore, sha256, type GoldenState, type UpdateMode } from '../../harness/visual/golden-store.ts';
import { readTextChunks, withTextChunks } from '../../harness/visual/png-chunks.ts';

const environment = { browser: '@sparticuz/chromium@153.0.0', chromium: '150.0', playwright: '1.64.1', font: 'noto@5.3.0', widths: [1280, 390] };

test.describe('golden policy (pure)', () => {
  // state × mode → [write, fail, status]; the CI column never writes.
  const TABLE: [GoldenState, UpdateMode, boolean, boolean, string][] = [
    ['missing', 'none', false, true, 'missing'],
    ['missing', 'default', true, true, 'new'],
    ['missing', 'missing', true, false, 'new'],
    ['missing', 'changed', true, false, 'new'],
    ['missing', 'all', true, false, 'new'],
    ['same', 'none', false, false, 'passed'],
    ['same', 'default', false, false, 'passed'],
    ['same', 'missing', false, false, 'passed'],
    ['same', 'changed', false, false, 'passed'],
    ['same', 'all', true, false, 'passed'],
    ['different', 'none', false, true, 'changed'],
    ['different', 'default', false, true, 'changed'],
    ['different', 'missing', false, true, 'changed'],
    ['different', 'changed', true, false, 'updated'],
    ['different', 'all', true, false, 'updated'],
  ];
  for (const [state, mode, write, fail, status] of TABLE) {
    test(`${state} golden, --update-snapshots=${mode}: ${write ? 'write' : 'keep'}, ${fail ? 'fail' : 'pass'}`, () => {
      expect(decide(state, mode, false)).toEqual({ write, fail, status });
      const ci = decide(state, mode, true);
      expect(ci.write).toBe(false);
      expect(ci.fail).toBe(state !== 'same');
    });
  }
});

test.describe('golden store', () => {
  test('a golden is recompressed losslessly and remembers its source screenshot and environment', async () => {
    const png = new PNG({ width: 300, height: 200 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([(i / 4) % 256, 128, 64, 255], i);
    const screenshot = PNG.sync.write(png, { deflateLevel: 1 });
    const store = new GoldenStore(mkdtempSync(join(tmpdir(), 'golden-')), 'all', false);
    await store.writePng('page@1280.png', screenshot, environment);
    const golden = store.readPng('page@1280.png');
    expect(golden?.sourceHash).toBe(sha256(screenshot));
    expect(golden?.environment).toEqual(environment);
    expect(PNG.sync.read(golden?.png ?? Buffer.alloc(0)).data.equals(png.data)).toBe(true);
    expect(readFileSync(join(store.dir, 'page@1280.png')).length).toBeLessThan(screenshot.length);
  });

  test('text chunks round-trip; environment changes are named', () => {
    const png = PNG.sync.write(new PNG({ width: 2, height: 2 }));
    expect(readTextChunks(withTextChunks(png, { a: '1', b: 'two' }))).toEqual(
      new Map([
        ['a', '1'],
        ['b', 'two'],
      ]),
    );
    expect(environmentChanges({ ...environment, chromium: '156.0' }, environment)).toEqual(['Chromium 156.0 → 150.0']);
    expect(environmentChanges({ ...environment, browser: 'Debian chromium' }, environment)).toEqual(['browser build Debian chromium → @sparticuz/chromium@153.0.0']);
    expect(environmentChanges(undefined, environment)).toEqual(['the golden does not record what made it']);
  });
});
