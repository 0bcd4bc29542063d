'use strict';
/**
 * Hexo filter plugin: each post's body goes through the archive-fidelity renderer's own cleaning
 * (its `archive-fidelity/hexo` export) before Hexo renders it: chrome removed, sanitised, images
 * without Referer, embeds as links. Hexo loads it by its name from the site's package.json.
 *
 * Options, in the site's _config.yml (all optional):
 *   archive_clean:
 *     enable: true          # false: publish the posts as they are
 *     layouts: [post]       # the layouts whose bodies are archived posts
 */
const { cleanForHexo } = require('archive-fidelity/hexo');

const options = { enable: true, layouts: ['post'], ...(hexo.config.archive_clean || {}) };

hexo.extend.filter.register('before_post_render', (data) => {
  if (options.enable === false) return data;
  if (!options.layouts.includes(data.layout) && !String(data.source || '').startsWith('_posts/')) return data;
  data.content = cleanForHexo(data.content);
  return data;
});
