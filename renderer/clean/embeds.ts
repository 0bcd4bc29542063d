import { isTag, Text, type ChildNode, type Element } from 'domhandler';
import { element } from './dom.ts';
import { EMBED_KIND_LABELS, EMBED_PROVIDERS, UNAVAILABLE_LABEL } from './embed-providers.ts';
import { httpsImageUrl } from './images.ts';

/** The elements that embed media or another page; none survives as such: each becomes a link. */
export const EMBED_ELEMENTS = new Set(['iframe', 'video', 'audio', 'embed', 'object']);

/** Streaming playlists most browsers cannot open from a link: a `<source>` of another format is preferred. */
const PLAYLIST = /\.(m3u8|mpd)(\?|$)/i;

/** What an embed points at, as a reader's link. */
interface EmbedTarget {
  kind: keyof typeof EMBED_KIND_LABELS;
  provider: string;
  /** https address to link, or undefined when the source gave none usable (javascript:, data:, srcdoc only …). */
  url: string | undefined;
  poster: string | undefined;
}

/**
 * Replaces an embed (`<iframe>`, `<video>`, `<audio>`, `<embed>`, `<object>`) by an inline link in its
 * place: `<a class="embed" href="…">视频 · YouTube</a>`, with the video's poster picture inside when it
 * had one. Never a live third-party frame. With no usable address: `<span class="embed">视频 · 地址不可用</span>`.
 */
export function embedLink(embed: Element): ChildNode[] {
  const target = embedTarget(embed);
  const label = `${EMBED_KIND_LABELS[target.kind]} · ${target.url === undefined ? UNAVAILABLE_LABEL : target.provider}`;
  const children: ChildNode[] = [];
  if (target.poster !== undefined) children.push(element('img', { src: target.poster, alt: '', referrerpolicy: 'no-referrer' }, []));
  children.push(element('span', { class: 'embed-label' }, [new Text(label)]));
  if (target.url === undefined) return [element('span', { class: 'embed embed-unavailable' }, children)];
  return [element('a', { class: 'embed', href: target.url }, children)];
}

/** Where an embed points: its provider's watch page when known, else its own https address. */
function embedTarget(embed: Element): EmbedTarget {
  const raw = embedAddress(embed);
  const url = raw === undefined ? undefined : httpsAddress(raw);
  const poster = embed.name === 'video' ? httpsImageUrl(embed.attribs.poster ?? '') : undefined;
  const elementKind = embed.name === 'video' ? 'video' : embed.name === 'audio' ? 'audio' : 'frame';
  if (url === undefined) return { kind: elementKind, provider: '', url: undefined, poster };
  for (const provider of EMBED_PROVIDERS) {
    const match = provider.pattern.exec(url);
    if (match === null) continue;
    const watch = provider.watch?.replace(/\$(\d)/g, (_, group: string) => match[Number(group)] ?? '');
    return { kind: embed.name === 'iframe' || embed.name === 'embed' || embed.name === 'object' ? provider.kind : elementKind, provider: provider.name, url: watch ?? url, poster };
  }
  return { kind: elementKind, provider: new URL(url).hostname, url, poster };
}

/** The address an embed loads: `src` (`data` for `<object>`), or for media the first `<source>` a link can play. */
function embedAddress(embed: Element): string | undefined {
  const own = embed.name === 'object' ? embed.attribs.data : (embed.attribs.src ?? embed.attribs['data-src']);
  if (own !== undefined && own.trim() !== '') return own;
  const sources = embed.children.filter((child): child is Element => isTag(child) && child.name === 'source' && (child.attribs.src ?? '').trim() !== '');
  return (sources.find((source) => !PLAYLIST.test(source.attribs.src ?? '')) ?? sources[0])?.attribs.src;
}

/** A web address as https (`//host` and `http:` upgraded, as for images); anything else is not linkable. */
function httpsAddress(raw: string): string | undefined {
  const https = httpsImageUrl(raw);
  try {
    return https === undefined ? undefined : new URL(https).href;
  } catch {
    return undefined; // no host, or not a URL at all
  }
}
