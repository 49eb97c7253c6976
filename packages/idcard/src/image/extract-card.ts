import { CARD_HEIGHT, CARD_WIDTH, PRINT } from '../card-layout';
import { detectCard } from './detect-card';
import { type GrayImage, meanGray, rotateGray180 } from './gray-image';
import type { Point } from './homography';
import { warpPerspective } from './warp-perspective';

export interface ExtractedCard {
  /** The card front deskewed to CARD_WIDTH × CARD_HEIGHT. */
  readonly card: GrayImage;
  /** False when no card outline was found and the whole image was taken as the card. */
  readonly isDetected: boolean;
  readonly isUpsideDown: boolean;
  /** Card corners in the photo (TL, TR, BR, BL of the upright card), for warping again at another scale. */
  readonly quad: readonly Point[];
}

/**
 * Detects the card, removes rotation and perspective with one homography onto the canonical layout, and turns it
 * the right way up: the portrait on the front is the darkest large area and sits on the right.
 */
export function extractCard(image: GrayImage): ExtractedCard {
  const found = detectCard(image);
  const quad: Point[] = found ?? [
    { x: 0, y: 0 },
    { x: image.width - 1, y: 0 },
    { x: image.width - 1, y: image.height - 1 },
    { x: 0, y: image.height - 1 },
  ];
  const warped = warpPerspective({ ...image, channels: 1 }, quad, CARD_WIDTH, CARD_HEIGHT);
  const card: GrayImage = { width: warped.width, height: warped.height, data: warped.data };
  const { photo } = PRINT;
  const portrait = meanGray(card, photo.left, photo.top, photo.width, photo.height);
  const mirrored = meanGray(
    card,
    CARD_WIDTH - photo.left - photo.width,
    CARD_HEIGHT - photo.top - photo.height,
    photo.width,
    photo.height,
  );
  const isUpsideDown = portrait > mirrored + 8;
  return {
    card: isUpsideDown ? rotateGray180(card) : card,
    isDetected: found !== undefined,
    isUpsideDown,
    quad: isUpsideDown ? [2, 3, 0, 1].map((i) => quad[i] as Point) : quad,
  };
}

/** The upright card warped from the photo at `scale` × the canonical size (more pixels for a second reading). */
export function warpCard(image: GrayImage, quad: readonly Point[], scale: number): GrayImage {
  const warped = warpPerspective(
    { ...image, channels: 1 },
    quad,
    Math.round(CARD_WIDTH * scale),
    Math.round(CARD_HEIGHT * scale),
  );
  return { width: warped.width, height: warped.height, data: warped.data };
}
