// The fields of view v1 and the helper functions, as declared (view-schema.ts, cel-env.ts): the quick
// reference beside the rule editor. The prose documentation is docs/rules-view.md.
import { getTranslations } from 'next-intl/server';
import { HELPER_SIGNATURES } from '@/lib/rules/cel-env';
import { VIEW_TYPES, VIEW_VARIABLES } from '@/lib/rules/view-schema';

export async function ViewReference() {
  const t = await getTranslations('rules');
  return (
    <details className="card view-reference">
      <summary>{t('rule.reference')}</summary>
      <p className="muted">{t('viewDoc')}</p>
      <h3>{t('rule.variables')}</h3>
      <ul className="plain-list">
        {Object.entries(VIEW_VARIABLES).map(([name, type]) => (
          <li key={name}>
            <code>
              {name}: {type}
            </code>
          </li>
        ))}
        <li>
          <code>params: map&lt;string, dyn&gt;</code>
        </li>
      </ul>
      <h3>{t('rule.types')}</h3>
      <dl className="facts">
        {Object.entries(VIEW_TYPES).map(([name, fields]) => (
          <div key={name} className="contents">
            <dt>
              <code>{name}</code>
            </dt>
            <dd>
              <code>
                {Object.entries(fields)
                  .map(([f, type]) => `${f}: ${type}`)
                  .join(', ')}
              </code>
            </dd>
          </div>
        ))}
      </dl>
      <h3>{t('rule.helpers')}</h3>
      <ul className="plain-list">
        {HELPER_SIGNATURES.map((s) => (
          <li key={s}>
            <code>{s}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
