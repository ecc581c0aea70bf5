import QRCode from 'qrcode';
import { renderPdf } from '../../../platform/pdf';
import { vietnamDate } from '../../../platform/vietnam-time';
import type { DossierRecord } from '../models/dossier';

/**
 * The receipt and result-return slip (phiếu tiếp nhận và hẹn trả kết quả, R-DOS-2; 352 Art. 5.6),
 * made from the dossier record: code with a QR code of it, procedure, applicant, received and
 * appointment dates, components received, receiving agency.
 */
const CHANNEL_LABEL: Record<string, string> = {
  DESK: 'Trực tiếp tại Bộ phận Một cửa',
  POSTAL: 'Qua dịch vụ bưu chính công ích',
  ONLINE: 'Trực tuyến (Cổng Dịch vụ công BHXH)',
  NATIONAL_PORTAL: 'Trực tuyến (Cổng Dịch vụ công quốc gia)',
  IVAN: 'Qua tổ chức I-VAN',
};

export function renderReceiptSlip(d: DossierRecord): Promise<Buffer> {
  return renderPdf({ Title: `Phiếu tiếp nhận hồ sơ ${d.code}`, Author: 'Bảo hiểm xã hội Việt Nam' }, (doc) => {
    const width = doc.page.width - 2 * 56;
    doc.font('bold').fontSize(11).text('BẢO HIỂM XÃ HỘI VIỆT NAM', { align: 'left' });
    doc.font('regular').fontSize(9).text(`Cơ quan tiếp nhận: ${d.receivingAgencyCode}`);
    doc.moveDown(1.2);
    doc.font('bold').fontSize(15).text('PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { align: 'center', width });
    doc.moveDown(0.8);

    // The QR code carries the dossier code, drawn as vector squares at the top right.
    const qr = QRCode.create(d.code, { errorCorrectionLevel: 'M' });
    const cell = 2.6;
    const qrX = 56 + width - qr.modules.size * cell;
    const qrY = doc.y;
    for (let row = 0; row < qr.modules.size; row++) {
      for (let col = 0; col < qr.modules.size; col++) {
        if (qr.modules.get(row, col)) doc.rect(qrX + col * cell, qrY + row * cell, cell, cell).fill('#000');
      }
    }
    doc.fillColor('#000');

    const line = (label: string, value: string) => {
      doc.font('bold').fontSize(10.5).text(`${label}: `, { continued: true, width: width - qr.modules.size * cell - 12 });
      doc.font('regular').text(value);
      doc.moveDown(0.25);
    };
    const applicantId = d.applicant.personalId ? `Số định danh cá nhân ${d.applicant.personalId}` : `Mã đơn vị ${d.applicant.unitCode}`;
    line('Mã hồ sơ', d.code);
    line('Thủ tục', `${d.procedureCode} – ${d.procedureName}`);
    line(d.applicant.kind === 'CITIZEN' ? 'Người nộp' : 'Đơn vị nộp', `${d.applicant.name} (${applicantId})`);
    line('Hình thức nộp', CHANNEL_LABEL[d.channel] ?? d.channel);
    line('Ngày tiếp nhận', vietnamDate(d.receivedAt, true));
    line('Ngày hẹn trả kết quả', vietnamDate(d.appointmentAt, true));
    doc.y = Math.max(doc.y, qrY + qr.modules.size * cell + 8);

    doc.moveDown(0.6);
    doc.font('bold').fontSize(10.5).text('Thành phần hồ sơ đã nhận:');
    doc.font('regular');
    d.components.forEach((c, i) => {
      doc.text(`${i + 1}. ${c.name} (${c.documentTypeCode}) – bản chính: ${c.originals}, bản sao: ${c.copies}`, { indent: 12 });
    });
    doc.moveDown(1);
    doc.fontSize(9).text(`Tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công bằng mã hồ sơ, hoặc nhắn tin "HS ${d.code}".`, { width });
  });
}
