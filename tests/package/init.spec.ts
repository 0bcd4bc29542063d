import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfigFile } from '../../harness/config/config-file.ts';
import { init } from '../../harness/cli/init.ts';
import { expect, test } from '../support/selftest.ts';

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'init-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

test.describe('archive-fidelity init', () => {
  test("in the archive's Hexo site: detects Hexo, its theme and permalink, and writes a config with the theme's profile, a playwright config, a workflow that generates the site, .gitignore lines", async () => {
    const site = folder({ '_config.yml': readFileSync('fixtures/stacks/hexo5-volantis/_config.yml', 'utf8'), '.gitignore': 'node_modules/\n' });
    const outcome = init(site, { json: true });
    expect(outcome.lines[0]).toBe('found a Hexo site (theme volantis, permalink p/:abbrlink.html)');
    expect(outcome.written).toEqual(['archive-fidelity.config.json', 'playwright.config.ts', '.github/workflows/archive-fidelity.yml']);
    expect(await readConfigFile(join(site, 'archive-fidelity.config.json'))).toMatchObject({ site: { sources: 'source/_posts', pages: 'public', profile: 'hexo-volantis' }, goldens: 'fidelity/golden' });
    expect(readFileSync(join(site, 'playwright.config.ts'), 'utf8')).toContain('export default defineConfig(await archiveFidelity());');
    const workflow = readFileSync(join(site, '.github/workflows/archive-fidelity.yml'), 'utf8');
    expect(workflow).toContain('- run: TZ=Asia/Shanghai npx hexo generate\n      - run: npx archive-fidelity test');
    expect(readFileSync(join(site, '.gitignore'), 'utf8')).toBe('node_modules/\n# archive-fidelity: what a run writes\nfidelity/reports/\nplaywright-report/\ntest-results/\nblob-report/\n');
  });

  test('never overwrites without --force; adds no .gitignore line twice; a theme no profile knows is said', () => {
    const site = folder({ '_config.yml': 'theme: butterfly\npermalink: :year/:title/\n', 'playwright.config.ts': '// mine\n' });
    const first = init(site);
    expect(first.kept).toEqual(['playwright.config.ts']);
    expect(readFileSync(join(site, 'playwright.config.ts'), 'utf8')).toBe('// mine\n');
    expect(first.lines[0]).toMatch(/^found a Hexo site \(theme butterfly, permalink :year\/:title\/\); no built-in profile knows the theme butterfly: write one/);
    const second = init(site);
    expect(second.written).toEqual([]);
    expect(second.lines.some((line) => line.startsWith('added to .gitignore'))).toBe(false);
    const forced = init(site, { force: true });
    expect(forced.written).toContain('playwright.config.ts');
  });

  test('with no generator: the sources are rendered by this renderer, from --src', () => {
    const site = folder();
    mkdirSync(join(site, 'articles'));
    init(site, { src: 'articles' });
    const config = readFileSync(join(site, 'archive-fidelity.config.ts'), 'utf8');
    expect(config).toContain("import { defineConfig } from 'archive-fidelity';");
    expect(config).toContain("sources: 'articles'");
    expect(config).not.toContain('pages:');
  });
});
