import { describe, expect, it } from 'vitest';
import { suppressAmount, suppressBreakdown, suppressCount } from './suppress';

const pub = { on: true, minimum: 5 };
const off = { on: false, minimum: 5 };

describe('small-count suppression', () => {
  it('withholds counts from 1 to minimum − 1, never zero or larger counts', () => {
    expect([0, 1, 4, 5, 12].map((n) => suppressCount(n, pub))).toEqual([
      { n: 0, suppressed: false },
      { n: null, suppressed: true },
      { n: null, suppressed: true },
      { n: 5, suppressed: false },
      { n: 12, suppressed: false },
    ]);
    expect(suppressCount(1, off)).toEqual({ n: 1, suppressed: false });
  });

  it('withholds a second cell when one alone would be recoverable from the total', () => {
    expect(suppressBreakdown([3, 20, 7, 0], pub).map((c) => c.n)).toEqual([null, 20, null, 0]);
    expect(suppressBreakdown([3, 2, 20], pub).map((c) => c.n)).toEqual([null, null, 20]);
    expect(suppressBreakdown([30, 20], pub).map((c) => c.n)).toEqual([30, 20]);
    expect(suppressBreakdown([3, 20], off).map((c) => c.n)).toEqual([3, 20]);
  });

  it('withholds amounts that rest on a withheld count', () => {
    expect(suppressAmount(767_900_000n, 2, pub)).toBeNull();
    expect(suppressAmount(767_900_000n, 13, pub)).toBe(767_900_000n);
    expect(suppressAmount(767_900_000n, 2, off)).toBe(767_900_000n);
  });
});
