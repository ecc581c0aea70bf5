import type { ProcedureContentRecord, ProcedureStatus } from '../subgraphs/procedures/models/procedure';
/**
 * Demo data for local runs: VSS's structure as far as it is public, plausible otherwise.
 * Agency codes follow the QCVN 102:2016 shape; they are illustrative, not the official list.
 */
export const DEMO = {
  officerAgency: '000.00.01.H26',
  ivanProvider: 'IVAN-0001',
  citizenPersonalId: '001090012345',
};

export const AGENCIES = [
  {
    code: '000.00.00.G12',
    name: 'Bảo hiểm xã hội Việt Nam',
    nameEn: 'Vietnam Social Security',
    level: 'CENTRAL',
    parentCode: null,
    departments: [
      { code: 'BTHCS', name: 'Ban Thực hiện chính sách bảo hiểm xã hội' },
      { code: 'BQLT', name: 'Ban Quản lý Thu - Sổ, Thẻ' },
      { code: 'TTTN', name: 'Trung tâm Tiếp nhận và Trả kết quả' },
    ],
  },
  {
    code: '000.00.01.H26',
    name: 'Bảo hiểm xã hội thành phố Hà Nội',
    nameEn: 'Hanoi Social Security',
    level: 'PROVINCIAL',
    parentCode: '000.00.00.G12',
    departments: [
      { code: 'MC', name: 'Bộ phận Một cửa' },
      { code: 'QLT', name: 'Phòng Quản lý Thu - Sổ, Thẻ' },
      { code: 'CD', name: 'Phòng Chế độ bảo hiểm xã hội' },
    ],
  },
  {
    code: '000.00.01.H29',
    name: 'Bảo hiểm xã hội Thành phố Hồ Chí Minh',
    nameEn: 'Ho Chi Minh City Social Security',
    level: 'PROVINCIAL',
    parentCode: '000.00.00.G12',
    departments: [
      { code: 'MC', name: 'Bộ phận Một cửa' },
      { code: 'QLT', name: 'Phòng Quản lý Thu - Sổ, Thẻ' },
      { code: 'CD', name: 'Phòng Chế độ bảo hiểm xã hội' },
    ],
  },
  {
    code: '001.01.01.H26',
    name: 'Bảo hiểm xã hội cơ sở Ba Đình',
    nameEn: 'Ba Dinh Social Security Office',
    level: 'DISTRICT',
    parentCode: '000.00.01.H26',
    departments: [{ code: 'MC', name: 'Bộ phận Một cửa' }],
  },
] as const;

