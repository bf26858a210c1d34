// Photo credits in the reader's language. The manifest keeps one English attribution and licence
// per file (the record of where it came from); Japanese pages show them through this table.
// tests/unit/credits.test.ts checks that every photo in the manifest has a Japanese credit.
import type { FileEntry, Locale } from '../lib/models.ts';

/** English attribution or licence text in the manifest -> Japanese. */
const ja: Record<string, string> = {
  'Open Images V5; via the google-coral/test_data repository': 'Open Images V5（google-coral/test_data リポジトリ経由）',
  'TensorFlow Lite Support library documentation; via the tensorflow/tflite-support repository':
    'TensorFlow Lite Support ライブラリのドキュメント（tensorflow/tflite-support リポジトリ経由）',
  'TensorFlow Lite Support library test data; via the tensorflow/tflite-support repository':
    'TensorFlow Lite Support ライブラリのテストデータ（tensorflow/tflite-support リポジトリ経由）',
  'US Navy photo (Naval History and Heritage Command), public domain; via the tensorflow/tflite-support repository':
    '米海軍の写真（Naval History and Heritage Command）、パブリックドメイン（tensorflow/tflite-support リポジトリ経由）',
  'ImageNet sample images (one per class), via EliSchwartz/imagenet-sample-images':
    'ImageNet のサンプル画像（1 クラス 1 枚、EliSchwartz/imagenet-sample-images 経由）',
  'CC BY 2.0': 'CC BY 2.0',
  'Apache-2.0 (repository licence)': 'Apache-2.0（リポジトリのライセンス）',
  'Public domain': 'パブリックドメイン',
  'ImageNet terms of access (no LICENSE file in repository); research/education use':
    'ImageNet の利用規約に従う（リポジトリに LICENSE ファイルなし）。研究・教育目的での利用',
};

/** Attribution and licence of a file in `locale`; text without a translation stays as written. */
export function credit(entry: Pick<FileEntry, 'attribution' | 'license'>, locale: Locale): { attribution: string; license: string } {
  if (locale === 'en') return { attribution: entry.attribution, license: entry.license };
  return { attribution: ja[entry.attribution] ?? entry.attribution, license: ja[entry.license] ?? entry.license };
}

/** True when both texts of the entry have a Japanese version. */
export function hasJapaneseCredit(entry: Pick<FileEntry, 'attribution' | 'license'>): boolean {
  return entry.attribution in ja && entry.license in ja;
}
