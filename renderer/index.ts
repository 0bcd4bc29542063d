/** The renderer's API: one article, or a whole folder with its index (what `archive-fidelity render` runs). */
export { renderArticle, type RenderedArticle } from './render-article.ts';
export { renderFolder, type RenderOptions, type RenderReport } from './render-folder.ts';
export { cleanForHexo } from './clean/hexo-clean.ts';
