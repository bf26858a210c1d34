// Loading state of the island: the true first-visit download for the chosen runtime and pair,
// one progress bar for WASM and models, then the runtime in words and the isolation note (shown
// only once the island knows, never from the server render).
import type { Locale } from '../../lib/models.ts';
import { isCrossOriginIsolated, type RuntimeInfo } from '../../lib/runtime/index.ts';
import type { DownloadPlan } from '../../lib/classify/download.ts';
import { formatBytes, translator } from '../../i18n/translate.ts';
import { classifierStrings } from '../../i18n/classifier.ts';
import { readableRuntime } from './runtimeName.ts';

interface Props {
  lang: Locale;
  loading: boolean;
  hydrated: boolean;
  progress: { loaded: number; total: number };
  plan: DownloadPlan | null;
  info: RuntimeInfo | null;
  memory: { heap: number | null; tensors: number | null };
  progressId: string;
}

export default function LoadStatus({ lang, loading, hydrated, progress, plan, info, memory, progressId }: Props) {
  const t = translator(classifierStrings, lang);
  const mb = (n: number) => formatBytes(n, lang);
  const pct = progress.total > 0 ? Math.min(100, (progress.loaded / progress.total) * 100) : 0;
  return (
    <div class="clf-status" data-testid="status">
      {plan && (
        <p class="clf-download" data-testid="download-plan" data-bytes={plan.total.bytes} data-gzip={plan.total.gzip}>
          {plan.runtime.bytes > 0
            ? t('downloadPlan', { total: mb(plan.total.bytes), gzip: mb(plan.total.gzip), wasm: mb(plan.runtime.bytes), models: mb(plan.models.bytes) })
            : t('downloadPlanModels', { total: mb(plan.models.bytes), gzip: mb(plan.models.gzip) })}
        </p>
      )}
      {loading && (
        <div class="clf-progress">
          <label for={progressId}>
            {progress.loaded < progress.total
              ? t('loadingModels', { loaded: mb(progress.loaded), total: mb(progress.total) })
              : t('loadingRuntime')}
          </label>
          <progress id={progressId} max={100} value={pct} aria-label={t('progressLabel')} />
        </div>
      )}
      {info && (
        <p
          class="clf-runtime"
          data-testid="runtime-info"
          data-variant={info.variant}
          data-threads={info.threads}
          data-wasm-heap={memory.heap ?? undefined}
          data-tfjs-tensors={memory.tensors ?? undefined}
        >
          {readableRuntime(info, t)}
        </p>
      )}
      {hydrated && !loading && !isCrossOriginIsolated() && (
        <p class="clf-note" data-testid="not-isolated">
          {t('notIsolated')}
        </p>
      )}
    </div>
  );
}
