import { getTranslations } from 'next-intl/server';

/** A role's home that is not built yet says so, instead of pretending. */
export async function Placeholder({ titleKey, bodyKey }: { titleKey: string; bodyKey: string }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">{t(titleKey)}</h1>
      <p>{t(bodyKey)}</p>
      <p className="muted">{t('common.placeholderNote')}</p>
    </section>
  );
}
