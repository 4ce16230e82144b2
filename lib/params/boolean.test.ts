import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { reportFrame } from '@/lib/reports/frame';
import { parseRecordFilter } from '@/lib/reports/params';
import { createUser } from '@/lib/seed/factories';
import { actorFor } from '@/test/helpers/actors';
import { booleanParam, readBooleanParam } from './boolean';

describe('the shared boolean parameter', () => {
  it('is true or false, and refuses every other spelling instead of reading it as false', () => {
    expect(booleanParam.parse('true')).toBe(true);
    expect(booleanParam.parse('false')).toBe(false);
    expect(booleanParam.parse(true)).toBe(true);
    for (const v of ['True', 'FALSE', '1', '0', 'on', 'yes', '', ' true', null, 1]) expect(booleanParam.safeParse(v).success, String(v)).toBe(false);
  });

  it('reads a page parameter: absent is false, a bad spelling is null (the page answers 404)', () => {
    expect(readBooleanParam(undefined)).toBe(false);
    expect(readBooleanParam('true')).toBe(true);
    expect(readBooleanParam('1')).toBeNull();
    expect(readBooleanParam(['true', 'false'])).toBeNull();
  });

  it('is what the report pages parse: pub=True is an error, never the named variant', () => {
    expect(parseRecordFilter(new URLSearchParams('pub=True')).success).toBe(false);
    expect(parseRecordFilter(new URLSearchParams('pub=1')).success).toBe(false);
    expect(parseRecordFilter(new URLSearchParams('flagged=on')).success).toBe(false);
    expect(parseRecordFilter(new URLSearchParams('pub=true&flagged=true')).data).toMatchObject({ publication: true, flagged: true });
    expect(parseRecordFilter(new URLSearchParams('')).data).toMatchObject({ publication: false });
  });
});

describe('the report pages', () => {
  it('answer 404 to a malformed filter instead of showing the default (named) variant', async () => {
    const auditor = await db.$transaction((tx) => createUser(tx, { roles: [{ role: 'AUDITOR', allInstitutions: true }] }));
    const actor = await actorFor(auditor.id);
    for (const pub of ['True', '1', 'on', '']) {
      await expect(reportFrame(actor, { pub }, 'en')).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
    }
    await expect(reportFrame(actor, { pub: 'true' }, 'en')).resolves.toMatchObject({ filter: { publication: true } });
  });
});
