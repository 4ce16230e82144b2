// Editing one rule of a draft version. The condition is checked against view v1 in the browser (the
// same CEL environment the server uses) and again by the server, which also knows the watchlists; a
// refused condition shows its line, column and the parser's message under the field.
'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { saveRuleAction } from '@/lib/rules/actions';
import { FormStatus, type Outcome } from '@/components/ui/form-status';
import { Field } from '@/components/ui/field';
import type { ExpressionProblem } from '@/lib/rules/cel-env';
import { RULE_EXAMPLES } from '@/lib/rules/examples';
import { parseParams, type RuleInput, ruleSchema, SEVERITIES } from '@/lib/rules/schemas';
import { problemsOfRule, type PlaceholderProblem } from '@/lib/rules/validate';
import { FOR_EACH_VALUES } from '@/lib/rules/view-schema';
import { useProblemText } from './problem-text';

export interface RuleValues {
  id?: string;
  code: string;
  titleJa: string;
  titleEn: string;
  forEach: string | null;
  expression: string;
  severity: (typeof SEVERITIES)[number];
  messageJa: string;
  messageEn: string;
  citationJa: string;
  citationEn: string;
  params: unknown;
}

interface Problems {
  expression?: ExpressionProblem;
  unknownLists?: string[];
  messageJa?: PlaceholderProblem;
  messageEn?: PlaceholderProblem;
}

const paramsText = (p: unknown) => (p && typeof p === 'object' && Object.keys(p).length ? JSON.stringify(p, null, 2) : '');

