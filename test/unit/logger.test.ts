import { createLogger, redact, withRequestId } from '../../platform/logger';

/** Issue 16: pino JSON lines, personal data redacted (ARCHITECTURE "Logging"), request ids on every line. */
describe('JSON logger (pino)', () => {
  const capture = (level?: 'debug' | 'info' | 'warn' | 'error') => {
    const lines: string[] = [];
    return { lines, log: createLogger('test', { level, write: (l) => lines.push(l) }), parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
  };

  test('redacts personal fields and ID-like numbers anywhere in an entry', () => {
    const { lines, log, parsed } = capture();
    log.info('verified citizen 001090012345 by phone 0912345678', {
      citizen: { personalId: '001090012345', fullName: 'Nguyễn Văn An', phone: '0912345678', province: 'Hà Nội' },
      dossierCode: '000.00.01.H26-261126-0001',
    });
    expect(parsed()[0]).toMatchObject({
      level: 'info',
      service: 'test',
      msg: 'verified citizen 00***45 by phone 09***78',
      citizen: { personalId: '[redacted]', fullName: '[redacted]', phone: '[redacted]', province: 'Hà Nội' },
      dossierCode: '000.00.01.H26-261126-0001',
    });
    expect(typeof parsed()[0]!.time).toBe('string');
    expect(lines[0]).not.toMatch(/001090012345|Nguyễn Văn An|0912345678/);
  });

  test('redacts inside error messages and stacks, and tokens wherever they appear', () => {
    const { lines, log, parsed } = capture();
    const err = new Error('no citizen 001090012345');
    log.error('lookup failed for Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', { err, authorization: 'Bearer abc' });
    const entry = parsed()[0]!;
    expect(entry).toMatchObject({ msg: 'lookup failed for Bearer [token]', err: { name: 'Error', message: 'no citizen 00***45' }, authorization: '[redacted]' });
    expect((entry.err as { stack: string }).stack).toContain('no citizen 00***45');
    expect(lines[0]).not.toMatch(/001090012345|eyJhbGci/);
  });

  test('drops entries below the configured level and keeps child fields', () => {
    const { lines, log } = capture('warn');
    const child = log.child({ worker: 2 });
    child.info('ignored');
    child.warn('kept');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([expect.objectContaining({ msg: 'kept', worker: 2 })]);
  });

  test('every line written inside a request names its request id, and lines outside none', async () => {
    const { log, parsed } = capture();
    await withRequestId('r-1', async () => {
      await new Promise((r) => setImmediate(r));
      log.info('inside');
    });
    log.info('outside');
    const [inside, outside] = parsed();
    expect(inside).toMatchObject({ msg: 'inside', requestId: 'r-1' });
    expect(outside).not.toHaveProperty('requestId');
  });

  test('errors keep their message, redacted', () => {
    expect(redact(new Error('no citizen 001090012345'))).toMatchObject({ name: 'Error', message: 'no citizen 00***45' });
  });
});
