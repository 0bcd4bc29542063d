/**
 * Accepts the last run's actual screenshots and page snapshots as the new goldens, without running
 * the suite again (harness/cli/approve.ts). Usage: npm run approve -- [--force] [slug ...]
 */
import { approve } from '../harness/cli/approve.ts';
import { reportDir } from '../harness/config/archive-config.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(
    "Usage: npm run approve -- [--force] [slug ...]\nAccepts the last run's actual screenshots (all changed or missing ones, or those of the named pages) as goldens.\nA page whose fidelity checks failed in that run is refused; --force approves it anyway and records so in the golden.\nExit status: 0 approved (or nothing to do), 1 some pages refused, 2 no run to read or an unknown page.",
  );
} else {
  const outcome = await approve(
    reportDir(),
    args.filter((arg) => arg !== '--force'),
    { force: args.includes('--force') },
  );
  for (const line of outcome.lines) console.log(line);
  for (const line of outcome.errors) console.error(line);
  process.exitCode = outcome.code;
}