/** Employers of the demo dossiers; tax codes carry valid check digits (R-ID-1). */
export const ORGANIZATIONS = [
  { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai', taxCode: '0101234565' },
  { unitCode: 'YN0456B', name: 'Công ty Cổ phần Bến Thành', taxCode: '0301234562' },
] as const;

/** A citizen the local population database simulator knows, for trying verifyCitizen by hand. */
export const DEMO_CITIZEN = { personalId: '001190012345', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-05-17' };

export const PROCEDURES: (ProcedureContentRecord & { code: string; status: ProcedureStatus })[] = [
  {
    code: '1.002001',
    name: 'Đăng ký tham gia BHXH bắt buộc, BHYT, BHTN, BHTNLĐ-BNN; cấp sổ BHXH, thẻ BHYT',
    nameEn: 'Registration for compulsory social, health and unemployment insurance; issue of social insurance book and health insurance card',
    field: 'Thu BHXH, BHYT, BHTN; cấp sổ, thẻ',
    processingDays: 5,
    agencyLevels: ['PROVINCIAL', 'DISTRICT'],
    serviceLevel: 'FULL_ONLINE',
    submissionMethods: ['ONLINE', 'DESK', 'POSTAL'],
    fees: [],
    components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT', originals: 1, copies: 0, formTemplate: 'Mẫu TK1-TS' }, { documentTypeCode: 'D02-LT', name: 'Danh sách lao động tham gia BHXH, BHYT, BHTN, BHTNLĐ-BNN', originals: 1, copies: 0, formTemplate: 'Mẫu D02-LT' }],
    resultDocuments: ['Sổ BHXH', 'Thẻ BHYT'],
    legalBasis: ['Luật Bảo hiểm xã hội số 41/2024/QH15', 'Quyết định 222/QĐ-BHXH ngày 25/02/2021 về công bố thủ tục hành chính'],
    guide: 'Nộp hồ sơ trực tuyến hoặc tại Bộ phận Một cửa của cơ quan BHXH; nhận kết quả theo ngày hẹn trên phiếu tiếp nhận.',
    status: 'PUBLISHED',
  },
  {
    code: '1.002002',
    name: 'Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT',
    nameEn: 'Re-issue, exchange or correction of the social insurance book and health insurance card',
    field: 'Thu BHXH, BHYT, BHTN; cấp sổ, thẻ',
    processingDays: 10,
    agencyLevels: ['PROVINCIAL', 'DISTRICT'],
    serviceLevel: 'FULL_ONLINE',
    submissionMethods: ['ONLINE', 'DESK', 'POSTAL'],
    fees: [],
    components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT', originals: 1, copies: 0, formTemplate: 'Mẫu TK1-TS' }],
    resultDocuments: ['Sổ BHXH', 'Thẻ BHYT'],
    legalBasis: ['Luật Bảo hiểm xã hội số 41/2024/QH15', 'Quyết định 222/QĐ-BHXH ngày 25/02/2021 về công bố thủ tục hành chính'],
    guide: 'Nộp hồ sơ trực tuyến hoặc tại Bộ phận Một cửa của cơ quan BHXH; nhận kết quả theo ngày hẹn trên phiếu tiếp nhận.',
    status: 'PUBLISHED',
  },
  {
    code: '1.002003',
    name: 'Giải quyết hưởng bảo hiểm xã hội một lần',
    nameEn: 'One-time social insurance allowance',
    field: 'Thực hiện chính sách BHXH',
    processingDays: 10,
    agencyLevels: ['PROVINCIAL', 'DISTRICT'],
    serviceLevel: 'PARTIAL_ONLINE',
    submissionMethods: ['ONLINE', 'DESK', 'POSTAL'],
    fees: [],
    components: [{ documentTypeCode: '14-HSB', name: 'Đơn đề nghị hưởng BHXH một lần', originals: 1, copies: 0, formTemplate: 'Mẫu 14-HSB' }, { documentTypeCode: 'SO-BHXH', name: 'Sổ BHXH', originals: 1, copies: 0, formTemplate: null }],
    resultDocuments: ['Quyết định hưởng BHXH một lần'],
    legalBasis: ['Luật Bảo hiểm xã hội số 41/2024/QH15', 'Quyết định 222/QĐ-BHXH ngày 25/02/2021 về công bố thủ tục hành chính'],
    guide: 'Nộp hồ sơ trực tuyến hoặc tại Bộ phận Một cửa của cơ quan BHXH; nhận kết quả theo ngày hẹn trên phiếu tiếp nhận.',
    status: 'PUBLISHED',
  },
  {
    code: '1.002004',
    name: 'Giải quyết hưởng chế độ thai sản',
    nameEn: 'Maternity benefit',
    field: 'Thực hiện chính sách BHXH',
    processingDays: 6,
    agencyLevels: ['PROVINCIAL', 'DISTRICT'],
    serviceLevel: 'FULL_ONLINE',
    submissionMethods: ['ONLINE', 'DESK', 'POSTAL'],
    fees: [],
    components: [{ documentTypeCode: 'GCS', name: 'Giấy chứng sinh', originals: 0, copies: 1, formTemplate: null }, { documentTypeCode: '01B-HSB', name: 'Danh sách đề nghị giải quyết hưởng chế độ thai sản', originals: 1, copies: 0, formTemplate: 'Mẫu 01B-HSB' }],
    resultDocuments: ['Danh sách giải quyết hưởng chế độ thai sản'],
    legalBasis: ['Luật Bảo hiểm xã hội số 41/2024/QH15', 'Quyết định 222/QĐ-BHXH ngày 25/02/2021 về công bố thủ tục hành chính'],
    guide: 'Nộp hồ sơ trực tuyến hoặc tại Bộ phận Một cửa của cơ quan BHXH; nhận kết quả theo ngày hẹn trên phiếu tiếp nhận.',
    status: 'PUBLISHED',
  },
  {
    code: '1.002005',
    name: 'Đăng ký tham gia BHXH tự nguyện',
    nameEn: 'Registration for voluntary social insurance',
    field: 'Thu BHXH, BHYT, BHTN; cấp sổ, thẻ',
    processingDays: 5,
    agencyLevels: ['DISTRICT'],
    serviceLevel: 'FULL_ONLINE',
    submissionMethods: ['ONLINE', 'DESK'],
    fees: [],
    components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT', originals: 1, copies: 0, formTemplate: 'Mẫu TK1-TS' }],
    resultDocuments: ['Sổ BHXH'],
    legalBasis: ['Luật Bảo hiểm xã hội số 41/2024/QH15', 'Quyết định 222/QĐ-BHXH ngày 25/02/2021 về công bố thủ tục hành chính'],
    guide: 'Nộp hồ sơ trực tuyến hoặc tại Bộ phận Một cửa của cơ quan BHXH; nhận kết quả theo ngày hẹn trên phiếu tiếp nhận.',
    status: 'DRAFT',
  },
];

/**
 * Dossiers filed on first start through the gateway, each by whoever would file it, then moved
 * along by an officer of its agency. Applicant ids are well-formed but invented.
 */
export const DOSSIERS = [
  {
    agencyCode: '000.00.01.H26',
    by: { client: 'officer', agencyCode: '000.00.01.H26' },
    input: {
      procedureCode: '1.002001', channel: 'DESK',
      applicant: { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai' },
      components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT' }, { documentTypeCode: 'D02-LT', name: 'Danh sách lao động tham gia BHXH, BHYT, BHTN' }],
    },
    then: [],
  },
  {
    agencyCode: '000.00.01.H26',
    by: { client: 'ivan', ivanProviderId: 'IVAN-0001' },
    input: {
      procedureCode: '1.002003', agencyCode: '000.00.01.H26',
      applicant: { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai' },
      components: [{ documentTypeCode: '14-HSB', name: 'Đơn đề nghị hưởng BHXH một lần' }],
    },
    then: [{ action: 'ASSIGN', departmentCode: 'CD' }, { action: 'START_PROCESSING' }],
  },
  {
    agencyCode: '000.00.01.H26',
    by: { client: 'officer', agencyCode: '000.00.01.H26' },
    input: {
      procedureCode: '1.002004', channel: 'DESK',
      applicant: { personalId: '001090012345', name: 'Nguyễn Thị Lan' },
      components: [{ documentTypeCode: 'GCS', name: 'Giấy chứng sinh (bản sao)', originals: 0, copies: 1 }],
    },
    then: [{ action: 'START_PROCESSING' }, { action: 'COMPLETE' }],
  },
  {
    agencyCode: '000.00.01.H29',
    by: { client: 'officer', agencyCode: '000.00.01.H29' },
    input: {
      procedureCode: '1.002002', channel: 'POSTAL',
      applicant: { personalId: '079085001234', name: 'Trần Văn Minh' },
      components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT' }],
    },
    then: [{ action: 'START_PROCESSING' }, { action: 'COMPLETE' }, { action: 'RETURN_RESULT', returnMethod: 'POSTAL' }],
  },
  {
    agencyCode: '000.00.01.H29',
    by: { client: 'officer', agencyCode: '000.00.01.H29' },
    input: {
      procedureCode: '1.002001', channel: 'DESK',
      applicant: { unitCode: 'YN0456B', name: 'Công ty Cổ phần Bến Thành' },
      components: [{ documentTypeCode: 'TK3-TS', name: 'Tờ khai đơn vị tham gia, điều chỉnh thông tin BHXH, BHYT' }],
    },
    then: [],
  },
] as const;
