// The inspector's verdict on what kind of model this is, with the evidence it used.
import type { KindReport } from '../../lib/tflite/kind.ts';
import { kindText } from './advice-text.ts';
import type { InspectorKey, T } from './format.ts';

export default function KindPanel({ kind, t }: { kind: KindReport; t: T }) {
  return (
    <div data-testid="kind" data-kind={kind.kind} data-confidence={kind.confidence}>
      <p class="insp-kind"><strong>{kindText(kind, t)}</strong></p>
      <p class="insp-note">{t('kindWhy')}</p>
      <ul class="insp-reasons" data-testid="kind-reasons">
        {kind.reasons.map((r, i) => (
          <li key={i} data-code={r.code}>{t(`why:${r.code}` as InspectorKey, r.values)}</li>
        ))}
      </ul>
    </div>
  );
}
