// The path kept across sign-in: only this site's own paths survive, whatever a hostile link encodes.
import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInPathFor } from './return-to';

describe('safeReturnPath', () => {
  it('keeps a path of this site with its query', () => {
    expect(safeReturnPath('/review/6f1c1a8e-54b8-4a53-9d2b-5a1f3f2b7c10')).toBe('/review/6f1c1a8e-54b8-4a53-9d2b-5a1f3f2b7c10');
    expect(safeReturnPath('/review?q=%E5%B1%B1%E7%94%B0&status=SUBMITTED')).toBe('/review?q=%E5%B1%B1%E7%94%B0&status=SUBMITTED');
    expect(safeReturnPath('/disclosures/abc/profile')).toBe('/disclosures/abc/profile');
  });

  it('drops the fragment (it never reaches the server anyway) and normalises dot segments', () => {
    expect(safeReturnPath('/review/x/../y')).toBe('/review/y');
  });

  const hostile = [
    'https://evil.example/review',
    'http:/evil.example',
    '//evil.example/review',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%5Cevil.example',
    '/%5C%5Cevil.example',
    '%2F%2Fevil.example',
    '/%2F/evil.example',
    '/%252F%252Fevil.example',
    '/%25252F%25252F%25252F%25252Fevil',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '/%0d%0aSet-Cookie:x=1',
    '/%09/evil.example',
    '/\t/evil.example',
    '/ /evil.example',
    'data:text/html,<script>alert(1)</script>',
    '/%E0%A4%A',
    '',
    'review/x',
    '/signin',
    '/signin?next=/review',
    '/api/auth/signout',
    '/',
    `/${'a'.repeat(3000)}`,
  ];
  for (const raw of hostile) {
    it(`refuses ${JSON.stringify(raw.slice(0, 60))}`, () => {
      expect(safeReturnPath(raw)).toBeNull();
    });
  }

  it('refuses what is not a string', () => {
    for (const raw of [undefined, null, 1, ['/review'], { toString: () => '/review' }]) expect(safeReturnPath(raw)).toBeNull();
  });
});

describe('signInPathFor', () => {
  it('carries a safe path and nothing else', () => {
    expect(signInPathFor('/review/abc?tab=1')).toBe('/signin?next=%2Freview%2Fabc%3Ftab%3D1');
    expect(signInPathFor('//evil.example')).toBe('/signin');
    expect(signInPathFor(null)).toBe('/signin');
    expect(signInPathFor('/review/abc', '/signin/verify')).toBe('/signin/verify?next=%2Freview%2Fabc');
  });
});
