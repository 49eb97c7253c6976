import type { PadImageEncoding } from '../pad-driver';

export const WACOM_VENDOR_ID = 0x056a;

/** Supported Wacom STU models by USB product id, with the image encodings their LCDs take. */
export const STU_MODELS: Record<number, { name: string; encodings: PadImageEncoding[] }> = {
  164: { name: 'STU-430', encodings: ['1bit'] },
  165: { name: 'STU-530', encodings: ['24bit-bgr', '16bit-565', '1bit'] },
  168: { name: 'STU-540', encodings: ['24bit-bgr', '16bit-565', '1bit'] },
  169: { name: 'STU-541', encodings: ['24bit-bgr', '16bit-565', '1bit'] },
};
