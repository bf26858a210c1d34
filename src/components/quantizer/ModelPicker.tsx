// Step 1 of the quantizer lab: a site float model or the reader's own .tflite (picked or dropped),
// and the line that says whether it is loading, ready or refused.
import type { Locale, ModelEntry } from '../../lib/models.ts';
import { inputTensors } from '../../lib/tflite/reader.ts';
import type { TfliteModel } from '../../lib/tflite/types.ts';
import { formatBytes } from '../../i18n/translate.ts';
import { useFileDrop } from '../shared/useFileDrop.ts';
import type { QuantizerT } from './errors.ts';
import FloatModelSelect from './FloatModelSelect.tsx';
import type { ModelState } from './useFloatSource.ts';

interface Props {
  t: QuantizerT;
  lang: Locale;
  floats: ModelEntry[];
  siteId: string;
  onSiteId: (id: string) => void;
  onFile: (file: File | undefined) => void;
  modelState: ModelState;
  disabled: boolean;
}

const describeInput = (model: TfliteModel) => {
  const input = inputTensors(model)[0];
  return input ? `${input.dtype} [${input.shape.join(', ')}]` : '—';
};

export default function ModelPicker({ t, lang, floats, siteId, onSiteId, onFile, modelState, disabled }: Props) {
  const { dragging, handlers: dropHandlers } = useFileDrop((files) => onFile(files?.[0]));
  return (
    <fieldset class="q-model">
      <legend>{t('step1')}</legend>
      <div class="q-pickers">
        <FloatModelSelect
          lang={lang}
          models={floats}
          label={t('siteModel')}
          noneLabel={t('siteModelNone')}
          labelClass="q-field"
          testId="quantize-model"
          value={siteId}
          disabled={disabled}
          onChange={onSiteId}
        />
        <div class={`q-drop${dragging ? ' q-drop-active' : ''}`} {...dropHandlers}>
          <label class="q-field">
            <span>{t('fileLabel')}</span>
            <input
              type="file"
              accept=".tflite,application/octet-stream"
              data-testid="quantize-file"
              disabled={disabled}
              onChange={(e) => {
                const input = e.currentTarget;
                onFile(input.files?.[0]);
                input.value = '';
              }}
            />
          </label>
          <span class="bl-hint">{dragging ? t('dropActive') : t('dropHint')}</span>
        </div>
      </div>
      <p class={modelState.kind === 'error' ? 'bl-error' : 'bl-hint'} role={modelState.kind === 'error' ? 'alert' : 'status'} data-testid="quantize-model-status" data-state={modelState.kind}>
        {modelState.kind === 'loading'
          ? t('loadingModel', { name: modelState.name })
          : modelState.kind === 'error'
            ? modelState.error.message
            : t('modelReady', { name: modelState.source.name, size: formatBytes(modelState.source.bytes.length, lang), input: describeInput(modelState.source.model) })}
        {modelState.kind === 'error' && modelState.error.detail ? <span class="q-detail">{modelState.error.detail}</span> : null}
      </p>
    </fieldset>
  );
}
