import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as soap from 'soap';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { seedCatalogue } from '../../scripts/seed';
import { mintDevToken } from '../../platform/dev-token';
import { freePort } from '../../tools/lib/process';
import { PROJECT_ROOT, SUBGRAPHS } from '../../platform/config';
import { loadGatewayConfig } from '../../gateway/config';
import { startGateway } from '../../gateway/server';
import { organizationSigner } from '../../scripts/lib/organization-keys';

/**
 * The I-VAN SOAP endpoint (R-INT-1) as a partner's legacy client meets it: every service a real
 * process, the client built from nothing but the gateway's WSDL URL, WS-Security UsernameToken
 * with PasswordDigest.
 */
const keysDir = process.env.KEYS_DIR!;
// A Redis database of its own: event streams, consumer groups and the audit inbox are per database, and another stack's consumers would take its events.
const redisUrl = `${process.env.REDIS_URL}/25`;
const MAX_ENVELOPE = 64 * 1024;
let stack: Stack;
let logDir: string;
let soapUrl: string;
let officer: string;
let dashboard: string;
type Credential = { username: string; password: string };
let first: Credential;
let second: Credential;

async function graphql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
const issue = async (providerId: string) =>
  (await graphql<{ issueIvanCredential: Credential }>(officer, 'mutation($p: ID!) { issueIvanCredential(providerId: $p) { username password } }', { p: providerId })).issueIvanCredential;

async function legacyClient(c: Credential): Promise<soap.Client> {
  const client = await soap.createClientAsync(`${soapUrl}?wsdl`);
  client.setSecurity(new soap.WSSecurity(c.username, c.password, { passwordType: 'PasswordDigest', hasTimeStamp: false }));
  return client;
}

/** A hand-written envelope, as a partner's own SOAP stack would send it. */
function envelope(body: string, c?: Credential & { created?: string; nonce?: string }): string {
  const created = c?.created ?? new Date().toISOString();
  const nonce = c?.nonce ?? randomBytes(16).toString('base64');
  const security = c
    ? `<soap:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">`
      + `<wsse:UsernameToken><wsse:Username>${c.username}</wsse:Username>`
      + `<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">${soap.passwordDigest(nonce, created, c.password)}</wsse:Password>`
      + `<wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">${nonce}</wsse:Nonce>`
      + `<wsu:Created>${created}</wsu:Created></wsse:UsernameToken></wsse:Security></soap:Header>`
    : '';
  return `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:v="urn:vss-graph:ivan:v1">${security}<soap:Body>${body}</soap:Body></soap:Envelope>`;
}
async function postEnvelope(xml: string) {
  const res = await fetch(soapUrl, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8' }, body: xml });
  return { status: res.status, xml: await res.text() };
}
/** faultcode, the detail's code and message, and the named fields of a Fault. */
function faultOf(xml: string) {
  const all = (tag: string) => [...xml.matchAll(new RegExp(`<(?:v:)?${tag}>([^<]*)</(?:v:)?${tag}>`, 'g'))].map((m) => m[1]!);
  return { faultcode: all('faultcode')[0], code: all('Ma')[0], message: all('ThongBao')[0], fields: all('Truong'), reasons: all('LyDo') };
}
const faultOfError = (err: unknown) => faultOf(String((err as { body?: string }).body ?? ''));
async function expectFault(p: Promise<unknown>) {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeDefined();
  return faultOfError(err);
}

const NOP_HO_SO = {
  MaTTHC: '1.002003',
  MaCoQuan: '000.00.01.H26',
  NguoiNop: { MaDonVi: 'TA0123A', HoTen: 'Công ty TNHH Sao Mai' },
  DanhSachThanhPhan: { ThanhPhan: [{ MaGiayTo: '14-HSB', TenGiayTo: 'Đơn đề nghị hưởng BHXH một lần', SoBanChinh: 1, SoBanSao: 0 }] },
};
const sign = organizationSigner(keysDir);
/**
 * NopHoSo's arguments with ChuKySo: the employer's signature over the submission in GraphQL's
 * names, built from the SOAP elements as the WSDL documents it (R-ID-4).
 */
async function signedNop(nop: typeof NOP_HO_SO) {
  const { organizationSignature } = await sign({
    procedureCode: nop.MaTTHC, agencyCode: nop.MaCoQuan, applicant: { unitCode: nop.NguoiNop.MaDonVi, name: nop.NguoiNop.HoTen },
    components: nop.DanhSachThanhPhan.ThanhPhan.map((c) => ({ documentTypeCode: c.MaGiayTo, name: c.TenGiayTo, originals: c.SoBanChinh, copies: c.SoBanSao })),
  });
  return { ...nop, ChuKySo: organizationSignature };
}
const countDossiers = async () => (await graphql<{ dossiers: { edges: unknown[] } }>(dashboard, '{ dossiers(first: 100) { edges { cursor } } }')).dossiers.edges.length;
async function changesOf(client: soap.Client, after: number, count?: number) {
  const [r] = (await client.LayThayDoiTrangThaiAsync({ SauSo: after, ...(count ? { SoLuong: count } : {}) })) as [{ ThayDoi?: Record<string, unknown>[]; SoCuoi: number; ConNua: boolean }];
  return { ...r, ThayDoi: r.ThayDoi ?? [] };
}
async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  return read();
}

