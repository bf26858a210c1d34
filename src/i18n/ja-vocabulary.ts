// One Japanese word per concept, across lessons, labs, diagrams and island strings.
// tests/unit/ja-vocabulary.test.ts scans every Japanese text in the repository and fails on a variant.
// To add a term: pick the form Google's Japanese docs or the Microsoft style guide use (long vowel mark
// on loan words: ブラウザー, not ブラウザ), list the variants to reject, and fix what the test finds.

export interface VocabularyTerm {
  /** The concept, in English, for the error message. */
  concept: string;
  /** The one form to use. */
  use: string;
  /** Variants to reject, as regular-expression sources (so ブラウザ can exclude ブラウザー). */
  avoid: string[];
}

export const jaVocabulary: readonly VocabularyTerm[] = [
  { concept: 'zero point', use: 'ゼロポイント', avoid: ['ゼロ点', 'ゼロ・ポイント'] },
  { concept: 'browser', use: 'ブラウザー', avoid: ['ブラウザ(?!ー)'] },
  { concept: 'per-tensor', use: 'テンソル単位', avoid: ['テンソルごと', 'テンソル毎'] },
  { concept: 'per-channel', use: 'チャネル単位', avoid: ['チャネルごと', 'チャネル毎', 'チャンネル'] },
  { concept: 'latency', use: 'レイテンシー', avoid: ['レイテンシ(?!ー)'] },
  { concept: 'converter', use: 'コンバーター', avoid: ['コンバータ(?!ー)'] },
  { concept: 'hand-off (ML team to app team)', use: '引き継ぎ', avoid: ['受け渡し', 'ハンドオフ'] },
  { concept: 'parameter', use: 'パラメーター', avoid: ['パラメータ(?!ー)'] },
  { concept: 'operator (graph op)', use: '演算子', avoid: ['オペレーター', 'オペレータ(?!ー)'] },
  { concept: 'interpreter', use: 'インタープリター', avoid: ['インタプリタ', 'インタープリタ(?!ー)'] },
  { concept: 'accelerator', use: 'アクセラレーター', avoid: ['アクセラレータ(?!ー)'] },
  { concept: 'user', use: 'ユーザー', avoid: ['ユーザ(?!ー)'] },
  { concept: 'server', use: 'サーバー', avoid: ['サーバ(?!ー)'] },
  { concept: 'buffer', use: 'バッファー', avoid: ['バッファ(?!ー)'] },
  { concept: 'folder', use: 'フォルダー', avoid: ['フォルダ(?!ー)'] },
  { concept: 'worker (Web Worker)', use: 'ワーカー', avoid: ['ワーカ(?!ー)'] },
  { concept: 'post-training quantization', use: '学習後量子化', avoid: ['トレーニング後量子化', '訓練後量子化'] },
  { concept: 'quantization-aware training', use: '量子化を考慮した学習', avoid: ['量子化認識', '量子化対応学習'] },
  { concept: 'median', use: '中央値', avoid: ['メディアン'] },
  { concept: 'smartphone', use: 'スマートフォン', avoid: ['スマホ'] },
  { concept: 'normalisation', use: '正規化', avoid: ['ノーマライズ'] },
  { concept: 'labels file', use: 'ラベルファイル', avoid: ['ラベル ファイル', 'ラベル・ファイル'] },
  { concept: 'the live classifier (lab name)', use: 'ライブ分類器', avoid: ['画像分類のデモ', '画像分類デモ'] },
  { concept: 'float twin (derived float32 model)', use: 'float ツイン', avoid: ['双子', 'フロートツイン'] },
];

export interface VocabularyHit {
  concept: string;
  found: string;
  use: string;
  line: number;
}

/** Every variant in `text`, with its 1-based line number. */
export function findVocabularyVariants(text: string, terms: readonly VocabularyTerm[] = jaVocabulary): VocabularyHit[] {
  const hits: VocabularyHit[] = [];
  const lines = text.split('\n');
  for (const term of terms) {
    const pattern = new RegExp(term.avoid.join('|'), 'g');
    lines.forEach((line, i) => {
      for (const match of line.matchAll(pattern)) {
        hits.push({ concept: term.concept, found: match[0], use: term.use, line: i + 1 });
      }
    });
  }
  return hits;
}

const japanese = /[\u3040-\u30ff\u3400-\u9fff]/;
const englishWords = /[A-Za-z]+(?:\s+[A-Za-z]+){2,}/;

/**
 * Comments in the fenced code blocks of a Japanese page that are still English prose
 * (three or more English words and no Japanese), with their 1-based line numbers.
 */
export function untranslatedCodeComments(mdx: string): { line: number; comment: string }[] {
  const found: { line: number; comment: string }[] = [];
  let inCode = false;
  mdx.split('\n').forEach((text, i) => {
    if (/^\s*```/.test(text)) {
      inCode = !inCode;
      return;
    }
    if (!inCode) return;
    const m = /(?:^|\s)(?:\/\/\/?|#)\s*(.+)$/.exec(text);
    if (!m) return;
    const comment = m[1]!.trim();
    if (japanese.test(comment) || !englishWords.test(comment)) return;
    if (/^(implementation|pod |npm install|pip install)/.test(comment)) return;
    found.push({ line: i + 1, comment });
  });
  return found;
}
