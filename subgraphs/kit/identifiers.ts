/**
 * Checks of Vietnamese identifiers, each answering with the rule that failed (R-ID-1).
 * Province codes of the 12-digit personal identification number: Circular 59/2021/TT-BCA.
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội', '002': 'Hà Giang', '004': 'Cao Bằng', '006': 'Bắc Kạn', '008': 'Tuyên Quang', '010': 'Lào Cai',
  '011': 'Điện Biên', '012': 'Lai Châu', '014': 'Sơn La', '015': 'Yên Bái', '017': 'Hòa Bình', '019': 'Thái Nguyên',
  '020': 'Lạng Sơn', '022': 'Quảng Ninh', '024': 'Bắc Giang', '025': 'Phú Thọ', '026': 'Vĩnh Phúc', '027': 'Bắc Ninh',
  '030': 'Hải Dương', '031': 'Hải Phòng', '033': 'Hưng Yên', '034': 'Thái Bình', '035': 'Hà Nam', '036': 'Nam Định',
  '037': 'Ninh Bình', '038': 'Thanh Hóa', '040': 'Nghệ An', '042': 'Hà Tĩnh', '044': 'Quảng Bình', '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế', '048': 'Đà Nẵng', '049': 'Quảng Nam', '051': 'Quảng Ngãi', '052': 'Bình Định', '054': 'Phú Yên',
  '056': 'Khánh Hòa', '058': 'Ninh Thuận', '060': 'Bình Thuận', '062': 'Kon Tum', '064': 'Gia Lai', '066': 'Đắk Lắk',
  '067': 'Đắk Nông', '068': 'Lâm Đồng', '070': 'Bình Phước', '072': 'Tây Ninh', '074': 'Bình Dương', '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu', '079': 'Hồ Chí Minh', '080': 'Long An', '082': 'Tiền Giang', '083': 'Bến Tre', '084': 'Trà Vinh',
  '086': 'Vĩnh Long', '087': 'Đồng Tháp', '089': 'An Giang', '091': 'Kiên Giang', '092': 'Cần Thơ', '093': 'Hậu Giang',
  '094': 'Sóc Trăng', '095': 'Bạc Liêu', '096': 'Cà Mau',
};

/** The birth year a personal id encodes: its 4th digit gives century and gender, the next two the year. */
export function birthYearOf(personalId: string): number {
  const centuryDigit = Number(personalId[3]);
  return 1900 + Math.floor(centuryDigit / 2) * 100 + Number(personalId.slice(4, 6));
}

/** null when valid, else the rule that failed. */
export function personalIdProblem(id: string, now = new Date()): string | null {
  if (!/^\d{12}$/.test(id)) return 'a personal identification number has exactly 12 digits';
  if (!PROVINCE_CODES[id.slice(0, 3)]) return `province code ${id.slice(0, 3)} (the first 3 digits) is not in the official list`;
  if (birthYearOf(id) > now.getUTCFullYear()) return `the century/gender digit and birth year give ${birthYearOf(id)}, which is in the future`;
  return null;
}

/** VSS unit code (mã đơn vị): letters and digits. The exact national format is checked by identity (R-ID-1). */
export function unitCodeProblem(code: string): string | null {
  return /^[A-Z0-9]{5,12}$/.test(code) ? null : 'a VSS unit code is 5–12 capital letters and digits';
}
