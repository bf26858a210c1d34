// Draws interleaved RGB bytes (a model's view of the photo) into a canvas with a caption.
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  /** Class of the figure (tests find the main preview by .clf-input). */
  className?: string;
  rgb: Float32Array;
  size: number;
  label: string;
  caption: string;
}

export default function RgbCanvas({ className = 'clf-input', rgb, size, label, caption }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    canvas.width = size;
    canvas.height = size;
    const image = ctx.createImageData(size, size);
    for (let i = 0, j = 0; i < rgb.length && j < image.data.length; i += 3, j += 4) {
      image.data[j] = rgb[i]!;
      image.data[j + 1] = rgb[i + 1]!;
      image.data[j + 2] = rgb[i + 2]!;
      image.data[j + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }, [rgb, size]);
  return (
    <figure class={className}>
      <canvas ref={ref} width={size} height={size} role="img" aria-label={label} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
