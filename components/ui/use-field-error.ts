'use client';
// The translated error of a form path, from react-hook-form's state (messages are encoded catalog keys).
import { useTranslations } from 'next-intl';
import { get, useFormState } from 'react-hook-form';
import { decodeIssue } from '@/lib/filing/form-values';

export function useFieldError(name: string): string | undefined {
  const t = useTranslations();
  const { errors } = useFormState({ name });
  const message = (get(errors, name) as { message?: unknown } | undefined)?.message;
  if (typeof message !== 'string' || message === '') return undefined;
  const { key, params } = decodeIssue(message);
  return t(key, params);
}
