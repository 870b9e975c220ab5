/** Profile photos are shown at most this size; larger ones are scaled down. */
export const MAX_IMAGE_EDGE = 1024;

export interface ProcessedImage {
  data: Buffer;
  contentType: string;
  width: number;
  height: number;
}

/**
 * Decodes and re-encodes an image: applies the EXIF orientation, scales it to fit 1024 x 1024
 * and writes a fresh file of the same format. sharp writes no metadata unless asked, so EXIF
 * (GPS position, camera serial), XMP and IPTC are gone; ICC profiles are converted to sRGB.
 * Throws if the bytes do not decode as an image.
 */
export async function reencodeImage(input: Buffer, contentType: string): Promise<ProcessedImage> {
  // Loaded on the first upload, not at start-up (the native library takes a while to load).
  const { default: sharp } = await import('sharp');
  // limitInputPixels guards against decompression bombs; failOn 'error' refuses broken files.
  const pipeline = sharp(input, { limitInputPixels: 40_000_000, failOn: 'error' })
    .rotate()
    .resize({ width: MAX_IMAGE_EDGE, height: MAX_IMAGE_EDGE, fit: 'inside', withoutEnlargement: true });
  const encoded =
    contentType === 'image/png'
      ? pipeline.png({ compressionLevel: 9 })
      : contentType === 'image/webp'
        ? pipeline.webp({ quality: 82 })
        : pipeline.jpeg({ quality: 85, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { data, contentType, width: info.width, height: info.height };
}
