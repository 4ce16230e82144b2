'use client';
// One section of the disclosure as a form: react-hook-form with the content model's schemas (the draft
// schema before each save, the complete schema when the researcher checks the section, the same ones the
// server parses), autosaved, with an error summary that links to each field.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo } from 'react';
import { type FieldErrors, type FieldValues, FormProvider, type Resolver, type UseFormReturn, get, set, useForm } from 'react-hook-form';
import { saveSectionAction } from '@/lib/filing/actions';
import { issueLabel } from '@/components/disclosures/issue-label';
import { SummarisedErrors } from '@/components/ui/field-group';
import { RequiredHint } from '@/components/ui/required-hint';
import { checkSection } from '@/lib/disclosures/progress';
import type { SectionKey } from '@/lib/disclosures/sections';
import { cleanSection, decodeIssue, encodeIssue, newItemId } from '@/lib/filing/form-values';
import type { CarryStates } from '@/lib/filing/carry';
import { isEndable } from '@/lib/filing/carry-rules';
import { itemTitles } from '@/lib/filing/item-title';
import { CarryBanner } from './carry-banner';
import { type SaveFn, useAutosave } from './autosave';
import { ErrorSummary, type SummaryItem } from './error-summary';
import { SaveNotices } from './save-notices';
import type { Rates } from './money-field';
import { RepeatingItems } from './repeating-items';
import { AppointmentFields, type AttachmentChoice } from './sections/appointment-fields';
import { GiftFields } from './sections/gift-fields';
import { InterestFields } from './sections/interest-fields';
import { type Department, ProfileFields } from './sections/profile-fields';
import { ProgrammeFields } from './sections/programme-fields';
import { SupportFields } from './sections/support-fields';
import { TravelFields } from './sections/travel-fields';
import type { LocaleOptions } from '@/lib/filing/locale-options';
import { LocaleDataProvider, useHydrated } from './locale-data';
import { publishSectionState } from './live-section-state';
import { flushPending } from './pending-saves';

/** The section's one check (checkSection) as a react-hook-form resolver; errors keep their catalog keys and params. */
function sectionResolver(section: SectionKey): Resolver<FieldValues> {
  return async (values) => {
    const result = checkSection(section, cleanSection(values));
    if (result.issues.length === 0) return { values: result.data as FieldValues, errors: {} };
    const errors: FieldErrors = {};
    for (const issue of result.issues) {
      const path = issue.path || 'root';
      if (!(get(errors, path) as { message?: string } | undefined)?.message) {
        set(errors, path, { ...(get(errors, path) as object | undefined), type: 'validation', message: encodeIssue(issue) });
      }
    }
    return { values: {}, errors };
  };
}

/**
 * Publishes the state of the values on screen to the step list (the same check as the summary), so the
 * step never says "Complete" while the summary lists problems, nor the reverse.
 */
function usePublishState(form: UseFormReturn<FieldValues>, href: string, section: SectionKey) {
  useEffect(() => {
    const publish = () => publishSectionState(href, checkSection(section, cleanSection(form.getValues())).state);
    publish();
    const sub = form.watch(publish);
    return () => {
      sub.unsubscribe();
      publishSectionState(href, null);
    };
  }, [form, href, section]);
}

function summarise(errors: FieldErrors, section: SectionKey, t: (key: string, v?: Record<string, string | number>) => string): SummaryItem[] {
  const items: SummaryItem[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const message = (node as { message?: unknown }).message;
    if (typeof message === 'string' && message) {
      const { key, params } = decodeIssue(message);
      items.push({ path: path === 'root' ? '' : path, label: issueLabel(section, path, t), message: t(key, params) });
    }
    for (const [k, child] of Object.entries(node)) {
      if (k === 'message' || k === 'type' || k === 'ref' || k === 'types') continue;
      walk(child, path ? `${path}.${k}` : k);
    }
  };
  walk(errors, '');
  return items;
}

const newItems: Record<Exclude<SectionKey, 'profile'>, () => { id: string } & Record<string, unknown>> = {
  appointments: () => ({ id: newItemId(), contractAttachmentIds: [] }),
  programmes: () => ({ id: newItemId() }),
  support: () => ({ id: newItemId(), personMonthsPerYear: [] }),
  gifts: () => ({ id: newItemId() }),
  interests: () => ({ id: newItemId() }),
  travel: () => ({ id: newItemId() }),
};

const firstFields: Record<Exclude<SectionKey, 'profile'>, string> = {
  appointments: 'organisation.search',
  programmes: 'programme.search',
  support: 'title',
  gifts: 'kind',
  interests: 'kind',
  travel: 'sponsor.search',
};

/**
 * After the first check, the summary follows the fields as they are corrected: a change anywhere
 * re-checks the section, so an error on a group (a time commitment's amount and unit) goes away as soon
 * as the group is complete, not only when the one field that carried it changes.
 */
function useRecheckAfterCheck(form: UseFormReturn<FieldValues>) {
  useEffect(() => {
    const sub = form.watch(() => {
      if (form.formState.isSubmitted) void form.trigger();
    });
    return () => sub.unsubscribe();
  }, [form]);
}

