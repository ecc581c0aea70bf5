import { WorkingCalendar } from '../../subgraphs/dossiers/calendar/working-days';

const cal = WorkingCalendar.load();
const vn = (local: string) => new Date(`${local}+07:00`);

describe('working-day calendar (R-DOS-10)', () => {
  test('ships 2025, 2026 and 2027', () => {
    expect([2025, 2026, 2027].every((y) => cal.hasYear(y))).toBe(true);
  });

  test('weekends, Tết, Hùng Kings day and the 30/4–1/5 holidays are days off; a make-up Saturday is a working day', () => {
    expect(cal.isWorkingDay('2026-02-14')).toBe(false); // Saturday
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
    expect(cal.isWorkingDay('2025-04-07')).toBe(false); // Giỗ Tổ Hùng Vương
    expect(cal.isWorkingDay('2026-04-27')).toBe(false); // compensatory Monday
    expect(cal.isWorkingDay('2025-05-02')).toBe(false); // swapped day off
    expect(cal.isWorkingDay('2025-04-26')).toBe(true); // its make-up Saturday
    expect(cal.isWorkingDay('2025-09-01')).toBe(false);
  });

  test('a dossier received in office hours before Tết 2026 is due after the Tết week', () => {
    // Thu 12/2 10:00 + 5 working days: Fri 13, (Tết 14–22), Mon 23, Tue 24, Wed 25, Thu 26 → Thu 26/2 10:00.
    expect(cal.appointment(vn('2026-02-12T10:00:00'), 5)).toEqual(vn('2026-02-26T10:00:00'));
  });

  test('a dossier received after office hours on Friday counts from Monday 08:00', () => {
    // Fri 6/3/2026 18:30 → counting starts Mon 9/3 08:00; + 3 working days → Thu 12/3 08:00.
    expect(cal.countingStart(vn('2026-03-06T18:30:00'))).toEqual(vn('2026-03-09T08:00:00'));
    expect(cal.appointment(vn('2026-03-06T18:30:00'), 3)).toEqual(vn('2026-03-12T08:00:00'));
  });

  test('a dossier received on a Sunday or before opening counts from 08:00 of the working day', () => {
    expect(cal.countingStart(vn('2026-03-08T09:00:00'))).toEqual(vn('2026-03-09T08:00:00'));
    expect(cal.countingStart(vn('2026-03-09T06:15:00'))).toEqual(vn('2026-03-09T08:00:00'));
    expect(cal.countingStart(vn('2026-03-09T16:59:00'))).toEqual(vn('2026-03-09T16:59:00'));
  });

  test('R-STA-1: processing time is the fewest working days from the counting start that reach the result, across weekends and Tết', () => {
    const at = (s: string) => new Date(`${s}+07:00`);
    expect(cal.workingDaysTaken(at('2026-03-02T09:00:00'), at('2026-03-02T16:00:00'))).toBe(1); // Monday, same day
    expect(cal.workingDaysTaken(at('2026-03-02T09:00:00'), at('2026-03-04T09:00:00'))).toBe(2); // exactly at a 2-day appointment
    expect(cal.workingDaysTaken(at('2026-03-02T09:00:00'), at('2026-03-04T16:00:00'))).toBe(3);
    expect(cal.workingDaysTaken(at('2026-03-06T18:00:00'), at('2026-03-09T15:00:00'))).toBe(1); // after hours on Friday: counts from Monday
    const received = at('2026-02-12T10:00:00');
    expect(cal.workingDaysTaken(received, cal.appointment(received, 5))).toBe(5); // the Tết week does not count
  });

  test('on time, due soon and overdue are judged at query time, and by completion time once finished', () => {
    const due = vn('2026-03-12T10:00:00');
    expect(cal.deadlineStatus(due, vn('2026-03-09T10:00:00'))).toBe('ON_TIME');
    expect(cal.deadlineStatus(due, vn('2026-03-11T11:00:00'))).toBe('DUE_SOON');
    expect(cal.deadlineStatus(due, vn('2026-03-12T10:00:01'))).toBe('OVERDUE');
    expect(cal.deadlineStatus(due, vn('2026-04-01T00:00:00'), vn('2026-03-10T09:00:00'))).toBe('ON_TIME');
    expect(cal.deadlineStatus(due, vn('2026-04-01T00:00:00'), vn('2026-03-13T09:00:00'))).toBe('OVERDUE');
  });

  test('a year without data falls back to weekends and the fixed-date holidays', () => {
    expect(cal.hasYear(2030)).toBe(false);
    expect(cal.isWorkingDay('2030-09-02')).toBe(false);
    expect(cal.isWorkingDay('2030-09-03')).toBe(true);
  });

  test('holiday data with a date of another year is refused when loaded', () => {
    expect(() => new WorkingCalendar([{ year: 2028, source: 'x', daysOff: [{ date: '2029-01-01', name: 'x' }], workingSaturdays: [] }])).toThrow(
      'holiday data for 2028 has dates of another year',
    );
  });
});
