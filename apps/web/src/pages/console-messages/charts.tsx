import type { ComponentChildren } from 'preact';
import type { Locale } from '#core';
import { formatCount } from '#i18n';

/*
 * Charts drawn on the server as inline SVG: readable without JavaScript, printable, each
 * with a title and description for screen readers, and always next to a table of its
 * numbers. Bars carry their value as text, so nothing depends on telling colours apart;
 * the colours are from the Okabe-Ito palette, safe for the common colour blindnesses.
 */

export const PALETTE = ['#0072B2', '#D55E00', '#007A5A', '#AA4499'];
const INK = '#1b1f24';
const GRID = '#c9ced6';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the value, e.g. "/ 20" for seats. */
  note?: string;
}

/** Cuts a label for the chart (the table beside it has the whole text). */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The frame of every chart: its size, and its title and description for screen readers. */
function ChartSvg(props: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  children: ComponentChildren;
}) {
  const { id, width, height } = props;
  return (
    <svg
      class="cm-svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-t`}>{props.title}</title>
      <desc id={`${id}-d`}>{props.description}</desc>
      {props.children}
    </svg>
  );
}

/** Horizontal bars, one per row, the value written at the end of each bar. */
export function BarChart(props: {
  id: string;
  locale: Locale;
  title: string;
  description: string;
  bars: Bar[];
  colour?: string;
}) {
  const rowH = 26;
  const labelW = 230;
  const barW = 320;
  const width = labelW + barW + 90;
  const height = props.bars.length * rowH + 8;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const colour = props.colour ?? PALETTE[0];
  return (
    <ChartSvg
      id={props.id}
      title={props.title}
      description={props.description}
      width={width}
      height={height}
    >
      <line x1={labelW} y1={0} x2={labelW} y2={height} stroke={GRID} />
      {props.bars.map((b, i) => {
        const y = i * rowH + 4;
        const w = b.value === 0 ? 0 : Math.max(2, Math.round((b.value / max) * barW));
        return (
          <g>
            <title>{`${b.label}: ${formatCount(props.locale, b.value)}${b.note ?? ''}`}</title>
            <text
              x={labelW - 8}
              y={y + rowH / 2 + 1}
              text-anchor="end"
              dominant-baseline="middle"
              font-size="13"
              fill={INK}
            >
              {clip(b.label, 28)}
            </text>
            <rect x={labelW} y={y + 3} width={w} height={rowH - 8} fill={colour} rx="2" />
            <text
              x={labelW + w + 6}
              y={y + rowH / 2 + 1}
              dominant-baseline="middle"
              font-size="13"
              font-weight="bold"
              fill={INK}
            >
              {`${formatCount(props.locale, b.value)}${b.note ?? ''}`}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}

/** A rising line of running totals, one point per day that had any. */
export function CumulativeChart(props: {
  id: string;
  locale: Locale;
  title: string;
  description: string;
  points: Array<{ label: string; shortLabel: string; value: number }>;
}) {
  const width = 630;
  const height = 240;
  const left = 44;
  const right = 16;
  const top = 14;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...props.points.map((p) => p.value));
  const n = props.points.length;
  const x = (i: number) => left + (n === 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  // At most six date labels under the axis, evenly spread, the first and last always.
  const step = Math.max(1, Math.ceil(n / 6));
  const labelled = props.points
    .map((p, i) => ({ p, i }))
    .filter(({ i }) => i % step === 0 || i === n - 1)
    .filter(({ i }, k, all) => i === n - 1 || k === all.length - 1 || n - 1 - i >= step / 2);
  const path = props.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.value)}`).join(' ');
  return (
    <ChartSvg
      id={props.id}
      title={props.title}
      description={props.description}
      width={width}
      height={height}
    >
      {ticks.map((v) => (
        <g>
          <line x1={left} y1={y(v)} x2={width - right} y2={y(v)} stroke={GRID} />
          <text
            x={left - 6}
            y={y(v)}
            text-anchor="end"
            dominant-baseline="middle"
            font-size="12"
            fill={INK}
          >
            {formatCount(props.locale, v)}
          </text>
        </g>
      ))}
      {labelled.map(({ p, i }) => (
        <text
          x={x(i)}
          y={height - bottom + 18}
          text-anchor={n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'}
          font-size="12"
          fill={INK}
        >
          {p.shortLabel}
        </text>
      ))}
      <path d={path} fill="none" stroke={PALETTE[0]} stroke-width="3" />
      {props.points.map((p, i) => (
        <circle cx={x(i)} cy={y(p.value)} r="4" fill={PALETTE[0]}>
          <title>{`${p.label}: ${formatCount(props.locale, p.value)}`}</title>
        </circle>
      ))}
    </ChartSvg>
  );
}

/** One chart section: heading, the chart, and the same numbers as a table beside it. */
export function ChartSection(props: {
  id: string;
  title: string;
  note?: string;
  empty?: string;
  chart: ComponentChildren;
  table: ComponentChildren;
  /** The table under the chart rather than beside it (many or long columns). */
  stacked?: boolean;
}) {
  return (
    <section class="cm-chart" aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.note && <p class="muted cm-note">{props.note}</p>}
      {props.empty ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <div class={props.stacked ? 'cm-chart-body cm-stacked' : 'cm-chart-body'}>
          <figure class="cm-figure">{props.chart}</figure>
          {/* Focusable, so a keyboard can scroll a table wider than its column. */}
          <div
            class="table-wrap cm-numbers"
            tabIndex={0}
            role="region"
            aria-labelledby={`${props.id}-h`}
          >
            {props.table}
          </div>
        </div>
      )}
    </section>
  );
}
