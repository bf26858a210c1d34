// Drag-and-drop onto a drop zone: tracks whether a file is being dragged over it and hands the
// dropped files on. The zone's look and what it accepts stay with each island.
import { useState } from 'preact/hooks';

export function useFileDrop(onFiles: (files: FileList | undefined) => void) {
  const [dragging, setDragging] = useState(false);
  const handlers = {
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      onFiles(e.dataTransfer?.files);
    },
  };
  return { dragging, handlers };
}
