// Every way to give the classifier a photo: sample gallery, file picker, drag-and-drop, paste.
// Paste works anywhere on the page except in text fields. The gallery shows small thumbnails
// (made by `npm run assets`, a few KB each); the full photo is downloaded only when picked.
import { useEffect } from 'preact/hooks';
import { assetUrl, sampleImages, type Locale } from '../../lib/models.ts';
import { translator } from '../../i18n/translate.ts';
import { classifierStrings } from '../../i18n/classifier.ts';
import { credit } from '../../i18n/credits.ts';
import { useFileDrop } from '../shared/useFileDrop.ts';

interface Props {
  lang: Locale;
  onBlob: (blob: Blob, source: string) => void;
  onSample: (url: string, id: string) => void;
  fileInputId: string;
}

function firstImageFile(list: DataTransferItemList | FileList | null | undefined): File | null {
  if (!list) return null;
  for (const item of Array.from(list as ArrayLike<DataTransferItem | File>)) {
    const file = item instanceof File ? item : item.kind === 'file' ? item.getAsFile() : null;
    if (file) return file;
  }
  return null;
}

export default function ImageSources({ lang, onBlob, onSample, fileInputId }: Props) {
  const t = translator(classifierStrings, lang);
  const { dragging, handlers: dropHandlers } = useFileDrop((files) => {
    const file = firstImageFile(files);
    if (file) onBlob(file, 'drop');
  });

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA)$/.test(target.tagName))) return;
      const file = firstImageFile(event.clipboardData?.files);
      if (file) {
        event.preventDefault();
        onBlob(file, 'paste');
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [onBlob]);

  return (
    <div class="clf-sources">
      <fieldset class="clf-samples">
        <legend>{t('samplesLegend')}</legend>
        <ul class="clf-samples__list">
          {sampleImages.map((img) => (
            <li key={img.id}>
              <button
                type="button"
                class="clf-sample"
                data-sample={img.id}
                onClick={() => onSample(assetUrl(img), img.id)}
                aria-label={t('samplePick', { name: img.name[lang] })}
              >
                <img src={assetUrl({ file: `thumbs/${img.id}.webp` })} alt="" loading="lazy" decoding="async" width={72} height={72} />
                <span>{img.name[lang]}</span>
              </button>
            </li>
          ))}
        </ul>
        <details class="clf-credits">
          <summary>{t('attributionHeading')}</summary>
          <ul>
            {sampleImages.map((img) => (
              <li key={img.id}>
                {img.name[lang]}: {credit(img, lang).attribution} ({credit(img, lang).license})
              </li>
            ))}
          </ul>
        </details>
      </fieldset>
      <div
        class={dragging ? 'clf-drop clf-drop--active' : 'clf-drop'}
        {...dropHandlers}
      >
        <label class="clf-file" for={fileInputId}>
          {t('fileLabel')}
        </label>
        <input
          id={fileInputId}
          class="clf-file__input"
          type="file"
          accept="image/*"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) onBlob(file, 'file');
            input.value = ''; // choosing the same file again still fires change
          }}
        />
        <p class="clf-drop__hint">{dragging ? t('dropActive') : t('dropHint')}</p>
      </div>
    </div>
  );
}
