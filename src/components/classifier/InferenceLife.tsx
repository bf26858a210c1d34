// "The life of one inference": one diagram that follows the current photo through one model,
// step by step, with that photo's real numbers (lib/classify/trace.ts computes them).
import type { Locale } from '../../lib/models.ts';
import type { InferenceTrace } from '../../lib/classify/trace.ts';
import { translator, type KeyOf, type Translator } from '../../i18n/translate.ts';
import { classifierStrings } from '../../i18n/classifier.ts';

interface Props {
  lang: Locale;
  trace: InferenceTrace;
  modelName: string;
  uid: string;
}

const num = (x: number, digits = 4) => Number(x.toPrecision(digits)).toString();

type Key = KeyOf<typeof classifierStrings>;

/** The steps as [title key, body] pairs; which steps exist depends on the model's dtypes. */
function steps(tr: InferenceTrace, t: Translator<typeof classifierStrings>): [Key, string][] {
  const { input: inp, output: out } = tr;
  const [r, g, b] = tr.pixel.rgb;
  const list: [Key, string][] = [
    ['lifePhoto', t('lifePhotoBody', { w: tr.photo.width, h: tr.photo.height })],
    ['lifeCrop', t('lifeCropBody', { s: tr.crop.size, x: tr.crop.x, y: tr.crop.y })],
    ['lifeResize', t('lifeResizeBody', { n: tr.inputSize })],
    ['lifeBytes', t('lifeBytesBody', { row: tr.pixel.row, col: tr.pixel.col, r, g, b })],
  ];
  if (inp.quant) {
    list.push(['lifeInput', t(inp.quant.rawBytes ? 'lifeInputRaw' : 'lifeInputQuantized', { dtype: inp.dtype, q: inp.value, r })]);
    list.push(['lifeDequantIn', t('lifeDequantBody', { q: inp.value, zp: inp.quant.zeroPoint, scale: num(inp.quant.scale), real: num(inp.quant.real) })]);
  } else if (inp.norm) {
    list.push(['lifeInput', t('lifeInputFloat', { r, mean: inp.norm.mean, std: inp.norm.std, v: num(inp.value) })]);
  }
  if (tr.operators) {
    const ops = tr.operators.top.map(([op, n]) => `${op} ×${n}`).join(', ');
    list.push(['lifeOps', t('lifeOpsBody', { n: tr.operators.total, ops })]);
  }
  if (out.quant) {
    list.push(['lifeOutput', t('lifeOutputBody', { dtype: out.dtype, i: out.index, q: out.raw })]);
    list.push(['lifeDequantOut', t('lifeDequantBody', { q: out.raw, zp: out.quant.zeroPoint, scale: num(out.quant.scale), real: num(out.prob) })]);
  } else {
    list.push(['lifeOutput', t('lifeOutputFloat', { i: out.index, p: num(out.prob) })]);
  }
  list.push(['lifeLabel', t('lifeLabelBody', { line: tr.label.line, label: tr.label.text })]);
  return list;
}

export default function InferenceLife({ lang, trace, modelName, uid }: Props) {
  const t = translator(classifierStrings, lang);
  return (
    <figure class="clf-life" aria-labelledby={`${uid}-life`} data-testid="inference-life">
      <figcaption id={`${uid}-life`}>
        <strong>{t('lifeHeading')}</strong> {t('lifeIntro', { model: modelName })}
      </figcaption>
      <ol class="clf-life__steps">
        {steps(trace, t).map(([title, body], i) => (
          <li key={title} class="clf-life__step" data-step={title}>
            <span class="clf-life__n" aria-hidden="true">{i + 1}</span>
            <strong>{t(title)}</strong>
            <span>{body}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
