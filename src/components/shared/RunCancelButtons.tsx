// A lab's start button and its cancel button: cancel is enabled exactly while a run is going.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../lib/models.ts';
import { translator } from '../../i18n/translate.ts';
import { labControlStrings } from '../../i18n/lab-controls.ts';

interface Props {
  lang: Locale;
  runLabel: string;
  onRun: () => void;
  onCancel: () => void;
  running: boolean;
  /** Defaults to `running`; a lab also disables it while another measurement holds the page. */
  runDisabled?: boolean;
  /** The lab's main action gets the accent style. */
  primary?: boolean;
  /** Shown after the buttons, e.g. a live status line. */
  children?: ComponentChildren;
}

export default function RunCancelButtons({ lang, runLabel, onRun, onCancel, running, runDisabled, primary, children }: Props) {
  const t = translator(labControlStrings, lang);
  return (
    <div class="bl-actions">
      <button type="button" class={primary ? 'bl-primary' : undefined} onClick={onRun} disabled={runDisabled ?? running}>
        {runLabel}
      </button>
      <button type="button" onClick={onCancel} disabled={!running}>
        {t('cancel')}
      </button>
      {children}
    </div>
  );
}
