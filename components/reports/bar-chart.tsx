// A horizontal bar chart drawn on the server as SVG: no script, no chart library. It is an image with a
// title and a description for assistive technology; the same figures always follow in a table, which is
// what screen readers and keyboard users work with (and what the links are in).
export interface BarRow {
  label: string;
  /** null: withheld in the publication variant (no bar). */
  value: number | null;
  /** What is written at the end of the bar. */
  display: string;
}

// Sized for a half-width card (about 480 px), where the text stays at its CSS size.
const ROW = 26;
const LABEL_W = 170;
const BAR_W = 250;
const WIDTH = LABEL_W + BAR_W + 60;

const clip = (s: string, n = 20) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function BarChart({ id, title, desc, rows }: { id: string; title: string; desc: string; rows: BarRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const height = rows.length * ROW + 8;
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {rows.map((r, i) => {
        const y = 4 + i * ROW;
        const w = r.value ? Math.max(2, (r.value / max) * BAR_W) : 0;
        return (
          <g key={`${r.label}-${i}`}>
            <text x={LABEL_W - 10} y={y + 17} textAnchor="end" className="chart-label">
              {clip(r.label)}
            </text>
            {w > 0 ? <rect x={LABEL_W} y={y + 4} width={w} height={ROW - 10} className="chart-bar" rx={2} /> : null}
            <text x={LABEL_W + w + 6} y={y + 17} className={r.value === null ? 'chart-value chart-muted' : 'chart-value'}>
              {r.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface ColumnSeries {
  key: string;
  label: string;
  values: (number | null)[];
}

const C_HEIGHT = 220;
const C_TOP = 12;
const C_BOTTOM = 28;

/**
 * Each series is told apart by a pattern as well as its colour (WCAG 1.4.1): solid, stripes, dots,
 * cross-hatch. The legend's swatches use the same patterns (ids are document-wide).
 */
function SeriesPattern({ id, index }: { id: string; index: number }) {
  const mark = index % 4;
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={mark === 1 ? 'rotate(45)' : undefined}>
      <rect width="6" height="6" className={`chart-series-${index}`} />
      {mark === 1 ? <line x1="1.5" y1="0" x2="1.5" y2="6" stroke="#fff" strokeWidth="2" /> : null}
      {mark === 2 ? <circle cx="3" cy="3" r="1.3" fill="#fff" /> : null}
      {mark === 3 ? <path d="M0 3H6M3 0V6" stroke="#fff" strokeWidth="1.4" /> : null}
    </pattern>
  );
}

/** Grouped columns: one group per category (fiscal year), one column per series. */
export function ColumnChart({ id, title, desc, categories, series }: { id: string; title: string; desc: string; categories: string[]; series: ColumnSeries[] }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const groupW = Math.max(80, Math.min(160, 600 / Math.max(1, categories.length)));
  const colW = (groupW - 20) / Math.max(1, series.length);
  const width = 40 + groupW * categories.length;
  const plotH = C_HEIGHT - C_TOP - C_BOTTOM;
  return (
    <figure className="chart-figure">
      <svg className="chart" role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${C_HEIGHT}`} width={width} height={C_HEIGHT}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <defs>
          {series.map((s, si) => (
            <SeriesPattern key={s.key} id={`${id}-pattern-${si}`} index={si} />
          ))}
        </defs>
        <line x1={30} x2={width} y1={C_TOP + plotH} y2={C_TOP + plotH} className="chart-axis" />
        {categories.map((c, gi) => {
          const gx = 40 + gi * groupW;
          return (
            <g key={c}>
              {series.map((s, si) => {
                const v = s.values[gi] ?? null;
                const h = v ? Math.max(2, (v / max) * plotH) : 0;
                return h > 0 ? <rect key={s.key} x={gx + si * colW} y={C_TOP + plotH - h} width={colW - 3} height={h} className={`chart-series-${si}`} style={{ fill: `url(#${id}-pattern-${si})` }} /> : null;
              })}
              <text x={gx + (groupW - 20) / 2} y={C_HEIGHT - 8} textAnchor="middle" className="chart-label">
                {c}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s, si) => (
            <li key={s.key}>
              <svg className="chart-swatch" aria-hidden="true" viewBox="0 0 12 12">
                <rect width="12" height="12" style={{ fill: `url(#${id}-pattern-${si})` }} />
              </svg>{' '}
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
