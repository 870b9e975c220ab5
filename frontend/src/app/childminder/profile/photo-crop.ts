/** The square of the source image that a zoom and pan select, in source pixels. */
export interface CropSquare {
  x: number;
  y: number;
  size: number;
}

/**
 * Pure: the square crop of a `width` x `height` image at `zoom` (1 = the largest square that fits)
 * with the centre moved by `panX`/`panY`, each from -1 (as far left/up as the image allows) to 1.
 */
export function cropSquare(width: number, height: number, zoom: number, panX = 0, panY = 0): CropSquare {
  const size = Math.min(width, height) / Math.max(1, zoom);
  const clamp = (v: number) => Math.max(-1, Math.min(1, v));
  const slackX = (width - size) / 2;
  const slackY = (height - size) / 2;
  return {
    x: Math.round(slackX + clamp(panX) * slackX),
    y: Math.round(slackY + clamp(panY) * slackY),
    size: Math.round(size),
  };
}

/** The side of the uploaded square: large enough for a profile header, small enough to send quickly. */
export const PHOTO_OUTPUT_SIZE = 800;
