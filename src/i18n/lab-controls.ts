// Strings of the controls several labs share (runtime picker, cancel button).
import { defineStrings } from './translate.ts';

export const labControlStrings = defineStrings({
  en: {
    runtime: 'Runtime',
    cancel: 'Cancel',
  },
  ja: {
    runtime: 'ランタイム',
    cancel: 'キャンセル',
  },
});
