// What an entry of a repeating section is called wherever it is named on its own (the form's entry
// heading, the list of carried items still to confirm): its organisation, title or date. Pure.
import type { RepeatingSectionKey } from '@/lib/disclosures/sections';
import { cutText } from '@/lib/security/sanitise';

type Item = Record<string, unknown> | undefined;

function orgName(value: unknown): string {
  return typeof value === 'object' && value ? String((value as { name?: string }).name ?? '') : '';
}

export const itemTitles: Record<RepeatingSectionKey, (item: Item) => string> = {
  appointments: (i) => [orgName(i?.organisation), i?.title].filter(Boolean).join(' — '),
  programmes: (i) => orgName(i?.programme),
  support: (i) => String(i?.title ?? ''),
  gifts: (i) => orgName(i?.source) || cutText(String(i?.description ?? ''), 40),
  interests: (i) => orgName(i?.organisation),
  travel: (i) => [orgName(i?.sponsor), i?.startDate].filter(Boolean).join(' — '),
};
