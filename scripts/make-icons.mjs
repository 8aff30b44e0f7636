// Draws Passerelle's icon (a bridge arch over two pillars) as PNGs at the sizes stores ask for.
// Kept as a script so the icons can be redrawn without an image editor; the PNGs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function draw(size) {
  const px = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    px[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const r = 0.18;
      const inRounded = Math.hypot(Math.max(Math.abs(u - 0.5) - (0.5 - r), 0), Math.max(Math.abs(v - 0.5) - (0.5 - r), 0)) <= r;
      const d = Math.hypot(u - 0.5, v - 0.78);
      const arch = v < 0.78 && d > 0.3 && d < 0.4;
      const deck = v > 0.36 && v < 0.44 && u > 0.12 && u < 0.88;
      const pillar = v >= 0.44 && v < 0.82 && ((u > 0.14 && u < 0.24) || (u > 0.76 && u < 0.86));
      const white = arch || deck || pillar;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const [R, G, B] = white ? [255, 255, 255] : [0x1f, 0x4e, 0x99];
      px[o] = R;
      px[o + 1] = G;
      px[o + 2] = B;
      px[o + 3] = inRounded ? 255 : 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(px)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, draw(size));
