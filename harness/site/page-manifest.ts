import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { SourceFile } from '../run/sources.ts';
import { sharedPages, type PageMap, type PagePlace } from './page-map.ts';

/** A manifest: source file name → its page's file in the site folder (`p/243.html`, `2021/04/x/index.html`). */
const Manifest = z.record(
  z.string().min(1),
  z
    .string()
    .min(1)
    .refine((page) => !page.startsWith('/') && !page.split('/').includes('..'), 'a page file inside the site folder, without a leading / or ..'),
);

/** Raised for a manifest that cannot be read; the message names the file and the entry. */
export class ManifestError extends Error {}

/** Every source's page as a manifest the user gives says (ARCHIVE_PAGES): for generators whose model the harness cannot read. */
export function pagesFromManifest(file: string, sources: readonly SourceFile[]): PageMap {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ManifestError(`ARCHIVE_PAGES=${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(error as Error).message})`}`);
  }
  const parsed = Manifest.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ManifestError(`ARCHIVE_PAGES=${file}: ${issue?.path.length ? `entry ${JSON.stringify(issue.path.join('.'))}: ` : ''}${issue?.message ?? 'invalid'} (expected {"<source>.md": "<page file>", …})`);
  }
  const places: Record<string, PagePlace> = {};
  for (const source of sources) {
    const page = parsed.data[basename(source.path)];
    places[source.slug] = page === undefined ? { none: `the manifest ${file} names no page for ${basename(source.path)}` } : { page: page.replace(/\/$/, '/index.html') };
  }
  const advice = (page: string, files: string[]): string => `${files.join(' and ')} are both published at ${page} by the manifest ${file}: only one of them can be read there. Fix: give each its own page`;
  return { how: `the manifest ${file}`, places, shared: sharedPages(places, sources, advice), otherPages: [] };
}
