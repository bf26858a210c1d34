// Typed UI strings for islands: every dictionary has the same keys in both languages,
// enforced by the type, so a missing Japanese string is a compile error, not a blank button.
import type { Locale } from '../lib/models.ts';

export type Dictionary<K extends string> = Record<Locale, Record<K, string>>;
/** Values for {name} placeholders. */
export type Vars = Record<string, string | number>;
/** The keys of a dictionary made with defineStrings. */
export type KeyOf<D extends Dictionary<string>> = keyof D['en'] & string;
/** What translator(dict, locale) returns; the one type every island and helper takes as `t`. */
export type Translator<D extends Dictionary<string>> = (key: KeyOf<D>, vars?: Vars) => string;

export function defineStrings<const K extends string>(dict: Dictionary<K>): Dictionary<K> {
  return dict;
}

/** Returns t(key, vars): replaces {name} placeholders with vars.name. */
export function translator<K extends string>(dict: Dictionary<K>, locale: Locale): Translator<Dictionary<K>> {
  const strings = dict[locale] ?? dict.en;
  return (key: K, vars: Vars = {}): string =>
    strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The site locale for a BCP 47 tag such as Astro.currentLocale or <html lang> ('ja', 'ja-JP', 'en'). */
export function localeFromLang(lang: string | undefined): Locale {
  return lang?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Formats a byte count the way each audience reads it (1.9 MB / 1.9 MB). */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : 1;
  return `${value.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[unit]}`;
}
