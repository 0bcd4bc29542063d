/**
 * Writes the table of environment variables (harness/config/env-settings.ts) into
 * docs/configuration.md between the `env:` markers. Usage: npm run docs:config
 */
import { ENV_SETTINGS } from '../harness/config/env-settings.ts';
import { spliceIntoReadme } from './bench-support/results-table.ts';

/** The table, as docs/configuration.md shows it. */
export function envTable(): string {
  return ['| variable | overrides | what for |', '|---|---|---|', ...ENV_SETTINGS.map((row) => `| \`${row.env}\` | \`${row.key}\` | ${row.why.replace(/\|/g, '\\|')} |`)].join('\n');
}

if (process.argv[1]?.endsWith('config-table.ts')) spliceIntoReadme('docs/configuration.md', envTable(), 'env');
