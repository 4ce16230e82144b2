'use client';
// The model's catalog keys (lib/disclosures/labels.ts) as translated strings for one section's fields.
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { type FieldPath, type OptionField, fieldHelp, fieldLabels, fieldOptions, optionLabelKey } from '@/lib/disclosures/labels';
import type { SectionKey } from '@/lib/disclosures/sections';

export function useSectionLabels(section: SectionKey) {
  const t = useTranslations();
  return useMemo(
    () => ({
      label: (field: string) => t(fieldLabels[`${section}.${field}` as FieldPath]),
      help: (field: string) => {
        const key = fieldHelp[`${section}.${field}` as FieldPath];
        return key ? t(key) : undefined;
      },
      options: (field: string) => {
        const path = `${section}.${field}` as OptionField;
        return (fieldOptions[path] as readonly string[]).map((value) => ({
          value,
          label: t(optionLabelKey(path, value as never)),
        }));
      },
    }),
    [section, t],
  );
}
