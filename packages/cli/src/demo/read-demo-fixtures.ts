import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeInkJson, type TInkDocument } from '@inkproof/ink';
import { z } from 'zod';
import { SIGNER_ROLES } from '../signer-meaning.js';

/** Committed fixture data (packages/cli/fixtures/demo, see its README). */
export const DEMO_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));

export const DEMO_SITTING_FORMAT = 'application/vnd.inkproof.demo-sitting.v1+json';

const ZFileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);

export const ZDemoSittingSchema = z.strictObject({
  format: z.literal(DEMO_SITTING_FORMAT),
  hospitalName: z.string().min(1),
  templateKey: z.string().min(1),
  formData: z.record(z.string(), z.string()),
  signer: z.strictObject({
    name: z.string().min(1),
    role: z.enum(SIGNER_ROLES),
    relationship: z.string().min(1).optional(),
  }),
  idCard: z.strictObject({ note: z.string().optional(), idNumber: z.string().regex(/^\d{17}[\dX]$/) }),
  reading: z.strictObject({ secondsPerPage: z.array(z.number().positive()).min(1), scrolledToEnd: z.boolean() }),
  quiz: z.array(z.strictObject({ question: z.string(), answer: z.string(), isCorrect: z.boolean() })),
  device: z.strictObject({
    model: z.string(),
    platform: z.string(),
    inputType: z.enum(['pen', 'touch', 'mouse', 'pad', 'unknown']),
    sampleRateHz: z.number().positive(),
    capabilities: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  }),
  files: z.strictObject({ ink: ZFileName, idCard: ZFileName, facePhoto: ZFileName }),
});
export type TDemoSitting = z.infer<typeof ZDemoSittingSchema>;

export interface DemoFixtures {
  sitting: TDemoSitting;
  ink: TInkDocument;
  inkJson: string;
  idCard: Uint8Array;
  facePhoto: Uint8Array;
}

/** Reads and validates the committed sitting, ink trace and images. */
export async function readDemoFixtures(dir: string = DEMO_FIXTURES_DIR): Promise<DemoFixtures> {
  const read = (name: string) => readFile(new URL(name, `file://${dir.endsWith('/') ? dir : `${dir}/`}`));
  const sitting = ZDemoSittingSchema.parse(JSON.parse((await read('sitting.json')).toString('utf8')));
  const inkJson = (await read(sitting.files.ink)).toString('utf8');
  return {
    sitting,
    ink: decodeInkJson(inkJson),
    inkJson,
    idCard: new Uint8Array(await read(sitting.files.idCard)),
    facePhoto: new Uint8Array(await read(sitting.files.facePhoto)),
  };
}
