/**
 * Builds a deterministic synthetic archive from the fixtures' own pieces (paragraphs, images with
 * size hints, captions, tables, ad lists, boilerplate, both date formats), for measuring at scale.
 * Usage: npm run archive:synth -- --count N --out DIR [--seed S]
 * DIR must not exist or be empty: nothing already there is overwritten.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { harvestIngredients } from '../tests/kits/synth/ingredients.ts';
import { synthArchive } from '../tests/kits/synth/synthetic-archive.ts';

function main(): number {
  const { values } = parseArgs({ options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, help: { type: 'boolean' } } });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (values.help === true || values.out === undefined || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error('Usage: npm run archive:synth -- --count N --out DIR [--seed S]   (N ≥ 1, S an integer, DIR new or empty)');
    return values.help === true ? 0 : 2;
  }
  if (existsSync(values.out) && readdirSync(values.out).length > 0) {
    console.error(`${values.out} is not empty; choose a new folder (nothing there is overwritten)`);
    return 2;
  }
  mkdirSync(values.out, { recursive: true });
  let bytes = 0;
  for (const article of synthArchive(harvestIngredients(), count, seed)) {
    writeFileSync(join(values.out, `${article.name}.md`), article.text);
    bytes += Buffer.byteLength(article.text);
  }
  console.log(`wrote ${count} articles (${(bytes / 1024 / 1024).toFixed(1)} MiB, seed ${seed}) to ${values.out}`);
  return 0;
}

process.exitCode = main();
