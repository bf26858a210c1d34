// Picker for a pair of models (float and 8-bit, or any manifest pair), named in the reader's language.
import type { Locale } from '../../lib/models.ts';

interface Props {
  lang: Locale;
  label: string;
  pairs: readonly { id: string; name: Record<Locale, string> }[];
  value: string;
  onChange: (id: string) => void;
  disabled?: boolean;
  name?: string;
}

export default function PairSelect({ lang, label, pairs, value, onChange, disabled, name }: Props) {
  return (
    <label>
      <span>{label}</span>
      <select name={name} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
        {pairs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name[lang]}
          </option>
        ))}
      </select>
    </label>
  );
}
