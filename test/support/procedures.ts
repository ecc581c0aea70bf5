import type { ProcedureContentRecord } from '../../subgraphs/procedures/models/procedure';

/** A complete procedure's content (R-PRO-1), with any fields changed. */
export const procedureContent = (over: Partial<ProcedureContentRecord> = {}): ProcedureContentRecord => ({
  name: 'Giải quyết hưởng trợ cấp ốm đau',
  nameEn: 'Sickness allowance',
  field: 'Chế độ BHXH',
  agencyLevels: ['DISTRICT'],
  serviceLevel: 'FULL_ONLINE',
  submissionMethods: ['ONLINE', 'DESK'],
  processingDays: 6,
  fees: [],
  components: [{ documentTypeCode: '01B-HSB', name: 'Danh sách đề nghị hưởng chế độ ốm đau', originals: 1, copies: 0, formTemplate: null }],
  resultDocuments: ['Quyết định hưởng'],
  legalBasis: ['Luật Bảo hiểm xã hội số 41/2024/QH15'],
  guide: 'Nộp trực tuyến.',
  ...over,
});
