import { vietnamDateStamp } from '../../subgraphs/dossiers/services/code';
import { dossierModels } from '../../subgraphs/dossiers/context';
import { receiveDossier } from '../../subgraphs/dossiers/services/intake';
import { DossierRepository } from '../../subgraphs/dossiers/repositories/dossiers';
import { connectDatabase } from '../../platform/mongo';
import { principals } from '../support/harness';
import { dossiersWorld, HCM, HN, orgInput } from '../support/dossiers';

let w: Awaited<ReturnType<typeof dossiersWorld>>;
beforeAll(async () => {
  w = await dossiersWorld({ redisDb: 3 });
});
afterAll(() => w.close());

const vn = (local: string) => new Date(`${local}+07:00`);
const stored = () => w.models.Dossier.countDocuments();

describe('intake: codes (R-DOS-1)', () => {
  test('concurrent intake on two connections issues unique, gap-free <agency>-<YYMMDD>-<NNNN> codes', async () => {
    const other = await connectDatabase(w.h.deps.config.mongoUri, w.h.deps.config.databaseName);
    try {
      const otherDomain = { ...w.domain, dossiers: new DossierRepository(dossierModels(other)) };
      const at = vn('2026-03-02T10:00:00');
      const call = { internalToken: (await w.h.context(principals.officerHcm)).internalToken, requestId: 'r' };
      const received = await Promise.all(
        Array.from({ length: 40 }, (_, i) => receiveDossier({ ...(i % 2 ? w.domain : otherDomain), principal: principals.officerHcm, ...call }, orgInput(), at)),
      );
      expect(received.map((d) => d.code).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `${HCM}-260302-${String(i + 1).padStart(4, '0')}`));
      expect(await w.models.DossierEvent.countDocuments({ agencyCode: HCM, seq: 1 })).toBe(40);
    } finally {
      await other.close();
    }
  });

  test('the date part is the day in Vietnam (UTC+7), not in UTC', () => {
    expect(vietnamDateStamp(new Date('2026-11-25T17:30:00Z'))).toBe('261126');
    expect(vietnamDateStamp(new Date('2026-11-25T16:59:59Z'))).toBe('261125');
  });
});

