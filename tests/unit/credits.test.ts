import { describe, expect, it } from 'vitest';
import { devImages, sampleImages } from '../../src/lib/models.ts';
import { credit, hasJapaneseCredit } from '../../src/i18n/credits.ts';

describe('photo credits', () => {
  it('every photo the site shows has its attribution and licence in Japanese', () => {
    for (const img of [...sampleImages, ...devImages]) expect(hasJapaneseCredit(img), img.id).toBe(true);
  });
  it('English pages keep the manifest text; Japanese pages get the translation', () => {
    const img = sampleImages.find((i) => i.license === 'Public domain')!;
    expect(credit(img, 'en')).toEqual({ attribution: img.attribution, license: img.license });
    expect(credit(img, 'ja').license).toBe('パブリックドメイン');
    expect(credit(img, 'ja').attribution).toMatch(/米海軍/);
  });
  it('leaves text without a translation as written', () => {
    expect(credit({ attribution: 'Someone, CC0', license: 'CC0' }, 'ja')).toEqual({ attribution: 'Someone, CC0', license: 'CC0' });
  });
});
