import { expect, test } from '../support/selftest.ts';
import { checkEmbeds } from '../../harness/checks/embeds.ts';
import type { EmbedFacts } from '../../harness/observe/collect-in-page.ts';
import { canonicalEmbedTarget } from '../../harness/oracle/embed-targets.ts';
import type { ExpectedEmbed } from '../../harness/oracle/media.ts';
import { messages } from './helpers.ts';

const YOUTUBE = 'https://www.youtube.com/watch?v=Wz8Vw5tOf5M';
const VIMEO = 'https://vimeo.com/272759515';
const expected: ExpectedEmbed[] = [
  { element: 'iframe', target: YOUTUBE },
  { element: 'video', target: 'https://x.example/a.mp4' },
  { element: 'iframe', target: undefined },
];
const link = (href: string | null, fields: Partial<EmbedFacts> = {}): EmbedFacts => ({ tag: href === null ? 'span' : 'a', link: true, href, src: null, sources: [], text: '视频', visible: true, ...fields });
const live = (tag: string, src: string | null, sources: string[] = []): EmbedFacts => ({ tag, link: false, href: null, src, sources, text: '', visible: true });
const run = (embeds: EmbedFacts[]) => messages(checkEmbeds({ embeds: expected }, { embeds }));

test.describe('embeds check (pure)', () => {
  test('links to the same targets, in order, pass; so do live players reaching the same videos', () => {
    expect(run([link(YOUTUBE), link('https://x.example/a.mp4'), link(null)])).toEqual([]);
    expect(run([live('iframe', 'https://www.youtube-nocookie.com/embed/Wz8Vw5tOf5M?rel=0'), live('video', null, ['https://x.example/a.m3u8', 'https://x.example/a.mp4']), live('iframe', 'javascript:void(0)')])).toEqual([]);
  });

  test('dropped, added, swapped, hidden and empty embeds are each named', () => {
    expect(run([link(YOUTUBE), link(null)])).toEqual(['missing embed #2 of 3 (<video>): https://x.example/a.mp4']);
    expect(run([link(YOUTUBE), link('https://x.example/a.mp4'), link(null), link(VIMEO)])).toEqual([`embed not in the source: ${VIMEO}`]);
    expect(run([link('https://x.example/a.mp4'), link(YOUTUBE), link(null)])[0]).toMatch(/is out of order/);
    expect(run([link(YOUTUBE, { visible: false }), link('https://x.example/a.mp4'), link(null)])).toEqual([`embed #1 of the page is hidden from readers: ${YOUTUBE}`]);
    expect(run([link(YOUTUBE, { text: '' }), link('https://x.example/a.mp4'), link(null)])).toEqual([`embed #1 of the page is a link with no text: ${YOUTUBE}`]);
  });

  test('providers reduce to their own pages; script and data URLs lead nowhere', () => {
    expect(canonicalEmbedTarget('//www.youtube.com/embed/abcDEF_123?controls=0')).toBe('https://www.youtube.com/watch?v=abcDEF_123');
    expect(canonicalEmbedTarget('https://youtu.be/abcDEF_123')).toBe('https://www.youtube.com/watch?v=abcDEF_123');
    expect(canonicalEmbedTarget('http://player.vimeo.com/video/272759515')).toBe(VIMEO);
    expect(canonicalEmbedTarget('https://player.bilibili.com/player.html?aid=1&bvid=BV1xx411c7mD&page=1')).toBe('https://www.bilibili.com/video/BV1xx411c7mD');
    expect(canonicalEmbedTarget('https://player.youku.com/embed/XNTQwMTgxMTE2')).toBe('https://v.youku.com/v_show/id_XNTQwMTgxMTE2.html');
    expect(canonicalEmbedTarget('https://v.qq.com/txp/iframe/player.html?vid=u0031xk7z9w')).toBe('https://v.qq.com/x/page/u0031xk7z9w.html');
    expect(canonicalEmbedTarget('https://embed.podcasts.apple.com/us/podcast/x/id1?i=2')).toBe('https://podcasts.apple.com/us/podcast/x/id1?i=2');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '', '/relative', undefined]) expect(canonicalEmbedTarget(bad), String(bad)).toBeUndefined();
  });
});
