// Inputs and outputs: dtype, shape, scale / zero point, and what the stored numbers mean.
import type { TensorSummary } from '../../lib/tflite/describe.ts';
import { meaningText, quantText, shapeText, type T } from './format.ts';

export default function TensorTable({ inputs, outputs, t }: { inputs: TensorSummary[]; outputs: TensorSummary[]; t: T }) {
  const rows = [
    ...inputs.map((s, n) => ({ s, role: t('roleInput', { n }), kind: 'input' })),
    ...outputs.map((s, n) => ({ s, role: t('roleOutput', { n }), kind: 'output' })),
  ];
  return (
    <div class="insp-table-wrap">
      <table class="insp-io">
        <thead>
          <tr>
            <th scope="col">{t('colRole')}</th>
            <th scope="col">{t('colName')}</th>
            <th scope="col">{t('colDtype')}</th>
            <th scope="col">{t('colShape')}</th>
            <th scope="col">{t('colQuant')}</th>
          </tr>
        </thead>
        {rows.map(({ s, role, kind }) => (
          // One <tbody> per tensor: its facts on one row, what the numbers mean on the next.
          <tbody key={`${kind}-${s.index}`} data-testid={`io-${kind}`}>
            <tr>
              <th scope="row" data-label={t('colRole')}>{role}</th>
              <td data-label={t('colName')}><code>{s.name || `#${s.index}`}</code></td>
              <td data-label={t('colDtype')} data-testid="dtype"><code>{s.dtype}</code></td>
              <td data-label={t('colShape')} data-testid="shape">
                <code>{shapeText(s.shape)}</code>
                {s.shapeSignature?.includes(-1) && <div class="insp-note">{t('dynamicDims', { sig: shapeText(s.shapeSignature) })}</div>}
              </td>
              <td data-label={t('colQuant')} data-testid="quant">{quantText(s, t)}</td>
            </tr>
            <tr class="insp-meaning-row">
              <td colSpan={5} data-label={t('colMeaning')} data-testid="meaning">{meaningText(s.meaning, t)}</td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
