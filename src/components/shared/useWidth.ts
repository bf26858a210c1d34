// Width of an element, kept current with a ResizeObserver, so charts fit phone and desktop.
import { useEffect, useState, type MutableRef } from 'preact/hooks';

export function useWidth(ref: MutableRef<HTMLElement | null>, fallback = 640): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setWidth(Math.max(240, Math.floor(el.clientWidth)));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
