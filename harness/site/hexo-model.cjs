'use strict';
/**
 * Runs in a child process, in a Hexo site's own folder, with the Hexo that site has installed (Hexo is
 * CommonJS and a site may pin another major version than ours). It reads the site the way `hexo
 * generate` does — config, plugins, theme, every source file — and writes, as JSON to the file named
 * by its second argument, the file Hexo publishes each post at (its router's own name for it). It renders nothing: a plugin that writes
 * into sources when a post is rendered (hexo-abbrlink does) is never triggered, and no database is
 * saved, so the user's site is left byte for byte as it was.
 *
 * Usage: node hexo-model.cjs <site folder> <output.json>
 */
const { createRequire } = require('node:module');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const [siteDir, outFile] = process.argv.slice(2);

function fail(message) {
  writeFileSync(outFile, JSON.stringify({ error: message }));
  process.exit(0);
}

function themeVersion(hexo) {
  const file = join(hexo.theme_dir, 'package.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** The hexo-* packages the site's package.json lists: Hexo loads each of them as a plugin. */
function sitePlugins() {
  try {
    const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(siteDir, 'package.json'), 'utf8'));
    return Object.keys({ ...dependencies, ...devDependencies }).filter((name) => name.startsWith('hexo-'));
  } catch {
    return [];
  }
}

/** Permalink tokens Hexo fills in itself; any other (`:abbrlink`) is read from the post's front matter. */
const HEXO_TOKENS = new Set(['year', 'month', 'i_month', 'day', 'i_day', 'hour', 'minute', 'second', 'title', 'name', 'post_title', 'id', 'category', 'hash', 'timestamp']);

/** The front-matter fields a post's permalink needs and does not have (hexo-abbrlink writes `abbrlink` only when it builds the post). */
function missingTokens(permalink, post) {
  return [...String(permalink).matchAll(/:(\w+)/g)].map((match) => match[1]).filter((token) => !HEXO_TOKENS.has(token) && (post[token] === undefined || post[token] === null || post[token] === ''));
}

async function main() {
  let Hexo;
  try {
    Hexo = createRequire(join(siteDir, 'package.json'))('hexo');
  } catch {
    fail(`the Hexo site ${siteDir} has no Hexo installed (node_modules/hexo): run npm install there`);
  }
  const hexo = new Hexo(siteDir, { silent: true });
  await hexo.init();
  await hexo.source.process();
  const now = Date.now();
  const { future, render_drafts: renderDrafts } = hexo.config;
  const posts = hexo
    .model('Post')
    .toArray()
    .map((post) => {
      const draft = String(post.source).startsWith('_drafts/');
      let unpublished;
      if (draft && !renderDrafts) unpublished = 'it is a draft (source/_drafts), which Hexo does not publish';
      else if (post.published === false) unpublished = 'its front matter says published: false';
      else if (!future && post.date && post.date.valueOf() > now) unpublished = 'its date is in the future and _config.yml says future: false';
      const missing = missingTokens(hexo.config.permalink, post);
      return { source: post.full_source, page: hexo.route.format(post.path), title: post.title, ...(unpublished === undefined ? {} : { unpublished }), ...(missing.length === 0 ? {} : { missing }) };
    });
  const pages = hexo
    .model('Page')
    .toArray()
    .map((page) => hexo.route.format(page.path));
  const config = hexo.config;
  writeFileSync(
    outFile,
    JSON.stringify({
      generator: `Hexo ${hexo.version}`,
      theme: config.theme || undefined,
      themeVersion: themeVersion(hexo),
      permalink: config.permalink,
      abbrlink: config.abbrlink === undefined ? undefined : { alg: config.abbrlink.alg || 'crc16', rep: config.abbrlink.rep || 'dec' },
      plugins: sitePlugins(),
      sourceDir: hexo.source_dir,
      publicDir: hexo.public_dir,
      posts,
      pages,
    }),
  );
  // No hexo.exit(): it would save db.json into the user's site.
  process.exit(0);
}

main().catch((error) => fail(`Hexo could not read the site ${siteDir}: ${String((error && error.message) || error).split('\n')[0]}`));
