// The recent background re-evaluations with their progress, refreshed while one is running.
import { getFormatter, getTranslations } from 'next-intl/server';
import { recentReevaluations } from '@/lib/rules/reevaluate';
import { AutoRefresh } from './auto-refresh';
import { DataTable } from '@/components/ui/data-table';

interface TaskResult {
  organisations?: number;
  created?: number;
  pendingChanged?: number;
  disclosures?: number;
  changed?: number;
  added?: number;
  superseded?: number;
}

export async function TaskList() {
  const [t, format, tasks] = await Promise.all([getTranslations('rules.tasks'), getFormatter(), recentReevaluations()]);
  const running = tasks.some((task) => task.status === 'QUEUED' || task.status === 'RUNNING');
  return (
    <section aria-labelledby="tasks-title" className="card stack">
      <h2 id="tasks-title">{t('title')}</h2>
      <AutoRefresh active={running} />
      {tasks.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <DataTable caption={t('caption')} data-testid="task-list">
          <thead>
            <tr>
              <th scope="col">{t('columns.requested')}</th>
              <th scope="col">{t('columns.reason')}</th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.progress')}</th>
              <th scope="col">{t('columns.result')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => {
              const rescreen = task.kind === 'watchlists.rescreen';
              const reason = rescreen ? 'rescreen' : String((task.params as { reason?: string }).reason ?? 'manual').replace('.', '_');
              const result = (task.result ?? {}) as TaskResult;
              return (
                <tr key={task.id}>
                  <td>{format.dateTime(task.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td>{t.has(`reason.${reason}`) ? t(`reason.${reason}`) : reason}</td>
                  <td>
                    <span className={`badge ${task.status === 'FAILED' ? 'flag' : task.status === 'SUCCEEDED' ? 'ok' : 'review'}`}>{t(`status.${task.status}`)}</span>
                  </td>
                  <td>
                    {task.progressTotal !== null ? (
                      <>
                        <progress max={Math.max(task.progressTotal, 1)} value={task.progressDone} aria-label={t('columns.progress')} />{' '}
                        {t('progress', { done: task.progressDone, total: task.progressTotal })}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {task.status === 'SUCCEEDED' && rescreen
                      ? t('rescreenResult', { organisations: result.organisations ?? 0, created: result.created ?? 0, pendingChanged: result.pendingChanged ?? 0 })
                      : task.status === 'SUCCEEDED'
                      ? t('result', {
                          disclosures: result.disclosures ?? 0,
                          changed: result.changed ?? 0,
                          added: result.added ?? 0,
                          superseded: result.superseded ?? 0,
                        })
                      : (task.error ?? '—')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      {running ? <p className="muted">{t('refreshing')}</p> : null}
    </section>
  );
}
