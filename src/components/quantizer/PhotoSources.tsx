// The representative dataset's source for full integer: the dev photos (how many) or the reader's own.
import { devImages } from '../../lib/models.ts';
import type { ModeSettingsProps } from './ModeSettings.tsx';

export default function PhotoSources(p: ModeSettingsProps) {
  const { t } = p;
  return (
    <div class="q-photo-sources">
      <label class="q-inline">
        <input type="radio" name="photos" value="dev" checked={p.photoSource === 'dev'} disabled={p.disabled} onChange={() => p.onPhotoSource('dev')} />
        {t('calibrationDev')}
      </label>
      {p.photoSource === 'dev' ? (
        <label class="q-inline">
          {t('calibrationCount', { max: devImages.length })}
          <input name="calibration" type="number" inputMode="numeric" min={1} max={devImages.length} value={p.count} disabled={p.disabled} onInput={(e) => p.onCount(e.currentTarget.value)} />
        </label>
      ) : null}
      <label class="q-inline">
        <input type="radio" name="photos" value="own" checked={p.photoSource === 'own'} disabled={p.disabled} onChange={() => p.onPhotoSource('own')} />
        {t('calibrationOwn')}
      </label>
      {p.photoSource === 'own' ? (
        <label class="q-inline">
          <span>{t('calibrationOwnPick')}</span>
          <input
            type="file"
            multiple
            accept="image/*"
            data-testid="calibration-files"
            disabled={p.disabled}
            onChange={(e) => p.onOwnPhotos([...(e.currentTarget.files ?? [])])}
          />
          <span class="bl-hint">{p.ownPhotos.length ? t('calibrationOwnCount', { count: p.ownPhotos.length }) : t('calibrationOwnNone')}</span>
        </label>
      ) : null}
      {p.grayscale ? <p class="bl-hint" data-testid="calibration-grayscale">{t('calibrationGrayscale')}</p> : null}
    </div>
  );
}
