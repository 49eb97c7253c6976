import { access } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { listTesseractBrowserAssets } from '../src/index';

it('lists worker, core and traineddata files that exist locally (nothing from a CDN)', async () => {
  const assets = listTesseractBrowserAssets();
  expect(assets.coreFiles).toHaveLength(6);
  for (const file of [assets.workerScript, ...assets.coreFiles, ...assets.trainedData])
    await expect(access(file)).resolves.toBeUndefined();
});

it('lists the gzipped text model from @tesseract.js-data/chi_sim', async () => {
  const { textTrainedData } = listTesseractBrowserAssets();
  expect(textTrainedData).toMatch(/@tesseract\.js-data\/chi_sim\/4\.0\.0\/chi_sim\.traineddata\.gz$/);
  await expect(access(textTrainedData)).resolves.toBeUndefined();
});
