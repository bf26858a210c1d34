// The photo as the model saw it (centre square, or the whole frame for detectors), with boxes or
// a class mask drawn over it.
import { useEffect, useRef } from 'preact/hooks';
import { centerCropToSquare } from '../../../lib/image/crop.ts';
import type { DecodedImage, ImageFit } from '../../../lib/image/decode.ts';
import type { Detection } from '../../../lib/tryit/outputs.ts';

export interface Overlay {
  boxes?: { detection: Detection; label: string }[];
  mask?: { mask: Uint16Array; height: number; width: number };
}

const MAX_SIDE = 640;
/** Distinct, readable colours for classes and boxes. */
export const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45', '#fabed4', '#469990'];

export default function PhotoCanvas({ image, fit, overlay, label }: { image: DecodedImage; fit: ImageFit; overlay: Overlay; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const crop = centerCropToSquare(image.width, image.height);
    const [sx, sy, sw, sh] = fit === 'crop' ? [crop.sx, crop.sy, crop.size, crop.size] : [0, 0, image.width, image.height];
    const scale = Math.min(1, MAX_SIDE / Math.max(sw, sh));
    c.width = Math.round(sw * scale);
    c.height = Math.round(sh * scale);
    ctx.drawImage(image.source, sx, sy, sw, sh, 0, 0, c.width, c.height);
    if (overlay.mask) drawMask(ctx, overlay.mask, c.width, c.height);
    for (const [i, { detection: d, label: text }] of (overlay.boxes ?? []).entries()) {
      const colour = PALETTE[i % PALETTE.length]!;
      const [x, y, w, h] = [d.left * c.width, d.top * c.height, (d.right - d.left) * c.width, (d.bottom - d.top) * c.height];
      ctx.lineWidth = 3;
      ctx.strokeStyle = colour;
      ctx.strokeRect(x, y, w, h);
      ctx.font = '600 14px system-ui, sans-serif';
      const tw = ctx.measureText(text).width + 8;
      ctx.fillStyle = colour;
      ctx.fillRect(x, Math.max(0, y - 20), tw, 20);
      ctx.fillStyle = '#fff';
      ctx.fillText(text, x + 4, Math.max(14, y - 5));
    }
  }, [image, fit, overlay]);
  return <canvas ref={canvas} class="insp-photo" role="img" aria-label={label} data-testid="try-canvas" />;
}

function drawMask(ctx: CanvasRenderingContext2D, m: NonNullable<Overlay['mask']>, width: number, height: number) {
  const small = new ImageData(m.width, m.height);
  for (let p = 0; p < m.mask.length; p++) {
    const cls = m.mask[p]!;
    const hex = PALETTE[cls % PALETTE.length]!;
    small.data.set([parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), 110], p * 4);
  }
  const scratch = document.createElement('canvas');
  scratch.width = m.width;
  scratch.height = m.height;
  scratch.getContext('2d')?.putImageData(small, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, 0, width, height);
}
