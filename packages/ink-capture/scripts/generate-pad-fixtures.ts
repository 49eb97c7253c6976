// Regenerates the committed pad streams: `npx tsx packages/ink-capture/scripts/generate-pad-fixtures.ts`.
// Source: @inkproof/ink generateSyntheticSignature(seed 540) — a pad-unit (0.01 mm), 200 Hz, 1024-level signature.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSyntheticSignature } from '@inkproof/ink';
import { buildEsp370uReportStream, buildStuReportStream } from '../src/index';

const dir = join(fileURLToPath(import.meta.url), '..', '..', 'fixtures');
const doc = generateSyntheticSignature(540);
const description = 'generateSyntheticSignature(540) from @inkproof/ink, encoded report by report at 200 reports/s';
writeFileSync(join(dir, 'stu-540-signature.json'), `${JSON.stringify(buildStuReportStream(doc, { description }))}\n`);
writeFileSync(
  join(dir, 'esp370u-signature.json'),
  `${JSON.stringify(buildEsp370uReportStream(doc, { description }))}\n`,
);
console.log(`wrote ${doc.strokes.reduce((n, s) => n + s.samples.length, 0)} pen-down samples per stream to ${dir}`);
