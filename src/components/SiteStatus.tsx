// How this page runs: whether WebAssembly threads are on and why (host headers or the service
// worker), and, with `offline`, what the service worker keeps for offline use, with a button to
// delete it. State and rendering only; the facts come from src/lib/offline.ts.
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../lib/models.ts';
import { clearOfflineCopies, isolationMode, offlineUsage, type IsolationMode, type OfflineUsage } from '../lib/offline.ts';
import { formatBytes, translator } from '../i18n/translate.ts';
import { siteStatusStrings } from '../i18n/site-status.ts';
import './SiteStatus.css';

interface Props {
  lang: Locale;
  /** Also show the offline copies and the button that deletes them. */
  offline?: boolean;
}

const modeKey = { headers: 'isolationHeaders', 'service-worker': 'isolationServiceWorker', none: 'isolationNone' } as const;

export default function SiteStatus({ lang, offline = false }: Props) {
  const t = translator(siteStatusStrings, lang);
  const [mode, setMode] = useState<IsolationMode | null>(null);
  const [usage, setUsage] = useState<OfflineUsage | null | undefined>(undefined);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    void isolationMode().then(setMode);
    if (offline) void offlineUsage().then(setUsage, () => setUsage(null));
  }, [offline]);

  const clear = async () => {
    try {
      await clearOfflineCopies();
      setNote(t('cleared'));
    } catch (err) {
      setNote(t('clearFailed', { reason: (err as Error).message }));
    }
    setUsage(await offlineUsage().catch(() => null));
  };

  return (
    <div class="site-status not-content" data-testid="site-status">
      <p data-testid="isolation-mode" data-mode={mode ?? 'pending'}>
        {mode ? t(modeKey[mode]) : t('isolationPending')}
      </p>
      {offline && usage !== undefined && (
        <div class="offline-copies" data-testid="offline-copies" data-files={usage?.files} data-bytes={usage?.bytes ?? undefined}>
          <h3>{t('offlineHeading')}</h3>
          {usage === null ? (
            <p>{t('offlineUnavailable')}</p>
          ) : (
            <>
              <p>{usage.bytes === null ? t('offlineUsageUnknown', { files: usage.files }) : t('offlineUsage', { files: usage.files, size: formatBytes(usage.bytes, lang) })}</p>
              <button type="button" onClick={clear} disabled={usage.files === 0}>
                {t('clear')}
              </button>
            </>
          )}
          {note && <p role="status">{note}</p>}
        </div>
      )}
    </div>
  );
}
