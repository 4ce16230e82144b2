'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { createDepartmentAction, renameDepartmentAction } from '@/lib/admin/institution-actions';
import { ActionForm, FormField, SubmitButton } from '@/components/ui/action-form';
import { useActionForm } from '@/components/ui/use-action-form';
import { type DepartmentRenameInput, departmentCreateSchema, departmentRenameSchema } from '@/lib/admin/schemas/department';

export function DepartmentCreateForm({ institutionId }: { institutionId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, outcome, onSubmit } = useActionForm({
    schema: departmentCreateSchema,
    action: createDepartmentAction,
    defaultValues: { institutionId, code: '', nameJa: '', nameEn: '' },
    success: 'admin.departments.created',
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} onSubmit={onSubmit} outcome={outcome} aria-labelledby="create-department-title">
      <h3 id="create-department-title">{t('admin.departments.createTitle')}</h3>
      <div className="form-grid">
        <FormField name="code" label={t('admin.departments.fields.code')} help={t('admin.departments.fields.codeHelp')} required>
          <input autoComplete="off" spellCheck={false} {...form.register('code')} />
        </FormField>
        <FormField name="nameJa" label={t('admin.departments.fields.nameJa')} required>
          <input lang="ja" {...form.register('nameJa')} />
        </FormField>
        <FormField name="nameEn" label={t('admin.departments.fields.nameEn')} required>
          <input lang="en" {...form.register('nameEn')} />
        </FormField>
      </div>
      <SubmitButton label={t('admin.departments.create')} />
    </ActionForm>
  );
}

export function DepartmentRenameForm({ value, code }: { value: DepartmentRenameInput; code: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, outcome, onSubmit } = useActionForm({
    schema: departmentRenameSchema,
    action: renameDepartmentAction,
    defaultValues: value,
    success: 'admin.departments.renamed',
    onSuccess: () => router.refresh(),
  });
  return (
    <details className="inline-edit">
      <summary>{t('admin.departments.rename', { code })}</summary>
      <ActionForm form={form} onSubmit={onSubmit} outcome={outcome}>
        <FormField name="nameJa" label={t('admin.departments.fields.nameJa')} required>
          <input lang="ja" {...form.register('nameJa')} />
        </FormField>
        <FormField name="nameEn" label={t('admin.departments.fields.nameEn')} required>
          <input lang="en" {...form.register('nameEn')} />
        </FormField>
        <SubmitButton label={t('common.save')} />
      </ActionForm>
    </details>
  );
}
