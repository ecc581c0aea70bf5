import { dossierFromWire, dossierToWire, procedureFromWire, procedureListFromWire, procedureToWire, WireFormatError } from '../../adapters/npsp/wire';
import type { DossierSyncRecord, NationalProcedure } from '../../adapters/npsp/port';
import { thrown } from '../support/thrown';

/** Issue 17: the portal's messages are zod schemas, and a refusal lists each bad field with its path. */

const at = (iso: string) => new Date(iso);
const dossier: DossierSyncRecord = {
  dossierCode: '000.00.01.H26-260105-0001', syncSeq: 3, procedureCode: '1.010001', procedureName: 'Giải quyết hưởng chế độ thai sản',
  agencyCode: '000.00.01.H26', channel: 'DESK', statusCode: 5, receivedAt: at('2026-01-05T01:02:03Z'), appointmentAt: at('2026-01-12T01:02:03Z'),
  returnedAt: null, updatedAt: at('2026-01-06T01:02:03Z'),
  supplements: [{ requestedAt: at('2026-01-06T02:00:00Z'), reason: 'Thiếu giấy chứng sinh', previousAppointmentAt: at('2026-01-12T01:02:03Z'), receivedAt: null, newAppointmentAt: null }],
};
const procedure: NationalProcedure = {
  code: '1.010001', name: 'Giải quyết hưởng chế độ thai sản', withdrawn: false, updatedAt: at('2026-01-05T01:02:03Z'),
  nameEn: 'Maternity benefit', field: 'Chế độ BHXH', agencyLevels: ['PROVINCIAL'], serviceLevel: 'FULL_ONLINE',
  submissionMethods: ['ONLINE'], processingDays: 7, fees: [], components: [], resultDocuments: ['Quyết định'], legalBasis: [], guide: 'Nộp hồ sơ',
};

const wireError = (decode: () => unknown) => thrown(WireFormatError, decode);

describe('field-level errors of the NPSP wire (issue 17)', () => {
  test('two bad fields of a dossier are reported together, each with its path, message and value', () => {
    const err = wireError(() => dossierFromWire({ ...dossierToWire(dossier), TrangThaiHoSo: 11, NgayHenTra: '20260231000000' }));
    expect(err.fields).toEqual([
      { path: 'HoSo.TrangThaiHoSo', message: 'must be an integer 1-10', got: '11' },
      { path: 'HoSo.NgayHenTra', message: 'must be a date yyyyMMddHHmmss', got: '"20260231000000"' },
    ]);
    expect(err.message).toBe('HoSo.TrangThaiHoSo: must be an integer 1-10 (got 11); HoSo.NgayHenTra: must be a date yyyyMMddHHmmss (got "20260231000000")');
  });

  test('a field inside a list is named by its position; an absent one says it got nothing', () => {
    const w = dossierToWire(dossier);
    const withoutReason: Record<string, unknown> = { ...w.DanhSachHoSoBoSung[0] };
    delete withoutReason.LyDo;
    const err = wireError(() => dossierFromWire({ ...w, MaHoSo: ' ', DanhSachHoSoBoSung: [withoutReason] }));
    expect(err.fields).toEqual([
      { path: 'HoSo.MaHoSo', message: 'must be a non-empty string', got: '" "' },
      { path: 'HoSo.DanhSachHoSoBoSung[0].LyDo', message: 'must be a non-empty string', got: 'nothing' },
    ]);
  });

  test('an unknown code inside an enumeration list is named by its position, beside a bad scalar', () => {
    const err = wireError(() => procedureFromWire({ ...procedureToWire(procedure), CachThucNop: ['TRUC_TUYEN', 'FAX'], ThoiHanGiaiQuyet: -1 }));
    expect(err.fields.map((f) => f.path)).toEqual(['ThuTuc.CachThucNop[1]', 'ThuTuc.ThoiHanGiaiQuyet']);
    expect(err.fields[0]!.message).toBe('must be one of TRUC_TUYEN, TRUC_TIEP, BUU_CHINH');
  });

  test('a page of the procedure list: its lines are read, and a bad line and a bad total are named together', () => {
    const line = { MaTTHC: '1.010001', TenTTHC: 'Thai sản', TrangThai: 'CONG_BO', NgayCapNhat: '20260105080203' };
    expect(procedureListFromWire({ DanhSach: [line], TongSo: 1 })).toEqual({
      items: [{ code: '1.010001', name: 'Thai sản', withdrawn: false, updatedAt: at('2026-01-05T01:02:03Z') }],
      total: 1,
    });
    const err = wireError(() => procedureListFromWire({ DanhSach: [line, { ...line, TrangThai: 'HUY' }], TongSo: 1.5 }));
    expect(err.fields.map((f) => `${f.path}: ${f.message}`)).toEqual(['DanhSach[1].TrangThai: must be one of CONG_BO, BAI_BO', 'TongSo: must be an integer >= 0']);
  });

  test('something other than an object is refused as a whole', () => {
    expect(wireError(() => dossierFromWire(null)).fields).toEqual([{ path: 'HoSo', message: 'must be an object', got: 'null' }]);
  });
});
