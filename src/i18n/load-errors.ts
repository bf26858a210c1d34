// Why a model could not be downloaded or read, in the reader's language. The library errors carry
// English messages (with offsets and sizes); those stay available as a secondary, technical line.
import type { Locale } from '../lib/models.ts';
import { FetchError } from '../lib/fetch-with-progress.ts';
import { TfliteParseError } from '../lib/tflite/types.ts';
import { defineStrings, translator } from './translate.ts';

export const loadErrorStrings = defineStrings({
  en: {
    network: 'the network request failed (offline, or the server did not answer)',
    notFound: 'the server has no such file (HTTP 404)',
    http: 'the server answered with HTTP status {status}',
    'too-small': 'the file is too small to be a TensorFlow Lite model',
    'bad-identifier': 'the file is not a TensorFlow Lite model (it lacks the “TFL3” identifier at byte 4)',
    'out-of-bounds': 'the file is truncated or damaged: it points to data beyond its end',
    malformed: 'the structure of the file is inconsistent',
    'too-large': 'the file is larger than this page reads',
    unknown: 'an unexpected error occurred',
    detail: 'Technical detail: {detail}',
  },
  ja: {
    network: 'ネットワークにつながりませんでした（オフラインか、サーバーが応答していません）',
    notFound: 'サーバー上にファイルが見つかりません（HTTP 404）',
    http: 'サーバーが HTTP ステータス {status} を返しました',
    'too-small': 'TensorFlow Lite モデルとしてはファイルが小さすぎます',
    'bad-identifier': 'TensorFlow Lite モデルではありません（4 バイト目に識別子「TFL3」がありません）',
    'out-of-bounds': 'ファイルが途中で切れているか壊れています（末尾より先のデータを参照しています）',
    malformed: 'ファイルの構造に矛盾があります',
    'too-large': 'このページで読めるサイズを超えています',
    unknown: '予期しないエラーが起きました',
    detail: '技術的な詳細：{detail}',
  },
});

export interface LoadErrorText {
  /** A phrase (no final period) that fits into a sentence of the caller's strings. */
  reason: string;
  /** The library's own message, prefixed for a secondary line. */
  detail: string;
}

export function loadErrorText(error: unknown, lang: Locale): LoadErrorText {
  const t = translator(loadErrorStrings, lang);
  const message = error instanceof Error ? error.message : String(error);
  const detail = t('detail', { detail: message });
  if (error instanceof FetchError) {
    if (error.status === 0) return { reason: t('network'), detail };
    if (error.status === 404) return { reason: t('notFound'), detail };
    return { reason: t('http', { status: error.status }), detail };
  }
  if (error instanceof TfliteParseError) return { reason: t(error.code), detail };
  return { reason: t('unknown'), detail };
}
