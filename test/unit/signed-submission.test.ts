import { canonicalJson, canonicalSubmission, submissionPayload } from '../../platform/signed-submission';

/** R-ID-4: the bytes an organisation signs for a submission, as README and the SDL describe them. */
describe('the canonical submission an organisation signs (R-ID-4)', () => {
  const base = {
    procedureCode: '1.002001', agencyCode: '000.00.01.H26',
    applicant: { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai' },
    components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai' }],
  };

  test('R-ID-4: exactly the documented fields, keys sorted, defaults filled, no spaces', () => {
    expect(canonicalSubmission(base)).toBe(
      '{"agencyCode":"000.00.01.H26","applicant":{"name":"Công ty TNHH Sao Mai","unitCode":"TA0123A"},'
      + '"components":[{"copies":0,"documentTypeCode":"TK1-TS","name":"Tờ khai","originals":1}],"procedureCode":"1.002001"}',
    );
  });

  test('R-ID-4: absent and null are the same; surrounding spaces and the Unicode form do not change the bytes; the signature itself is not covered', () => {
    const variant = {
      ...base, agencyCode: ' 000.00.01.H26 ', channel: null, organizationSignature: 'a..b',
      applicant: { unitCode: 'TA0123A', personalId: null, name: 'Công ty TNHH Sao Mai'.normalize('NFD') },
      components: [{ documentTypeCode: 'TK1-TS ', name: 'Tờ khai', originals: 1, copies: null }],
    };
    expect(canonicalSubmission(variant)).toBe(canonicalSubmission(base));
  });

  test('R-ID-4: every covered field changes the bytes: procedure, agency, channel, applicant, component counts and order', () => {
    const two = { ...base, components: [...base.components, { documentTypeCode: 'D02-LT', name: 'Danh sách' }] };
    const variants = [
      { ...base, procedureCode: '1.002003' },
      { ...base, agencyCode: '000.00.01.H29' },
      { ...base, channel: 'IVAN' },
      { ...base, applicant: { ...base.applicant, name: 'Công ty TNHH Sao Mai 2' } },
      { ...base, components: [{ ...base.components[0]!, copies: 1 }] },
      two,
      { ...two, components: [...two.components].reverse() },
    ];
    const all = [base, ...variants].map(canonicalSubmission);
    expect(new Set(all).size).toBe(all.length);
  });

  test('R-ID-4: canonical JSON sorts keys at every level and leaves array order alone', () => {
    expect(canonicalJson({ b: [2, 1], a: { d: 'x', c: null } })).toBe('{"a":{"c":null,"d":"x"},"b":[2,1]}');
    expect(submissionPayload(base)).not.toHaveProperty('channel');
  });
});
