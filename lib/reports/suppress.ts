// Small-count suppression for the "for publication" variant of a report. Pure, so the rule is tested
// on its own:
// - primary: a count from 1 to minimum − 1 is withheld (shown as "< minimum"); zero is shown;
// - secondary: in a breakdown whose total is published, a single withheld cell could be recovered by
//   subtraction, so the next-smallest non-zero cell is withheld with it;
// - an amount (a total or the largest grant) resting on a withheld count is withheld too.
// A suppressed value is null here: the number itself never reaches the page, the API or the file.

export interface Count {
  n: number | null;
  suppressed: boolean;
}

export interface Suppression {
  on: boolean;
  minimum: number;
}

export const NO_SUPPRESSION: Suppression = { on: false, minimum: 0 };

const shown = (n: number): Count => ({ n, suppressed: false });
const withheld: Count = { n: null, suppressed: true };

export function suppressCount(n: number, s: Suppression): Count {
  return s.on && n > 0 && n < s.minimum ? withheld : shown(n);
}

/** Cells of one breakdown whose total is also shown. */
export function suppressBreakdown(values: readonly number[], s: Suppression): Count[] {
  const out = values.map((n) => suppressCount(n, s));
  if (!s.on) return out;
  const hidden = out.filter((c) => c.suppressed).length;
  if (hidden === 1) {
    let pick = -1;
    values.forEach((n, i) => {
      if (!out[i]!.suppressed && n > 0 && (pick < 0 || n < values[pick]!)) pick = i;
    });
    if (pick >= 0) out[pick] = withheld;
  }
  return out;
}

export function suppressAmount(amount: bigint | null, basedOn: number, s: Suppression): bigint | null {
  return s.on && basedOn > 0 && basedOn < s.minimum ? null : amount;
}
