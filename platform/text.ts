/** Vietnamese text helpers: NFC everywhere; diacritics removed only where the reader needs ASCII or a search must forgive them. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** The form text is searched in: no diacritics, lower case, single spaces ("bao hiem" finds "bảo hiểm"). */
export const searchForm = (text: string): string => withoutDiacritics(text.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();

/** A regular expression matching `text` literally. */
export const literalPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
