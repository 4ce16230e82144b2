'use client';
// Drafts that never lose work. Every change is mirrored at once to localStorage (keyed by disclosure,
// draft generation and section, with the revision it was based on) and saved to the server 1.5 s after
// typing stops, when a field is left, when the tab is hidden or closed, and before moving to another
// section. Saves carry the revision last seen: a stale tab is told so and never overwrites; a lost
// session keeps the local copy, which is restored (with a notice) when the page is opened again and the
// server copy is not newer — or offered, when it is.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/action';
import { toFieldIssues } from '@/lib/disclosures/errors';
import { draftSchemas, type SectionKey } from '@/lib/disclosures/sections';
import { cleanSection, encodeIssue } from '@/lib/filing/form-values';
import { registerFlush } from './pending-saves';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'invalid' }
  | { kind: 'stale'; revision: number; updatedAt: string | null }
  | { kind: 'signedOut' }
  | { kind: 'offline' }
  | { kind: 'locked'; key: string }
  | { kind: 'failed'; key: string };

type LocalCopy = { baseRevision: number; values: FieldValues; at: number };

export type SaveFn = (input: {
  disclosureId: string;
  section: SectionKey;
  revision: number;
  data: unknown;
}) => Promise<ActionResult<{ revision: number; savedAt: string }>>;

const DEBOUNCE_MS = 1500;
const BLUR_MS = 300;
const RETRY_MS = 10_000;

export function localKey(disclosureId: string, generation: number, section: SectionKey): string {
  return `kaiji.draft.${disclosureId}.${generation}.${section}`;
}

function readLocal(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalCopy;
    return typeof parsed?.baseRevision === 'number' && parsed.values ? parsed : null;
  } catch {
    return null;
  }
}

function writeLocal(key: string, copy: LocalCopy): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the server save still runs.
  }
}

function removeLocal(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* ignore */
  }
}

/** Removes every local copy of a disclosure's drafts (after it is submitted). */
export function forgetLocalDrafts(disclosureId: string): void {
  try {
    for (let i = window.localStorage.length - 1; i >= 0; i--) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(`kaiji.draft.${disclosureId}.`)) window.localStorage.removeItem(key);
    }
  } catch {
    /* ignore */
  }
}

const snapshot = (values: unknown) => JSON.stringify(cleanSection(values));

