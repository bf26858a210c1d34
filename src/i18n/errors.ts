// The one place where a failure becomes a message in the reader's language. Library errors carry a
// machine-readable `code` and an English, technical message; this maps the code to a sentence in
// both languages and keeps the library message as a secondary "technical detail" line.
// Add a new library error here (code -> key, key -> both languages); tests/unit/errors.test.ts checks
// that every code of every library error has a message in both languages.
import type { Locale } from '../lib/models.ts';
import { FetchError } from '../lib/fetch-with-progress.ts';
import { TfliteParseError } from '../lib/tflite/types.ts';
import { TfliteWriteError } from '../lib/tflite/writer.ts';
import { TwinError } from '../lib/tflite/twin.ts';
import { RuntimeError } from '../lib/runtime/types.ts';
import { ImageDecodeError } from '../lib/image/decode.ts';
import { InputSpecError } from '../lib/image/input.ts';
import { SyntheticInputError } from '../lib/tryit/synthetic-inputs.ts';
import { PlanError } from '../lib/bench/validate.ts';
import { BenchError } from '../lib/bench/errors.ts';
import { QuantizeError } from '../lib/quantize/errors.ts';
import { CalibrationError } from '../lib/calibration/calibrate.ts';
import { defineStrings, translator, type KeyOf, type Vars } from './translate.ts';

