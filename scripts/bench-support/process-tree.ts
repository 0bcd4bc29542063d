import { readdirSync, readFileSync } from 'node:fs';

/**
 * Samples the memory of a process and all its descendants (Playwright's workers, every Chromium
 * process) from /proc: the sum of their PSS, so pages shared between processes count once.
 * Returns a function that stops sampling and gives the peak in MiB.
 */
export function samplePeakMemory(rootPid: number, everyMs = 250): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treePssKiB(rootPid));
  }, everyMs);
  return () => {
    clearInterval(timer);
    return Math.round(peak / 1024);
  };
}

function treePssKiB(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // ended, or not ours to read
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}
