/**
 * Where an embedded player really points, as the harness knows it (kept apart from the renderer's own
 * table on purpose). A page may show an embed as a live player or as a link; either way it must reach
 * the same video, so both sides are reduced to the provider's own page before they are compared.
 * Each rule: a pattern on the https address, and the canonical page built from its groups.
 */
const CANONICAL_PAGES: readonly { provider: string; pattern: RegExp; page: (match: RegExpExecArray) => string }[] = [
  { provider: 'YouTube', pattern: /^https:\/\/(?:www\.|m\.)?youtube(?:-nocookie)?\.com\/(?:embed|v)\/([A-Za-z0-9_-]+)/, page: (m) => `https://www.youtube.com/watch?v=${m[1] ?? ''}` },
  { provider: 'YouTube', pattern: /^https:\/\/youtu\.be\/([A-Za-z0-9_-]+)/, page: (m) => `https://www.youtube.com/watch?v=${m[1] ?? ''}` },
  { provider: 'YouTube', pattern: /^https:\/\/(?:www\.|m\.)?youtube\.com\/watch\?(?:[^#]*&)?v=([A-Za-z0-9_-]+)/, page: (m) => `https://www.youtube.com/watch?v=${m[1] ?? ''}` },
  { provider: 'Vimeo', pattern: /^https:\/\/player\.vimeo\.com\/video\/([0-9]+)/, page: (m) => `https://vimeo.com/${m[1] ?? ''}` },
  { provider: 'bilibili', pattern: /^https:\/\/player\.bilibili\.com\/player\.html\?(?:[^#]*&)?bvid=(BV[A-Za-z0-9]+)/, page: (m) => `https://www.bilibili.com/video/${m[1] ?? ''}` },
  { provider: 'bilibili', pattern: /^https:\/\/player\.bilibili\.com\/player\.html\?(?:[^#]*&)?aid=([0-9]+)/, page: (m) => `https://www.bilibili.com/video/av${m[1] ?? ''}` },
  { provider: 'Youku', pattern: /^https:\/\/player\.youku\.com\/embed\/([A-Za-z0-9=]+)/, page: (m) => `https://v.youku.com/v_show/id_${m[1] ?? ''}.html` },
  { provider: 'Tencent Video', pattern: /^https:\/\/v\.qq\.com\/(?:txp\/)?iframe\/player\.html\?(?:[^#]*&)?vid=([A-Za-z0-9]+)/, page: (m) => `https://v.qq.com/x/page/${m[1] ?? ''}.html` },
  { provider: 'Apple Podcasts', pattern: /^https:\/\/embed\.podcasts\.apple\.com\/(.+)$/, page: (m) => `https://podcasts.apple.com/${m[1] ?? ''}` },
];

/** Streaming playlists: a `<video>` is linked by another `<source>` when it has one. */
const STREAM_PLAYLIST = /\.(?:m3u8|mpd)(?:[?#]|$)/i;

/**
 * The page an embed address leads a reader to: the provider's own page when the harness knows the
 * provider, else the address itself. `//host` and `http:` count as https; anything that is not a web
 * address (javascript:, data:, relative, empty) leads nowhere: undefined.
 */
export function canonicalEmbedTarget(raw: string | undefined): string | undefined {
  const text = (raw ?? '').trim();
  if (text === '') return undefined;
  const withScheme = text.startsWith('//') ? `https:${text}` : text;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return undefined;
  url.protocol = 'https:';
  for (const rule of CANONICAL_PAGES) {
    const match = rule.pattern.exec(url.href);
    if (match !== null) return rule.page(match);
  }
  return url.href;
}

/** The address a `<video>`/`<audio>` plays from: `src`, else its first non-playlist `<source>`, else its first `<source>`. */
export function mediaAddress(own: string | undefined, sources: string[]): string | undefined {
  if (own !== undefined && own.trim() !== '') return own;
  const usable = sources.filter((source) => source.trim() !== '');
  return usable.find((source) => !STREAM_PLAYLIST.test(source)) ?? usable[0];
}
