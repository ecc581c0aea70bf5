import { MAX_SMS_LENGTH, parseLookup, statusReply, SYNTAX_REPLY, unknownCodeReply } from '../../subgraphs/dossiers/services/sms-lookup';
import { withoutDiacritics } from '../../platform/text';

const GSM_SAFE = /^[\x20-\x7E]*$/;
const dossier = (status: string, returnedAt: Date | null = null) => ({
  code: '000.00.01.H26-261126-0001',
  status,
  appointmentAt: new Date('2026-12-03T10:00:00+07:00'),
  returnedAt,
  handlingAgencyCode: '000.00.01.H26',
});

describe('SMS status lookup (R-DOS-4)', () => {
  test('"HS <code>" is understood whatever the case and spacing; anything else is not', () => {
    expect(parseLookup('HS 000.00.01.H26-261126-0001')).toBe('000.00.01.H26-261126-0001');
    expect(parseLookup('  hs   000.00.01.h26-261126-0001 ')).toBe('000.00.01.H26-261126-0001');
    expect(parseLookup('HS')).toBeNull();
    expect(parseLookup('tra cuu 000.00.01.H26-261126-0001')).toBeNull();
  });

  test.each(['RECEIVED', 'PROCESSING', 'RESULT_READY', 'RESULT_RETURNED', 'REJECTED'])(
    'the %s reply is Vietnamese without diacritics, at most 160 characters, with the dates of Art. 12',
    (status) => {
      const reply = statusReply(dossier(status, status === 'RESULT_RETURNED' ? new Date('2026-12-01T09:00:00+07:00') : null));
      expect(reply.length).toBeLessThanOrEqual(MAX_SMS_LENGTH);
      expect(reply).toMatch(GSM_SAFE);
      expect(reply).toContain('HS 000.00.01.H26-261126-0001: BHXH');
      expect(reply).toContain(status === 'RESULT_RETURNED' ? 'Tra KQ 01/12/2026' : 'Hen tra 03/12/2026');
    },
  );

  test('an unknown code and a malformed message get a clear reply', () => {
    expect(unknownCodeReply('ABC')).toBe('Khong tim thay ho so ABC. Kiem tra lai ma tren phieu tiep nhan.');
    expect(SYNTAX_REPLY).toMatch(GSM_SAFE);
    expect(SYNTAX_REPLY.length).toBeLessThanOrEqual(MAX_SMS_LENGTH);
  });

  test('diacritics are removed, đ included', () => {
    expect(withoutDiacritics('Bảo hiểm xã hội Đà Nẵng đã tiếp nhận')).toBe('Bao hiem xa hoi Da Nang da tiep nhan');
  });
});
