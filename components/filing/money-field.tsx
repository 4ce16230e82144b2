'use client';
// An amount in any ISO currency: the currency from a list, the amount typed as people write it
// ("1,234.50", full-width digits), parsed exactly into minor units, and its yen equivalent at the
// cycle's exchange rate shown beside it.
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { partHelp, partLabels } from '@/lib/disclosures/labels';
import { fieldId } from '@/lib/filing/form-values';
import { type CurrencyCode, formatMoney, isCurrencyCode, parseAmount, toDecimalString, toJpy } from '@/lib/money';
import { useHydrated, useLocaleOptions } from './locale-data';
import { useFieldError } from '@/components/ui/use-field-error';
import { Field } from '@/components/ui/field';
import { FieldGroup } from '@/components/ui/field-group';

export type Rates = Record<string, string>;

export function MoneyField({
  name,
  label,
  help,
  required,
  rates,
}: {
  name: string;
  label: string;
  help?: string;
  required?: boolean;
  rates: Rates;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const { register, setValue } = useFormContext();
  const { currencies } = useLocaleOptions();
  const hydrated = useHydrated();
  const currency = useWatch({ name: `${name}.currency` }) as string | undefined;
  const amountMinor = useWatch({ name: `${name}.amountMinor` }) as number | undefined;
  const code: CurrencyCode | undefined = currency && isCurrencyCode(currency) ? currency : undefined;
  const [text, setText] = useState(() =>
    typeof amountMinor === 'number' && code ? toDecimalString(amountMinor, code) : '',
  );
  const [parseError, setParseError] = useState<string>();
  const groupError = useFieldError(name);
  const amountError = useFieldError(`${name}.amountMinor`);
  const currencyError = useFieldError(`${name}.currency`);

  // The same text means a different amount in a currency with other decimals (JPY 1,000 vs USD 1,000.00).
  // While typing ("12," on the way to "12,500") an amount that does not parse yet is not an error: it
  // is reported when the field is left (or the section checked), never per keystroke.
  function apply(nextText: string, nextCurrency: CurrencyCode | undefined, final = true) {
    const trimmed = nextText.trim();
    if (trimmed === '') {
      setParseError(undefined);
      setValue(`${name}.amountMinor`, undefined, { shouldDirty: true, shouldValidate: false });
      return;
    }
    const parsed = parseAmount(trimmed, nextCurrency ?? 'USD');
    if (parsed.ok) {
      setParseError(undefined);
      setValue(`${name}.amountMinor`, parsed.amountMinor, { shouldDirty: true });
    } else if (final) {
      setParseError(t(parsed.error, parsed.params));
      setValue(`${name}.amountMinor`, undefined, { shouldDirty: true });
    }
  }

  // A value put in from outside (a restored local copy) shows in the text box: adjusted while rendering,
  // as React recommends for state derived from changing input.
  const [shownAmount, setShownAmount] = useState(amountMinor);
  if (shownAmount !== amountMinor) {
    setShownAmount(amountMinor);
    if (typeof amountMinor === 'number' && code) {
      const parsed = parseAmount(text, code);
      if (!parsed.ok || parsed.amountMinor !== amountMinor) setText(toDecimalString(amountMinor, code));
    }
  }

  const currencyField = register(`${name}.currency`, {
    onChange: (e: { target: { value: string } }) => apply(text, isCurrencyCode(e.target.value) ? e.target.value : undefined),
  });

  let equivalent: string | null = null;
  // Formatted by the browser's Intl: shown once hydrated, so the server's rendering never disagrees.
  if (hydrated && code && typeof amountMinor === 'number' && !parseError) {
    if (code === 'JPY') equivalent = null;
    else if (rates[code]) {
      equivalent = t('filing.money.jpyEquivalent', {
        amount: formatMoney({ amountMinor: toJpy({ amountMinor, currency: code }, rates[code]), currency: 'JPY' }, locale),
        rate: rates[code],
        currency: code,
      });
    } else equivalent = t('filing.money.noRate', { currency: code });
  }

  const amountId = fieldId(`${name}.amountMinor`);
  const currencyId = fieldId(`${name}.currency`);
  const error = parseError ?? amountError;
  return (
    <FieldGroup className="money" id={fieldId(name)} legend={label} help={help} error={groupError} required={required}>
      <div className="money-row">
        <Field id={currencyId} label={t(partLabels.money.currency)} error={currencyError} required={required}>
          <select {...currencyField}>
            <option value="">{t('filing.form.choose')}</option>
            {currencies.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={amountId} label={t(partLabels.money.amountMinor)} help={t(partHelp.money.amountMinor)} error={error} required={required}>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              apply(e.target.value, code, false);
            }}
            onBlur={() => apply(text, code, true)}
          />
        </Field>
      </div>
      <p className="money-equivalent" aria-live="polite">
        {equivalent ?? ''}
      </p>
    </FieldGroup>
  );
}

