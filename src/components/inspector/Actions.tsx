// Where to take the model next: the benchmark (with its own pair when the site has one), the
// classifier for the site's ImageNet models, or a hand-off of the reader's file to the benchmark.
import { modelPairs } from '../../lib/models.ts';
import { localePagePath } from '../../lib/site-path.ts';
import type { Locale } from '../../lib/models.ts';
import type { InspectorState } from './useInspector.ts';
import type { T } from './format.ts';

interface Props {
  state: Extract<InspectorState, { phase: 'ready' }>;
  handoff: string;
  send: (bytes: Uint8Array, name: string) => void;
  t: T;
  lang: Locale;
}

export default function Actions({ state, handoff, send, t, lang }: Props) {
  const site = state.site;
  if (site) {
    const pair = modelPairs.find((p) => p.a === site.id || p.b === site.id);
    // Compare the model with its own pair (float vs 8-bit...), not with an unrelated default.
    const ids = pair ? [site.id, pair.a === site.id ? pair.b : pair.a] : [site.id];
    const bench = localePagePath(`labs/benchmark/?${ids.map((m) => `model=${encodeURIComponent(m)}`).join('&')}`, lang);
    return (
      <div class="insp-actions">
        <a class="insp-button" data-testid="run-benchmark" href={bench}>{pair ? t('runBenchmarkPair') : t('runBenchmark')}</a>
        {pair && state.report.kind.kind === 'image-classifier' && (
          <a class="insp-button" data-testid="run-classifier" href={localePagePath(`labs/classifier/?pair=${encodeURIComponent(pair.id)}`, lang)}>{t('runClassifier')}</a>
        )}
      </div>
    );
  }
  return (
    <div class="insp-actions">
      <button type="button" class="insp-button" data-testid="send-benchmark" onClick={() => send(state.bytes, state.name)}>{t('sendBenchmark')}</button>
      <span role="status" aria-live="polite">{handoff}</span>
    </div>
  );
}
