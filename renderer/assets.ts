import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyFileAtomic, writeFileAtomic } from './write.ts';

/** The font package whose files the pages load; the only font they use, so pages look alike everywhere. */
const FONT_PACKAGE = '@fontsource/noto-sans-sc';
/** Regular text and bold (titles, <strong>). */
const FONT_WEIGHTS = [400, 700];

const STYLE_SHEET = join(dirname(fileURLToPath(import.meta.url)), 'assets', 'style.css');

/** Writes `assets/` (style sheet, font CSS, WOFF2 subsets and the font licence) into an output folder. */
export function writeAssets(outDir: string): void {
  const assets = join(outDir, 'assets');
  const fontDir = dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
  copyFileAtomic(STYLE_SHEET, join(assets, 'style.css'));
  copyFileAtomic(join(fontDir, 'LICENSE'), join(assets, 'fonts', 'LICENSE-OFL.txt'));
  const css = FONT_WEIGHTS.map((weight) => localFontCss(readFileSync(join(fontDir, `${weight}.css`), 'utf8')));
  writeFileAtomic(join(assets, 'fonts.css'), css.join('\n'));
  for (const name of readdirSync(join(fontDir, 'files')).sort()) {
    if (FONT_WEIGHTS.some((weight) => name.endsWith(`-${weight}-normal.woff2`))) {
      copyFileAtomic(join(fontDir, 'files', name), join(assets, 'fonts', name));
    }
  }
}

/** Points fontsource's `@font-face` rules at `fonts/*.woff2` (every browser this targets reads WOFF2). */
function localFontCss(css: string): string {
  return css.replace(/src: url\(\.\/files\/([\w.-]+\.woff2)\) format\('woff2'\)[^;]*;/g, "src: url(fonts/$1) format('woff2');");
}
