// The runtime picker of every lab: one option per runtime the site ships, labelled in the reader's language.
import type { Locale } from '../../lib/models.ts';
import { runtimeIds, runtimeLabels, isRuntimeId, type RuntimeId } from '../../lib/runtime/index.ts';
import { translator } from '../../i18n/translate.ts';
import { labControlStrings } from '../../i18n/lab-controls.ts';

interface Props {
  lang: Locale;
  value: RuntimeId;
  onChange: (id: RuntimeId) => void;
  disabled?: boolean;
  /** What the runtime is for, when "Runtime" alone would not say (e.g. the quantizer's calibration). */
  label?: string;
}

export default function RuntimeSelect({ lang, value, onChange, disabled, label }: Props) {
  const t = translator(labControlStrings, lang);
  return (
    <label>
      <span>{label ?? t('runtime')}</span>
      <select
        name="runtime"
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const id = e.currentTarget.value;
          if (isRuntimeId(id)) onChange(id);
        }}
      >
        {runtimeIds.map((id) => (
          <option key={id} value={id}>
            {runtimeLabels[id]}
          </option>
        ))}
      </select>
    </label>
  );
}
