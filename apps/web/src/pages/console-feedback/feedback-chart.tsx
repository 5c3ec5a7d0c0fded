import { PALETTE } from '../console-messages/charts.js';
import type { Locale } from '#core';
import { formatCount } from '#i18n';

const INK = '#1b1f24';
const GRID = '#c9ced6';

/** Cuts a label for the chart (the table beside it has the whole text). */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Horizontal bars of one question's answers, drawn on the server. Narrower than the
 * dashboard's charts (a phone scales it down less), the count written after each bar,
 * and a title and description for screen readers; the table beside it has the numbers.
 */
export function AnswerBars(props: {
  id: string;
  locale: Locale;
  title: string;
  description: string;
  bars: Array<{ label: string; count: number }>;
  colour?: string;
}) {
  const longest = Math.max(1, ...props.bars.map((b) => [...b.label].length));
  const labelW = Math.min(150, 14 + longest * 7.5);
  const barW = 240;
  const rowH = 28;
  const width = Math.round(labelW + barW + 44);
  const height = props.bars.length * rowH + 6;
  const max = Math.max(1, ...props.bars.map((b) => b.count));
  const colour = props.colour ?? PALETTE[0];
  return (
    <svg
      class="cm-svg fb-svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${props.id}-t ${props.id}-d`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{props.description}</desc>
      <line x1={labelW} y1={0} x2={labelW} y2={height} stroke={GRID} />
      {props.bars.map((b, i) => {
        const y = i * rowH + 3;
        const w = b.count === 0 ? 0 : Math.max(2, Math.round((b.count / max) * barW));
        return (
          <g>
            <title>{`${b.label}: ${formatCount(props.locale, b.count)}`}</title>
            <text
              x={labelW - 8}
              y={y + rowH / 2}
              text-anchor="end"
              dominant-baseline="middle"
              font-size="14"
              fill={INK}
            >
              {clip(b.label, 20)}
            </text>
            <rect x={labelW} y={y + 4} width={w} height={rowH - 10} fill={colour} rx="2" />
            <text
              x={labelW + w + 6}
              y={y + rowH / 2}
              dominant-baseline="middle"
              font-size="14"
              font-weight="bold"
              fill={INK}
            >
              {formatCount(props.locale, b.count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