describe('intake: procedure, channel, applicant (R-DOS-5, R-DOS-6, R-ID-1)', () => {
  test('a procedure that is not published now is refused and nothing is stored (R-DOS-5)', async () => {
    const before = await stored();
    await expect(w.receive(orgInput({ procedureCode: '1.002005' }))).rejects.toMatchObject({
      message: expect.stringContaining('procedure 1.002005 is DRAFT; only published procedures accept dossiers'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await w.catalogue.withdraw('1.002002');
    await expect(w.receive(orgInput({ procedureCode: '1.002002' }))).rejects.toMatchObject({ message: expect.stringContaining('is WITHDRAWN') });
    await w.catalogue.publish('1.002002');
    await expect(w.receive(orgInput({ procedureCode: '1.009999' }))).rejects.toMatchObject({ message: expect.stringContaining('no procedure has code 1.009999') });
    expect(await stored()).toBe(before);
  });

  test('a new version of a procedure applies to dossiers received after it; earlier ones keep theirs (R-PRO-2, R-DOS-5)', async () => {
    const before = await w.receive(orgInput({ procedureCode: '1.002004' }));
    const v = before.procedureVersion!;
    expect(before.processingDays).toBe(6);
    await w.catalogue.publish('1.002004', { processingDays: 5, name: 'Giải quyết hưởng chế độ thai sản (sửa đổi)' });
    const after = await w.receive(orgInput({ procedureCode: '1.002004' }));
    expect(after).toMatchObject({ procedureVersion: v + 1, processingDays: 5, procedureName: 'Giải quyết hưởng chế độ thai sản (sửa đổi)' });
    expect(await w.models.Dossier.findOne({ code: before.code }).lean()).toMatchObject({ procedureVersion: v, processingDays: 6 });
    // Intake decides from the local copy the events built: a revision only the copy has is obeyed.
    await w.models.ProcedureRevision.create({ code: '1.002004', revision: 99, status: 'WITHDRAWN', version: v + 1, name: 'x', processingDays: 9, at: new Date() });
    await expect(w.receive(orgInput({ procedureCode: '1.002004' }))).rejects.toMatchObject({ message: expect.stringContaining('is WITHDRAWN') });
    await w.models.ProcedureRevision.deleteOne({ code: '1.002004', revision: 99 });
  });

  test('each channel is recorded with the I-VAN provider when there is one (R-DOS-6)', async () => {
    const desk = await w.receive(orgInput({ channel: 'POSTAL' }));
    expect(desk).toMatchObject({ channel: 'POSTAL', ivanProviderId: null, receivingAgencyCode: HN, handlingAgencyCode: HN });
    const ivan = await w.receive(await w.sign(orgInput({ channel: undefined, agencyCode: HN })), principals.ivanA);
    expect(ivan).toMatchObject({ channel: 'IVAN', ivanProviderId: 'IVAN-A' });
    const submission = orgInput({ channel: undefined, agencyCode: HN, applicant: { personalId: '001090012345', name: 'Nguyễn Thị Lan' } });
    const online = await w.receive({ ...submission, confirmation: await w.confirm(principals.citizen, submission) }, principals.citizen);
    expect(online).toMatchObject({ channel: 'ONLINE', applicant: { kind: 'CITIZEN', personalId: '001090012345' } });
  });

  test('callers cannot file under a channel or agency that is not theirs', async () => {
    await expect(w.receive(await w.sign(orgInput({ channel: 'DESK', agencyCode: HN })), principals.ivanA)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', inputErrors: [{ field: 'channel', message: 'a ivan client files through IVAN' }] },
    });
    await expect(w.receive(orgInput({ agencyCode: HCM }))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const forOther = orgInput({ agencyCode: HN, channel: undefined, applicant: { personalId: '079085001234', name: 'Trần Văn Minh' } });
    const confirmation = await w.confirm(principals.citizen, forOther);
    await expect(w.receive({ ...forOther, confirmation }, principals.citizen)).rejects.toMatchObject({
      extensions: { inputErrors: [{ field: 'applicant.personalId', message: 'citizens file dossiers for themselves only' }] },
    });
    await expect(w.receive(orgInput(), principals.dashboard)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  test('every invalid field is named at once and nothing is stored', async () => {
    const before = await stored();
    const err = await w.receive({
      procedureCode: '1.2', channel: 'DESK', applicant: { personalId: '099090012345', name: ' ' },
      components: [{ documentTypeCode: 'TK1-TS', name: 'x', originals: 0, copies: 0 }],
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const fields = (err as { extensions: { inputErrors: { field: string; message: string }[] } }).extensions.inputErrors;
    expect(fields).toEqual([
      { field: 'applicant.personalId', message: 'province code 099 (the first 3 digits) is not in the official list' },
      { field: 'applicant.name', message: "the applicant's name is required" },
      { field: 'components.0', message: 'originals and copies are whole numbers, at least one of them positive' },
      { field: 'procedureCode', message: '"1.2" is not a national procedure code like 1.001234' },
    ]);
    expect(await stored()).toBe(before);
  });
});

describe('intake: appointment date (R-DOS-10)', () => {
  test('a dossier received before Tết 2026 is due after the Tết week; history keeps the first date', async () => {
    const d = await w.receive(orgInput(), principals.officer, vn('2026-02-12T10:00:00'));
    expect(d.appointmentAt).toEqual(vn('2026-02-26T10:00:00'));
    expect(d.appointmentHistory).toEqual([{ appointmentAt: vn('2026-02-26T10:00:00'), setAt: vn('2026-02-12T10:00:00'), reason: expect.stringContaining('5 working days') }]);
  });

  test('a dossier received on Saturday counts from Monday 08:00', async () => {
    const d = await w.receive(orgInput({ procedureCode: '1.002003' }), principals.officer, vn('2026-03-07T09:30:00'));
    expect(d.appointmentAt).toEqual(vn('2026-03-23T08:00:00')); // 10 working days from Mon 9/3 08:00
  });
});
