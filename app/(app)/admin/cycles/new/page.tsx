import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { CycleForm } from '@/components/admin/cycle-form';
import { newCycleDefaults } from '@/lib/admin/cycle-defaults';
import { institutionOptions } from '@/lib/admin/institutions';
import { requireRole } from '@/lib/auth/actor';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.cycles');
  return { title: t('newTitle') };
}

export default async function NewCyclePage({ searchParams }: { searchParams: Promise<{ institution?: string }> }) {
  const actor = await requireRole('ADMIN');
  const [{ institution }, t, locale, institutions] = await Promise.all([searchParams, getTranslations(), getLocale(), institutionOptions(actor)]);
  const chosen = institutions.find((i) => i.id === institution)?.id ?? (institutions.length === 1 ? institutions[0]!.id : '');
  const value = await newCycleDefaults(actor, chosen);
  return (
    <section className="stack">
      <p>
        <Link href="/admin/cycles">{t('admin.cycles.back')}</Link>
      </p>
      <h1 id="page-title">{t('admin.cycles.newTitle')}</h1>
      <p className="muted">{t('admin.cycles.newIntro')}</p>
      <div className="card">
        <CycleForm value={value} institutions={institutions.map((i) => ({ id: i.id, label: localName(locale, i) }))} />
      </div>
    </section>
  );
}
