// A lab's start button and its cancel button: cancel is enabled exactly while a run is going.
// Focus follows the run: a run started from the button puts focus on Cancel (the start button is
// disabled, and a disabled button drops focus to the page), and when the run ends focus returns
// to the start button, so a keyboard or screen-reader user stays where they were.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
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

/** Focus that a disabled button dropped: nowhere, or on the button itself. */
const focusDropped = (button: HTMLButtonElement | null) => {
  const active = document.activeElement;
  return active === null || active === document.body || active === button;
};

export default function RunCancelButtons({ lang, runLabel, onRun, onCancel, running, runDisabled, primary, children }: Props) {
  const t = translator(labControlStrings, lang);
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  /** Set by a press of the start button: only then does focus move (not for a run started by the URL). */
  const pressed = useRef(false);
  useEffect(() => {
    if (!pressed.current) return;
    if (running) {
      if (focusDropped(runButton.current)) cancelButton.current?.focus({ preventScroll: true });
      return;
    }
    pressed.current = false;
    // preventScroll: a reader who scrolled down to watch the results is not pulled back up.
    if (focusDropped(cancelButton.current) && runButton.current && !runButton.current.disabled) runButton.current.focus({ preventScroll: true });
  }, [running]);
  return (
    <div class="bl-actions">
      <button
        type="button"
        ref={runButton}
        class={primary ? 'bl-primary' : undefined}
        onClick={() => {
          pressed.current = true;
          onRun();
        }}
        disabled={runDisabled ?? running}
      >
        {runLabel}
      </button>
      <button type="button" ref={cancelButton} onClick={onCancel} disabled={!running}>
        {t('cancel')}
      </button>
      {children}
    </div>
  );
}
