import fc from 'fast-check';
import { dossierFromWire, dossierToWire, fromPortalDate, procedureFromWire, procedureToWire, toPortalDate, WireFormatError } from '../../adapters/npsp/wire';
import type { DossierSyncRecord, NationalProcedure } from '../../adapters/npsp/port';

/** The national portal's dates: yyyyMMddHHmmss on the Vietnam clock (UTC+7, no DST). R-INT-2, R-PRO-3. */
describe('portal dates', () => {
  test('a known instant is written in Asia/Ho_Chi_Minh and read back', () => {
    expect(toPortalDate(new Date('2026-01-05T01:02:03Z'))).toBe('20260105080203');
    expect(fromPortalDate('20260105080203')).toEqual(new Date('2026-01-05T01:02:03Z'));
  });

  test('midnight in Vietnam is 17:00 UTC the day before: the day turns at 17:00Z, not at 00:00Z', () => {
    expect(toPortalDate(new Date('2026-01-04T16:59:59Z'))).toBe('20260104235959');
    expect(toPortalDate(new Date('2026-01-04T17:00:00Z'))).toBe('20260105000000');
    expect(fromPortalDate('20260105000000')).toEqual(new Date('2026-01-04T17:00:00Z'));
    // New Year in Vietnam, while it is still 31 December in UTC.
    expect(toPortalDate(new Date('2025-12-31T17:00:00Z'))).toBe('20260101000000');
    expect(toPortalDate(new Date('2026-01-05T00:00:00Z'))).toBe('20260105070000');
  });

  test('milliseconds are dropped, never rounded into the next second', () => {
    expect(toPortalDate(new Date('2026-01-04T16:59:59.999Z'))).toBe('20260104235959');
  });

  test('any whole-second instant of 1970–2199 survives the round trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7_258_118_399 }), (seconds) => {
        const d = new Date(seconds * 1000);
        const wire = toPortalDate(d);
        expect(wire).toMatch(/^\d{14}$/);
        expect(fromPortalDate(wire)).toEqual(d);
      }),
    );
  });

  test.each([
    ['empty', ''],
    ['13 digits', '2026010508020'],
    ['15 digits', '202601050802030'],
    ['ISO form', '2026-01-05T08:02:03'],
    ['separators', '2026/01/05 08:02:03'],
    ['a letter', '2026010508020a'],
    ['leading space', ' 20260105080203'],
    ['month 13', '20261305080203'],
    ['month 00', '20260005080203'],
    ['30 February', '20260230080203'],
    ['29 February of a common year', '20250229000000'],
    ['hour 24', '20260105240000'],
    ['minute 60', '20260105086000'],
    ['second 60', '20260105080260'],
    ['day 00', '20260100080203'],
  ])('malformed (%s) is refused, not shifted', (_why, s) => {
    expect(() => fromPortalDate(s)).toThrow(WireFormatError);
  });

  test('29 February of a leap year is a real date', () => {
    expect(fromPortalDate('20280229120000')).toEqual(new Date('2028-02-29T05:00:00Z'));
  });

  test('non-strings and invalid Dates are refused both ways', () => {
    expect(() => fromPortalDate(20260105080203 as unknown as string)).toThrow(WireFormatError);
    expect(() => fromPortalDate(null as unknown as string)).toThrow(WireFormatError);
    expect(() => toPortalDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('records on the wire', () => {
  const at = (iso: string) => new Date(iso);
  const procedure: NationalProcedure = {
    code: '1.010001', name: 'Giải quyết hưởng chế độ thai sản', withdrawn: true, updatedAt: at('2026-01-05T01:02:03Z'),
    nameEn: null, field: 'Chế độ BHXH', agencyLevels: ['CENTRAL', 'PROVINCIAL', 'DISTRICT'], serviceLevel: 'OFFLINE',
    submissionMethods: ['POSTAL', 'DESK'], processingDays: 0, fees: [{ description: 'Lệ phí', amountVnd: 0 }],
    components: [{ documentTypeCode: 'GCS', name: 'Giấy chứng sinh', originals: 0, copies: 1, formTemplate: null }],
    resultDocuments: [], legalBasis: ['Luật Bảo hiểm xã hội số 41/2024/QH15'], guide: '',
  };

  test('a procedure keeps every field through the wire, with the documented enumeration codes', () => {
    const w = procedureToWire(procedure);
    expect(w).toMatchObject({ TrangThai: 'BAI_BO', CapThucHien: ['TRUNG_UONG', 'TINH', 'HUYEN'], MucDoDVC: 'KHONG_TRUC_TUYEN', CachThucNop: ['BUU_CHINH', 'TRUC_TIEP'], TenTTHCTiengAnh: '', NgayCapNhat: '20260105080203' });
    expect(procedureFromWire(JSON.parse(JSON.stringify(w)))).toEqual(procedure);
  });

  test('an unknown enumeration code or a missing field is refused, naming each', () => {
    const w = { ...procedureToWire(procedure), MucDoDVC: 'MUC_DO_4', CapThucHien: ['XA'] } as Record<string, unknown>;
    delete w.LinhVuc;
    expect(() => procedureFromWire(w)).toThrow(/ThuTuc\.LinhVuc.*ThuTuc\.CapThucHien.*ThuTuc\.MucDoDVC/);
  });

  test('a dossier record: absent dates are "", status must be 1–10, every bad field is named', () => {
    const d: DossierSyncRecord = {
      dossierCode: '000.00.01.H26-260105-0001', syncSeq: 1, procedureCode: '1.010001', procedureName: 'Giải quyết hưởng chế độ thai sản',
      agencyCode: '000.00.01.H26', channel: 'DESK', statusCode: 2, receivedAt: at('2026-01-05T01:02:03Z'), appointmentAt: at('2026-01-12T01:02:03Z'),
      returnedAt: null, updatedAt: at('2026-01-05T01:02:03Z'),
      supplements: [{ requestedAt: at('2026-01-06T02:00:00Z'), reason: 'Thiếu giấy chứng sinh', previousAppointmentAt: at('2026-01-12T01:02:03Z'), receivedAt: null, newAppointmentAt: null }],
    };
    const w = dossierToWire(d);
    expect(w).toMatchObject({ NgayTra: '', DanhSachHoSoBoSung: [{ NgayBoSung: '', NgayHenTraMoi: '' }] });
    expect(dossierFromWire(JSON.parse(JSON.stringify(w)))).toEqual(d);
    expect(() => dossierFromWire({ ...w, TrangThaiHoSo: 11, NgayHenTra: '20260231000000', SoThuTuDongBo: 0 })).toThrow(/SoThuTuDongBo.*TrangThaiHoSo.*NgayHenTra/);
    expect(() => dossierFromWire({ ...w, DanhSachHoSoBoSung: [{ ...w.DanhSachHoSoBoSung[0], NgayYeuCau: '' }] })).toThrow(/HoSo\.DanhSachHoSoBoSung\[0\]\.NgayYeuCau/);
  });
});
