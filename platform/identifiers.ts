/**
 * Checks of Vietnamese identifiers (R-ID-1), one module for every subgraph. Each check answers
 * null when the value is valid, or the rule that failed, in words a partner's developer can act on.
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

/** An agency's code in the administrative-unit scheme the dossier codes carry, e.g. 000.00.01.H26. */
export const AGENCY_CODE = /^[0-9A-Z]{3}(\.[0-9A-Z]{2}){2}\.[0-9A-Z]{3}$/;

/** The 4th digit: 0/1 born 1900–1999 (male/female), 2/3 2000–2099, 4/5 2100–2199, and so on. */
export function birthYearOf(personalId: string): number {
  const centuryDigit = Number(personalId[3]);
  return 1900 + Math.floor(centuryDigit / 2) * 100 + Number(personalId.slice(4, 6));
}

export const genderOf = (personalId: string): 'MALE' | 'FEMALE' => (Number(personalId[3]) % 2 === 0 ? 'MALE' : 'FEMALE');

/**
 * A 12-digit personal identification number: province code from the official list, then the
 * century/gender digit and the 2-digit birth year, which must agree with `dateOfBirth` when given.
 */
export function personalIdProblem(id: string, dateOfBirth?: Date | null, now = new Date()): string | null {
  if (!/^\d{12}$/.test(id)) return 'a personal identification number has exactly 12 digits';
  if (!PROVINCE_CODES[id.slice(0, 3)]) return `province code ${id.slice(0, 3)} (the first 3 digits) is not in the official list`;
  const year = birthYearOf(id);
  if (year > now.getUTCFullYear()) return `the century/gender digit and birth year give ${year}, which is in the future`;
  if (dateOfBirth && dateOfBirth.getUTCFullYear() !== year) {
    return `digits 4–6 say born in ${year}, but the date of birth is in ${dateOfBirth.getUTCFullYear()}`;
  }
  return null;
}

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** The check digit of a 10-digit tax code from its first nine digits, or null when none exists (the rule gives 10). */
export function taxCheckDigit(first9: string): number | null {
  const sum = TAX_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first9[i]), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/** A tax code (mã số thuế): 10 digits ending in their check digit, or those 10 plus a branch suffix 001–999 (13 digits, "-" allowed before it). */
export function taxCodeProblem(code: string): string | null {
  const digits = code.replace(/^(\d{10})-(\d{3})$/, '$1$2');
  if (!/^\d{10}(\d{3})?$/.test(digits)) return 'a tax code has 10 digits, or 13 for a branch (10 + a 3-digit suffix)';
  const check = taxCheckDigit(digits.slice(0, 9));
  if (check === null) return 'the first nine digits of this tax code admit no check digit (the weighted sum gives 10)';
  if (check !== Number(digits[9])) return `the 10th digit of a tax code is its check digit: ${check} expected, ${digits[9]} given`;
  if (digits.length === 13 && digits.slice(10) === '000') return 'a branch suffix is 001–999, not 000';
  return null;
}

/** VSS social insurance number (mã số BHXH): 10 digits. */
export function socialInsuranceNumberProblem(n: string): string | null {
  return /^\d{10}$/.test(n) ? null : 'a social insurance number has exactly 10 digits';
}

/** VSS unit code (mã đơn vị): letters and digits. */
export function unitCodeProblem(code: string): string | null {
  return /^[A-Z0-9]{5,12}$/.test(code) ? null : 'a VSS unit code is 5–12 capital letters and digits';
}
