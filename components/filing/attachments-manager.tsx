'use client';
// Contracts and translations: upload (the type is checked from the file's bytes on the server), list,
// download and remove (only files not yet part of a submitted version).
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { deleteAttachmentAction } from '@/lib/filing/actions';
import { Field } from '@/components/ui/field';
import type { AttachmentSummary } from '@/lib/filing/attachments';
import { DataTable } from '@/components/ui/data-table';

export function AttachmentsManager({
  disclosureId,
  attachments,
  editable,
  appointments,
  maxMb,
}: {
  disclosureId: string;
  attachments: AttachmentSummary[];
  editable: boolean;
  appointments: { id: string; label: string }[];
  maxMb: number;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [fileError, setFileError] = useState<string>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [pending, start] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  // After the message has rendered: focus the result of the action.
  const focusResult = useRef<'status' | 'error' | null>(null);
  const setFocusResult = (target: 'status' | 'error') => {
    focusResult.current = target;
  };
  useEffect(() => {
    const target = focusResult.current;
    if (!target) return;
    focusResult.current = null;
    (target === 'status' ? statusRef : errorRef).current?.focus();
  });

  async function upload(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(undefined);
    setFileError(undefined);
    const form = new FormData(e.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setFileError(t('filing.attachments.errors.noFile'));
      fileInput.current?.focus();
      return;
    }
    if (file.size > maxMb * 1024 * 1024) {
      setFileError(t('filing.attachments.errors.tooLarge', { maxMb }));
      fileInput.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const res = await fetch(`/api/disclosures/${disclosureId}/attachments`, { method: 'POST', body: form });
      const body = (await res.json().catch(() => ({}))) as {
        error?: string;
        details?: Record<string, string | number>;
        fieldErrors?: Record<string, string[]>;
        attachment?: AttachmentSummary;
      };
      if (!res.ok) {
        const key = body.fieldErrors?.file?.[0] ?? body.error ?? 'errors.unexpected';
        const text = t(key, body.details ?? {});
        if (key.startsWith('filing.attachments.errors')) {
          setFileError(text);
          fileInput.current?.focus();
        } else {
          setError(text);
          setFocusResult('error');
        }
        return;
      }
      setMessage(t('filing.attachments.uploaded', { name: body.attachment?.fileName ?? '' }));
      setFocusResult('status');
      formRef.current?.reset();
      router.refresh();
    } catch {
      setError(t('filing.autosave.offlineNotice'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      {/* One status message, always present so it is announced once; it takes focus after an upload or a
          removal (the removed row's button is gone, and focus must not fall to the page body). */}
      <p className={message ? 'form-success' : 'visually-hidden'} role="status" tabIndex={-1} ref={statusRef} data-testid="attachments-status">
        {message}
      </p>
      {error ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </p>
      ) : null}
      {attachments.length === 0 ? (
        <p className="muted">{t('filing.attachments.noneYet')}</p>
      ) : (
        <DataTable caption={t('filing.attachments.listCaption')} data-testid="attachments-table">
          <thead>
            <tr>
              <th scope="col">{t('filing.attachments.file')}</th>
              <th scope="col">{t('filing.attachments.kindLabel')}</th>
              <th scope="col" className="num">{t('filing.attachments.size')}</th>
              <th scope="col">{t('filing.attachments.uploadedAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('filing.home.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <a href={`/api/attachments/${a.id}`} download>
                    {a.fileName}
                  </a>
                </th>
                <td>{t(`filing.attachments.kind.${a.kind}`)}</td>
                <td className="num">{t('filing.attachments.sizeKb', { size: format.number(Math.max(1, Math.round(a.sizeBytes / 1024))) })}</td>
                <td>{format.dateTime(new Date(a.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>
                  {a.frozen ? (
                    <span className="badge neutral">{t('filing.attachments.frozen')}</span>
                  ) : editable ? (
                    <button
                      type="button"
                      className="button link"
                      disabled={pending}
                      aria-label={t('filing.attachments.removeNamed', { name: a.fileName })}
                      onClick={() =>
                        start(async () => {
                          const res = await deleteAttachmentAction({ attachmentId: a.id });
                          if (!res.ok) {
                            setError(t(res.error));
                            setFocusResult('error');
                          } else {
                            setMessage(t('filing.attachments.removed', { name: a.fileName }));
                            setFocusResult('status');
                            router.refresh();
                          }
                        })
                      }
                    >
                      {t('filing.attachments.remove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}

      {editable ? (
        <form ref={formRef} onSubmit={upload} className="card stack" aria-labelledby="upload-title" noValidate>
          <h2 id="upload-title">{t('filing.attachments.uploadTitle')}</h2>
          <Field label={t('filing.attachments.fileLabel')} help={t('filing.attachments.fileHelp', { maxMb })} error={fileError} required>
            <input ref={fileInput} type="file" name="file" accept=".pdf,.docx,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff" />
          </Field>
          <Field label={t('filing.attachments.kindLabel')} help={t('filing.attachments.kindHelp')}>
            <select name="kind" defaultValue="CONTRACT">
              {(['CONTRACT', 'TRANSLATION', 'OTHER'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`filing.attachments.kind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          {appointments.length > 0 ? (
            <Field label={t('filing.attachments.itemLabel')} help={t('filing.attachments.itemHelp')}>
              <select name="itemRef" defaultValue="">
                <option value="">{t('filing.attachments.noItem')}</option>
                {appointments.map((a) => (
                  <option key={a.id} value={`appointments/${a.id}`}>
                    {a.label}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <div>
            <button type="submit" className="button primary" disabled={busy} aria-busy={busy || undefined}>
              {busy ? t('filing.attachments.uploading') : t('filing.attachments.upload')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
