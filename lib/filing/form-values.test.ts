import { describe, expect, it } from 'vitest';
import { blankEntry, cleanFormValues } from './form-values';

describe('blankEntry', () => {
  const removed = { id: 'a', title: 'Visiting professor', organisation: { name: 'Beihang' }, paid: true };

  it('nulls every key the defaults hold at that index, so nothing falls back to the removed entry', () => {
    const entry = blankEntry(removed, { id: 'b', contractAttachmentIds: [] });
    expect(entry).toEqual({ id: 'b', title: null, organisation: null, paid: null, contractAttachmentIds: [] });
    // To the model the new entry holds nothing but what was given.
    expect(cleanFormValues(entry)).toEqual({ id: 'b', contractAttachmentIds: [] });
  });

  it('keeps what the new entry gives, and leaves it alone where the defaults have nothing', () => {
    expect(blankEntry(undefined, { id: 'b', personMonthsPerYear: [] })).toEqual({ id: 'b', personMonthsPerYear: [] });
    expect(blankEntry({ year: 2020 }, { year: null, personMonths: null })).toEqual({ year: null, personMonths: null });
  });
});
