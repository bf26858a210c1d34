// A failure of the quantizer lab as the site's one error-to-message layer words it (src/i18n/errors.ts).
import type { Locale } from '../../lib/models.ts';
import { describeError } from '../../i18n/errors.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { quantizerStrings } from '../../i18n/quantizer.ts';

export type QuantizerT = Translator<typeof quantizerStrings>;

export interface ErrorText {
  message: string;
  detail?: string;
  code?: string;
}

export function quantizeErrorText(err: unknown, fileName: string, lang: Locale): ErrorText {
  const { message, detail, code } = describeError(err, lang, { fileName });
  return { message, detail: detail || undefined, code };
}
