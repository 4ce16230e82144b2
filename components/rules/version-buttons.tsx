// Buttons that change a ruleset's versions: create a draft, discard a draft, delete a rule, each
// leading to where the administrator continues.
'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { createDraftAction, deleteRuleAction, discardDraftAction } from '@/lib/rules/actions';
import { ActionButton } from '@/components/ui/action-button';

export function NewDraftButton({ rulesetId }: { rulesetId: string }) {
  const t = useTranslations('rules');
  const router = useRouter();
  return (
    <ActionButton
      action={createDraftAction}
      input={{ rulesetId }}
      label={t('rulesets.newDraft')}
      success="rules.rulesets.draftCreated"
      onDone={(data) => {
        const d = data as { code: string; version: number };
        router.push(`/admin/rules/${d.code}/${d.version}`);
      }}
    />
  );
}

export function DiscardDraftButton({ versionId }: { versionId: string }) {
  const t = useTranslations('rules');
  const router = useRouter();
  return (
    <ActionButton
      action={discardDraftAction}
      input={{ versionId }}
      label={t('version.discard')}
      confirm="rules.version.discardConfirm"
      cancelLabel={t('rule.cancel')}
      success="rules.version.discarded"
      danger
      onDone={() => router.push('/admin/rules')}
    />
  );
}

export function DeleteRuleButton({ ruleId }: { ruleId: string }) {
  const t = useTranslations('rules');
  return (
    <ActionButton
      action={deleteRuleAction}
      input={{ ruleId }}
      label={t('rule.delete')}
      confirm="rules.rule.deleteConfirm"
      cancelLabel={t('rule.cancel')}
      success="rules.rule.deleted"
      danger
    />
  );
}
