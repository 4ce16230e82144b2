// A disclosure's content, read-only: every section in form order, each entry with every field and its
// value. Used on the review page before certification, for sections that can no longer be edited, and
// for any version.
import { getLocale, getTranslations } from 'next-intl/server';
import { type FieldPath, fieldLabels, sectionLabels } from '@/lib/disclosures/labels';
import { localNames } from '@/lib/disclosures/local-names';
import { type DraftContent, type SectionKey, sectionFields, sectionKeys } from '@/lib/disclosures/sections';
import { type FormatContext, formatValue, itemSummary } from './format';

type Context = Omit<FormatContext, 't' | 'locale'>;

function FieldList({ section, values, ctx, t }: { section: SectionKey; values: Record<string, unknown>; ctx: FormatContext; t: FormatContext['t'] }) {
  return (
    <dl className="field-list">
      {(sectionFields[section] as readonly string[]).map((field) => {
        const path = `${section}.${field}` as FieldPath;
        return (
          <div key={field} className="field-list-row">
            <dt>{t(fieldLabels[path])}</dt>
            <dd>{formatValue(path, values[field], ctx)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export async function SectionView({ section, data, context = {}, headingLevel = 2 }: { section: SectionKey; data: DraftContent[SectionKey] | undefined; context?: Context; headingLevel?: 2 | 3 }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const ctx: FormatContext = { localNames: await localNames({ [section]: data }, locale), ...context, t, locale };
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const body = (() => {
    if (!data) return <p className="muted">{t('filing.summary.notStarted')}</p>;
    if (section === 'profile') return <FieldList section={section} values={data as Record<string, unknown>} ctx={ctx} t={t} />;
    const { nothingToDisclose, items } = data as DraftContent['appointments'];
    if (nothingToDisclose && items.length === 0) return <p>{t('filing.summary.nothingToDisclose')}</p>;
    if (items.length === 0) return <p className="muted">{t('disclosure.common.noItems')}</p>;
    return (
      <ol className="items">
        {items.map((item, index) => (
          <li key={item.id}>
            <Sub>{t('filing.form.entryHeading', { n: index + 1, title: itemSummary(section, item as Record<string, unknown>, ctx) || t('filing.form.untitled') })}</Sub>
            <FieldList section={section} values={item as Record<string, unknown>} ctx={ctx} t={t} />
          </li>
        ))}
      </ol>
    );
  })();
  return (
    <section className="card content-section" aria-labelledby={`view-${section}`}>
      <H id={`view-${section}`}>{t(sectionLabels[section].title)}</H>
      {body}
    </section>
  );
}

export async function ContentView({ content, context }: { content: Partial<DraftContent>; context?: Context }) {
  return (
    <div className="stack">
      {sectionKeys.map((key) => (
        <SectionView key={key} section={key} data={content[key]} context={context} />
      ))}
    </div>
  );
}
