import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES, decodeCursor, encodeCursor, parseQueueParams, queueQueryString, statusesOf } from './queue-params';

const ID = '0b6c2a53-0d6f-4f55-9c1e-6d3c8f0a1b2c';

describe('queue URL parameters', () => {
  it('default to open work, oldest first, no filters', () => {
    const p = parseQueueParams({});
    expect(p).toEqual({ status: [], severity: [] });
    expect(statusesOf(p)).toEqual(OPEN_STATUSES);
  });

  it('read repeated and comma-separated values, from a record or URLSearchParams', () => {
    const fromRecord = parseQueueParams({ status: ['APPROVED', 'FLAGGED'], severity: 'FLAG,REVIEW', sort: 'severity', q: '  北京  ' });
    const fromUrl = parseQueueParams(new URLSearchParams('status=APPROVED&status=FLAGGED&severity=FLAG,REVIEW&sort=severity&q=%20%20北京%20%20'));
    expect(fromRecord).toEqual(fromUrl);
    expect(fromRecord).toMatchObject({ status: ['APPROVED', 'FLAGGED'], severity: ['FLAG', 'REVIEW'], sort: 'severity', q: '北京' });
  });

  it('drop invalid values instead of failing (a bookmarked link still opens)', () => {
    const p = parseQueueParams({ status: ['DRAFT', 'SUBMITTED', 'nope'], severity: 'HIGH', cycle: 'x', dept: '', assignee: 'someone', sort: 'random', rule: 'a b', watch: 'maybe', q: 'x'.repeat(101) });
    expect(p).toEqual({ status: ['SUBMITTED'], severity: [] });
    expect(parseQueueParams({ assignee: 'me' }).assignee).toBe('me');
    expect(parseQueueParams({ assignee: ID }).assignee).toBe(ID);
    expect(parseQueueParams({ rule: 'TALENT_PROGRAMME' }).rule).toBe('TALENT_PROGRAMME');
  });

  it('write back a stable query string that parses to the same view', () => {
    const p = parseQueueParams({ q: '佐藤', status: ['RETURNED'], cycle: ID, sort: 'deadline', watch: 'pending' });
    const text = queueQueryString(p, { cursor: 'abc' });
    expect(text).toBe(`?cycle=${ID}&status=RETURNED&watch=pending&q=%E4%BD%90%E8%97%A4&sort=deadline&cursor=abc`);
    expect(parseQueueParams(new URLSearchParams(text.slice(1)))).toEqual({ ...p, cursor: 'abc' });
    expect(queueQueryString(parseQueueParams({}))).toBe('');
  });

  it('carry an opaque cursor that only its own sort accepts', () => {
    const c = { sort: 'severity' as const, bucket: 'REVIEW', at: '2026-06-01 12:34:56.123456+00', id: ID };
    const text = encodeCursor(c);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text, 'severity')).toEqual(c);
    expect(decodeCursor(text, 'oldest')).toBeNull();
    expect(decodeCursor('garbage', 'severity')).toBeNull();
    expect(decodeCursor(encodeCursor({ ...c, at: "'; DROP TABLE x; --" }), 'severity')).toBeNull();
  });
});
