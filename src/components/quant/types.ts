import type { quantExplorerStrings } from '../../i18n/quant-explorer.ts';

export type QuantKey = keyof (typeof quantExplorerStrings)['en'];
export type QuantT = (key: QuantKey, vars?: Record<string, string | number>) => string;
