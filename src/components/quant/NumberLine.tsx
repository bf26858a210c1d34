// One float's round trip: x → x/scale + zp → round → clamp → (q − zp)·scale, as a chain of
// steps and as a small number line with the neighbouring grid values.
import { dequantizeValue, type RoundTrip } from '../../lib/quant/quantize.ts';
import { formatInt, formatSig } from '../../lib/quant/format.ts';
import type { Locale } from '../../lib/models.ts';
import { plotStyle } from '../shared/plot.ts';
import { useCallback } from 'preact/hooks';
import { usePlot, type DrawPlot } from '../shared/usePlot.ts';
import type { QuantT } from './types.ts';

interface Props {
  trip: RoundTrip;
  lang: Locale;
  t: QuantT;
}

/** Grid points (q, real) around the value: a few steps either side of both x and x̂. */
function neighbourhood(trip: RoundTrip): { q: number; real: number }[] {
  const { scale, zeroPoint, qmin, qmax } = trip;
  const xq = Math.min(qmax, Math.max(qmin, Math.floor(trip.scaled) + zeroPoint));
  const lo = Math.max(qmin, Math.min(xq, trip.q) - 3);
  const hi = Math.min(qmax, Math.max(xq, trip.q) + 3);
  const points: { q: number; real: number }[] = [];
  for (let q = lo; q <= hi; q++) points.push({ q, real: dequantizeValue(q, scale, zeroPoint) });
  return points;
}

export default function NumberLine({ trip, lang, t }: Props) {
  const f = (x: number, digits = 5) => formatSig(x, lang, digits);

  const { box, error } = usePlot(
    useCallback<DrawPlot>((Plot, width) => {
      const f = (x: number, digits = 5) => formatSig(x, lang, digits);
      const points = neighbourhood(trip);
      const reals = points.map((p) => p.real).concat(trip.x);
      const pad = trip.scale * 0.5;
      return Plot.plot({
        width,
        height: 96,
        marginLeft: 16,
        marginRight: 16,
        marginTop: 24,
        marginBottom: 30,
        style: plotStyle,
        ariaLabel: `${f(trip.x)} → q = ${trip.q} → ${f(trip.dequantized)}`,
        x: { label: null, domain: [Math.min(...reals) - pad, Math.max(...reals) + pad], ticks: Math.max(2, Math.floor(width / 110)), tickFormat: (v: number) => f(v, 3) },
        y: { axis: null, domain: [-1, 1] },
        marks: [
          Plot.ruleY([0], { className: 'qx-axis' }),
          Plot.ruleX(points, { x: 'real', y1: -0.35, y2: 0.35, className: 'qx-tick' }),
          Plot.text(points, { x: 'real', y: 0, text: (p: { q: number }) => formatInt(p.q), dy: -16, className: 'qx-tick-label' }),
          Plot.arrow([trip], { x1: 'x', x2: 'dequantized', y1: 0, y2: 0, bend: true, className: 'qx-arrow', insetEnd: 4 }),
          Plot.dot([trip], { x: 'x', y: 0, r: 5, className: 'qx-x' }),
          Plot.dot([trip], { x: 'dequantized', y: 0, r: 4, className: 'qx-xhat' }),
        ],
      });
    }, [trip, lang]),
  );

  return (
    <div class="qx-numberline">
      <ol class="qx-steps" data-testid="qx-steps">
        <li>
          <span class="qx-steps__label">x</span>
          <span class="qx-steps__value" data-value={trip.x}>{f(trip.x)}</span>
        </li>
        <li>
          <span class="qx-steps__label">{t('stepDivide')}</span>
          <span class="qx-steps__value">{f(trip.scaled)}</span>
        </li>
        <li>
          <span class="qx-steps__label">{t('stepShift')}</span>
          <span class="qx-steps__value">{f(trip.shifted)}</span>
        </li>
        <li>
          <span class="qx-steps__label">{t('stepRound')}</span>
          <span class="qx-steps__value">{formatInt(trip.rounded)}</span>
        </li>
        <li>
          <span class="qx-steps__label">{t('stepClamp', { qmin: formatInt(trip.qmin), qmax: formatInt(trip.qmax) })}</span>
          <span class="qx-steps__value qx-steps__q" data-testid="qx-q" data-value={trip.q}>
            q = {formatInt(trip.q)}
            {trip.clamped ? <em class="qx-steps__note"> ({t('stepClamped')})</em> : null}
          </span>
        </li>
        <li>
          <span class="qx-steps__label">{t('stepBack')}</span>
          <span class="qx-steps__value" data-testid="qx-xhat" data-value={trip.dequantized}>x̂ = {f(trip.dequantized)}</span>
        </li>
        <li>
          <span class="qx-steps__label">{t('stepError')}</span>
          <span class="qx-steps__value" data-value={trip.error}>{f(trip.error, 3)}</span>
        </li>
      </ol>
      <div class="qx-plot qx-plot--line" ref={box} aria-hidden="true" />
      <p class="qx-muted qx-small" aria-hidden="true">{t('numberLineLegend')}</p>
      {error ? (
        <p class="qx-error" role="alert">
          {t('plotFailed', { reason: error })}
        </p>
      ) : null}
    </div>
  );
}
