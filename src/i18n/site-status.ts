import { defineStrings } from './translate.ts';

export const siteStatusStrings = defineStrings({
  en: {
    isolationHeaders: 'Threads: on. This host sends the cross-origin isolation headers itself.',
    isolationServiceWorker: 'Threads: on. This host sends no cross-origin isolation headers, so the site’s service worker adds them.',
    isolationNone: 'Threads: off. This page is not cross-origin isolated (no headers from the host and no service worker), so the demos run single-threaded.',
    isolationPending: 'Checking whether WebAssembly threads are available…',
    offlineHeading: 'Offline copies',
    offlineUsage: 'This site keeps {files} files (pages, WebAssembly runtimes, models and photos) for offline use once you have opened them; it stores {size} in this browser in all.',
    offlineUsageUnknown: 'This site keeps {files} files (pages, WebAssembly runtimes, models and photos) for offline use once you have opened them.',
    offlineUnavailable: 'This browser does not let the site keep offline copies (no Cache Storage).',
    clear: 'Delete the offline copies',
    cleared: 'Deleted. Pages and models will download again when you next open them.',
    clearFailed: 'The offline copies could not be deleted: {reason}',
  },
  ja: {
    isolationHeaders: 'スレッド：使用中。このホストがクロスオリジン分離のヘッダーを送っています。',
    isolationServiceWorker: 'スレッド：使用中。このホストはクロスオリジン分離のヘッダーを送らないため、サイトの Service Worker が付け加えています。',
    isolationNone: 'スレッド：使用不可。このページはクロスオリジン分離されていない（ホストのヘッダーも Service Worker もない）ため、デモはシングルスレッドで動きます。',
    isolationPending: 'WebAssembly のスレッドを使えるか確認しています…',
    offlineHeading: 'オフライン用のコピー',
    offlineUsage: '一度開いたページ・WebAssembly ランタイム・モデル・写真の {files} 個のファイルを、オフラインでも使えるように保存しています。このブラウザーに保存している量は合計 {size} です。',
    offlineUsageUnknown: '一度開いたページ・WebAssembly ランタイム・モデル・写真の {files} 個のファイルを、オフラインでも使えるように保存しています。',
    offlineUnavailable: 'このブラウザーではオフライン用のコピーを保存できません（Cache Storage がありません）。',
    clear: 'オフライン用のコピーを削除',
    cleared: '削除しました。次に開いたときに、ページとモデルをもう一度ダウンロードします。',
    clearFailed: 'オフライン用のコピーを削除できませんでした：{reason}',
  },
});
