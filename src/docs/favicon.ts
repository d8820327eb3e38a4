/**
 * @module
 * The reference page's own icon (a clock face in Hack Club red), as SVG for the page and as a 32×32
 * ICO for browsers that ask for `/favicon.ico` on their own. The ICO is drawn from the same shapes at
 * start-up so there is no binary file to keep in step with the SVG.
 */

const SIZE = 32;
const RED: readonly [number, number, number] = [0xec, 0x37, 0x50];
const WHITE: readonly [number, number, number] = [0xff, 0xff, 0xff];
const FACE = { cx: 16, cy: 16, r: 15 };
/** Clock hands as segments, drawn with round caps. */
const HANDS: readonly (readonly [number, number, number, number])[] = [
  [16, 7, 16, 16],
  [16, 16, 22, 20],
];
const HAND_HALF_WIDTH = 1.5;

export const FAVICON_SVG = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">`,
  `<circle cx="${FACE.cx}" cy="${FACE.cy}" r="${FACE.r}" fill="#ec3750"/>`,
  `<path d="M16 7V16L22 20" fill="none" stroke="#fff" stroke-width="${HAND_HALF_WIDTH * 2}" stroke-linecap="round" stroke-linejoin="round"/>`,
  '</svg>',
].join('');

function distanceToSegment(px: number, py: number, [ax, ay, bx, by]: readonly [number, number, number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour at one sample point, or undefined outside the face. */
function sample(x: number, y: number): readonly [number, number, number] | undefined {
  if (HANDS.some((hand) => distanceToSegment(x, y, hand) <= HAND_HALF_WIDTH)) return WHITE;
  return Math.hypot(x - FACE.cx, y - FACE.cy) <= FACE.r ? RED : undefined;
}

/** RGBA pixels, top row first, each pixel averaged over 4×4 samples for smooth edges. */
function rasterize(): Uint8Array {
  const pixels = new Uint8Array(SIZE * SIZE * 4);
  const n = 4;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const color = sample(x + (sx + 0.5) / n, y + (sy + 0.5) / n);
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const at = (y * SIZE + x) * 4;
      if (covered === 0) continue;
      pixels.set([Math.round(r / covered), Math.round(g / covered), Math.round(b / covered), Math.round((255 * covered) / (n * n))], at);
    }
  }
  return pixels;
}

/**
 * A one-image ICO holding a 32-bit BMP (ICONDIR, ICONDIRENTRY, BITMAPINFOHEADER, BGRA rows bottom-up,
 * an all-zero AND mask since the alpha channel carries transparency).
 */
export function faviconIco(): Buffer {
  const rgba = rasterize();
  const maskRowBytes = Math.ceil(SIZE / 32) * 4;
  const imageBytes = 40 + SIZE * SIZE * 4 + maskRowBytes * SIZE;
  const out = Buffer.alloc(6 + 16 + imageBytes);
  out.writeUInt16LE(0, 0);
  out.writeUInt16LE(1, 2); // type: icon
  out.writeUInt16LE(1, 4); // one image
  out.writeUInt8(SIZE, 6);
  out.writeUInt8(SIZE, 7);
  out.writeUInt16LE(1, 10); // planes
  out.writeUInt16LE(32, 12); // bits per pixel
  out.writeUInt32LE(imageBytes, 14);
  out.writeUInt32LE(22, 18); // offset of the image
  const header = 22;
  out.writeUInt32LE(40, header);
  out.writeInt32LE(SIZE, header + 4);
  out.writeInt32LE(SIZE * 2, header + 8); // XOR image + AND mask, as ICO requires
  out.writeUInt16LE(1, header + 12);
  out.writeUInt16LE(32, header + 14);
  out.writeUInt32LE(SIZE * SIZE * 4 + maskRowBytes * SIZE, header + 20);
  let at = header + 40;
  for (let y = SIZE - 1; y >= 0; y--) {
    for (let x = 0; x < SIZE; x++) {
      const i = (y * SIZE + x) * 4;
      out.set([rgba[i + 2] ?? 0, rgba[i + 1] ?? 0, rgba[i] ?? 0, rgba[i + 3] ?? 0], at);
      at += 4;
    }
  }
  return out;
}
