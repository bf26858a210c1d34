// The <select> of the site's float models (manifest entries), shared by the quantizer lab and the
// settings comparison. `noneLabel` adds an empty first choice (the reader's own file instead).
import type { Locale, ModelEntry } from '../../lib/models.ts';

interface Props {
  lang: Locale;
  models: ModelEntry[];
  label: string;
  value: string;
  disabled: boolean;
  onChange: (id: string) => void;
  noneLabel?: string;
  labelClass?: string;
  testId?: string;
}

export default function FloatModelSelect({ lang, models, label, value, disabled, onChange, noneLabel, labelClass, testId }: Props) {
  return (
    <label class={labelClass}>
      <span>{label}</span>
      <select name="model" data-testid={testId} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
        {noneLabel === undefined ? null : <option value="">{noneLabel}</option>}
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name[lang]}
          </option>
        ))}
      </select>
    </label>
  );
}
