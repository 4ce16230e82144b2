// What changed between two contents of a disclosure (two versions, or the last version and a draft
// update), field by field: sections in form order, entries matched by id (added, changed, removed), each
// change with its label and the value before and after. Reused by the officers' review.
import { getLocale, getTranslations } from 'next-intl/server';
import { diffContent, type FieldChange } from '@/lib/disclosures/diff';
import { diffLabels, sectionLabels } from '@/lib/disclosures/labels';
import { localNames } from '@/lib/disclosures/local-names';
import type { DraftContent } from '@/lib/disclosures/sections';
import { type FormatContext, formatValue, itemSummary } from './format';
import { DataTable } from '@/components/ui/data-table';

type Context = Omit<FormatContext, 't' | 'locale'>;

function ChangeTable({ changes, ctx, caption }: { changes: FieldChange[]; ctx: FormatContext; caption: string }) {
  const { t } = ctx;
  return (
    <DataTable caption={caption} className="diff-table">
      <thead>
        <tr>
          <th scope="col">{t('filing.diff.field')}</th>
          <th scope="col">{t(diffLabels.before)}</th>
          <th scope="col">{t(diffLabels.after)}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{t(c.label)}</th>
            <td className="diff-before">{formatValue(c.field, c.before, ctx)}</td>
            <td className="diff-after">{formatValue(c.field, c.after, ctx)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export async function VersionDiff({
  before,
  after,
  context = {},
  headingLevel = 3,
}: {
  before: Partial<DraftContent>;
  after: Partial<DraftContent>;
  context?: Context;
  headingLevel?: 3 | 4;
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  const [namesBefore, namesAfter] = await Promise.all([localNames(before, locale), localNames(after, locale)]);
  const ctx: FormatContext = { localNames: { ...namesBefore, ...namesAfter }, ...context, t, locale };
  const diff = diffContent(before, after);
  const H = headingLevel === 3 ? 'h3' : 'h4';
  if (!diff.changed) return <p className="muted">{t(diffLabels.noChanges)}</p>;
  return (
    <div className="version-diff stack" data-testid="version-diff">
      {diff.sections.map((s) => {
        const title = t(sectionLabels[s.section].title);
        const items = new Map<string, Record<string, unknown>>();
        for (const source of [before[s.section], after[s.section]]) {
          if (source && 'items' in source) for (const item of source.items) items.set(item.id, item as Record<string, unknown>);
        }
        return (
          <section key={s.section} className="diff-section" aria-label={title}>
            <H>{title}</H>
            {s.changes.length > 0 ? <ChangeTable changes={s.changes} ctx={ctx} caption={title} /> : null}
            {s.items.map((item) => {
              const summary = itemSummary(s.section, items.get(item.itemId), ctx) || t('filing.form.untitled');
              const status = t(diffLabels[item.status]);
              return (
                <div key={item.itemId} className={`diff-item diff-${item.status}`}>
                  <p>
                    <span className={`badge ${item.status === 'removed' ? 'flag' : item.status === 'added' ? 'ok' : 'review'}`}>{status}</span>{' '}
                    <strong>{summary}</strong>
                  </p>
                  {item.changes.length > 0 ? <ChangeTable changes={item.changes} ctx={ctx} caption={`${title}: ${summary} (${status})`} /> : null}
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
