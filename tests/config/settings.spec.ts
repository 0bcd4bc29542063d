import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '../../harness/config/config-file.ts';
import { ENV_SETTINGS } from '../../harness/config/env-settings.ts';
import { prepareSettings, RESOLVED_SETTINGS_ENV, settings, whereSet } from '../../harness/config/settings.ts';
import { envTable } from '../../scripts/config-table.ts';
import { runPlaywright } from '../support/child-run.ts';
import { expect, test } from '../support/selftest.ts';

/** A site folder with the given config file. */
function siteWith(name: string, body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'config-'));
  writeFileSync(join(dir, name), body);
  return dir;
}

const TS_CONFIG = `import { defineConfig } from ${JSON.stringify(resolve('harness/config/config-file.ts'))};
export default defineConfig({ site: { sources: 'source/_posts', pages: 'public', profile: 'hexo-volantis' }, goldens: 'fidelity/golden', visual: 'sample:20', timezone: 'UTC' });
`;

test.describe('one config, read in one place', () => {
  test('no config file: the bundled fixtures, rendered here, with their goldens', () => {
    const cwd = resolve('.');
    expect(settings({}, cwd)).toMatchObject({ configFile: undefined, sources: join(cwd, 'fixtures'), pages: undefined, goldens: join(cwd, 'golden'), timezone: 'Asia/Shanghai', reports: join(cwd, 'reports/fidelity'), workers: '100%' });
  });

  test('a TypeScript config is read once where the run starts; its paths are those of its folder; the environment overrides it', async () => {
    const dir = siteWith('archive-fidelity.config.ts', TS_CONFIG);
    const env: NodeJS.ProcessEnv = {};
    const resolved = await prepareSettings(env, dir);
    expect(resolved).toMatchObject({
      configFile: join(dir, 'archive-fidelity.config.ts'),
      sources: join(dir, 'source/_posts'),
      pages: join(dir, 'public'),
      profile: 'hexo-volantis',
      goldens: join(dir, 'fidelity/golden'),
      visual: 'sample:20',
      timezone: 'UTC',
    });
    expect(settings(env, '/elsewhere')).toEqual(resolved); // every process of the run reads the same values
    const overridden = await prepareSettings({ ARCHIVE_TZ: 'Asia/Tokyo', ARCHIVE_OUT: 'site/out', ARCHIVE_GOLDEN: 'off', ARCHIVE_WORKERS: '1' }, dir);
    expect(overridden).toMatchObject({ timezone: 'Asia/Tokyo', pages: join(dir, 'site/out'), goldens: undefined, workers: 1 });
    expect((await prepareSettings({ ARCHIVE_WORKERS: '50%' }, dir)).workers).toBe('50%');
    expect(whereSet('site.pages', { ARCHIVE_OUT: 'site/out', [RESOLVED_SETTINGS_ENV]: JSON.stringify(overridden) })).toBe('ARCHIVE_OUT=site/out');
    expect(whereSet('site.sources', { [RESOLVED_SETTINGS_ENV]: JSON.stringify(overridden) })).toBe(`${join(dir, 'archive-fidelity.config.ts')}: site.sources`);
  });

  test('a bad config is refused naming the file and the key; so is a bad variable, naming the variable', async () => {
    const bad = siteWith('archive-fidelity.config.json', JSON.stringify({ visual: 'sometimes' }));
    await expect(prepareSettings({}, bad)).rejects.toThrow(new ConfigError(`${join(bad, 'archive-fidelity.config.json')}: visual: one of on, off, sample:N, glob:<pattern>`));
    const unknown = siteWith('archive-fidelity.config.json', JSON.stringify({ site: { source: 'posts' } }));
    await expect(prepareSettings({}, unknown)).rejects.toThrow(/archive-fidelity\.config\.json: site: Unrecognized key: "source"/);
    const broken = siteWith('archive-fidelity.config.ts', 'export default { visual: ');
    await expect(prepareSettings({}, broken)).rejects.toThrow(/archive-fidelity\.config\.ts: cannot be read/);
    expect(() => settings({ ARCHIVE_VISUAL_MAX_DIFF_RATIO: '2' }, resolve('.'))).toThrow('ARCHIVE_VISUAL_MAX_DIFF_RATIO=2: must be a number from 0 to 1');
    expect(() => settings({ ARCHIVE_WORKERS: 'two' }, resolve('.'))).toThrow('ARCHIVE_WORKERS=two: must be a whole number of workers, or a share of the cores such as 50%');
    const workers = siteWith('archive-fidelity.config.json', JSON.stringify({ workers: 0 }));
    await expect(prepareSettings({}, workers)).rejects.toThrow(/archive-fidelity\.config\.json: workers: /);
    // An accepted finding needs a pattern that compiles, a check whose findings may be accepted, and why.
    const pattern = siteWith('archive-fidelity.config.json', JSON.stringify({ accept: [{ check: 'images', finding: 'a(b', why: 'the theme' }] }));
    await expect(prepareSettings({}, pattern)).rejects.toThrow(new ConfigError(`${join(pattern, 'archive-fidelity.config.json')}: accept.0.finding: not a regular expression`));
    const lost = siteWith('archive-fidelity.config.json', JSON.stringify({ accept: [{ check: 'page', finding: 'both published', why: 'two titles, one link' }] }));
    await expect(prepareSettings({}, lost)).rejects.toThrow(/archive-fidelity\.config\.json: accept\.0\.check: /);
    const why = siteWith('archive-fidelity.config.json', JSON.stringify({ accept: [{ check: 'images', finding: 'outside the article body$' }] }));
    await expect(prepareSettings({}, why)).rejects.toThrow(/archive-fidelity\.config\.json: accept\.0\.why: /);
  });

  test('every variable overrides a key of the config file, and says why one would set it', () => {
    for (const row of ENV_SETTINGS) expect(row.why.length, row.env).toBeGreaterThan(10);
    expect(new Set(ENV_SETTINGS.map((row) => row.env)).size).toBe(ENV_SETTINGS.length);
    expect(readFileSync('docs/configuration.md', 'utf8'), 'docs/configuration.md is current (npm run docs:config)').toContain(envTable());
  });

  test('a run reads the config file of its working directory: a wrong path in it is one line naming the file and the key', async () => {
    const dir = siteWith('archive-fidelity.config.json', JSON.stringify({ site: { sources: 'no-such-posts' } }));
    mkdirSync(join(dir, 'x'));
    const run = await runPlaywright(['--project=archive'], { ARCHIVE_CONFIG: join(dir, 'archive-fidelity.config.json') });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`${join(dir, 'archive-fidelity.config.json')}: site.sources: no such folder of source articles (${join(dir, 'no-such-posts')})`);
  });
});
