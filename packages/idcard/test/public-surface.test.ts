import { expect, it } from 'vitest';
import * as idcard from '../src/index';

it('exports exactly the pinned public surface', () => {
  expect(Object.keys(idcard).sort()).toEqual([
    'CARD_HEIGHT',
    'CARD_WIDTH',
    'DEFAULT_LANG_PATH',
    'ETHNICITIES',
    'FIELD_BOXES',
    'ID_CARD_COMMAND_USAGE',
    'IdCardError',
    'computeCheckChar',
    'createIdCardReader',
    'createSeededRandom',
    'crossCheckIdNumber',
    'findIdNumberInText',
    'generateSyntheticCard',
    'isIdCardError',
    'isValidIdNumber',
    'listTesseractBrowserAssets',
    'maskIdNumber',
    'recognizeIdCard',
    'runIdCardOcrCommand',
    'validateIdNumber',
    'writeFakeCameraFile',
    'writeSyntheticCardSet',
  ]);
});
