import { renderPdf } from '../../../platform/pdf';
import { vietnamDate } from '../../../platform/vietnam-time';
import type { MetadataRecord } from '../models/document';

/**
 * The electronic result notice of a dossier (kết quả giải quyết TTHC bản điện tử, Art. 12), one
 * A4 page made from its Art. 9.2 metadata; the agency's signature over it travels beside it.
 */
export function renderResultDocument(m: MetadataRecord, dossierCode: string, digitisationCode: string): Promise<Buffer> {
  return renderPdf({ Title: m.name, Author: m.issuingAuthority, CreationDate: m.issuedOn, ModDate: m.issuedOn }, (doc) => {
    doc.font('bold').fontSize(11).text('BẢO HIỂM XÃ HỘI VIỆT NAM');
    doc.font('regular').fontSize(9).text(`Cơ quan giải quyết: ${m.issuingAuthority}`);
    doc.moveDown(1.2);
    doc.font('bold').fontSize(15).text('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', { align: 'center' });
    doc.moveDown(0.8);
    const owner = m.owner.personalId ? `Số định danh cá nhân ${m.owner.personalId}` : `Mã đơn vị ${m.owner.unitCode}`;
    const lines: [string, string][] = [
      ['Mã kết quả số hóa', digitisationCode], ['Mã hồ sơ', dossierCode], ['Tên giấy tờ', m.name], ['Số, ký hiệu', m.numberSymbol],
      ['Chủ sở hữu', owner], ['Ngày cấp', vietnamDate(m.issuedOn)], ['Cơ quan cấp', m.issuingAuthority], ['Trích yếu', m.summary],
    ];
    for (const [label, value] of lines) {
      doc.font('bold').fontSize(10.5).text(`${label}: `, { continued: true });
      doc.font('regular').text(value);
      doc.moveDown(0.25);
    }
    doc.moveDown(1);
    doc.font('regular').fontSize(9).text('Văn bản điện tử được ký số bởi cơ quan BHXH; chữ ký số đi kèm tệp và được kiểm tra mỗi lần đọc.');
  });
}
