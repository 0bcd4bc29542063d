import type { HexoModel } from './hexo-site.ts';

/** What a Hexo site knows of how a post's page name is made: enough to say why two posts got one. */
type Site = Pick<HexoModel, 'permalink' | 'abbrlink' | 'plugins'>;

/**
 * Why two sources of a Hexo site share one page, and how to give each its own, by the permalink
 * token that named them (the first rule that holds wins). Data, not code: a new cause is a new row.
 */
const CAUSES: { when: (site: Site) => boolean; cause: (site: Site) => string; fix: string }[] = [
  {
    when: (site) => site.permalink.includes(':abbrlink') && site.plugins.includes('hexo-abbrlink') && (site.abbrlink?.alg ?? 'crc16') === 'crc16',
    cause: (site) =>
      `hexo-abbrlink (alg crc16, rep ${site.abbrlink?.rep ?? 'dec'}) gave both titles the same abbrlink: crc16 has 65,536 values, and hexo-abbrlink 2.x never resolves a collision (its duplicate check compares numbers with hex strings), so one page overwrote the other`,
    fix: 'give one of them an abbrlink: of its own by hand in its front matter (a value no other post has); for new posts, `abbrlink: { alg: crc32 }` in _config.yml makes collisions rare',
  },
  {
    when: (site) => site.permalink.includes(':abbrlink'),
    cause: () => 'both front matters name the same abbrlink (or the plugin computed the same one)',
    fix: 'give one of them an abbrlink: of its own by hand in its front matter',
  },
  {
    when: (site) => /:(title|name|post_title)\b/.test(site.permalink),
    cause: (site) => `the permalink ${site.permalink} makes the same path of both file names or titles`,
    fix: 'give one of them a slug: or permalink: of its own in its front matter',
  },
];

/** The words of a shared-page finding: what happened, why, and what to do. */
export function sharedPageAdvice(site: Site, page: string, files: string[]): string {
  const rule = CAUSES.find((candidate) => candidate.when(site));
  const cause = rule?.cause(site) ?? `the permalink ${site.permalink} gives them the same path`;
  const fix = rule?.fix ?? 'give one of them a permalink: of its own in its front matter';
  return `${files.join(' and ')} are both published at ${page}: only one of them can be read there, the other is lost. Cause: ${cause}. Fix: ${fix}`;
}
