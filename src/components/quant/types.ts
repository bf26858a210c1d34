import type { quantExplorerStrings } from '../../i18n/quant-explorer.ts';
import type { KeyOf, Translator } from '../../i18n/translate.ts';

export type QuantKey = KeyOf<typeof quantExplorerStrings>;
export type QuantT = Translator<typeof quantExplorerStrings>;