export const errorStrings = defineStrings({
  en: {
    // Downloads (lib/fetch-with-progress.ts: FetchError, by HTTP status).
    'fetch.network': 'The download failed: the network request did not get through (offline, or the server did not answer).',
    'fetch.not-found': 'The download failed: the server has no such file (HTTP 404).',
    'fetch.http': 'The download failed: the server answered with HTTP status {status}.',
    // Reading a .tflite file (lib/tflite/types.ts: TfliteParseError). {file} is the file's name or "The file".
    'tflite.too-small': '{file} is too small to be a TensorFlow Lite model.',
    'tflite.bad-identifier': '{file} is not a TensorFlow Lite model: a .tflite file has the identifier “TFL3” at byte 4, and this one does not.',
    'tflite.out-of-bounds': '{file} looks like a TensorFlow Lite model, but it is truncated or damaged: it points to data beyond its end. Download it again.',
    'tflite.malformed': '{file} looks like a TensorFlow Lite model, but its structure is inconsistent, so it cannot be read.',
    'tflite.too-large': '{file} is larger than this page reads.',
    // Writing a .tflite file (lib/tflite/writer.ts) and deriving a float32 twin (lib/tflite/twin.ts).
    'write.failed': 'The model file could not be written: it uses a part of the TensorFlow Lite format this site does not write.',
    'twin.unsupported-op': 'This model uses an operator that the float32 twin cannot convert.',
    'twin.unsupported-tensor': 'This model has a tensor that the float32 twin cannot give a float value.',
    'twin.unsupported-model': 'The float32 twin handles single-graph models whose operators have one input and one output; this model is different.',
    'twin.not-quantized': 'This model is already float: it has no quantized tensors to turn into a float32 twin.',
    // Runtimes (lib/runtime/types.ts: RuntimeError).
    'runtime.wasm-load-failed': 'The inference engine (WebAssembly) could not be downloaded or started. Check your connection and reload the page.',
    'runtime.model-load-failed': 'The model could not be loaded into the inference engine. Reload the page to try again.',
    'runtime.run-failed': 'The model failed to run.',
    'runtime.unsupported': 'This runtime cannot run this model here.',
    // Photos (lib/image/decode.ts: ImageDecodeError) and model inputs (lib/image/input.ts).
    'image.empty': 'That file is empty (0 bytes). Choose a photo file.',
    'image.not-image': 'That file is not an image this browser can read. Choose a JPEG, PNG, GIF, WebP or BMP photo.',
    'image.svg': 'SVG files are vector drawings, not photos, and these models classify photos. Export it as PNG or JPEG and try again.',
    'image.too-large': 'That image is too large to process safely in a browser tab. Use a smaller copy (under 30,000 px per side).',
    'image.corrupt': 'The browser could not decode that image; the file may be damaged or incomplete. Try another photo.',
    'input.unsupported': 'This model does not take a photo in a form this page can prepare (it needs one image input of shape [1, height, width, 3] for colour or [1, height, width, 1] for grayscale).',
    // Generated inputs for models that do not take a photo (lib/tryit/synthetic-inputs.ts).
    'synthetic.string-input': 'This model takes text as a string tensor; the browser runtimes only take numbers, so it cannot run here.',
    'synthetic.unsupported-dtype': 'This model has an input type the page cannot generate values for, so it cannot run here.',
    // Camera (getUserMedia DOMException names).
    'camera.denied': 'Camera access was denied. Allow the camera for this site in the browser’s settings, or choose a photo instead.',
    'camera.none': 'No camera was found on this device. Choose a photo instead.',
    'camera.unsupported': 'This browser does not offer camera access here (it needs a secure https page). Choose a photo instead.',
    'camera.failed': 'The camera could not be started.',
    // Benchmark plans (lib/bench/validate.ts: PlanError; {min} {max} {value} come with the error).
    'plan.invalid': 'Please fix: {message}',
    'plan.runs-not-integer': 'the number of timed runs must be a whole number (got “{value}”).',
    'plan.runs-too-few': 'at least {min} timed runs are needed for a median and p10/p90 (got {value}).',
    'plan.runs-too-many': 'at most {max} timed runs per model (got {value}); that many would take minutes.',
    'plan.warmup-not-integer': 'the number of warm-up runs must be a whole number (got “{value}”).',
    'plan.warmup-negative': 'warm-up runs cannot be negative (got {value}).',
    'plan.warmup-too-many': 'at most {max} warm-up runs (got {value}).',
    'plan.budget-invalid': 'the time budget must be between 1 ms and {max} ms.',
    'plan.threads-invalid': 'threads must be a whole number from 1 to {max}.',
    'plan.models-too-few': 'choose at least two different models.',
    'plan.models-too-many': 'compare at most {max} models in one run ({value} are selected). Each model gets its own copy of the runtime, and browsers slow down or stall with many of them.',
    // Benchmark and accuracy runs (lib/bench/errors.ts: BenchError).
    'bench.load-failed': 'A model could not be loaded for the measurement.',
    'bench.run-failed': 'A model failed while it was being measured.',
    'bench.photo-failed': 'The test photo could not be downloaded.',
    // Post-training quantization (lib/quantize: QuantizeError; {op} is the operator, {mode} the setting).
    'quantize.not-float': '{file} is already quantized. The converter starts from a float model: open its float version.',
    'quantize.unsupported-op': 'The operator {op} cannot be quantized with the setting “{mode}”, so this setting cannot convert the model. Dynamic range and float16 change only weights, not activations, so they can still convert this model: try one of them.',
    'quantize.custom-op': '{file} uses the operator {op}, which is not one of TensorFlow Lite’s built-in operators. This page can only rewrite built-in operators, so none of its settings can quantize this model. Quantize it with TensorFlow’s converter, from the original model.',
    'quantize.needs-calibration': 'Full-integer quantization needs the range of every activation, and the calibration recorded none.',
    'quantize.bad-model': '{file} is not a TensorFlow Lite model this quantizer can read.',
    'quantize.unsupported-model': '{file} is a TensorFlow Lite model, but of a kind this quantizer does not handle (several subgraphs, or sparse tensors).',
    'quantize.bad-options': 'These quantization settings do not fit together.',
    'mode.dynamic': 'dynamic range',
    'mode.float16': 'float16',
    'mode.int8': 'full integer',
    'mode.int8-io': 'full integer with integer input and output',
    // Calibration in the browser (lib/calibration/calibrate.ts: CalibrationError).
    'calibration.no-photos': 'Choose at least one photo for the representative dataset.',
    'calibration.no-usable-photos': 'None of the photos could be read as an image, so nothing was calibrated. Choose JPEG, PNG, GIF, WebP or BMP photos.',
    'calibration.not-image-input': 'Calibration feeds photos, but this model’s input is {input}; photos fit an input of shape [1, height, width, 3] (colour) or [1, height, width, 1] (grayscale). The full-integer settings need a representative dataset of that kind of input; dynamic range and float16 need none.',
    'calibration.load-failed': 'The runtime could not load the calibration model. Try the other runtime.',
    'calibration.run-failed': 'The calibration model failed while running on a photo. Try the other runtime.',
    unknown: 'Something unexpected went wrong.',
    // Wording around the messages.
    file: 'The file',
    namedFile: '“{name}”',
    detail: 'Technical detail: {detail}',
  },
  ja: {
    'fetch.network': 'ダウンロードできませんでした。ネットワークにつながりません（オフラインか、サーバーが応答していません）。',
    'fetch.not-found': 'ダウンロードできませんでした。サーバー上にファイルが見つかりません（HTTP 404）。',
    'fetch.http': 'ダウンロードできませんでした。サーバーが HTTP ステータス {status} を返しました。',
    'tflite.too-small': '{file}は、TensorFlow Lite モデルとしては小さすぎます。',
    'tflite.bad-identifier': '{file}は TensorFlow Lite モデルではありません。.tflite ファイルなら 4 バイト目から識別子「TFL3」が入っていますが、このファイルにはありません。',
    'tflite.out-of-bounds': '{file}は TensorFlow Lite モデルのようですが、途中で切れているか壊れています（ファイルの末尾より先を参照しています）。ダウンロードし直してください。',
    'tflite.malformed': '{file}は TensorFlow Lite モデルのようですが、構造に矛盾があるため読み込めません。',
    'tflite.too-large': '{file}は、このページで読めるサイズを超えています。',
    'write.failed': 'モデルファイルを書き出せませんでした。このサイトが書き出せない TensorFlow Lite 形式の要素が使われています。',
    'twin.unsupported-op': 'このモデルには、float32 版（ツイン）に変換できない演算子が含まれています。',
    'twin.unsupported-tensor': 'このモデルには、float32 版（ツイン）で浮動小数点の値にできないテンソルが含まれています。',
    'twin.unsupported-model': 'float32 版（ツイン）が扱えるのは、グラフが 1 つで、各演算子の入力と出力が 1 つずつのモデルです。このモデルは条件に合いません。',
    'twin.not-quantized': 'このモデルはすでに浮動小数点です。float32 版（ツイン）にする量子化済みテンソルがありません。',
    'runtime.wasm-load-failed': '推論エンジン（WebAssembly）をダウンロードまたは起動できませんでした。接続を確認して、ページを再読み込みしてください。',
    'runtime.model-load-failed': 'モデルを推論エンジンに読み込めませんでした。ページを再読み込みして、もう一度試してください。',
    'runtime.run-failed': 'モデルの実行に失敗しました。',
    'runtime.unsupported': 'このランタイムでは、ここでこのモデルを実行できません。',
    'image.empty': 'ファイルが空です（0 バイト）。写真のファイルを選んでください。',
    'image.not-image': 'このブラウザーで読める画像ファイルではありません。JPEG・PNG・GIF・WebP・BMP の写真を選んでください。',
    'image.svg': 'SVG は写真ではなくベクター図形です。このモデルは写真を分類するので、PNG か JPEG に書き出してから試してください。',
    'image.too-large': '画像が大きすぎて、ブラウザーのタブ内では安全に処理できません。1 辺 30,000 px 未満に縮小したものを使ってください。',
    'image.corrupt': 'この画像をデコードできませんでした。ファイルが壊れているか、途中で切れている可能性があります。別の写真を試してください。',
    'input.unsupported': 'このモデルの入力は、このページで用意できる写真の形式ではありません（カラーなら形状 [1, 高さ, 幅, 3]、グレースケールなら [1, 高さ, 幅, 1] の画像入力が 1 つ必要です）。',
    'synthetic.string-input': 'このモデルはテキストを文字列テンソルで受け取りますが、ブラウザーのランタイムは数値しか扱えないため、ここでは実行できません。',
    'synthetic.unsupported-dtype': 'このモデルには、ページで値を生成できない型の入力があるため、ここでは実行できません。',
    'camera.denied': 'カメラへのアクセスが拒否されました。ブラウザーの設定でこのサイトのカメラを許可するか、写真を選んでください。',
    'camera.none': 'この端末にカメラが見つかりません。写真を選んでください。',
    'camera.unsupported': 'このブラウザーでは、ここからカメラを使えません（https のページが必要です）。写真を選んでください。',
    'camera.failed': 'カメラを起動できませんでした。',
    'plan.invalid': '入力を確認してください：{message}',
    'plan.runs-not-integer': '計測回数は整数で指定してください（入力値：「{value}」）。',
    'plan.runs-too-few': '中央値と p10/p90 を出すには {min} 回以上の計測が必要です（入力値：{value}）。',
    'plan.runs-too-many': '計測回数はモデルごとに {max} 回までです（入力値：{value}）。それ以上は数分かかります。',
    'plan.warmup-not-integer': 'ウォームアップ回数は整数で指定してください（入力値：「{value}」）。',
    'plan.warmup-negative': 'ウォームアップ回数に負の値は使えません（入力値：{value}）。',
    'plan.warmup-too-many': 'ウォームアップは {max} 回までです（入力値：{value}）。',
    'plan.budget-invalid': '時間の上限は 1〜{max} ms で指定してください。',
    'plan.threads-invalid': 'スレッド数は 1〜{max} の整数で指定してください。',
    'plan.models-too-few': '異なるモデルを 2 つ以上選んでください。',
    'plan.models-too-many': '1 回に比較できるのは {max} モデルまでです（いま {value} モデルを選んでいます）。モデルごとにランタイムが 1 つずつ立ち上がるため、多すぎるとブラウザーが遅くなったり止まったりします。',
    'bench.load-failed': '計測のためにモデルを読み込めませんでした。',
    'bench.run-failed': '計測中にモデルの実行に失敗しました。',
    'bench.photo-failed': 'テスト用の写真をダウンロードできませんでした。',
    'quantize.not-float': '{file}はすでに量子化されています。コンバーターは float モデルから始めるので、float 版を開いてください。',
    'quantize.unsupported-op': '演算子 {op} は「{mode}」の設定では量子化できないため、この設定ではこのモデルを変換できません。ダイナミックレンジと float16 は重みだけを変えて活性化は変えないので、このモデルも変換できます。どちらかを試してください。',
    'quantize.custom-op': '{file}は TensorFlow Lite の組み込み演算子ではない演算子 {op} を使っています。このページで書き換えられるのは組み込み演算子だけなので、どの設定でもこのモデルは量子化できません。元のモデルから TensorFlow のコンバーターで量子化してください。',
    'quantize.needs-calibration': '完全整数の量子化にはすべての活性化の範囲が必要ですが、キャリブレーションで何も記録されませんでした。',
    'quantize.bad-model': '{file}は、この量子化ツールで読める TensorFlow Lite モデルではありません。',
    'quantize.unsupported-model': '{file}は TensorFlow Lite モデルですが、この量子化ツールでは扱えない種類です（複数のサブグラフ、または疎なテンソルを含みます）。',
    'quantize.bad-options': '量子化の設定の組み合わせが正しくありません。',
    'mode.dynamic': 'ダイナミックレンジ',
    'mode.float16': 'float16',
    'mode.int8': '完全整数',
    'mode.int8-io': '入出力も整数の完全整数',
    'calibration.no-photos': '代表データセットの写真を 1 枚以上選んでください。',
    'calibration.no-usable-photos': 'どの写真も画像として読めなかったため、キャリブレーションできませんでした。JPEG・PNG・GIF・WebP・BMP の写真を選んでください。',
    'calibration.not-image-input': 'キャリブレーションには写真を入力しますが、このモデルの入力は {input} です（写真を入力できるのは、カラーなら形状 [1, 高さ, 幅, 3]、グレースケールなら [1, 高さ, 幅, 1] の入力です）。完全整数の設定にはその種類の入力の代表データセットが必要です。ダイナミックレンジと float16 ならデータは不要です。',
    'calibration.load-failed': 'ランタイムがキャリブレーション用のモデルを読み込めませんでした。もう一方のランタイムを試してください。',
    'calibration.run-failed': '写真でキャリブレーション用のモデルを実行している途中で失敗しました。もう一方のランタイムを試してください。',
    unknown: '予期しないエラーが起きました。',
    file: 'このファイル',
    namedFile: '「{name}」',
    detail: '技術的な詳細：{detail}',
  },
});

