/**
 * Known media hosts: how an embedded player's address becomes the provider's own page for the same
 * video or episode, so a reader's link opens where people watch it. Policy as data; embeds.ts applies it.
 * `pattern` is tried on the embed's https URL; `$1`, `$2` in `watch` are its groups.
 */
export interface EmbedProvider {
  name: string;
  kind: 'video' | 'audio';
  pattern: RegExp;
  /** The canonical page; absent: the embed's own https address is kept. */
  watch?: string;
}

export const EMBED_PROVIDERS: readonly EmbedProvider[] = [
  { name: 'YouTube', kind: 'video', pattern: /^https:\/\/(?:www\.|m\.)?youtube(?:-nocookie)?\.com\/(?:embed|v)\/([\w-]{6,})/, watch: 'https://www.youtube.com/watch?v=$1' },
  { name: 'YouTube', kind: 'video', pattern: /^https:\/\/(?:www\.|m\.)?youtube\.com\/watch\?(?:.*&)?v=([\w-]{6,})/, watch: 'https://www.youtube.com/watch?v=$1' },
  { name: 'YouTube', kind: 'video', pattern: /^https:\/\/youtu\.be\/([\w-]{6,})/, watch: 'https://www.youtube.com/watch?v=$1' },
  { name: 'Vimeo', kind: 'video', pattern: /^https:\/\/player\.vimeo\.com\/video\/(\d+)/, watch: 'https://vimeo.com/$1' },
  { name: 'Vimeo', kind: 'video', pattern: /^https:\/\/(?:[\w-]+\.)*vimeo\.com\// },
  { name: 'bilibili', kind: 'video', pattern: /^https:\/\/player\.bilibili\.com\/player\.html\?(?:.*&)?bvid=(BV\w+)/, watch: 'https://www.bilibili.com/video/$1' },
  { name: 'bilibili', kind: 'video', pattern: /^https:\/\/player\.bilibili\.com\/player\.html\?(?:.*&)?aid=(\d+)/, watch: 'https://www.bilibili.com/video/av$1' },
  { name: '优酷', kind: 'video', pattern: /^https:\/\/player\.youku\.com\/embed\/([\w=]+)/, watch: 'https://v.youku.com/v_show/id_$1.html' },
  { name: '腾讯视频', kind: 'video', pattern: /^https:\/\/v\.qq\.com\/(?:txp\/)?iframe\/player\.html\?(?:.*&)?vid=(\w+)/, watch: 'https://v.qq.com/x/page/$1.html' },
  { name: '秒拍', kind: 'video', pattern: /^https:\/\/(?:[\w-]+\.)*miaopai\.com\// },
  { name: '搜狐视频', kind: 'video', pattern: /^https:\/\/(?:[\w-]+\.)*(?:tv\.sohu\.com|vrs\.sohu\.com)\// },
  { name: 'Apple Podcasts', kind: 'audio', pattern: /^https:\/\/embed\.podcasts\.apple\.com\/(.+)$/, watch: 'https://podcasts.apple.com/$1' },
];

/** How each kind of embed is named to readers. */
export const EMBED_KIND_LABELS = { video: '视频', audio: '音频', frame: '嵌入内容' } as const;

/** The label of an embed whose address cannot be linked (not a web address, or script). */
export const UNAVAILABLE_LABEL = '地址不可用';
