// Export buttons. A small export downloads at once (the file streams from the server); a large record
// list or the PDF summary runs in the background: a progress bar follows it, then a download link.
'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { requestExportAction } from '@/lib/reports/actions';

type Format = 'csv' | 'xlsx' | 'pdf';
type Kind = 'records' | 'report';
type ReportKind = 'overview' | 'breakdowns' | 'trends' | 'talent-grants';

type State =
  | { phase: 'idle' }
  | { phase: 'starting'; format: Format }
  | { phase: 'direct'; format: Format }
  | { phase: 'task'; taskId: string; status: string; done: number; total: number | null }
  | { phase: 'ready'; href: string; fileName: string }
  | { phase: 'failed'; error: string };

interface TaskStatus {
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  progressDone: number;
  progressTotal: number | null;
  error: string | null;
  fileName: string | null;
  download: string | null;
}

function download(href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = '';
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function ExportPanel({ kind, report, query, formats, description }: { kind: Kind; report?: ReportKind; query: string; formats: Format[]; description: string }) {
  const t = useTranslations('reports.exports');
  const tErr = useTranslations();
  const locale = useLocale() === 'en' ? 'en' : 'ja';
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [pending, start] = useTransition();
  const id = useId();
  // The buttons disable themselves while an export runs, so focus would fall to the page body: it goes
  // to the status instead, then to the download link (or the failure) when there is a result.
  const statusRef = useRef<HTMLDivElement>(null);
  const downloadRef = useRef<HTMLAnchorElement>(null);
  const failedRef = useRef<HTMLParagraphElement>(null);
  const phase = state.phase;
  useEffect(() => {
    if (phase === 'starting' || phase === 'direct') statusRef.current?.focus();
    else if (phase === 'ready') downloadRef.current?.focus();
    else if (phase === 'failed') failedRef.current?.focus();
  }, [phase]);

  const taskId = state.phase === 'task' ? state.taskId : null;
  useEffect(() => {
    if (!taskId) return;
    let stop = false;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/exports/tasks/${taskId}`, { cache: 'no-store' });
      if (stop) return;
      if (!res.ok) {
        setState({ phase: 'failed', error: String(res.status) });
        return;
      }
      const s = (await res.json()) as TaskStatus;
      if (s.status === 'SUCCEEDED' && s.download) setState({ phase: 'ready', href: s.download, fileName: s.fileName ?? '' });
      else if (s.status === 'FAILED') setState({ phase: 'failed', error: s.error ?? '' });
      else setState((prev) => (prev.phase === 'task' ? { ...prev, status: s.status, done: s.progressDone, total: s.progressTotal } : prev));
    }, 1000);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [taskId]);

  const run = (format: Format) => {
    // At once, in the click: the transition below may commit "starting" only together with its result,
    // and by then the disabled button has already dropped focus to the page body.
    statusRef.current?.focus();
    start(async () => {
      setState({ phase: 'starting', format });
      const res = await requestExportAction({ kind: format === 'pdf' ? 'summary' : kind, report, format, query, locale });
      if (!res.ok) {
        setState({ phase: 'failed', error: tErr(res.error) });
        return;
      }
      if (res.data.mode === 'direct') {
        download(res.data.href);
        setState({ phase: 'direct', format });
      } else {
        setState({ phase: 'task', taskId: res.data.taskId, status: 'QUEUED', done: 0, total: res.data.expectedRows });
      }
    });
  };

  const busy = pending || state.phase === 'starting' || state.phase === 'task';
  return (
    <section className="card export-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('title')}</h2>
      <p className="muted">{description}</p>
      <div className="row">
        {formats.map((f) => (
          <button key={f} type="button" className="button" onClick={() => run(f)} disabled={busy} data-format={f}>
            {t(f)}
          </button>
        ))}
      </div>
      <div role="status" aria-live="polite" className="export-status" tabIndex={-1} ref={statusRef}>
        {state.phase === 'starting' ? t('starting') : null}
        {state.phase === 'direct' ? t('direct') : null}
        {state.phase === 'task' ? (
          <>
            <label htmlFor={`${id}-progress`}>{state.status === 'QUEUED' ? t('queued') : t('running')}</label>{' '}
            <progress id={`${id}-progress`} max={state.total ?? 1} value={Math.min(state.done, state.total ?? 1)} aria-label={t('progress')} />{' '}
            {state.total ? (
              <span>
                {state.done.toLocaleString(locale)} / {state.total.toLocaleString(locale)}
              </span>
            ) : null}
          </>
        ) : null}
        {state.phase === 'ready' ? (
          <>
            {t('ready')}{' '}
            <a href={state.href} download className="button primary" data-testid="export-download" ref={downloadRef}>
              {t('download', { file: state.fileName })}
            </a>
          </>
        ) : null}
      </div>
      {state.phase === 'failed' ? (
        <p role="alert" className="form-error" tabIndex={-1} ref={failedRef}>
          {t('failed', { error: state.error || t('error') })}
        </p>
      ) : null}
      <p className="field-help">{t('footerNote')}</p>
    </section>
  );
}
