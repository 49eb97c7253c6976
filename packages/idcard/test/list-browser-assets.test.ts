import { access } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { listTesseractBrowserAssets } from '../src/index';

it('lists worker, core and traineddata files that exist locally (nothing from a CDN)', async () => {
  const assets = listTesseractBrowserAssets();
  expect(assets.coreFiles).toHaveLength(6);
  for (const file of [assets.workerScript, ...assets.coreFiles, ...assets.trainedData])
    await expect(access(file)).resolves.toBeUndefined();
});
