import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { BUILTIN_PROFILES } from '../profiles/choose-profile.ts';

/** What `init` found in a site's folder. */
interface Detected {
  /** In words, for the file's first comment and the terminal. */
  what: string;
  sources: string;
  /** Undefined: the sources are rendered by this project's renderer. */
  pages: string | undefined;
  profile: string | undefined;
  /** The command that generates the pages, for the CI workflow; undefined when they are rendered here. */
  generate: string | undefined;
}

/** How `init` went: what it wrote, what it left as it was, and why. */
export interface InitOutcome {
  written: string[];
  kept: string[];
  lines: string[];
}

/** The lines a site's .gitignore needs: what a run writes. */
const IGNORED = ['fidelity/reports/', 'playwright-report/', 'test-results/', 'blob-report/'];

/**
 * Finds the generator of a site folder: a Hexo site (`_config.yml`: its theme, permalink, source and
 * public folders, the built-in profile of its theme), else sources and pages as given (sources
 * default to `posts`; with no pages named, they are rendered by this project's renderer).
 */
function detectSite(dir: string, given: { src?: string; out?: string } = {}): Detected {
  const config = join(dir, '_config.yml');
  if (existsSync(config)) {
    const hexo = (loadYaml(readFileSync(config, 'utf8')) ?? {}) as Record<string, unknown>;
    const theme = typeof hexo.theme === 'string' ? hexo.theme : undefined;
    const named = theme === undefined ? undefined : `hexo-${theme}`;
    const profile = named !== undefined && (BUILTIN_PROFILES as readonly string[]).includes(named) ? named : undefined;
    const source = typeof hexo.source_dir === 'string' ? hexo.source_dir : 'source';
    const permalink = typeof hexo.permalink === 'string' ? hexo.permalink : ':year/:month/:day/:title/';
    return {
      what: `a Hexo site (theme ${theme ?? 'none'}, permalink ${permalink})${profile === undefined && theme !== undefined ? `; no built-in profile knows the theme ${theme}: write one (docs/profiles.md) and name it in site.profile` : ''}`,
      sources: given.src ?? `${source}/_posts`,
      pages: given.out ?? (typeof hexo.public_dir === 'string' ? hexo.public_dir : 'public'),
      profile,
      generate: 'TZ=Asia/Shanghai npx hexo generate',
    };
  }
  return { what: given.out === undefined ? "no generator: the sources are rendered by this project's renderer" : 'pages generated elsewhere', sources: given.src ?? 'posts', pages: given.out, profile: undefined, generate: undefined };
}

function configFile(detected: Detected, json: boolean): string {
  const site = { sources: detected.sources, ...(detected.pages === undefined ? {} : { pages: detected.pages }), ...(detected.profile === undefined ? {} : { profile: detected.profile }) };
  const config = { site, goldens: 'fidelity/golden', reports: 'fidelity/reports' };
  if (json) return `${JSON.stringify({ why: `written by archive-fidelity init for ${detected.what}`, ...config }, null, 2)}\n`;
  return [
    "import { defineConfig } from 'archive-fidelity';",
    '',
    `// Written by \`archive-fidelity init\` for ${detected.what}.`,
    '// Every key: docs/configuration.md. Environment variables override these (ARCHIVE_SRC, ARCHIVE_OUT, …).',
    `export default defineConfig(${JSON.stringify(config, null, 2)
      .replace(/"([a-zA-Z]+)":/g, '$1:')
      .replace(/"/g, "'")});`,
    '',
  ].join('\n');
}

const PLAYWRIGHT_CONFIG = `import { defineConfig } from '@playwright/test';
import { archiveFidelity } from 'archive-fidelity/playwright';

// The verdict on this site, as \`npx archive-fidelity test\` gives it; settings in archive-fidelity.config.*.
export default defineConfig(await archiveFidelity());
`;

function workflow(detected: Detected): string {
  const generate = detected.generate === undefined ? [] : [`      - run: ${detected.generate}`];
  return [
    '# Written by archive-fidelity init: the fidelity verdict on every push and pull request.',
    'name: Archive fidelity',
    'on: [push, pull_request]',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  fidelity:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 60',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    '          cache: npm',
    '      - run: npm ci',
    ...generate,
    '      - run: npx archive-fidelity test',
    '      - if: always()',
    '        uses: actions/upload-artifact@v4',
    '        with:',
    '          name: fidelity-report',
    '          path: |',
    '            fidelity/reports/',
    '            playwright-report/',
    '',
  ].join('\n');
}

/**
 * Sets a site's folder up: `archive-fidelity.config.ts` (or `.json`) with what it detected, a
 * `playwright.config.ts` that takes the package's configuration (so `npx playwright test` gives the
 * same verdict as `archive-fidelity test`), a GitHub Actions workflow, and .gitignore lines. It never
 * overwrites a file without `force`, and asks nothing.
 */
export function init(dir: string, options: { force?: boolean; json?: boolean; src?: string; out?: string } = {}): InitOutcome {
  const detected = detectSite(dir, options);
  const outcome: InitOutcome = { written: [], kept: [], lines: [`found ${detected.what}`] };
  const files: [string, string][] = [
    [options.json === true ? 'archive-fidelity.config.json' : 'archive-fidelity.config.ts', configFile(detected, options.json === true)],
    ['playwright.config.ts', PLAYWRIGHT_CONFIG],
    ['.github/workflows/archive-fidelity.yml', workflow(detected)],
  ];
  for (const [name, body] of files) {
    const path = join(dir, name);
    if (existsSync(path) && options.force !== true) {
      outcome.kept.push(name);
      outcome.lines.push(`kept ${name}: it exists (--force overwrites it)`);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body);
    outcome.written.push(name);
    outcome.lines.push(`wrote ${name}`);
  }
  const gitignore = join(dir, '.gitignore');
  const present = existsSync(gitignore)
    ? readFileSync(gitignore, 'utf8')
        .split('\n')
        .map((line) => line.trim())
    : [];
  const missing = IGNORED.filter((line) => !present.includes(line));
  if (missing.length > 0) {
    appendFileSync(gitignore, `${present.length > 0 && present.at(-1) !== '' ? '\n' : ''}# archive-fidelity: what a run writes\n${missing.join('\n')}\n`);
    outcome.lines.push(`added to .gitignore: ${missing.join(' ')}`);
  }
  outcome.lines.push('next: npx archive-fidelity test (the first run writes the goldens into fidelity/golden/: look at them, then commit them)');
  return outcome;
}