export function RuleEditor({ versionId, rule, onSaved }: { versionId: string; rule?: RuleValues; onSaved?: () => void }) {
  const t = useTranslations('rules');
  const tr = useTranslations();
  const text = useProblemText();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const [problems, setProblems] = useState<Problems>({});
  const [checked, setChecked] = useState<string | null>(null);
  const prefix = rule?.id ? `rule-${rule.id.slice(0, 8)}` : 'rule-new';
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RuleInput>({
    resolver: zodResolver(ruleSchema),
    defaultValues: {
      versionId,
      ruleId: rule?.id,
      code: rule?.code ?? '',
      titleJa: rule?.titleJa ?? '',
      titleEn: rule?.titleEn ?? '',
      forEach: (rule?.forEach ?? '') as RuleInput['forEach'],
      expression: rule?.expression ?? '',
      severity: rule?.severity ?? 'REVIEW',
      messageJa: rule?.messageJa ?? '',
      messageEn: rule?.messageEn ?? '',
      citationJa: rule?.citationJa ?? '',
      citationEn: rule?.citationEn ?? '',
      params: paramsText(rule?.params),
    },
  });

  /** The browser-side check: the same CEL environment and placeholder rules as the server's. */
  const localCheck = (): Problems => {
    const v = getValues();
    const params = parseParams(v.params) ?? {};
    const p = problemsOfRule({ forEach: v.forEach || null, expression: v.expression, messageJa: v.messageJa, messageEn: v.messageEn, params });
    return { expression: p.expression, messageJa: p.messageJa, messageEn: p.messageEn };
  };

  const onCheck = () => {
    const p = localCheck();
    setProblems(p);
    setChecked(p.expression ? null : t('rule.checked', { type: 'bool' }));
  };

  const onSubmit = handleSubmit(async (values) => {
    setOutcome({});
    setChecked(null);
    const local = localCheck();
    setProblems(local);
    if (local.expression || local.messageJa || local.messageEn) {
      setOutcome({ error: 'errors.invalidInput' });
      return;
    }
    const res = await saveRuleAction(values);
    if (!res.ok) {
      const d = (res.details ?? {}) as Problems;
      setProblems({ expression: d.expression, unknownLists: d.unknownLists, messageJa: d.messageJa, messageEn: d.messageEn });
      for (const [path, messages] of Object.entries(res.fieldErrors ?? {})) {
        if (['expression', 'messageJa', 'messageEn'].includes(path)) continue;
        if (messages[0]) setError(path as keyof RuleInput, { type: 'server', message: messages[0] }, { shouldFocus: true });
      }
      setOutcome({ error: res.error });
      return;
    }
    setOutcome({ success: 'rules.rule.saved' });
    onSaved?.();
    router.refresh();
  });

  const err = (key?: string) => (key ? tr(key) : undefined);
  const expressionError = problems.expression
    ? text.expression(problems.expression)
    : problems.unknownLists
      ? text.unknownLists(problems.unknownLists)
      : err(errors.expression?.message);

  return (
    <form onSubmit={onSubmit} noValidate className="stack rule-editor" aria-label={rule ? `${t('rule.edit')}: ${rule.code}` : t('rule.newRule')} id={prefix}>
      <div className="form-grid">
        <Field label={t('rule.code')} help={t('rule.codeHelp')} error={err(errors.code?.message)} required>
          <input type="text" autoComplete="off" spellCheck={false} {...register('code')} />
        </Field>
        <Field label={t('rule.severity')} error={err(errors.severity?.message)} required>
          <select {...register('severity')}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('rule.titleJa')} error={err(errors.titleJa?.message)} required>
          <input type="text" lang="ja" {...register('titleJa')} />
        </Field>
        <Field label={t('rule.titleEn')} error={err(errors.titleEn?.message)} required>
          <input type="text" lang="en" {...register('titleEn')} />
        </Field>
      </div>
      <Field label={t('rule.forEach')} help={t('rule.forEachHelp')} error={err(errors.forEach?.message)}>
        <select {...register('forEach')}>
          <option value="">{t('rule.forEachNone')}</option>
          {FOR_EACH_VALUES.map((f) => (
            <option key={f} value={f}>
              {t(`rule.forEachOption.${f}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('rule.expression')} help={t('rule.expressionHelp')} error={expressionError} required>
        <textarea className="code-input" rows={4} spellCheck={false} autoCapitalize="off" autoCorrect="off" {...register('expression', { onChange: () => setChecked(null) })} />
      </Field>
      <div className="row">
        <button type="button" className="button" onClick={onCheck}>
          {t('rule.check')}
        </button>
        <p role="status" aria-live="polite" className={checked ? 'form-success' : 'visually-hidden'}>
          {checked ?? ''}
        </p>
      </div>
      <details className="inline-edit">
        <summary>{t('rule.examples')}</summary>
        <ul className="plain-list">
          {RULE_EXAMPLES.expression.map((e) => (
            <li key={e}>
              <code>{e}</code>
            </li>
          ))}
          <li>
            <code>{RULE_EXAMPLES.message}</code>
          </li>
          <li>
            <code>{RULE_EXAMPLES.params}</code>
          </li>
        </ul>
      </details>
      <Field label={t('rule.messageJa')} help={t('rule.messageHelp')} error={problems.messageJa ? text.placeholder(problems.messageJa) : err(errors.messageJa?.message)} required>
        <textarea lang="ja" rows={3} {...register('messageJa')} />
      </Field>
      <Field label={t('rule.messageEn')} error={problems.messageEn ? text.placeholder(problems.messageEn) : err(errors.messageEn?.message)} required>
        <textarea lang="en" rows={3} {...register('messageEn')} />
      </Field>
      <Field label={t('rule.citationJa')} help={t('rule.citationHelp')} error={err(errors.citationJa?.message)}>
        <textarea lang="ja" rows={2} {...register('citationJa')} />
      </Field>
      <Field label={t('rule.citationEn')} error={err(errors.citationEn?.message)}>
        <textarea lang="en" rows={2} {...register('citationEn')} />
      </Field>
      <Field label={t('rule.params')} help={t('rule.paramsHelp')} error={err(errors.params?.message)}>
        <textarea className="code-input" rows={3} spellCheck={false} {...register('params')} />
      </Field>
      <div>
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t('rule.saving') : t('rule.save')}
        </button>
      </div>
      <FormStatus outcome={outcome} />
    </form>
  );
}
