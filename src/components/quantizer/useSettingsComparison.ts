// The settings comparison's state: the chosen float model and the run (download, quantize in each
// setting, time in each runtime) on shared/useLabRun.ts. SettingsComparison.tsx renders it.
import { useMemo, useState } from 'preact/hooks';
import { assetUrl, devImages, type Locale } from '../../lib/models.ts';
import { fetchWithProgress } from '../../lib/fetch-with-progress.ts';
import { defaultThreads, runtimeIds, runtimeLabels } from '../../lib/runtime/index.ts';
import { devPhotoSet } from '../../lib/calibration/photos.ts';
import { compareSettings, type ComparedSetting, type ComparisonStatus, type SettingsComparison } from '../../lib/calibration/compare-settings.ts';
import { translator } from '../../i18n/translate.ts';
import { quantizerStrings } from '../../i18n/quantizer.ts';
import { useLabRun } from '../shared/useLabRun.ts';
import { quantizeErrorText, type QuantizerT } from './errors.ts';
import { floatModels } from './params.ts';

export const PLAN = { warmup: 5, runs: 30 };

export interface Compared {
  result: SettingsComparison;
  seconds: number;
}

export function useSettingsComparison(lang: Locale) {
  const t: QuantizerT = translator(quantizerStrings, lang);
  const floats = useMemo(floatModels, []);
  const [modelId, setModelId] = useState(floats[0]?.id ?? '');
  const entry = floats.find((m) => m.id === modelId);
  const lab = useLabRun<Compared, ComparisonStatus>({
    stopped: () => t('cancelled'),
    failed: (err) => quantizeErrorText(err, entry?.name[lang] ?? '', lang).message,
  });

  const settingName = (s: ComparedSetting) =>
    s === 'float' ? t('cmpFloat') : { dynamic: t('modeDynamic'), float16: t('modeFloat16'), int8: t('modeInt8') }[s];

  const run = async () => {
    if (!entry) return;
    await lab.start(async (signal, progress) => {
      const started = performance.now();
      const floatModel = await fetchWithProgress(assetUrl(entry), undefined, { expectedBytes: entry.bytes, signal });
      const result = await compareSettings({
        floatModel,
        normalization: entry.normalization,
        photos: devPhotoSet(devImages.length),
        runtimes: runtimeIds,
        threads: defaultThreads,
        plan: PLAN,
        signal,
        onStatus: progress,
      });
      return { result, seconds: (performance.now() - started) / 1000 };
    });
  };

  const status = lab.state.kind === 'running' ? lab.state.progress : null;
  const statusText = !status
    ? t('statusPreparing')
    : status.step === 'quantizing'
      ? status.stage.kind === 'calibrating'
        ? t('cmpCalibrating', { done: status.stage.done, total: status.stage.total })
        : t('cmpQuantizing', { mode: settingName(status.mode as ComparedSetting) })
      : status.status.kind === 'running'
        ? t('cmpTiming', { runtime: runtimeLabels[status.runtime], phase: t(status.status.phase === 'warmup' ? 'cmpWarmup' : 'cmpTimed'), done: status.status.done, total: status.status.total })
        : t('cmpLoading', { runtime: runtimeLabels[status.runtime], model: status.status.kind === 'loading' ? settingName(status.status.modelId as ComparedSetting) : '' });
  const timing = status?.step === 'timing' && status.status.kind === 'running' ? status.status : null;

  return { t, floats, modelId, setModelId, lab, run, cancel: () => lab.stop('cancelled'), settingName, statusText, timing };
}
