import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The font packages whose files the pages load, and the weights used: the only fonts the pages use, so
 * they look alike everywhere. Noto Sans SC for text (regular, and bold for titles and <strong>); Noto
 * Sans Mono for code, so indentation lines up (CJK in code falls back to Noto Sans SC).
 */
const FONTS = [
  { package: '@fontsource/noto-sans-sc', weights: [400, 700] },
  { package: '@fontsource/noto-sans-mono', weights: [400] },
] as const;

const STYLE_SHEET = join(dirname(fileURLToPath(import.meta.url)), 'assets', 'style.css');

/** The files of `assets/` (style sheet, font CSS, WOFF2 subsets and the font licence), as `[path in the output folder, bytes]`. */
export function assetFiles(): [string, Uint8Array][] {
  const files: [string, Uint8Array][] = [['assets/style.css', readFileSync(STYLE_SHEET)]];
  const css: string[] = [];
  for (const font of FONTS) {
    const fontDir = dirname(createRequire(import.meta.url).resolve(`${font.package}/package.json`));
    files.push([`assets/fonts/LICENSE-OFL-${font.package.split('/').pop() ?? 'font'}.txt`, readFileSync(join(fontDir, 'LICENSE'))]);
    const weights: readonly number[] = font.weights;
    for (const weight of weights) css.push(localFontCss(readFileSync(join(fontDir, `${weight}.css`), 'utf8')));
    for (const name of readdirSync(join(fontDir, 'files')).sort()) {
      if (weights.some((weight) => name.endsWith(`-${weight}-normal.woff2`))) files.push([`assets/fonts/${name}`, readFileSync(join(fontDir, 'files', name))]);
    }
  }
  files.push(['assets/fonts.css', Buffer.from(css.join('\n'))]);
  return files;
}

/** Points fontsource's `@font-face` rules at `fonts/*.woff2` (every browser this targets reads WOFF2). */
function localFontCss(css: string): string {
  return css.replace(/src: url\(\.\/files\/([\w.-]+\.woff2)\) format\('woff2'\)[^;]*;/g, "src: url(fonts/$1) format('woff2');");
}
