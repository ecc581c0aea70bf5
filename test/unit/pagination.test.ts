import { decodeCursor, encodeCursor, pageSize } from '../../platform/pagination';

describe('cursor pagination', () => {
  test('a cursor round-trips dates and strings', () => {
    const at = new Date('2026-11-26T01:02:03.004Z');
    expect(decodeCursor(encodeCursor([at, '000.00.01.H26-261126-0001']))).toEqual([at, '000.00.01.H26-261126-0001']);
  });

  test.each(['', 'garbage', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2,3]').toString('base64url')])(
    'a forged cursor %p is a BAD_USER_INPUT naming the argument',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }));
    },
  );

  test('a cursor of the wrong shape for its list, or with a broken date, is a BAD_USER_INPUT too', () => {
    expect(() => decodeCursor(encodeCursor(['x', 'y']), ['date', 'string'])).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }));
    const brokenDate = Buffer.from(JSON.stringify([{ d: 'garbage' }, 'x'])).toString('base64url');
    expect(() => decodeCursor(brokenDate)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }));
  });

  test('page size defaults to 20 and must be 1–100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    for (const bad of [0, -1, 101, 1.5]) expect(() => pageSize(bad)).toThrow(/between 1 and 100/);
  });
});
