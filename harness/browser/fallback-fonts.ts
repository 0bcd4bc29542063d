import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts the pinned browser falls back to for characters a page's own fonts lack, from npm
 * (exact versions in package.json, so every machine draws the same glyphs): a theme's page that names
 * no CJK web font still shows its Chinese, emoji and symbols in screenshots. Plain TTF files, one
 * weight each (fontconfig cannot read woff/woff2). Order does not choose the font; coverage does.
 */
export const FALLBACK_FONTS: readonly { package: string; folder: string; why: string }[] = [
  { package: '@expo-google-fonts/noto-sans-sc', folder: '400Regular', why: 'Chinese (simplified and traditional Han), kana, CJK punctuation, enclosed numbers, box drawing' },
  { package: '@expo-google-fonts/noto-sans-symbols-2', folder: '400Regular', why: '► and the other geometric shapes, dingbats such as ✔ ✘' },
  { package: '@expo-google-fonts/noto-sans-symbols', folder: '400Regular', why: 'technical symbols, Roman numerals' },
  { package: '@expo-google-fonts/noto-sans-math', folder: '400Regular', why: 'arrows and mathematical operators' },
  { package: '@expo-google-fonts/noto-color-emoji', folder: '400Regular', why: 'emoji, in colour' },
];

/** A fallback font package with its installed version and the folder holding its font file. */
export interface InstalledFont {
  name: string;
  version: string;
  dir: string;
}

/** The fallback fonts as installed; a package that is missing is left out (its characters are then drawn as nothing). */
export function installedFallbackFonts(): InstalledFont[] {
  const require = createRequire(import.meta.url);
  return FALLBACK_FONTS.flatMap((font) => {
    try {
      const manifest = require.resolve(`${font.package}/package.json`);
      const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
      return [{ name: font.package, version, dir: join(dirname(manifest), font.folder) }];
    } catch {
      return [];
    }
  });
}

/**
 * A fontconfig file listing only the browser's bundled fonts and the fallback fonts, written once
 * per set of font folders into the browser's folder (its name carries a hash of the set, so two
 * checkouts or versions never share one), with its cache beside it. Returns its path.
 */
export function fontConfigFile(browserDir: string, fonts: readonly InstalledFont[] = installedFallbackFonts()): string {
  const dirs = [join(browserDir, 'fonts'), ...fonts.map((font) => font.dir)];
  const hash = createHash('sha256').update(dirs.join('\n')).digest('hex').slice(0, 12);
  const file = join(browserDir, `fonts-${hash}.conf`);
  if (existsSync(file)) return file;
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...dirs.map((dir) => `  <dir>${escapeXml(dir)}</dir>`),
    `  <cachedir>${escapeXml(join(browserDir, 'fontconfig-cache'))}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, xml);
  renameSync(temp, file); // atomic: runs starting together see a whole file or none
  return file;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
