// The values that made a rule fire, as the reader reads them: each labelled in their language (the
// fields of the rules' view, messages/*/findingValues.json), amounts in yen, scores as percentages,
// yes/no, countries by name, a watchlist hit as one sentence; the rule's settings likewise. The raw
// values, as the rule saw them, stay one click away behind "Details".
import { getTranslations } from 'next-intl/server';

type Value = unknown;
const isObject = (v: Value): v is Record<string, Value> => typeof v === 'object' && v !== null && !Array.isArray(v);

function regionName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export async function FindingValues({ values, locale }: { values: Record<string, Value>; locale: string }) {
  const t = await getTranslations('findingValues');
  const yen = (n: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'JPY' }).format(n);
  const percent = (n: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n);
  const num = (n: number) => new Intl.NumberFormat(locale).format(n);
  const segment = (s: string) => (t.has(`fields.${s}`) ? t(`fields.${s}`) : s);
  const label = (path: string) =>
    path
      .split('.')
      .filter((s, i) => !(i === 0 && s === 'item'))
      .map(segment)
      .join(' › ');
  const text = (field: string, v: Value): string => {
    if (v === null || v === undefined || v === '') return t('none');
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    if (typeof v === 'number') {
      if (/jpy$/i.test(field) || /^total10y$/.test(field)) return yen(v);
      if (/score$/i.test(field)) return percent(v);
      return num(v);
    }
    if (typeof v === 'string') {
      if (t.has(`enum.${field}.${v}`)) return t(`enum.${field}.${v}`);
      if (field === 'country' && /^[A-Z]{2}$/.test(v)) return regionName(v, locale);
      return v;
    }
    if (Array.isArray(v)) return v.map((x) => text(field, x)).join(', ');
    if (isObject(v) && 'list' in v && 'status' in v) {
      return t('hit', {
        list: String((locale === 'ja' ? v.listJa : v.list) ?? v.list ?? ''),
        name: String(v.name ?? ''),
        reference: String(v.reference ?? ''),
        status: text('status', v.status),
        score: typeof v.score === 'number' ? percent(v.score) : '',
      });
    }
    if (isObject(v)) return Object.entries(v).map(([k, x]) => `${segment(k)}: ${text(k, x)}`).join('; ');
    return String(v);
  };
  const entries = Object.entries(values);
  const shown = entries.filter(([k]) => !k.startsWith('params.'));
  const settings = entries.filter(([k]) => k.startsWith('params.'));
  const last = (k: string) => k.split('.').at(-1) ?? k;
  if (!entries.length) return null;
  return (
    <div className="finding-values-block">
      {shown.length ? (
        <dl className="finding-values" aria-label={t('caption')}>
          {shown.map(([k, v]) => (
            <div key={k}>
              <dt>{k === 'hit' ? t('fields.hit') : label(k)}</dt>
              <dd>{text(last(k), v)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {settings.length ? (
        <p className="muted finding-meta">
          {t('settings')}: {settings.map(([k, v]) => `${t.has(`params.${last(k)}`) ? t(`params.${last(k)}`) : last(k)} ${text(last(k), v)}`).join('; ')}
        </p>
      ) : null}
      <details className="finding-raw">
        <summary>{t('details')}</summary>
        <dl className="finding-values">
          {entries.map(([k, v]) => (
            <div key={k}>
              <dt>
                <code>{k}</code>
              </dt>
              <dd>
                <code>{JSON.stringify(v)}</code>
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
