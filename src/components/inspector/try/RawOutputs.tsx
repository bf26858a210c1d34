// Raw output tensors: shape, dtype, first values, min and max (nothing guessed about meaning).
import type { TensorSpec } from '../../../lib/runtime/index.ts';
import { tensorStats, type OutputArray } from '../../../lib/tryit/outputs.ts';
import { num, shapeText, type T } from '../format.ts';

export default function RawOutputs({ outputs, specs, t }: { outputs: OutputArray[]; specs: readonly TensorSpec[]; t: T }) {
  return (
    <div class="insp-table-wrap">
      <table class="insp-io" data-testid="raw-outputs">
        <thead>
          <tr>
            <th scope="col">{t('colRole')}</th>
            <th scope="col">{t('colDtype')}</th>
            <th scope="col">{t('colShape')}</th>
            <th scope="col">{t('rawFirst')}</th>
            <th scope="col">{t('rawMinMax')}</th>
          </tr>
        </thead>
        <tbody>
          {outputs.map((values, n) => {
            const s = tensorStats(values);
            const spec = specs[n];
            return (
              <tr key={n} data-testid="raw-output">
                <th scope="row" data-label={t('colRole')}>{t('rawOutput', { n })}</th>
                <td data-label={t('colDtype')}><code>{spec?.dtype ?? '?'}</code></td>
                <td data-label={t('colShape')}><code>{spec ? shapeText(spec.shape) : '?'}</code> ({s.length})</td>
                <td data-label={t('rawFirst')}><code>{s.first.map((v) => num(Number(v.toPrecision(4)))).join(', ')}</code></td>
                <td data-label={t('rawMinMax')}>{t('rawRange', { min: num(Number(s.min.toPrecision(4))), max: num(Number(s.max.toPrecision(4))) })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
