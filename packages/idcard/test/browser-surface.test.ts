import { expect, it } from 'vitest';
import * as browser from '../src/browser';

it('exports exactly the pinned browser surface', () => {
  expect(Object.keys(browser).sort()).toEqual([
    'IdCardError',
    'MAX_PHOTO_SIDE',
    'createLocalIdCardReader',
    'encodePgm',
    'isIdCardError',
    'maskIdNumber',
    'readCardLocally',
    'rgbaToGray',
  ]);
});