beforeAll(async () => {
  logDir = mkdtempSync(path.join(tmpdir(), 'vss-soap-logs-'));
  const dbPrefix = `soap${randomBytes(3).toString('hex')}_`;
  const ports = Object.fromEntries(await Promise.all([...SUBGRAPHS, 'gateway'].map(async (n) => [n, await freePort()])));
  await seedCatalogue(process.env.MONGODB_URI!, dbPrefix, keysDir);
  stack = await startStack({
    mongoUri: process.env.MONGODB_URI!, redisUrl, keysDir, logDir, ports, dbPrefix,
    env: { IVAN_SOAP_MAX_BYTES: String(MAX_ENVELOPE), OUTBOX_INTERVAL_MS: '50' },
  });
  soapUrl = new URL('/ivan/soap', stack.gatewayUrl).href;
  officer = await mintDevToken(keysDir, { client: 'officer', agencyCode: '000.00.01.H26' });
  dashboard = await mintDevToken(keysDir, { client: 'dashboard' });
  [first, second] = [await issue('IVAN-0001'), await issue('IVAN-0002')];
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(logDir, { recursive: true, force: true });
});

describe('the I-VAN SOAP endpoint through the gateway (R-INT-1)', () => {
  test('R-INT-1: the WSDL at /ivan/soap?wsdl is document/literal in its own namespace, documented, and addressed at the gateway', async () => {
    const res = await fetch(`${soapUrl}?wsdl`);
    const wsdl = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/xml/);
    expect(wsdl).toContain('targetNamespace="urn:vss-graph:ivan:v1"');
    expect(wsdl).toContain('<soap:binding style="document"');
    expect(wsdl).toContain(`<soap:address location="${soapUrl}"/>`);
    for (const op of ['NopHoSo', 'TraCuuHoSo', 'LayThayDoiTrangThai', 'LayBienNhan']) expect(wsdl).toMatch(new RegExp(`<wsdl:operation name="${op}">\\s*<wsdl:documentation>`));
    // The WSDL a partner's own SOAP callback endpoint implements, for status pushes.
    const callback = await (await fetch(new URL('/ivan/callback?wsdl', stack.gatewayUrl))).text();
    expect(callback).toContain('NhanThayDoiTrangThai');
  });

  test('R-INT-1: npm run ivan:credentials prints one JSON object with a username and password that work', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', 'ivan:credentials', '--', '--provider', 'IVAN-0003'], {
      cwd: PROJECT_ROOT, env: { ...process.env, GATEWAY_URL: stack.gatewayUrl, KEYS_DIR: keysDir },
    });
    const printed = JSON.parse(stdout) as Credential;
    expect(Object.keys(printed)).toEqual(['username', 'password']);
    expect(printed.username).toMatch(/^IVAN-0003\./);
    const client = await legacyClient(printed);
    expect((await changesOf(client, 0)).ThayDoi).toEqual([]);
  });

  test('R-INT-1: a legacy client built from the WSDL URL submits a dossier, looks it up, gets its receipt slip and pages its changes in order', async () => {
    const client = await legacyClient(first);
    const [submitted] = (await client.NopHoSoAsync(await signedNop(NOP_HO_SO))) as [{ MaHoSo: string; NgayHenTra: Date; DuongDanBienNhan: string }];
    expect(submitted.MaHoSo).toMatch(/^000\.00\.01\.H26-\d{6}-\d{4}$/);
    expect(submitted.DuongDanBienNhan).toBe(new URL(`/receipts/${submitted.MaHoSo}.pdf`, stack.gatewayUrl).href);

    const [found] = (await client.TraCuuHoSoAsync({ MaHoSo: submitted.MaHoSo })) as [Record<string, unknown> & { LichSu: { Buoc: unknown } }];
    expect(found).toMatchObject({ MaHoSo: submitted.MaHoSo, TrangThai: 'RECEIVED', MaTrangThaiDVC: 2, CoQuanXuLy: { Ma: '000.00.01.H26', Ten: 'Bảo hiểm xã hội thành phố Hà Nội' }, PhienBan: 1 });
    expect(found.LichSu.Buoc).toMatchObject([{ PhienBan: 1, HanhDong: 'RECEIVE', DenTrangThai: 'RECEIVED', MaCoQuan: '000.00.01.H26' }]);

    const [slip] = (await client.LayBienNhanAsync({ MaHoSo: submitted.MaHoSo })) as [{ TenTep: string; NoiDung: string }];
    expect(slip.TenTep).toBe(`${submitted.MaHoSo}.pdf`);
    expect(Buffer.from(slip.NoiDung, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    // An officer moves it on; the provider's feed lists both changes, numbered 1, 2, in order.
    await graphql(officer, 'mutation($i: DossierActionInput!) { actOnDossier(input: $i) { version } }', { i: { code: submitted.MaHoSo, action: 'ASSIGN', departmentCode: 'CD', expectedVersion: 1 } });
    const all = await eventually(() => changesOf(client, 0), (p) => p.ThayDoi.length >= 2);
    expect(all.ThayDoi.map((c) => [c.SoThuTu, c.MaHoSo, c.PhienBan, c.HanhDong, c.DenTrangThai])).toEqual([
      [1, submitted.MaHoSo, 1, 'RECEIVE', 'RECEIVED'],
      [2, submitted.MaHoSo, 2, 'ASSIGN', 'ASSIGNED'],
    ]);
    expect(all).toMatchObject({ SoCuoi: 2, ConNua: false });
    const page1 = await changesOf(client, 0, 1);
    expect(page1).toMatchObject({ SoCuoi: 1, ConNua: true });
    expect((await changesOf(client, page1.SoCuoi, 1)).ThayDoi.map((c) => c.SoThuTu)).toEqual([2]);
  });

  test("R-INT-1: another provider's credentials see nothing of the first provider's: not its dossiers, its changes or its receipts", async () => {
    const mine = await legacyClient(first);
    const [submitted] = (await mine.NopHoSoAsync(await signedNop(NOP_HO_SO))) as [{ MaHoSo: string }];
    const theirs = await legacyClient(second);
    expect(await expectFault(theirs.TraCuuHoSoAsync({ MaHoSo: submitted.MaHoSo }))).toMatchObject({ faultcode: 'soap:Client', code: 'NOT_FOUND' });
    expect(await expectFault(theirs.LayBienNhanAsync({ MaHoSo: submitted.MaHoSo }))).toMatchObject({ faultcode: 'soap:Client', code: 'NOT_FOUND' });
    await eventually(() => changesOf(mine, 0), (p) => p.ThayDoi.some((c) => c.MaHoSo === submitted.MaHoSo));
    expect((await changesOf(theirs, 0)).ThayDoi).toEqual([]);
  });

  test('R-INT-1: a replayed nonce, an expired Created, a wrong password, an unknown user and a missing token are each refused with a Fault', async () => {
    const lookup = '<v:LayThayDoiTrangThai><v:SauSo>0</v:SauSo></v:LayThayDoiTrangThai>';
    const message = envelope(lookup, first);
    expect((await postEnvelope(message)).status).toBe(200);
    const replayed = await postEnvelope(message);
    expect(replayed.status).toBe(500);
    expect(faultOf(replayed.xml)).toMatchObject({ faultcode: 'soap:Client', code: 'UNAUTHENTICATED', message: expect.stringContaining('Nonce was used before') });

    const expired = faultOf((await postEnvelope(envelope(lookup, { ...first, created: new Date(Date.now() - 6 * 60_000).toISOString() }))).xml);
    expect(expired).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('5 minutes') });
    const wrong = faultOf((await postEnvelope(envelope(lookup, { ...first, password: `${first.password}x` }))).xml);
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('wrong password') });
    const unknown = faultOf((await postEnvelope(envelope(lookup, { username: 'IVAN-9999.000000000000', password: first.password }))).xml);
    expect(unknown).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('unknown username') });
    expect(faultOf((await postEnvelope(envelope(lookup))).xml)).toMatchObject({ faultcode: 'soap:Client', code: 'UNAUTHENTICATED' });
  });

  test('R-INT-1: a revoked credential is refused; a rotated provider keeps working with its new one', async () => {
    const old = await issue('IVAN-0004');
    const rotated = (await graphql<{ issueIvanCredential: Credential & { revoked: number } }>(officer,
      'mutation { issueIvanCredential(providerId: "IVAN-0004", rotate: true) { username password revoked } }')).issueIvanCredential;
    expect(rotated.revoked).toBe(1);
    const lookup = '<v:LayThayDoiTrangThai><v:SauSo>0</v:SauSo></v:LayThayDoiTrangThai>';
    expect(faultOf((await postEnvelope(envelope(lookup, old))).xml)).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('revoked') });
    expect((await postEnvelope(envelope(lookup, rotated))).status).toBe(200);
  });

  test('R-INT-1: malformed XML, a DOCTYPE, a wrong namespace, a missing element and an oversized envelope get Faults and store nothing', async () => {
    const before = await countDossiers();
    const nop = (inner: string, ns = 'urn:vss-graph:ivan:v1') => `<x:NopHoSo xmlns:x="${ns}">${inner}</x:NopHoSo>`;
    const valid = '<x:MaTTHC>1.002003</x:MaTTHC><x:MaCoQuan>000.00.01.H26</x:MaCoQuan><x:NguoiNop><x:MaDonVi>TA0123A</x:MaDonVi><x:HoTen>Sao Mai</x:HoTen></x:NguoiNop>'
      + '<x:DanhSachThanhPhan><x:ThanhPhan><x:MaGiayTo>14-HSB</x:MaGiayTo><x:TenGiayTo>Đơn</x:TenGiayTo></x:ThanhPhan></x:DanhSachThanhPhan>';
    const cases = {
      malformed: envelope(nop(valid), first).replace('</soap:Body>', '</soap:Bod>'),
      doctype: envelope(nop(valid), first).replace('<?xml version="1.0"?>', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'),
      wrongNamespace: envelope(nop(valid, 'urn:somebody-else'), first),
      soap12: envelope(nop(valid), first).replaceAll('http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope'),
      missingElement: envelope(nop(valid.replace('<x:MaTTHC>1.002003</x:MaTTHC>', '')), first),
      oversized: envelope(nop(valid.replace('Sao Mai', 'x'.repeat(MAX_ENVELOPE))), first),
    };
    const faults = Object.fromEntries(await Promise.all(Object.entries(cases).map(async ([name, xml]) => {
      const { status, xml: answer } = await postEnvelope(xml);
      return [name, { status, ...faultOf(answer) }];
    })));
    for (const f of Object.values(faults)) expect(f).toMatchObject({ status: 500, faultcode: expect.stringMatching(/^soap:(Client|VersionMismatch)$/) });
    expect(faults.malformed).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('not well-formed XML') });
    expect(faults.doctype).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('DOCTYPE') });
    expect(faults.wrongNamespace).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('urn:somebody-else') });
    expect(faults.soap12).toMatchObject({ faultcode: 'soap:VersionMismatch' });
    expect(faults.missingElement).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['MaTTHC'] });
    expect(faults.oversized).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await countDossiers()).toBe(before);
  });

  test('R-INT-1: the intake rules are the GraphQL ones: every bad element is named by its SOAP name, and nothing is stored', async () => {
    const before = await countDossiers();
    const client = await legacyClient(first);
    const fault = await expectFault(client.NopHoSoAsync({
      ...NOP_HO_SO, MaCoQuan: 'not-an-agency', NguoiNop: { SoDinhDanh: '12', HoTen: 'Nguyễn Văn A' },
      DanhSachThanhPhan: { ThanhPhan: [{ MaGiayTo: '14-HSB', TenGiayTo: 'Đơn', SoBanChinh: 0, SoBanSao: 0 }] },
    }));
    expect(fault).toMatchObject({ faultcode: 'soap:Client', code: 'BAD_USER_INPUT' });
    expect(fault.fields).toEqual(expect.arrayContaining(['MaCoQuan', 'NguoiNop.SoDinhDanh', 'DanhSachThanhPhan.ThanhPhan[0]']));
    const unpublished = await expectFault(client.NopHoSoAsync(await signedNop({ ...NOP_HO_SO, MaTTHC: '9.999999' })));
    expect(unpublished).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['MaTTHC'] });
    expect(await countDossiers()).toBe(before);
  });

  test("R-ID-4: NopHoSo carries the employer's signature in ChuKySo and the dossier keeps it; without it, or when it does not verify, a Fault names ChuKySo with the reason and nothing is stored", async () => {
    expect(await (await fetch(`${soapUrl}?wsdl`)).text()).toMatch(/<xsd:element name="ChuKySo" type="xsd:string">/);
    const client = await legacyClient(first);
    const signed = await signedNop(NOP_HO_SO);
    const [submitted] = (await client.NopHoSoAsync(signed)) as [{ MaHoSo: string }];
    const read = await graphql<{ dossier: { confirmation: Record<string, unknown> } }>(officer, 'query($c: ID!) { dossier(code: $c) { confirmation { method by signature } } }', { c: submitted.MaHoSo });
    expect(read.dossier.confirmation).toEqual({ method: 'ORGANIZATION_SIGNATURE', by: 'TA0123A', signature: signed.ChuKySo });

    const before = await countDossiers();
    // A client written before ChuKySo existed: a clear Fault, not a stored dossier.
    expect(await expectFault(client.NopHoSoAsync(NOP_HO_SO))).toMatchObject({
      faultcode: 'soap:Client', code: 'BAD_USER_INPUT', fields: ['ChuKySo'], reasons: ['MISSING'], message: expect.stringContaining('signature: a detached JWS'),
    });
    // Signed, then changed: one more copy of the form than the employer signed for.
    const changed = { ...signed, DanhSachThanhPhan: { ThanhPhan: [{ ...NOP_HO_SO.DanhSachThanhPhan.ThanhPhan[0]!, SoBanSao: 1 }] } };
    expect(await expectFault(client.NopHoSoAsync(changed))).toMatchObject({
      faultcode: 'soap:Client', code: 'BAD_USER_INPUT', fields: ['ChuKySo'], reasons: ['SIGNATURE_INVALID'], message: expect.stringContaining('does not match this payload'),
    });
    expect(await countDossiers()).toBe(before);
  });

  describe('with a national dependency down', () => {
    /** An in-process gateway on the same subgraphs, but `down` answers nothing; I-VAN clients held to trusted documents. */
    async function gatewayWith(down: string) {
      const closed = `http://127.0.0.1:${await freePort()}/graphql`;
      const urls = Object.fromEntries(SUBGRAPHS.map((n) => [`SUBGRAPH_${n.toUpperCase()}_URL`, n === down ? closed : stack.subgraphUrls[n]]));
      const manifestDir = mkdtempSync(path.join(tmpdir(), 'vss-soap-trusted-'));
      const manifest = path.join(manifestDir, 'trusted.json');
      writeFileSync(manifest, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [] }));
      const gateway = await startGateway(loadGatewayConfig({
        ...urls, PORT: '0', KEYS_DIR: keysDir, REDIS_URL: redisUrl, LOG_LEVEL: 'error', TRUSTED_DOCUMENTS: manifest, TRUSTED_DOCUMENTS_FOR: 'ivan',
      }));
      return {
        url: `http://127.0.0.1:${gateway.port}/ivan/soap`,
        async stop() {
          await gateway.stop();
          rmSync(manifestDir, { recursive: true, force: true });
        },
      };
    }
    const post = async (url: string, xml: string) => faultOf(await (await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml })).text());

    test('R-INT-1: identity down: a message cannot be authenticated and gets a soap:Server Fault UPSTREAM_UNAVAILABLE', async () => {
      const g = await gatewayWith('identity');
      try {
        const fault = await post(g.url, envelope('<v:LayThayDoiTrangThai><v:SauSo>0</v:SauSo></v:LayThayDoiTrangThai>', first));
        expect(fault).toMatchObject({ faultcode: 'soap:Server', code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('identity') });
      } finally {
        await g.stop();
      }
    });

    test('R-INT-1: dossiers down: a look-up gets a soap:Server Fault UPSTREAM_UNAVAILABLE; the SOAP operations run even where I-VAN clients are held to trusted documents', async () => {
      const g = await gatewayWith('dossiers');
      try {
        expect(await post(g.url, envelope('<v:TraCuuHoSo><v:MaHoSo>000.00.01.H26-261202-0001</v:MaHoSo></v:TraCuuHoSo>', first)))
          .toMatchObject({ faultcode: 'soap:Server', code: 'UPSTREAM_UNAVAILABLE' });
      } finally {
        await g.stop();
      }
    });
  });
});
