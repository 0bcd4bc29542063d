/** A finding as a failing article test states it: the check's title and the finding in words. */
export interface StatedFinding {
  check: string;
  message: string;
}

/**
 * The findings a failure message states (`<check title>: N finding(s)` then one `  - <finding>`
 * line each, as `toHaveNoFindings` writes them), colour codes aside.
 */
export function findingsIn(message: string): StatedFinding[] {
  const findings: StatedFinding[] = [];
  let check = '';
  // eslint-disable-next-line no-control-regex -- colour codes in messages
  for (const line of message.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
    const heading = /^(?:Error: )?(.+?): \d+ finding\(s\)$/.exec(line.trim());
    if (heading?.[1] !== undefined) check = heading[1];
    else if (line.startsWith('  - ') && check !== '') findings.push({ check, message: line.slice(4) });
  }
  return findings;
}
