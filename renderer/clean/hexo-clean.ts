import { cleanBody } from './body.ts';

/**
 * An article body cleaned by this renderer (chrome removed, sanitised, images no-referrer, embeds as
 * links: body.ts), written so that Hexo publishes it as it is. Hexo then runs the text through its
 * Markdown renderer and its Nunjucks tags, which would otherwise change it:
 * - one HTML block: Markdown ends a raw `<div>` block at the first blank line and reads the rest as
 *   Markdown (indented HTML becomes a code block), so no line is left blank — line breaks inside
 *   `<pre>` are written `&#10;`, elsewhere runs of line breaks are one;
 * - `{` and `}` are written `&#123;` and `&#125;`, as the archive's generator already does, so no
 *   `{{ }}` or `{% %}` in an article is read as a Nunjucks tag.
 */
export function cleanForHexo(body: string): string {
  const { html } = cleanBody(body);
  const oneBlock = html
    .split(/(<pre\b[\s\S]*?<\/pre>)/)
    .map((part) => (part.startsWith('<pre') ? part.replace(/\r?\n/g, '&#10;') : part.replace(/\s*\n\s*/g, '\n')))
    .join('');
  return `<div class="archive-body">\n${oneBlock.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;')}\n</div>\n`;
}
