// Rendering figures for the consent forms: `npx tsx packages/pdf/test/consent/bench-render-consent.ts`.
// Not a test (no timing assertions); prints cold font load, first render and warm renders per template.
import { performance } from 'node:perf_hooks';
import { builtinTemplates, clearCjkFontCache, loadCjkFont, renderConsentPdf } from '../../src/consent/index.js';
import { SAMPLE_DATA } from './sample-data.js';

const WARM_RUNS = 20;
const options = { hospitalName: '示范市第一人民医院', documentId: 'ENV-BENCH' };

clearCjkFontCache();
let t = performance.now();
await loadCjkFont();
console.log(`font load + TTC split (cold): ${(performance.now() - t).toFixed(1)} ms`);
t = performance.now();
await loadCjkFont();
console.log(`font load (cached): ${(performance.now() - t).toFixed(3)} ms`);

for (const template of builtinTemplates) {
  const data = SAMPLE_DATA[template.key];
  t = performance.now();
  const first = await renderConsentPdf(template, data, options);
  const firstMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    t = performance.now();
    await renderConsentPdf(template, data, options);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  console.log(
    `${template.key.padEnd(28)} pages ${first.pageCount}  size ${(first.pdf.byteLength / 1024).toFixed(1)} KiB  ` +
      `first ${firstMs.toFixed(0)} ms  warm mean ${mean.toFixed(0)} ms  p95 ${p95.toFixed(0)} ms`,
  );
}
