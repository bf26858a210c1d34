// The largest centered square of an image: the crop every MobileNet demo on the site uses.

export interface SquareCrop {
  sx: number;
  sy: number;
  size: number;
}

/** Largest centered square; odd leftovers go to the right/bottom edge (floor of half the margin). */
export function centerCropToSquare(width: number, height: number): SquareCrop {
  if (!(width > 0 && height > 0)) throw new RangeError(`Image has no pixels (${width}x${height})`);
  const size = Math.min(width, height);
  return { sx: Math.floor((width - size) / 2), sy: Math.floor((height - size) / 2), size };
}