export type ErrorKey = Exclude<KeyOf<typeof errorStrings>, 'file' | 'namedFile' | 'detail' | 'plan.invalid' | `mode.${QuantizeError['mode']}`>;

/** Every code each library error can carry, mapped to its message. The Record types make a new code a compile error until it has a message. */
export const errorKeys = {
  tflite: {
    'too-small': 'tflite.too-small',
    'bad-identifier': 'tflite.bad-identifier',
    'out-of-bounds': 'tflite.out-of-bounds',
    malformed: 'tflite.malformed',
    'too-large': 'tflite.too-large',
  } satisfies Record<TfliteParseError['code'], ErrorKey>,
  twin: {
    'unsupported-op': 'twin.unsupported-op',
    'unsupported-tensor': 'twin.unsupported-tensor',
    'unsupported-model': 'twin.unsupported-model',
    'not-quantized': 'twin.not-quantized',
  } satisfies Record<TwinError['code'], ErrorKey>,
  runtime: {
    'wasm-load-failed': 'runtime.wasm-load-failed',
    'model-load-failed': 'runtime.model-load-failed',
    'run-failed': 'runtime.run-failed',
    unsupported: 'runtime.unsupported',
  } satisfies Record<RuntimeError['code'], ErrorKey>,
  image: {
    empty: 'image.empty',
    'not-image': 'image.not-image',
    svg: 'image.svg',
    'too-large': 'image.too-large',
    corrupt: 'image.corrupt',
  } satisfies Record<ImageDecodeError['code'], ErrorKey>,
  plan: {
    'runs-not-integer': 'plan.runs-not-integer',
    'runs-too-few': 'plan.runs-too-few',
    'runs-too-many': 'plan.runs-too-many',
    'warmup-not-integer': 'plan.warmup-not-integer',
    'warmup-negative': 'plan.warmup-negative',
    'warmup-too-many': 'plan.warmup-too-many',
    'budget-invalid': 'plan.budget-invalid',
    'threads-invalid': 'plan.threads-invalid',
    'models-too-few': 'plan.models-too-few',
    'models-too-many': 'plan.models-too-many',
  } satisfies Record<PlanError['code'], ErrorKey>,
  synthetic: {
    'string-input': 'synthetic.string-input',
    'unsupported-dtype': 'synthetic.unsupported-dtype',
  } satisfies Record<SyntheticInputError['code'], ErrorKey>,
  bench: {
    'load-failed': 'bench.load-failed',
    'run-failed': 'bench.run-failed',
    'photo-failed': 'bench.photo-failed',
  } satisfies Record<BenchError['code'], ErrorKey>,
  quantize: {
    'not-float': 'quantize.not-float',
    'unsupported-op': 'quantize.unsupported-op',
    'custom-op': 'quantize.custom-op',
    'needs-calibration': 'quantize.needs-calibration',
    'bad-model': 'quantize.bad-model',
    'unsupported-model': 'quantize.unsupported-model',
    'bad-options': 'quantize.bad-options',
  } satisfies Record<QuantizeError['code'], ErrorKey>,
  calibration: {
    'no-photos': 'calibration.no-photos',
    'no-usable-photos': 'calibration.no-usable-photos',
    'not-image-input': 'calibration.not-image-input',
    'load-failed': 'calibration.load-failed',
    'run-failed': 'calibration.run-failed',
  } satisfies Record<CalibrationError['code'], ErrorKey>,
} as const;

