// The comments of the Python converter code the quantizer lab shows (lib/converter/python.ts), in
// each language of the site: the code stays Python, the explanations follow the reader.
import { ENGLISH_COMMENTS, type ConverterComments } from '../lib/converter/python.ts';
import type { Locale } from '../lib/models.ts';

export const converterComments: Record<Locale, ConverterComments> = {
  en: ENGLISH_COMMENTS,
  ja: {
    photos: '写真 {count} 枚。アプリとまったく同じ前処理をかけます。',
    square: '中央の最大の正方形',
    bilinear: 'バイリニア補間',
    raw: '0〜255 の値をそのまま',
    grayscale: '1 チャネル：ITU-R BT.601 の輝度（PIL の convert("L") と同じ）',
    failOnOperator: 'int8 カーネルのない演算子があれば、float のまま残さずに失敗させます（このページと同じ）。',
    rangeMethod: '範囲の決め方「{method}」はこのサイト独自の選択肢です。TensorFlow のコンバーターは常に min/max を使います。',
    biasCorrection: 'バイアス補正はこのサイト独自の選択肢です。TensorFlow のコンバーターはバイアスを補正しません。',
  },
};
