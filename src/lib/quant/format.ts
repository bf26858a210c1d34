// Number formatting for the explorer: significant digits, so tiny scales stay readable.
import type { Locale } from '../models.ts';

export function formatSig(x: number, locale: Locale, digits = 4): string {
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (Number.isNaN(x)) return '–';
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e6)) return x.toExponential(digits - 1).replace(/-/g, '−');
  const text = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumSignificantDigits: digits }).format(x);
  return text.replace(/-/g, '−');
}

export function formatFixed(x: number, locale: Locale, decimals: number): string {
  if (!Number.isFinite(x)) return formatSig(x, locale);
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    .format(x)
    .replace(/-/g, '−');
}

/** An integer with a real minus sign (U+2212), as in the rest of the explorer's numbers. */
export function formatInt(n: number): string {
  return String(n).replace(/-/g, '−');
}
