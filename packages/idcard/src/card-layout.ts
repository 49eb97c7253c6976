/**
 * Geometry of the card front (人像面) at 10 px/mm: the card is 85.6 × 54 mm (ISO/IEC 7810 ID-1, as GB 19664
 * requires). Field boxes follow the printed layout of the second-generation card; the generator draws at these
 * positions and the reader crops them after deskewing, so the two can never drift apart.
 */
export const CARD_WIDTH = 856;
export const CARD_HEIGHT = 540;

export interface FieldBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export type CardField = 'name' | 'sexEthnicity' | 'birthDate' | 'address' | 'idNumber';

/** Where each value is read from: wide enough for a few percent of registration error, clear of the labels. */
export const FIELD_BOXES: Readonly<Record<CardField, FieldBox>> = {
  name: { left: 140, top: 48, width: 400, height: 56 },
  sexEthnicity: { left: 140, top: 118, width: 400, height: 50 },
  birthDate: { left: 140, top: 180, width: 400, height: 50 },
  address: { left: 140, top: 240, width: 405, height: 126 },
  idNumber: { left: 250, top: 428, width: 570, height: 66 },
};

/** Drawing positions (baselines) used by the generator. */
export const PRINT = {
  labelX: 56,
  valueX: 150,
  ethnicityLabelX: 260,
  ethnicityValueX: 350,
  nameBaseline: 88,
  sexBaseline: 152,
  birthBaseline: 214,
  addressBaselines: [274, 310, 346] as const,
  addressCharsPerLine: 14,
  numberLabelX: 56,
  numberX: 280,
  numberBaseline: 472,
  photo: { left: 570, top: 60, width: 230, height: 300 },
} as const;
