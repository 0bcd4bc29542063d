'use strict';
/**
 * Hexo filter plugin: each post's body goes through the archive-fidelity renderer's own cleaning
 * (renderer/hexo-clean.ts, which calls renderer/body.ts) before Hexo renders it. It calls that code
 * where it lives in this repository, through tsx, and copies none of it: install this folder into a
 * Hexo site from its path (`npm install /path/to/archive-fidelity/hexo-archive-clean`) after `npm ci`
 * in the repository.
 */
const { realpathSync } = require('node:fs');
const { createRequire } = require('node:module');

// Resolved from this file's real place (npm links a path install), so the repository's own packages are used.
const here = realpathSync(__filename);
const tsx = createRequire(here)('tsx/cjs/api');
let cleanForHexo;

hexo.extend.filter.register('before_post_render', (data) => {
  if (data.layout !== 'post' && !String(data.source ?? '').startsWith('_posts/')) return data;
  cleanForHexo ??= tsx.require('../renderer/hexo-clean.ts', here).cleanForHexo;
  data.content = cleanForHexo(data.content);
  return data;
});
