// The explorer's controls: layer, bit width, symmetric or asymmetric range, per tensor or per channel.
import type { Locale } from '../../lib/models.ts';
import { integerRange, MAX_BITS, MIN_BITS } from '../../lib/quant/params.ts';
import { formatInt } from '../../lib/quant/format.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { quantExplorerStrings } from '../../i18n/quant-explorer.ts';

interface Props {
  id: string;
  lang: Locale;
  t: Translator<typeof quantExplorerStrings>;
  /** One label per weight layer, in model order. */
  layers: string[];
  position: number;
  onLayer: (index: number) => void;
  bits: number;
  onBits: (bits: number) => void;
  levels: number;
  symmetric: boolean;
  onSymmetric: (symmetric: boolean) => void;
  perChannel: boolean;
  onPerChannel: (perChannel: boolean) => void;
  /** Weights in the layer, and its output channels. */
  count: number;
  channels: number;
}

const rangeText = (r: { qmin: number; qmax: number }) => ({ qmin: formatInt(r.qmin), qmax: formatInt(r.qmax) });

export default function QuantControls(props: Props) {
  const { id, lang, t, layers, position, onLayer, bits, onBits, levels, symmetric, onSymmetric, perChannel, onPerChannel, count, channels } = props;
  return (
    <div class="qx-controls">
      <div class="qx-field qx-field--wide">
        <label for={`${id}-layer`}>{t('layer')}</label>
        <select id={`${id}-layer`} value={position} onChange={(e) => onLayer(Number(e.currentTarget.value))}>
          {layers.map((label, i) => (
            <option value={i} key={i}>
              {label}
            </option>
          ))}
        </select>
      </div>

      <div class="qx-field qx-field--wide">
        <label for={`${id}-bits`}>
          {t('bits')}: <output for={`${id}-bits`} data-testid="qx-bits">{t('bitsValue', { bits, levels })}</output>
        </label>
        <input
          id={`${id}-bits`}
          type="range"
          min={MIN_BITS}
          max={MAX_BITS}
          step={1}
          value={bits}
          aria-valuetext={t('bitsValue', { bits, levels })}
          onInput={(e) => onBits(Number(e.currentTarget.value))}
        />
      </div>

      <fieldset class="qx-field">
        <legend>{t('scheme')}</legend>
        <label class="qx-choice">
          <input type="radio" name={`${id}-scheme`} value="symmetric" checked={symmetric} onChange={() => onSymmetric(true)} />
          <span>
            {t('symmetric')}
            <small>{t('symmetricHint', { bits, ...rangeText(integerRange(bits, true)) })}</small>
          </span>
        </label>
        <label class="qx-choice">
          <input type="radio" name={`${id}-scheme`} value="asymmetric" checked={!symmetric} onChange={() => onSymmetric(false)} />
          <span>
            {t('asymmetric')}
            <small>{t('asymmetricHint', { bits, ...rangeText(integerRange(bits, false, true)) })}</small>
          </span>
        </label>
      </fieldset>

      <fieldset class="qx-field">
        <legend>{t('granularity')}</legend>
        <label class="qx-choice">
          <input type="radio" name={`${id}-gran`} value="tensor" checked={!perChannel} onChange={() => onPerChannel(false)} />
          <span>
            {t('perTensor')}
            <small>{t('perTensorHint', { count: count.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US') })}</small>
          </span>
        </label>
        <label class="qx-choice">
          <input type="radio" name={`${id}-gran`} value="channel" checked={perChannel} onChange={() => onPerChannel(true)} />
          <span>
            {t('perChannel')}
            <small>{t('perChannelHint', { channels })}</small>
          </span>
        </label>
      </fieldset>
    </div>
  );
}
