// The disclosure as submitted, section by section, read-only, for the officer: the shared formatter of
// the disclosure pages (components/disclosures/format.ts) renders the values; each repeating entry has
// an anchor (#item-<id>) that findings and matches link to, and entries concerned by a finding or a
// watchlist match are marked. Tolerates partial content.
import { type FormatContext, formatValue, isEmptyValue, itemSummary } from '@/components/disclosures/format';
import { type FieldPath, fieldLabels, sectionLabels } from '@/lib/disclosures/labels';
import { sectionFields, sectionKeys, type SectionKey } from '@/lib/disclosures/sections';

type Loose = Record<string, unknown>;
const asObject = (v: unknown): Loose => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : {});

function Fields({ section, data, ctx }: { section: SectionKey; data: Loose; ctx: FormatContext }) {
  const fields = (sectionFields[section] as readonly string[]).filter((f) => !isEmptyValue(data[f]));
  if (!fields.length) return <p className="muted">{ctx.t('disclosure.common.none')}</p>;
  return (
    <dl className="review-fields">
      {fields.map((f) => {
        const path = `${section}.${f}` as FieldPath;
        return (
          <div key={f}>
            <dt>{ctx.t(fieldLabels[path] ?? path)}</dt>
            <dd className="pre-wrap">{formatValue(path, data[f], ctx)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export function ReviewContent({ content, ctx, marked }: { content: unknown; ctx: FormatContext; marked: ReadonlySet<string> }) {
  const c = asObject(content);
  const { t } = ctx;
  return (
    <div className="stack">
      {sectionKeys.map((key) => {
        const section = asObject(c[key]);
        const items = Array.isArray(section.items) ? (section.items as Loose[]) : [];
        return (
          <section key={key} aria-labelledby={`section-${key}`} className="review-section">
            <h3 id={`section-${key}`}>{t(sectionLabels[key].title)}</h3>
            {key === 'profile' ? (
              <Fields section="profile" data={section} ctx={ctx} />
            ) : section.nothingToDisclose === true && items.length === 0 ? (
              <p className="muted">{t('review.content.nothingToDisclose')}</p>
            ) : items.length === 0 ? (
              <p className="muted">{t('disclosure.common.noItems')}</p>
            ) : (
              <ol className="review-items">
                {items.map((item, i) => {
                  const id = typeof item.id === 'string' ? item.id : String(i);
                  const summary = itemSummary(key, item, ctx);
                  return (
                    <li key={id} id={`item-${id}`} className={marked.has(id) ? 'review-item has-finding' : 'review-item'}>
                      <h4 className="review-item-title">
                        {t('review.content.item', { n: i + 1 })}
                        {summary ? ` — ${summary}` : ''}
                        {marked.has(id) ? <span className="badge review">{t('review.content.hasFinding')}</span> : null}
                      </h4>
                      <Fields section={key} data={item} ctx={ctx} />
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
