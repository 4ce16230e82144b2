import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { itemRef, parseItemRef } from './item-refs';
import { listOrganisations, organisationFields } from './organisations';
import { sampleContent } from './sample';
import { completeSchemas, repeatingSectionKeys } from './sections';

describe('listOrganisations', () => {
  it('lists every organisation reference with a stable item reference, in content order', () => {
    const content = sampleContent();
    const [a, p, s, t] = [
      content.appointments.items[0]!,
      content.programmes.items[0]!,
      content.support.items[0]!,
      content.travel.items[0]!,
    ];
    expect(listOrganisations(content)).toEqual([
      {
        itemRef: `appointments/${a.id}/organisation`,
        section: 'appointments',
        itemId: a.id,
        field: 'organisation',
        name: 'Beijing Institute of Technology',
        nameLocal: '北京理工大学',
        country: 'CN',
      },
      { itemRef: `programmes/${p.id}/programme`, section: 'programmes', itemId: p.id, field: 'programme', name: 'Example Talent Programme', country: 'CN' },
      { itemRef: `programmes/${p.id}/sponsor`, section: 'programmes', itemId: p.id, field: 'sponsor', name: 'Beihang University', nameLocal: '北京航空航天大学', country: 'CN' },
      { itemRef: `support/${s.id}/source`, section: 'support', itemId: s.id, field: 'source', name: 'Japan Society for the Promotion of Science', nameLocal: '日本学術振興会', country: 'JP' },
      { itemRef: `support/${s.id}/placeOfPerformance`, section: 'support', itemId: s.id, field: 'placeOfPerformance', name: 'Example University', country: 'JP' },
      { itemRef: `travel/${t.id}/sponsor`, section: 'travel', itemId: t.id, field: 'sponsor', name: 'Harbin Institute of Technology', country: 'CN' },
    ]);
  });

  it('keeps the registry entity, trims names and skips references not yet filled in a draft', () => {
    const entityId = crypto.randomUUID();
    const [g1, g2, g3] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const found = listOrganisations({
      gifts: {
        nothingToDisclose: false,
        items: [
          { id: g1, source: { entityId, name: '  Tsinghua University ', nameLocal: ' ', country: 'CN' } },
          { id: g2, source: { name: '   ' } },
          { id: g3 },
        ],
      },
    });
    expect(found).toEqual([
      { itemRef: `gifts/${g1}/source`, section: 'gifts', itemId: g1, field: 'source', entityId, name: 'Tsinghua University', country: 'CN' },
    ]);
  });

  it('the field list covers every organisation reference in the schemas', () => {
    for (const section of repeatingSectionKeys) {
      const item = completeSchemas[section].shape.items.element as unknown as z.ZodObject;
      const orgFields = Object.entries(item.shape)
        .filter(([, schema]) => {
          const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
          return inner instanceof z.ZodObject && 'nameLocal' in inner.shape && 'entityId' in inner.shape;
        })
        .map(([name]) => name);
      expect(orgFields, section).toEqual([...organisationFields[section]]);
    }
  });
});

describe('item references', () => {
  it('round-trip, with or without a field', () => {
    const id = crypto.randomUUID();
    expect(itemRef('support', id)).toBe(`support/${id}`);
    expect(parseItemRef(itemRef('support', id))).toEqual({ section: 'support', itemId: id });
    expect(parseItemRef(itemRef('travel', id, 'sponsor'))).toEqual({ section: 'travel', itemId: id, field: 'sponsor' });
  });

  it('refuse what is not an item of a repeating section', () => {
    for (const ref of ['', 'support', 'profile/x', 'unknown/x', 'travel/x/sponsor/name', '/x']) {
      expect(parseItemRef(ref), ref).toBeNull();
    }
  });
});
