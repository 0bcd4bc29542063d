#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config/config-file.ts';
import { prepareSettings } from '../config/settings.ts';
import type { Summary } from '../report/summary.ts';
import { approve } from './approve.ts';
import { init } from './init.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const PACKAGE_ROOT = join(HERE, '..', '..');

const HELP = `archive-fidelity: proves, in a real Chromium, that every page of an archive is faithful to its source.

Usage: archive-fidelity <command> [options]

Commands:
  init [--force] [--json] [--src DIR] [--out DIR]
      Sets up this folder (a Hexo site is detected from _config.yml): writes archive-fidelity.config.ts
      (or .json), playwright.config.ts, .github/workflows/archive-fidelity.yml and .gitignore lines.
      Never overwrites a file without --force; asks nothing (--yes is accepted and changes nothing).
  test [playwright options…]
      The verdict on the configured site: one test per article, the index, the folder, the goldens.
      Playwright's options pass through (--shard, --grep, --update-snapshots, --workers …); a
      --reporter adds to the summary and cache reporters instead of replacing them.
  render [--strict] [--full] [--per-page N] SRC OUT
      Renders the archived posts of SRC into clean, self-contained pages in OUT; a second render writes
      only what changed (--full: everything). An interrupted render leaves OUT as it was.
  approve [--force] [page…]
      Accepts the last run's changed or missing goldens (or those of the named pages) without a re-run;
      refuses a page whose fidelity checks failed in that run unless --force.
  report [--open]
      Says what the last run found and where its reports are; --open serves the HTML report.

Exit status: 0 success; 1 findings, failed tests, refused approvals or refused sources; 2 bad usage,
a bad config file or no run to read.`;

/** Runs a command and returns its exit status. */
async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    console.log(packageVersion());
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  switch (command) {
    case 'init': {
      const value = (flag: string): string | undefined => {
        const at = rest.indexOf(flag);
        return at === -1 ? undefined : rest[at + 1];
      };
      const outcome = init(process.cwd(), { force: rest.includes('--force'), json: rest.includes('--json'), src: value('--src'), out: value('--out') });
      for (const line of outcome.lines) console.log(line);
      return 0;
    }
    case 'test':
      return playwright(['test', '--config', join(PACKAGE_ROOT, 'harness', 'suite', `playwright.config${EXTENSION}`), ...withOurReporters(rest)]);
    case 'render': {
      const cli = join(PACKAGE_ROOT, 'renderer', `cli${EXTENSION}`);
      return spawnSync(process.execPath, [...(EXTENSION === '.ts' ? ['--import', 'tsx'] : []), cli, ...rest], { stdio: 'inherit' }).status ?? 1;
    }
    case 'approve': {
      const run = await settingsOr2();
      if (run === undefined) return 2;
      const outcome = await approve(
        run.reports,
        rest.filter((arg) => arg !== '--force'),
        { force: rest.includes('--force') },
      );
      for (const line of outcome.lines) console.log(line);
      for (const line of outcome.errors) console.error(line);
      return outcome.code;
    }
    case 'report':
      return report(rest.includes('--open'));
    default:
      console.error(`unknown command ${command}\n\n${HELP}`);
      return 2;
  }
}

/** This package's version, from its package.json (above lib/ when installed, at the root in this repository). */
function packageVersion(): string {
  for (const file of [join(PACKAGE_ROOT, 'package.json'), join(PACKAGE_ROOT, '..', 'package.json')]) {
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === 'archive-fidelity' && manifest.version !== undefined) return manifest.version;
  }
  return 'unknown';
}

async function settingsOr2(): Promise<Awaited<ReturnType<typeof prepareSettings>> | undefined> {
  try {
    return await prepareSettings();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return undefined;
  }
}

/** A --reporter a user gives joins the fidelity summary and verdict cache reporters instead of replacing them. */
function withOurReporters(args: string[]): string[] {
  const fidelity = join(PACKAGE_ROOT, 'harness', 'report', `fidelity-reporter${EXTENSION}`);
  return args.map((arg) => (arg.startsWith('--reporter=') ? `--reporter=${arg.slice('--reporter='.length)},${fidelity}` : arg));
}

/** Runs this package's Playwright with the given arguments, in the working directory. */
function playwright(args: string[]): number {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  return spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' }).status ?? 1;
}

/** What the last run found, in two lines, and where its reports are. */
async function report(open: boolean): Promise<number> {
  const run = await settingsOr2();
  if (run === undefined) return 2;
  const summaryFile = join(run.reports, 'summary.json');
  if (!existsSync(summaryFile)) {
    console.error(`${relative(process.cwd(), summaryFile)} not found: run archive-fidelity test first.`);
    return 2;
  }
  const { counts } = JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary;
  console.log(`last run: ${counts.articles} pages, ${counts.failed} failed · goldens ${counts.visual.passed} passed, ${counts.visual.changed} changed, ${counts.visual.new} new, ${counts.visual.deleted} deleted`);
  console.log(`summary: ${relative(process.cwd(), join(run.reports, 'index.html'))} · HTML report: playwright-report/index.html (archive-fidelity report --open)`);
  return open ? playwright(['show-report']) : counts.failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
