// Downloads of one submitted version for grant applications (lib/grant-exports): CPOS as PDF and JSON,
// and the e-Rad/JSPS funding-and-effort list as CSV, in the language the researcher reads the page in.
import { getTranslations } from 'next-intl/server';

export async function GrantExportLinks({ disclosureId, number, locale }: { disclosureId: string; number: number; locale: string }) {
  const t = await getTranslations('grantExports');
  const href = (file: string) => `/api/disclosures/${disclosureId}/versions/${number}/${file}?lang=${locale === 'ja' ? 'ja' : 'en'}`;
  return (
    <section className="stack" aria-labelledby={`v${number}-exports`} data-testid="grant-exports">
      <h3 id={`v${number}-exports`}>{t('title')}</h3>
      <p className="muted">{t('intro')}</p>
      <ul className="row">
        <li>
          <a href={href('cpos.pdf')} download>
            {t('links.cposPdf')}
          </a>
        </li>
        <li>
          <a href={href('cpos.json')} download>
            {t('links.cposJson')}
          </a>
        </li>
        <li>
          <a href={href('erad-effort.csv')} download>
            {t('links.eradCsv')}
          </a>
        </li>
      </ul>
    </section>
  );
}