export interface ErrorText {
  /** Which message was chosen ('runtime.run-failed'): for tests and styling. */
  key: ErrorKey;
  /** The library's own code ('run-failed', 'svg', 'camera-denied'), as islands expose it in data-code. */
  code: string;
  /** One or two sentences for the reader, in their language. */
  message: string;
  /** The library's English message behind it, prefixed for a secondary line; '' when there is none. */
  detail: string;
}

export interface ErrorContext {
  /** Name of the file the error is about; messages about files then name it. */
  fileName?: string;
}

interface Classified {
  key: ErrorKey;
  code: string;
  vars?: Vars;
}

function classify(error: unknown): Classified {
  if (error instanceof FetchError) {
    if (error.status === 0) return { key: 'fetch.network', code: 'network' };
    if (error.status === 404) return { key: 'fetch.not-found', code: 'not-found' };
    return { key: 'fetch.http', code: 'http', vars: { status: error.status } };
  }
  if (error instanceof TfliteParseError) return { key: errorKeys.tflite[error.code], code: error.code };
  if (error instanceof TfliteWriteError) return { key: 'write.failed', code: 'write-failed' };
  if (error instanceof TwinError) return { key: errorKeys.twin[error.code], code: error.code };
  if (error instanceof RuntimeError) return { key: errorKeys.runtime[error.code], code: error.code };
  if (error instanceof ImageDecodeError) return { key: errorKeys.image[error.code], code: error.code };
  if (error instanceof InputSpecError) return { key: 'input.unsupported', code: 'input-unsupported' };
  if (error instanceof SyntheticInputError) return { key: errorKeys.synthetic[error.code], code: error.code };
  if (error instanceof PlanError) return { key: errorKeys.plan[error.code], code: error.code, vars: error.vars };
  if (error instanceof QuantizeError) return { key: errorKeys.quantize[error.code], code: error.code, vars: { op: error.op ?? '?', mode: error.mode } };
  if (error instanceof CalibrationError) return { key: errorKeys.calibration[error.code], code: error.code, vars: { input: error.input ?? '?' } };
  // A wrapper that kept its cause is explained by the cause (a BenchError around a RuntimeError, say).
  if (error instanceof Error && error.cause !== undefined) {
    const cause = classify(error.cause);
    if (cause.key !== 'unknown') return cause;
  }
  if (error instanceof BenchError) return { key: errorKeys.bench[error.code], code: error.code };
  return { key: 'unknown', code: 'unknown' };
}

