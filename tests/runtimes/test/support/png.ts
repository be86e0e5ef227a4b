// A small PNG decoder for screenshots (8-bit RGB or RGBA, not interlaced: what Chromium writes), so the pixel
// check does not depend on the browser that drew the pixels.
import { inflateSync } from 'node:zlib';

export interface Image {
  readonly width: number;
  readonly height: number;
  /** RGBA, row by row. */
  readonly pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(png: Uint8Array): Image {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [bitDepth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (bitDepth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) {
        throw new Error(`unsupported PNG: bit depth ${bitDepth}, color type ${colorType}, interlace ${interlace}`);
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const current = new Uint8Array(stride);
  const previous = new Uint8Array(stride);
  const pixels = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const filter = raw[row * (stride + 1)];
    const line = raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1));
    for (let index = 0; index < stride; index++) {
      const left = index >= channels ? current[index - channels]! : 0;
      const up = previous[index]!;
      const upLeft = index >= channels ? previous[index - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const toLeft = Math.abs(estimate - left);
        const toUp = Math.abs(estimate - up);
        const toUpLeft = Math.abs(estimate - upLeft);
        predictor = toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter} in row ${row}`);
      current[index] = (line[index]! + predictor) & 0xff;
    }
    for (let column = 0; column < width; column++) {
      const target = (row * width + column) * 4;
      pixels[target] = current[column * channels]!;
      pixels[target + 1] = current[column * channels + 1]!;
      pixels[target + 2] = current[column * channels + 2]!;
      pixels[target + 3] = channels === 4 ? current[column * channels + 3]! : 255;
    }
    previous.set(current);
  }
  return { width, height, pixels };
}

/** How many pixels of `image` are within `tolerance` (per channel) of the color `#rrggbb`. */
export function countColor(image: Image, hex: string, tolerance = 8): number {
  const [red, green, blue] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
  let count = 0;
  for (let index = 0; index < image.pixels.length; index += 4) {
    if (
      Math.abs(image.pixels[index]! - red) <= tolerance &&
      Math.abs(image.pixels[index + 1]! - green) <= tolerance &&
      Math.abs(image.pixels[index + 2]! - blue) <= tolerance
    ) {
      count++;
    }
  }
  return count;
}

/** How many pixels of `image` are dark (each channel at most `threshold`): the glyphs of dark text. */
export function countDark(image: Image, threshold = 96): number {
  let count = 0;
  for (let index = 0; index < image.pixels.length; index += 4) {
    if (image.pixels[index]! <= threshold && image.pixels[index + 1]! <= threshold && image.pixels[index + 2]! <= threshold) count++;
  }
  return count;
}
