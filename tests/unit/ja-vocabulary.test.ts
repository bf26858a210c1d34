// Every Japanese text in the repository uses one word per concept (src/i18n/ja-vocabulary.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findVocabularyVariants, jaVocabulary, untranslatedCodeComments } from '../../src/i18n/ja-vocabulary.ts';

const root = join(import.meta.dirname, '../..');

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

/** Japanese pages, island strings, diagrams (their ja blocks) and Starlight's UI strings. */
const scanned = [
  ...filesUnder(join(root, 'src/content/docs/ja'), /\.mdx?$/),
  ...filesUnder(join(root, 'src/i18n'), /\.ts$/).filter((f) => !f.endsWith('ja-vocabulary.ts')),
  ...filesUnder(join(root, 'src/components'), /\.(astro|tsx)$/),
  join(root, 'src/content/i18n/ja.json'),
];

describe('Japanese vocabulary', () => {
  it('finds a variant and its line, and lets the chosen form pass', () => {
    expect(findVocabularyVariants('一行目\nブラウザで動く')).toEqual([
      { concept: 'browser', found: 'ブラウザ', use: 'ブラウザー', line: 2 },
    ]);
    expect(findVocabularyVariants('ブラウザーで動く。ゼロポイントとチャネル単位のスケール')).toEqual([]);
    expect(findVocabularyVariants('スケールとゼロ点、テンソルごと').map((h) => h.use)).toEqual(['ゼロポイント', 'テンソル単位']);
  });

  it('has one chosen form per concept, which is never itself a rejected variant', () => {
    const uses = jaVocabulary.map((t) => t.use);
    expect(new Set(uses).size).toBe(uses.length);
    for (const term of jaVocabulary) expect(findVocabularyVariants(term.use), term.use).toEqual([]);
  });

  it('scans a real set of files', () => {
    expect(scanned.length).toBeGreaterThan(30);
  });

  it.each(scanned.map((f) => [relative(root, f), f]))('%s uses the chosen Japanese terms', (_name, file) => {
    const hits = findVocabularyVariants(readFileSync(file, 'utf8'));
    expect(hits.map((h) => `line ${h.line}: 「${h.found}」 → 「${h.use}」 (${h.concept})`)).toEqual([]);
  });
});

describe('Japanese code comments', () => {
  it('finds English prose comments inside code fences only, and lets commands and short notes pass', () => {
    const mdx = [
      'Prose outside code is not checked: load the model once',
      '```kotlin',
      '// Steps 3 and 4: load the model once',
      '// ステップ 3・4：モデルを一度だけ読み込む',
      '// implementation("com.google.mediapipe:tasks-vision:<version>")',
      'val top = categories() // categoryName(), score()',
      '```',
    ].join('\n');
    expect(untranslatedCodeComments(mdx)).toEqual([{ line: 3, comment: 'Steps 3 and 4: load the model once' }]);
  });

  const pages = scanned.filter((f) => f.includes('/content/docs/ja/') && f.endsWith('.mdx'));
  it.each(pages.map((f) => [relative(root, f), f]))('%s has its code comments in Japanese', (_name, file) => {
    expect(untranslatedCodeComments(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
