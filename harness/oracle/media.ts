import type { Cheerio, CheerioAPI } from 'cheerio';
import { isTag, type AnyNode, type Element } from 'domhandler';
import { canonicalEmbedTarget, mediaAddress } from './embed-targets.ts';
import { imageSource } from './image-source.ts';
import { normalizeImageUrl } from './normalize.ts';

/** Elements that embed media or another page. What is inside them is fallback, never shown next to them. */
export const EMBED_TAGS: ReadonlySet<string> = new Set(['iframe', 'video', 'audio', 'embed', 'object']);

/** One embed of the source, as a faithful page must still offer it. */
export interface ExpectedEmbed {
  /** The source element: iframe, video, audio, embed or object. */
  element: string;
  /** Where it leads (canonical-embed-target), or undefined when the source gave no web address. */
  target: string | undefined;
}

/** The source's content images: the picture of every <img> and the poster of every <video>, in order. */
export interface ContentImages {
  images: string[];
  /** Images broken in the source itself (a script's `/undefined` URL). */
  broken: string[];
}

/** True for an element inside an embed: fallback content, which readers never see. */
function insideEmbed(element: Element): boolean {
  for (let parent = element.parent; parent !== null; parent = parent.parent) if ('name' in parent && EMBED_TAGS.has(parent.name)) return true;
  return false;
}

/** Every embed of a (chrome-free) source, in document order; an embed inside another is its fallback and does not count. */
export function expectedEmbeds($: CheerioAPI): ExpectedEmbed[] {
  return $([...EMBED_TAGS].join(', '))
    .toArray()
    .filter((embed): embed is Element => isTag(embed) && !insideEmbed(embed))
    .map((embed) => ({ element: embed.name, target: canonicalEmbedTarget(embedAddress($, embed)) }));
}

function embedAddress($: CheerioAPI, embed: Element): string | undefined {
  if (embed.name === 'object') return embed.attribs.data;
  if (embed.name === 'video' || embed.name === 'audio') {
    return mediaAddress(
      embed.attribs.src,
      $(embed)
        .children('source')
        .toArray()
        .map((source) => source.attribs.src ?? ''),
    );
  }
  return embed.attribs.src !== undefined && embed.attribs.src.trim() !== '' ? embed.attribs.src : embed.attribs['data-src']; // lazy frames keep it in data-src
}

/** The pictures a reader sees in the body, in order: each <img>'s real picture (image-source.ts) and each video poster. */
export function contentImages(within: Cheerio<AnyNode>): ContentImages {
  const images: string[] = [];
  const broken: string[] = [];
  for (const element of within.find('img, video[poster]').add(within.filter('img, video[poster]')).toArray()) {
    if (!isTag(element) || insideEmbed(element)) continue;
    if (element.name === 'video') {
      const poster = normalizeImageUrl(element.attribs.poster ?? '');
      if (poster !== undefined) images.push(poster);
      continue;
    }
    const source = imageSource(element.attribs);
    if (source.kind === 'picture') images.push(source.url);
    else if (source.kind === 'broken') broken.push(source.raw);
  }
  return { images, broken };
}
