// Names of the demos (islands) as skip links announce them: "Skip to: Image classifier".
import { defineStrings } from './translate.ts';

export const demoStrings = defineStrings({
  en: {
    skipTo: 'Skip to: {name}',
    Classifier: 'Image classifier',
    QuantExplorer: 'Quantization explorer',
    BenchmarkLab: 'Benchmark',
    Inspector: 'Model inspector',
    FamilyChart: 'Model family chart',
    AccuracyLab: 'Accuracy lab',
    SelfCheck: 'Self-check quiz',
    // Shown on Japanese pages only (see islands/Classifier.astro).
    englishLabels: 'Class names are ImageNet’s English names.',
  },
  ja: {
    skipTo: '「{name}」へ移動',
    Classifier: '画像分類',
    QuantExplorer: '量子化エクスプローラー',
    BenchmarkLab: 'ベンチマーク',
    Inspector: 'モデルインスペクター',
    FamilyChart: 'モデルファミリーの比較',
    AccuracyLab: '精度ラボ',
    SelfCheck: '理解度チェック',
    englishLabels:
      '分類結果のクラス名は、ImageNet の英語名のまま表示します。出典とライセンスを明記して同梱できる、信頼できる日本語訳が見つからなかったためです。',
  },
});
