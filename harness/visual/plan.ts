/**
 * Which pages get the visual check (ARCHIVE_VISUAL): `on` (default) every page, `off` none;
 * the fidelity checks always cover every page.
 */
export function visualEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.ARCHIVE_VISUAL ?? 'on').trim().toLowerCase();
  if (value === 'on' || value === '') return true;
  if (value === 'off') return false;
  throw new Error(`ARCHIVE_VISUAL=${env.ARCHIVE_VISUAL} must be "on" or "off"`);
}
