// Country and currency names for the form's lists, made once on the server in the reader's language
// and handed to the browser, so the page the server renders and the one the browser hydrates agree
// (the two ICU versions name some regions differently).
import { countryCodes } from '@/lib/disclosures/countries';
import { currencyCodes } from '@/lib/money';

export type Option = { value: string; label: string };
export type LocaleOptions = { countries: Option[]; currencies: Option[] };

export function localeOptions(locale: string): LocaleOptions {
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const currencyNames = new Intl.DisplayNames([locale], { type: 'currency' });
  const countries = countryCodes.map((code) => ({ value: code, label: regions.of(code) ?? code }));
  countries.sort((a, b) => a.label.localeCompare(b.label, locale));
  return {
    countries,
    currencies: currencyCodes.map((code) => ({ value: code, label: `${code} — ${currencyNames.of(code) ?? code}` })),
  };
}
