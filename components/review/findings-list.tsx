// Why each rule fired: the rule's title and message in the reader's language, the values that
// triggered it, the guideline it cites, its severity and the ruleset version it belongs to, and a
// link to the entry it concerns.
import { getTranslations } from 'next-intl/server';
import { parseItemRef } from '@/lib/disclosures/item-refs';
import type { ReviewDetail } from '@/lib/review/detail';
import { SeverityBadge } from './badges';
import { FindingValues } from './finding-values';
import { citationFor } from '@/lib/rules/citation';
import { localName, localText, localTitle } from '@/lib/i18n/local-text';

export async function FindingsList({ findings, locale }: { findings: ReviewDetail['findings']; locale: string }) {
  const t = await getTranslations('review.findings');
  const ts = await getTranslations('review.severities');
  if (!findings.length) return <p className="muted">{t('none')}</p>;
  return (
    <ol className="findings">
      {findings.map((f) => {
        const all = f.values && typeof f.values === 'object' && !Array.isArray(f.values) ? Object.entries(f.values as Record<string, unknown>) : [];
        // What the disclosure contributed, apart from the rule's own settings (params.*).
        const values = all.filter(([k]) => !k.startsWith('params.'));
        const ref = f.itemRef ? parseItemRef(f.itemRef) : null;
        const citation = citationFor(f.rule, locale);
        return (
          <li key={f.id} className={`finding finding-${f.severity.toLowerCase()}`}>
            <h3 className="finding-title">
              <SeverityBadge severity={f.severity} label={ts(f.severity)} /> {localTitle(locale, f.rule)}
            </h3>
            <p>{localText(locale, f, 'message')}</p>
            {values.length ? <p className="visually-hidden">{t('valuesCaption')}</p> : null}
            {all.length ? <FindingValues values={Object.fromEntries(all)} locale={locale} /> : null}
            <p className="muted finding-meta">
              {citation ? (
                <>
                  {t('citation')}: <span lang={citation.lang}>{citation.text}</span>
                  {citation.fallback ? <> {t(citation.lang === 'ja' ? 'citationOnlyJa' : 'citationOnlyEn')}</> : null}
                  {' · '}
                </>
              ) : null}
              {t('rule', { code: f.rule.code, ruleset: localName(locale, f.rule.rulesetVersion.ruleset), version: f.rule.rulesetVersion.version })}
              {ref ? (
                <>
                  {' · '}
                  <a href={`#item-${ref.itemId}`}>{t('seeEntry')}</a>
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