export function SectionEditor({
  disclosureId,
  section,
  initial,
  revision,
  generation,
  rates,
  departments,
  attachments,
  attachmentsHref,
  next,
  options,
  carried = {},
  linked = {},
  fiscalYear,
}: {
  disclosureId: string;
  section: SectionKey;
  initial: FieldValues;
  revision: number;
  generation: number;
  rates: Rates;
  departments: Department[];
  attachments: AttachmentChoice[];
  attachmentsHref: string;
  next: { href: string; label: string };
  options: LocaleOptions;
  /** Entries carried from the last filed disclosure, by item id, and the cycle's fiscal year for ending them. */
  carried?: CarryStates;
  /** Support entries added from imported grants, by item id. */
  linked?: Record<string, { funder: string; projectNumber: string }>;
  fiscalYear: number;
}) {
  const t = useTranslations();
  const router = useRouter();
  const resolver = useMemo(() => sectionResolver(section), [section]);
  const form = useForm<FieldValues>({
    defaultValues: initial,
    resolver,
    mode: 'onSubmit',
    // After a check the whole section is validated again on each change (below), so the summary and
    // the field errors follow the fields as a whole, group errors included.
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const autosave = useAutosave({
    form,
    disclosureId,
    section,
    revision,
    generation,
    save: saveSectionAction as unknown as SaveFn,
  });

  // A link from elsewhere (the review page's list of what is missing) lands on its field.
  useEffect(() => {
    const hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash.startsWith('f-')) return;
    const timer = setTimeout(() => {
      const el = document.getElementById(hash);
      if (el) {
        const target = el.matches('input, select, textarea') ? el : el.querySelector<HTMLElement>('input, select, textarea');
        (target ?? el).scrollIntoView({ block: 'center' });
        (target ?? el).focus();
      }
    }, 50);
    return () => clearTimeout(timer);
  }, []);

  useRecheckAfterCheck(form);
  usePublishState(form, `/disclosures/${disclosureId}/${section}`, section);
  const { errors, isSubmitted } = form.formState;
  const summary = isSubmitted ? summarise(errors, section, t) : [];
  const complete = isSubmitted && summary.length === 0;

  const onCheck = form.handleSubmit(
    async () => {
      await autosave.flush();
    },
    async () => {
      await autosave.flush();
      setTimeout(() => document.getElementById('error-summary')?.focus(), 0);
    },
  );

  const rendered =
    section === 'profile' ? (
      <ProfileFields departments={departments} />
    ) : (
      <RepeatingItems
        section={section}
        newItem={newItems[section]}
        firstField={firstFields[section]}
        title={itemTitles[section]}
        itemBanner={(item, label) => {
          const state = carried[item.id];
          const grant = linked[item.id];
          return (
            <>
              {grant ? (
                <p className="muted" data-testid="grant-linked">
                  {t('grantSuggestions.linked', { funder: grant.funder, projectNumber: grant.projectNumber })}
                </p>
              ) : null}
              {state ? (
                <CarryBanner
                  disclosureId={disclosureId}
                  itemId={item.id}
                  carried={state}
                  endable={isEndable(section)}
                  fiscalYear={fiscalYear}
                  title={label}
                />
              ) : null}
            </>
          );
        }}
        renderItem={(prefix) => {
          switch (section) {
            case 'appointments':
              return <AppointmentFields prefix={prefix} rates={rates} attachments={attachments} attachmentsHref={attachmentsHref} />;
            case 'programmes':
              return <ProgrammeFields prefix={prefix} rates={rates} />;
            case 'support':
              return <SupportFields prefix={prefix} rates={rates} />;
            case 'gifts':
              return <GiftFields prefix={prefix} rates={rates} />;
            case 'interests':
              return <InterestFields prefix={prefix} rates={rates} />;
            case 'travel':
              return <TravelFields prefix={prefix} rates={rates} />;
          }
        }}
      />
    );

  // Marks the form as interactive (tests wait for it before typing into a freshly loaded page).
  const hydrated = useHydrated();
  return (
    <FormProvider {...form}>
      <LocaleDataProvider value={options}>
        <SummarisedErrors>
        <div className="stack">
          <SaveNotices autosave={autosave} />
          <ErrorSummary items={summary} />
          {complete ? (
            <div className="form-success" role="status">
              {t('filing.form.sectionComplete')}
            </div>
          ) : null}
          <form
            noValidate
            onSubmit={onCheck}
            onBlur={autosave.onBlur}
            className="stack section-form"
            data-hydrated={hydrated ? 'true' : undefined}
          >
            <RequiredHint />
            {rendered}
            <div className="form-actions row">
              <button type="submit" className="button">
                {t('filing.form.check')}
              </button>
              <button
                type="button"
                className="button primary"
                onClick={async () => {
                  await flushPending();
                  router.push(next.href);
                }}
              >
                {t('filing.form.saveAndContinue', { next: next.label })}
              </button>
            </div>
          </form>
        </div>
        </SummarisedErrors>
      </LocaleDataProvider>
    </FormProvider>
  );
}
