'use client';
// What the autosave is doing, in words: saved (and when), saving, not saved and why — a stale tab, an
// ended session, no connection, a disclosure no longer editable — with what the researcher can do about
// it, and the notices about entries restored from (or kept in) this browser.
import { useFormatter, useTranslations } from 'next-intl';
import type { SaveState, useAutosave } from './autosave';

function SaveStatus({ state }: { state: SaveState }) {
  const t = useTranslations('filing.autosave');
  const format = useFormatter();
  const text =
    state.kind === 'saved'
      ? t('saved', { time: format.dateTime(state.at, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })
      : state.kind === 'idle'
        ? t('idle')
        : state.kind === 'stale' || state.kind === 'locked' || state.kind === 'failed'
          ? t('notSaved')
          : t(state.kind);
  // Announced (politely) only when something happened — saved, or not saved and why — never the
  // "saving shortly" of every pause in typing.
  const announced =
    state.kind === 'dirty' || state.kind === 'saving' || state.kind === 'idle' ? '' : state.kind === 'saved' ? t('announceSaved') : text;
  return (
    <>
      <p className={`save-status save-${state.kind}`} data-testid="save-status">
        {text}
      </p>
      <p className="visually-hidden" role="status">
        {announced}
      </p>
    </>
  );
}

export function SaveNotices({ autosave }: { autosave: ReturnType<typeof useAutosave> }) {
  const t = useTranslations();
  const { state } = autosave;
  return (
    <>
      <SaveStatus state={state} />
      {autosave.restored ? (
        <div className="form-notice" role="status">
          <p>{t('filing.autosave.restored')}</p>
          <button type="button" className="button link" onClick={autosave.dismissRestored}>
            {t('filing.autosave.dismiss')}
          </button>
        </div>
      ) : null}
      {autosave.older ? (
        <div className="form-notice" role="alert">
          <p>{t('filing.autosave.older')}</p>
          <div className="row">
            <button type="button" className="button" onClick={autosave.restoreOlder}>
              {t('filing.autosave.restoreOlder')}
            </button>
            <button type="button" className="button link" onClick={autosave.discardOlder}>
              {t('filing.autosave.discardOlder')}
            </button>
          </div>
        </div>
      ) : null}
      {state.kind === 'stale' ? (
        <div className="form-error" role="alert" data-testid="stale-notice">
          <p>{t('errors.staleWrite')}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('filing.autosave.reload')}
          </button>
        </div>
      ) : null}
      {state.kind === 'signedOut' ? (
        <div className="form-error" role="alert">
          <p>{t('errors.signedOut')}</p>
          <div className="row">
            <a href="/signin" target="_blank" rel="noopener">
              {t('filing.autosave.signInAgain')}
            </a>
            <button type="button" className="button" onClick={() => void autosave.retry()}>
              {t('filing.autosave.retry')}
            </button>
          </div>
        </div>
      ) : null}
      {state.kind === 'offline' ? (
        <div className="form-notice" role="alert">
          <p>{t('filing.autosave.offlineNotice')}</p>
        </div>
      ) : null}
      {state.kind === 'locked' ? (
        <div className="form-error" role="alert">
          <p>{t(state.key)}</p>
          <p>{t('filing.autosave.keptLocally')}</p>
        </div>
      ) : null}
      {state.kind === 'failed' ? (
        <div className="form-error" role="alert">
          <p>{t(state.key)}</p>
        </div>
      ) : null}
    </>
  );
}
