import fc from 'fast-check';
import {
  birthYearOf, genderOf, personalIdProblem, PROVINCE_CODES, socialInsuranceNumberProblem, taxCheckDigit, taxCodeProblem,
} from '../../platform/identifiers';

const NOW = new Date('2026-11-26T00:00:00Z');
const provinces = Object.keys(PROVINCE_CODES);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A valid personal id with its birth year and gender, born 1900–2026. */
const validPersonalId = fc
  .record({ province: fc.constantFrom(...provinces), year: fc.integer({ min: 1900, max: 2026 }), female: fc.boolean(), serial: digits(6) })
  .map(({ province, year, female, serial }) => ({
    id: `${province}${Math.floor((year - 1900) / 100) * 2 + (female ? 1 : 0)}${pad(year % 100, 2)}${serial}`,
    year,
    female,
  }));

describe('personal identification number (R-ID-1)', () => {
  test('every well-formed id is accepted, and its birth year and gender are read back', () => {
    fc.assert(
      fc.property(validPersonalId, ({ id, year, female }) => {
        expect(personalIdProblem(id, new Date(Date.UTC(year, 5, 1)), NOW)).toBeNull();
        expect(birthYearOf(id)).toBe(year);
        expect(genderOf(id)).toBe(female ? 'FEMALE' : 'MALE');
      }),
    );
  });

  test('a date of birth in another year is refused, naming both years', () => {
    fc.assert(
      fc.property(validPersonalId, fc.integer({ min: 1, max: 80 }), ({ id, year }, delta) => {
        expect(personalIdProblem(id, new Date(Date.UTC(year - delta, 0, 1)), NOW)).toBe(`digits 4–6 say born in ${year}, but the date of birth is in ${year - delta}`);
      }),
    );
  });

  test('a province code outside the official list is refused by name', () => {
    const unknown = fc.integer({ min: 0, max: 999 }).map((n) => pad(n, 3)).filter((p) => !PROVINCE_CODES[p]);
    fc.assert(
      fc.property(unknown, digits(9), (province, rest) => {
        expect(personalIdProblem(`${province}${rest}`, null, NOW)).toBe(`province code ${province} (the first 3 digits) is not in the official list`);
      }),
    );
  });

  test('anything but exactly 12 digits is refused', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/^\d{12}$/.test(s)), (s) => {
        expect(personalIdProblem(s, null, NOW)).toBe('a personal identification number has exactly 12 digits');
      }),
    );
  });

  test('a birth year in the future is refused', () => {
    expect(personalIdProblem('001230012345', null, NOW)).toBe('the century/gender digit and birth year give 2030, which is in the future');
  });
});

describe('tax code (R-ID-1)', () => {
  test('a known real tax code passes: 0100109106', () => {
    expect(taxCodeProblem('0100109106')).toBeNull();
  });

  test('nine digits plus their check digit always pass; any other 10th digit is refused by name', () => {
    fc.assert(
      fc.property(digits(9), fc.integer({ min: 0, max: 9 }), (first9, other) => {
        const check = taxCheckDigit(first9);
        if (check === null) {
          expect(taxCodeProblem(`${first9}${other}`)).toMatch(/admit no check digit/);
          return;
        }
        expect(taxCodeProblem(`${first9}${check}`)).toBeNull();
        if (other !== check) expect(taxCodeProblem(`${first9}${other}`)).toBe(`the 10th digit of a tax code is its check digit: ${check} expected, ${other} given`);
      }),
    );
  });

  test('a branch is a valid tax code plus 001–999, with or without a dash; 000 is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (branch) => {
        expect(taxCodeProblem(`0100109106${pad(branch, 3)}`)).toBeNull();
        expect(taxCodeProblem(`0100109106-${pad(branch, 3)}`)).toBeNull();
      }),
    );
    expect(taxCodeProblem('0100109106000')).toBe('a branch suffix is 001–999, not 000');
  });

  test('other lengths are refused', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/^\d{10}(-?\d{3})?$/.test(s)), (s) => {
        expect(taxCodeProblem(s)).toBe('a tax code has 10 digits, or 13 for a branch (10 + a 3-digit suffix)');
      }),
    );
  });
});

describe('social insurance number (R-ID-1)', () => {
  test('exactly 10 digits', () => {
    fc.assert(fc.property(digits(10), (n) => expect(socialInsuranceNumberProblem(n)).toBeNull()));
    fc.assert(
      fc.property(fc.string().filter((s) => !/^\d{10}$/.test(s)), (s) => {
        expect(socialInsuranceNumberProblem(s)).toBe('a social insurance number has exactly 10 digits');
      }),
    );
  });
});
