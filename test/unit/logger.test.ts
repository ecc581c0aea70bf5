import { createLogger, redact } from '../../subgraphs/kit/logger';

describe('JSON logger', () => {
  test('redacts personal fields and ID-like numbers anywhere in an entry', () => {
    const lines: string[] = [];
    const log = createLogger('test', { write: (l) => lines.push(l) });
    log.info('verified citizen 001090012345 by phone 0912345678', {
      citizen: { personalId: '001090012345', fullName: 'Nguyễn Văn An', phone: '0912345678', province: 'Hà Nội' },
      dossierCode: '000.00.01.H26-261126-0001',
    });
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 'info',
      service: 'test',
      msg: 'verified citizen 00***45 by phone 09***78',
      citizen: { personalId: '[redacted]', fullName: '[redacted]', phone: '[redacted]', province: 'Hà Nội' },
      dossierCode: '000.00.01.H26-261126-0001',
    });
    expect(lines[0]).not.toMatch(/001090012345|Nguyễn Văn An|0912345678/);
  });

  test('drops entries below the configured level and keeps child fields', () => {
    const lines: string[] = [];
    const log = createLogger('test', { level: 'warn', write: (l) => lines.push(l) }).child({ requestId: 'r-1' });
    log.info('ignored');
    log.warn('kept');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([expect.objectContaining({ msg: 'kept', requestId: 'r-1' })]);
  });

  test('errors keep their message, redacted', () => {
    expect(redact(new Error('no citizen 001090012345'))).toMatchObject({ name: 'Error', message: 'no citizen 00***45' });
  });
});
