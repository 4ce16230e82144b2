// Turns the checks' answers (CEL problems, placeholder problems, unknown lists) into the sentence shown
// under the field: the position and the parser's own message, in the reader's language around it.
'use client';

import { useTranslations } from 'next-intl';
import type { ExpressionProblem } from '@/lib/rules/cel-env';
import type { PlaceholderProblem } from '@/lib/rules/validate';

export function useProblemText() {
  const t = useTranslations('rules.errors');
  return {
    expression: (p: ExpressionProblem) =>
      p.position ? t('expressionAt', { line: p.position.line, column: p.position.column, message: p.message }) : t('expressionPlain', { message: p.message }),
    placeholder: (p: PlaceholderProblem) => t('placeholderAt', { placeholder: p.placeholder, reason: t(`placeholder.${p.reason}`) }),
    unknownLists: (codes: string[]) => t('unknownList', { codes: codes.join(', ') }),
  };
}