/** The reader-facing text for any thrown value. */
export function describeError(error: unknown, locale: Locale, context: ErrorContext = {}): ErrorText {
  const t = translator(errorStrings, locale);
  const { key, code, vars = {} } = classify(error);
  const file = context.fileName === undefined ? t('file') : t('namedFile', { name: context.fileName });
  // A quantizer setting is named as the lab names it.
  const mode = typeof vars.mode === 'string' && `mode.${vars.mode}` in errorStrings.en ? t(`mode.${vars.mode}` as `mode.${QuantizeError['mode']}`) : vars.mode;
  let message = t(key, { ...vars, file, ...(mode === undefined ? {} : { mode }) });
  if (error instanceof PlanError) message = t('plan.invalid', { message });
  const technical = error instanceof Error ? error.message : error === undefined || error === null ? '' : String(error);
  return { key, code, message, detail: technical ? t('detail', { detail: technical }) : '' };
}

/** getUserMedia failures, by DOMException name ('unsupported' when the browser has no camera API). */
export function describeCameraError(error: unknown, locale: Locale): ErrorText {
  const t = translator(errorStrings, locale);
  const name = (error as { name?: string } | null)?.name ?? '';
  const technical = (error as { message?: string } | null)?.message ?? '';
  const pick = (key: ErrorKey, code: string, detail = ''): ErrorText => ({ key, code, message: t(key), detail });
  if (name === 'NotAllowedError' || name === 'SecurityError') return pick('camera.denied', 'camera-denied');
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') {
    return pick('camera.none', 'no-camera');
  }
  if (name === 'unsupported') return pick('camera.unsupported', 'camera-unsupported');
  return pick('camera.failed', 'camera-failed', technical ? t('detail', { detail: technical }) : '');
}
