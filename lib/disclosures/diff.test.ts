import { describe, expect, it } from 'vitest';
import { diffContent } from './diff';
import { sampleContent } from './sample';
import type { DisclosureContent } from './sections';

const clone = (content: DisclosureContent): DisclosureContent => structuredClone(content);

describe('diffContent', () => {
  it('finds nothing between equal contents, whatever the key order or empty values', () => {
    const before = sampleContent();
    const after = clone(before);
    const a = after.appointments.items[0]!;
    after.appointments.items[0] = { description: '', ...a, endDate: a.endDate };
    expect(diffContent(before, after)).toEqual({ sections: [], changed: false });
    // "" and absent are the same "nothing"; so are [] and absent
    const { contractAttachmentIds: _c, ...withoutList } = a;
    after.appointments.items[0] = withoutList as typeof a;
    expect(diffContent(before, after).changed).toBe(false);
  });

  it('reports changed fields of an item matched by id, with labels and before/after values', () => {
    const before = sampleContent();
    const after = clone(before);
    const item = after.appointments.items[0]!;
    item.title = 'Chair Professor';
    item.compensation = { amountMinor: 24_000_000, currency: 'CNY' };
    item.organisation.nameLocal = '北京理工大學';

    expect(diffContent(before, after).sections).toEqual([
      {
        section: 'appointments',
        changes: [],
        items: [
          {
            itemId: item.id,
            status: 'changed',
            changes: [
              {
                field: 'appointments.organisation',
                label: 'disclosure.appointments.organisation.label',
                before: before.appointments.items[0]!.organisation,
                after: item.organisation,
              },
              {
                field: 'appointments.title',
                label: 'disclosure.appointments.title.label',
                before: 'Visiting Professor',
                after: 'Chair Professor',
              },
              {
                field: 'appointments.compensation',
                label: 'disclosure.appointments.compensation.label',
                before: { amountMinor: 12_000_000, currency: 'CNY' },
                after: { amountMinor: 24_000_000, currency: 'CNY' },
              },
            ],
          },
        ],
      },
    ]);
  });

  it('reports added and removed items, and ignores reordering', () => {
    const before = sampleContent();
    const after = clone(before);
    const kept = after.travel.items[0]!;
    const added = { ...kept, id: crypto.randomUUID(), purpose: 'Conference', value: { amountMinor: 1, currency: 'USD' as const } };
    after.travel.items = [added, kept];
    after.programmes = { nothingToDisclose: true, items: [] };
    const removed = before.programmes.items[0]!;

    const diff = diffContent(before, after);
    expect(diff.changed).toBe(true);
    expect(diff.sections.map((s) => s.section)).toEqual(['programmes', 'travel']);

    const [programmes, travel] = diff.sections;
    expect(programmes?.changes).toEqual([
      {
        field: 'programmes.nothingToDisclose',
        label: 'disclosure.common.nothingToDisclose.label',
        before: false,
        after: true,
      },
    ]);
    expect(programmes?.items).toHaveLength(1);
    expect(programmes?.items[0]).toMatchObject({ itemId: removed.id, status: 'removed' });
    // a removed item shows what it had, with nothing after
    expect(programmes?.items[0]?.changes.map((c) => c.field)).toEqual([
      'programmes.programme',
      'programmes.sponsor',
      'programmes.role',
      'programmes.startDate',
      'programmes.benefitsValue',
      'programmes.benefitsDescription',
      'programmes.obligations',
      'programmes.obligationsDescription',
    ]);
    expect(programmes?.items[0]?.changes.every((c) => c.after === undefined)).toBe(true);

    expect(travel?.items).toEqual([
      {
        itemId: added.id,
        status: 'added',
        changes: expect.arrayContaining([
          { field: 'travel.purpose', label: 'disclosure.travel.purpose.label', before: undefined, after: 'Conference' },
        ]),
      },
    ]);
    expect(travel?.items[0]?.changes).toHaveLength(6);
  });

  it('compares profile fields and nested obligations', () => {
    const before = sampleContent();
    const after = clone(before);
    after.profile.orcid = undefined;
    after.programmes.items[0]!.obligations.concealment = true;
    const diff = diffContent(before, after);
    expect(diff.sections).toEqual([
      {
        section: 'profile',
        changes: [{ field: 'profile.orcid', label: 'disclosure.profile.orcid.label', before: '0000-0002-1825-0097', after: undefined }],
        items: [],
      },
      {
        section: 'programmes',
        changes: [],
        items: [
          {
            itemId: after.programmes.items[0]!.id,
            status: 'changed',
            changes: [
              expect.objectContaining({
                field: 'programmes.obligations',
                before: expect.objectContaining({ concealment: false }),
                after: expect.objectContaining({ concealment: true }),
              }),
            ],
          },
        ],
      },
    ]);
  });

  it('treats a section missing on one side as empty', () => {
    const after = sampleContent();
    const diff = diffContent({}, after);
    expect(diff.sections.map((s) => s.section)).toEqual([
      'profile',
      'appointments',
      'programmes',
      'support',
      'gifts',
      'interests',
      'travel',
    ]);
    expect(diff.sections.find((s) => s.section === 'gifts')?.changes).toEqual([
      { field: 'gifts.nothingToDisclose', label: 'disclosure.common.nothingToDisclose.label', before: false, after: true },
    ]);
    expect(diff.sections.find((s) => s.section === 'support')?.items.map((i) => i.status)).toEqual(['added']);
  });
});
