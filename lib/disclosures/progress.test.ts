import { describe, expect, it } from 'vitest';
import { checkSection, disclosureProgress, sectionProgress } from './progress';
import { sampleContent } from './sample';
import { emptyContent, sectionKeys } from './sections';

describe('sectionProgress', () => {
  it('an empty or absent section is not started', () => {
    expect(sectionProgress('profile', {})).toEqual({ section: 'profile', state: 'not_started', issues: [] });
    expect(sectionProgress('profile', { nameKana: '', orcid: '' })).toMatchObject({ state: 'not_started' });
    expect(sectionProgress('travel', { nothingToDisclose: false, items: [] })).toMatchObject({ state: 'not_started' });
    expect(sectionProgress('gifts', undefined)).toMatchObject({ state: 'not_started' });
  });

  it('"nothing to disclose" alone completes a repeating section', () => {
    expect(sectionProgress('gifts', { nothingToDisclose: true, items: [] })).toEqual({
      section: 'gifts',
      state: 'complete',
      issues: [],
    });
  });

  it('a started section lists what is missing, with field paths for labels and item ids', () => {
    const id = crypto.randomUUID();
    const progress = sectionProgress('travel', {
      nothingToDisclose: false,
      items: [{ id, sponsor: { name: 'Tsinghua University', country: 'CN' }, startDate: '2025-05-02', endDate: '2025-05-01' }],
    });
    expect(progress.state).toBe('in_progress');
    expect(progress.issues).toEqual([
      { path: 'items.0.destinationCountry', key: 'validation.required', field: 'travel.destinationCountry', itemId: id },
      { path: 'items.0.purpose', key: 'validation.required', field: 'travel.purpose', itemId: id },
      { path: 'items.0.value', key: 'validation.required', field: 'travel.value', itemId: id },
      { path: 'items.0.endDate', key: 'validation.endBeforeStart', field: 'travel.endDate', itemId: id },
    ]);
  });

  it('a section-level problem names the "nothing to disclose" field and no item', () => {
    const item = sampleContent().travel.items[0]!;
    const progress = sectionProgress('travel', { nothingToDisclose: true, items: [item] });
    expect(progress.issues).toEqual([
      {
        path: 'nothingToDisclose',
        key: 'validation.nothingToDiscloseWithItems',
        field: 'travel.nothingToDisclose',
      },
    ]);
  });

  it('profile issues carry their field and parameters', () => {
    const progress = sectionProgress('profile', { nameKana: 'ヤマダ', position: 'x'.repeat(301) });
    expect(progress.state).toBe('in_progress');
    expect(progress.issues).toContainEqual({
      path: 'position',
      key: 'validation.tooLong',
      params: { max: 300 },
      field: 'profile.position',
    });
    expect(progress.issues.map((i) => i.field)).toEqual(['profile.nameRomaji', 'profile.position', 'profile.eradNumber']);
  });
});

describe('disclosureProgress', () => {
  it('counts sections and is ready to submit only when all are complete', () => {
    const complete = disclosureProgress(sampleContent());
    expect(complete).toMatchObject({ completeCount: 7, total: 7, readyToSubmit: true });
    expect(complete.sections.map((s) => s.section)).toEqual([...sectionKeys]);

    const fresh = disclosureProgress(emptyContent());
    expect(fresh.sections.every((s) => s.state === 'not_started')).toBe(true);
    expect(fresh).toMatchObject({ completeCount: 0, readyToSubmit: false });

    const partial = sampleContent();
    const { gifts: _g, ...withoutGifts } = { ...partial, travel: { nothingToDisclose: false, items: [{ id: crypto.randomUUID() }] } };
    const mixed = disclosureProgress(withoutGifts);
    expect(Object.fromEntries(mixed.sections.map((s) => [s.section, s.state]))).toEqual({
      profile: 'complete',
      appointments: 'complete',
      programmes: 'complete',
      support: 'complete',
      gifts: 'not_started',
      interests: 'complete',
      travel: 'in_progress',
    });
    expect(mixed).toMatchObject({ completeCount: 5, readyToSubmit: false });
  });
});

describe('checkSection (the one check behind the step list and the form\'s summary)', () => {
  it('a state and the issues together: never complete with issues, never issues hidden from the form', () => {
    const content = sampleContent();
    expect(checkSection('travel', content.travel)).toMatchObject({ state: 'complete', issues: [] });
    const broken = { ...content.travel, items: [{ ...content.travel.items[0]!, purpose: '' }] };
    const checked = checkSection('travel', broken);
    expect(checked.state).toBe('in_progress');
    expect(checked.issues).toMatchObject([{ path: 'items.0.purpose', key: 'validation.required' }]);
    expect(sectionProgress('travel', broken).issues.map((i) => i.path)).toEqual(['items.0.purpose']);
  });

  it('raw form values without an items array are not started, and still say what the form must report', () => {
    const checked = checkSection('gifts', { nothingToDisclose: false });
    expect(checked.state).toBe('not_started');
    expect(checked.issues.length).toBeGreaterThan(0);
  });
});
