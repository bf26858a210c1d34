// The messages between the page and the classifier worker.
export type Request = { id: number; image: ImageBitmap };

export interface Prediction {
  label: string;
  score: number;
}

export type Response =
  | { type: 'ready' }
  | { id: number; type: 'result'; predictions: Prediction[]; inferenceMs: number }
  | { id?: number; type: 'error'; message: string };
