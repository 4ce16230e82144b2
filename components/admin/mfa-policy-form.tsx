'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { setMfaPolicyAction } from '@/lib/admin/security-actions';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { useActionForm } from '@/components/ui/use-action-form';
import { type MfaPolicyInput, mfaPolicySchema } from '@/lib/admin/schemas/security';
import { ROLES } from '@/lib/auth/roles';

export function MfaPolicyForm({ value }: { value: MfaPolicyInput }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, outcome, onSubmit } = useActionForm({
    schema: mfaPolicySchema,
    action: setMfaPolicyAction,
    defaultValues: value,
    success: 'admin.security.saved',
    onSuccess: () => router.refresh(),
  });
  return (
    <ActionForm form={form} onSubmit={onSubmit} outcome={outcome}>
      <fieldset className="stack">
        <legend>{t('admin.security.requiredRoles')}</legend>
        <p className="field-help">{t('admin.security.requiredRolesHelp')}</p>
        {ROLES.map((r) => (
          <label key={r} className="checkbox">
            <input type="checkbox" value={r} {...form.register('requiredRoles')} /> {t(`admin.roles.${r}`)}
          </label>
        ))}
      </fieldset>
      <SubmitButton label={t('common.save')} />
    </ActionForm>
  );
}