export function useAutosave({
  form,
  disclosureId,
  section,
  revision,
  generation,
  save,
}: {
  form: UseFormReturn<FieldValues>;
  disclosureId: string;
  section: SectionKey;
  revision: number;
  generation: number;
  save: SaveFn;
}) {
  const key = localKey(disclosureId, generation, section);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [restored, setRestored] = useState(false);
  const [older, setOlder] = useState<LocalCopy | null>(null);
  const revisionRef = useRef(revision);
  const savedRef = useRef<string>(snapshot(form.getValues()));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false);
  const flushRef = useRef<() => Promise<boolean>>(async () => true);

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), ms);
  }, []);

  const mirror = useCallback(() => {
    const values = form.getValues();
    if (snapshot(values) === savedRef.current) removeLocal(key);
    else writeLocal(key, { baseRevision: revisionRef.current, values, at: Date.now() });
  }, [form, key]);

  const doSave = useCallback(async (): Promise<boolean> => {
    if (blocked.current) return false;
    const values = form.getValues();
    const sent = snapshot(values);
    if (sent === savedRef.current) return true;
    const data = cleanSection(values);
    const draft = draftSchemas[section].safeParse(data);
    if (!draft.success) {
      for (const issue of toFieldIssues(draft.error)) {
        form.setError(issue.path || 'root', { type: 'draft', message: encodeIssue(issue) });
      }
      setState({ kind: 'invalid' });
      return false;
    }
    setState({ kind: 'saving' });
    let result: Awaited<ReturnType<SaveFn>>;
    try {
      result = await save({ disclosureId, section, revision: revisionRef.current, data });
    } catch {
      setState({ kind: 'offline' });
      schedule(RETRY_MS);
      return false;
    }
    if (result.ok) {
      revisionRef.current = result.data.revision;
      savedRef.current = sent;
      mirror();
      const now = snapshot(form.getValues());
      if (now === sent) setState({ kind: 'saved', at: new Date(result.data.savedAt) });
      else {
        setState({ kind: 'dirty' });
        schedule(DEBOUNCE_MS);
      }
      return true;
    }
    switch (true) {
      case result.error === 'errors.staleWrite':
        blocked.current = true;
        setState({
          kind: 'stale',
          revision: Number(result.details?.revision ?? 0),
          updatedAt: (result.details?.updatedAt as string | null | undefined) ?? null,
        });
        return false;
      case result.error === 'errors.signedOut':
        setState({ kind: 'signedOut' });
        return false;
      case result.error.startsWith('filing.errors.notEditable'):
        blocked.current = true;
        setState({ kind: 'locked', key: result.error });
        return false;
      case result.error === 'errors.invalidInput':
        for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
          const formPath = path.startsWith('data.') ? path.slice(5) : 'root';
          if (messages[0]) form.setError(formPath, { type: 'server', message: messages[0] });
        }
        setState({ kind: 'invalid' });
        return false;
      default:
        setState({ kind: 'failed', key: result.error });
        return false;
    }
  }, [disclosureId, form, mirror, save, schedule, section]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inflight.current) await inflight.current;
    const run = doSave().finally(() => {
      inflight.current = null;
    });
    inflight.current = run;
    return run;
  }, [doSave]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  // Every change: mirror locally at once, save after a pause in typing.
  useEffect(() => {
    const sub = form.watch(() => {
      mirror();
      if (blocked.current) return;
      if (snapshot(form.getValues()) === savedRef.current) return;
      setState((s) => (s.kind === 'signedOut' || s.kind === 'offline' ? s : { kind: 'dirty' }));
      schedule(DEBOUNCE_MS);
    });
    return () => sub.unsubscribe();
  }, [form, mirror, schedule]);

  // Leaving the tab (hidden, closed, navigated away) saves what is pending.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushRef.current();
    };
    const onPageHide = () => void flushRef.current();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    registerFlush(() => flushRef.current());
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      registerFlush(null);
      // Leaving the section by any other link: what is pending is still sent (the request outlives the form).
      if (timer.current) void flushRef.current();
    };
  }, []);

  // On opening: a local copy of unsaved work is restored when it is based on the server's current
  // revision, or offered when the server has a newer one (someone saved since).
  useEffect(() => {
    const local = readLocal(key);
    if (!local || snapshot(local.values) === savedRef.current) {
      if (local) removeLocal(key);
      return;
    }
    const timerId = setTimeout(() => {
      if (local.baseRevision === revisionRef.current) {
        form.reset(local.values, { keepDefaultValues: true });
        setRestored(true);
        setState({ kind: 'dirty' });
        schedule(DEBOUNCE_MS);
      } else {
        setOlder(local);
      }
    }, 0);
    return () => clearTimeout(timerId);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  const restoreOlder = useCallback(() => {
    if (!older) return;
    form.reset(older.values, { keepDefaultValues: true });
    setOlder(null);
    setRestored(true);
    setState({ kind: 'dirty' });
    schedule(DEBOUNCE_MS);
  }, [form, older, schedule]);

  const discardOlder = useCallback(() => {
    removeLocal(key);
    setOlder(null);
  }, [key]);

  const onBlur = useCallback(() => {
    if (!blocked.current && snapshot(form.getValues()) !== savedRef.current) schedule(BLUR_MS);
  }, [form, schedule]);

  /** After signing in again in another tab: try the pending save now. */
  const retry = useCallback(() => flushRef.current(), []);

  return { state, flush, retry, restored, dismissRestored: () => setRestored(false), older, restoreOlder, discardOlder, onBlur };
}
