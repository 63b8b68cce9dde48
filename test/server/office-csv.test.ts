import { describe, expect, it } from 'vitest';
import { placeMatcher } from '../../src/server/office/read-import.ts';
import { parseCsv, toCsv } from '../../src/shared/csv.ts';
import type { Place } from '../../src/shared/office-api.ts';

describe('CSV as spreadsheets write and read it', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, a BOM, CRLF, and numbers rows as a spreadsheet does', () => {
    const text = '\uFEFFname,unit\r\n"Lê, Văn A","Sở ""A""\nPhòng 2"\r\n\r\nB,C';
    expect(parseCsv(text)).toEqual([
      { row: 1, fields: ['name', 'unit'] },
      { row: 2, fields: ['Lê, Văn A', 'Sở "A"\nPhòng 2'] },
      { row: 4, fields: ['B', 'C'] },
    ]);
  });

  it("reads Excel's semicolon-separated files", () => {
    expect(parseCsv('name;unit;province\nAn;Sở X, phòng Y;Huế').map((r) => r.fields)).toEqual([['name', 'unit', 'province'], ['An', 'Sở X, phòng Y', 'Huế']]);
  });

  it('writes UTF-8 with a BOM and CRLF, quotes what needs it, and defuses formulas', () => {
    const csv = toCsv(['Họ và tên', 'Số'], [['=HYPERLINK("http://x")', 3], ['Nguyễn "Út"', null], ['+84 912', 0.5], ['@SUM(A1)', -1]]);
    expect(csv).toBe('\uFEFFHọ và tên,Số\r\n"\'=HYPERLINK(""http://x"")",3\r\n"Nguyễn ""Út""",\r\n\'+84 912,0.5\r\n\'@SUM(A1),-1\r\n');
    expect(parseCsv(csv).map((r) => r.fields)).toEqual([['Họ và tên', 'Số'], ['\'=HYPERLINK("http://x")', '3'], ['Nguyễn "Út"', ''], ["'+84 912", '0.5'], ["'@SUM(A1)", '-1']]);
  });

  it('finds a place by either name, without diacritics, or with "Tỉnh" and "TP." before it; never a retired one', () => {
    const places: Place[] = [
      { id: 'ho-chi-minh-city', kind: 'city', vi: 'Thành phố Hồ Chí Minh', en: 'Ho Chi Minh City', retired: false },
      { id: 'dak-lak', kind: 'province', vi: 'Đắk Lắk', en: 'Dak Lak', retired: false },
      { id: 'old', kind: 'province', vi: 'Hà Tây', en: 'Ha Tay', retired: true },
    ];
    const find = placeMatcher(places);
    for (const text of ['TP. Hồ Chí Minh', 'Hồ Chí Minh', 'ho chi minh city', 'THÀNH PHỐ HỒ CHÍ MINH']) expect(find(text)?.id, text).toBe('ho-chi-minh-city');
    for (const text of ['Tỉnh Đắk Lắk', 'dak lak', 'Dak Lak province', ' Đắk  Lắk ']) expect(find(text)?.id, text).toBe('dak-lak');
    expect(find('Hà Tây')).toBeUndefined();
    expect(find('Sài Gòn')).toBeUndefined();
  });
});
