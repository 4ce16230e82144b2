// Issue 12, item 8 (roster preview): the preview told institution A's administrator that an email or
// e-Rad number is registered at another institution. Decision (documented in lib/admin/roster.ts and
// the README): a row that collides with anyone outside the administrator's reach is "cannot be imported
// here", one reason whatever collided (email, e-Rad number or ORCID iD) and wherever; nothing of the
// other person reaches the preview. Collisions inside their own institution are still named.
import { describe, expect, it } from 'vitest';
import { previewRosterAction } from '@/lib/admin/roster-actions';
import { runAction } from '@/lib/actions/action';
import { adminWorld, makeActor } from '@/test/helpers/actors';

const HEADER = 'email,name_kanji,name_kana,name_romaji,department_code,position,erad_number,orcid';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';

describe('roster preview says only what is in the administrator’s scope', () => {
  it('an email, e-Rad number or ORCID iD registered at another institution all read the same, and reveal nothing', async () => {
    const w = await adminWorld();
    const atB = await makeActor({ displayName: 'Secret Person B', roles: [{ role: 'RESEARCHER', institutionId: w.b.id }], email: 'b.person@example.ac.jp', profile: { institutionId: w.b.id, eradNumber: '55556666', orcid: '0000-0002-1825-0097' } });
    const atA = await makeActor({ roles: [{ role: 'RESEARCHER', institutionId: w.a.id }], email: 'a.person@example.ac.jp', profile: { institutionId: w.a.id, eradNumber: '77778888' } });
    const text = csv(
      'b.person@example.ac.jp,誰か,,Someone,ENG,教授,,', // B's email
      'new.one@example.ac.jp,新人 一,,Hajime Shinjin,ENG,教授,55556666,', // B's e-Rad number
      'new.two@example.ac.jp,新人 二,,Futa Shinjin,ENG,教授,,0000-0002-1825-0097', // B's ORCID iD
      'new.three@example.ac.jp,新人 三,,Mitsu Shinjin,ENG,教授,77778888,', // A's own researcher's e-Rad number
    );
    const res = await runAction(previewRosterAction.definition, w.adminA, { institutionId: w.a.id, csv: text, fileName: 'roster.csv', sendInvites: false });
    if (!res.ok) throw new Error(JSON.stringify(res));
    const reasons = res.data.rows.map((r) => [r.email, r.rejections.map((x) => x.reason)]);
    expect(reasons).toEqual([
      ['b.person@example.ac.jp', ['notImportableHere']],
      ['new.one@example.ac.jp', ['notImportableHere']],
      ['new.two@example.ac.jp', ['notImportableHere']],
      ['new.three@example.ac.jp', ['eradTaken']],
    ]);
    const shown = JSON.stringify(res.data);
    for (const secret of [atB.userId, atB.displayName, w.b.id, 'otherInstitution', 'orcidTaken']) expect(shown).not.toContain(secret);
    expect(shown).not.toContain(atA.userId);
    // The system administrator, whose reach is everything, is told exactly what collided.
    const sys = await runAction(previewRosterAction.definition, w.system, { institutionId: w.a.id, csv: text, fileName: 'roster.csv', sendInvites: false });
    if (!sys.ok) throw new Error(JSON.stringify(sys));
    expect(sys.data.rows.map((r) => r.rejections.map((x) => x.reason))).toEqual([['notImportableHere'], ['eradTaken'], ['orcidTaken'], ['eradTaken']]);
  });
});
