import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { renderReceiptSlip } from '../../subgraphs/dossiers/services/receipt';
import { principals } from '../support/harness';
import { dossiersWorld, HN } from '../support/dossiers';

let w: Awaited<ReturnType<typeof dossiersWorld>>;
beforeAll(async () => {
  w = await dossiersWorld({ redisDb: 12 });
});
afterAll(() => w.close());

const textOf = (pdf: Buffer) => {
  const run = spawnSync(process.execPath, [path.join(__dirname, '../support/pdf-text.mjs')], { input: pdf, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
};

describe('receipt slip (R-DOS-2)', () => {
  test('the PDF carries code, procedure, applicant, dates, components and agency, in Vietnamese', async () => {
    const d = await w.receive(
      {
        procedureCode: '1.002004',
        channel: 'DESK',
        applicant: { personalId: '001090012345', name: 'Nguyễn Thị Lan' },
        components: [
          { documentTypeCode: 'GCS', name: 'Giấy chứng sinh', originals: 0, copies: 1 },
          { documentTypeCode: '01B-HSB', name: 'Đơn đề nghị hưởng chế độ thai sản', originals: 1, copies: 0 },
        ],
      },
      principals.officer,
      new Date('2026-02-12T10:00:00+07:00'),
    );
    const pdf = await renderReceiptSlip(d);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = textOf(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${d.code}`,
      '1.002004 – Giải quyết hưởng chế độ thai sản',
      'Nguyễn Thị Lan (Số định danh cá nhân 001090012345)',
      'Ngày tiếp nhận: 12/02/2026 10:00',
      'Ngày hẹn trả kết quả: 27/02/2026 10:00', // 6 working days, across Tết
      '1. Giấy chứng sinh (GCS) – bản chính: 0, bản sao: 1',
      '2. Đơn đề nghị hưởng chế độ thai sản (01B-HSB) – bản chính: 1, bản sao: 0',
      `Cơ quan tiếp nhận: ${HN}`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  test('the dossier says where to get its slip', async () => {
    const d = await w.receive();
    const res = await w.h.exec(`{ dossier(code: "${d.code}") { receiptUrl } }`);
    expect(res.data?.dossier).toEqual({ receiptUrl: `/receipts/${encodeURIComponent(d.code)}.pdf` });
  });
});
