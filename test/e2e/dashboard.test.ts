import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { seedCatalogue, seedDossiers } from '../../scripts/seed';
import { mintDevToken } from '../../platform/dev-token';
import { freePort } from '../../tools/lib/process';
import { PROJECT_ROOT, SUBGRAPHS } from '../../platform/config';
import { connectDatabase } from '../../platform/mongo';
import { launchBrowser, withPage } from '../support/browser';

/**
 * The dashboard (issue 18) in Debian's Chromium against the real stack and the demo data: the
 * development sign-in, the figures beside the graph's own dossierFigures (R-STA-1), English
 * (R-Q-3), a report from draft to published seen by a visitor (R-STA-2), and an officer's overdue
 * dossier and its receipt slip (R-DOS-2). Screenshots land in .data/screenshots/dashboard-*.png.
 */
const keysDir = process.env.KEYS_DIR!;
// A Redis database no other test file uses (event streams and consumer groups are per database).
const redisUrl = `${process.env.REDIS_URL}/57`;
const HANOI = '000.00.01.H26';
let stack: Stack;
let logDir: string;
let origin: string;
let browser: Browser;
let codes: string[];
let overdueCode: string;
let dueSoonCode: string;

interface FiguresRow {
  group: string | null;
  figures: Record<string, number | null>;
}

async function graph<T>(query: string, token?: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

const FIGURES = `query($from: String!, $to: String!) { dossierFigures(from: $from, to: $to, groupBy: AGENCY) {
  group figures { received processing resolvedOnTime resolvedLate rejected returned onlineShare averageProcessingDays } } }`;

async function signIn(page: Page, role: 'dashboard' | 'leader' | 'officer', agency?: string): Promise<void> {
  await page.goto(`${origin}/dashboard/`);
  await page.getByTestId('sign-in-role').selectOption(role);
  if (agency) await page.getByTestId('sign-in-agency').selectOption(agency);
  await page.getByTestId('sign-in-dev').click();
  await page.getByTestId('signed-in-as').waitFor();
}

beforeAll(async () => {
  // npm test's pretest builds ui/ (scripts/ensure-deps.mjs); a lone jest run needs it done once.
  if (!existsSync(path.join(PROJECT_ROOT, 'ui', 'dashboard', 'dist', 'index.html'))) throw new Error('ui/dashboard is not built: run `node scripts/ensure-deps.mjs` (npm test does)');
  logDir = mkdtempSync(path.join(tmpdir(), 'vss-e2e-logs-'));
  const dbPrefix = `db${randomBytes(3).toString('hex')}_`;
  const ports = Object.fromEntries(await Promise.all([...SUBGRAPHS, 'gateway'].map(async (n) => [n, await freePort()])));
  await seedCatalogue(process.env.MONGODB_URI!, dbPrefix, keysDir);
  [stack, browser] = await Promise.all([startStack({ mongoUri: process.env.MONGODB_URI!, redisUrl, keysDir, logDir, ports, dbPrefix }), launchBrowser()]);
  origin = new URL(stack.gatewayUrl).origin;
  ({ codes } = await seedDossiers(stack.gatewayUrl, keysDir));
  // A demo dossier is days from its appointment; move one into the past, as time would.
  overdueCode = codes.find((c) => c.startsWith(HANOI))!;
  const db = await connectDatabase(process.env.MONGODB_URI!, `${dbPrefix}dossiers`);
  await db.collection('dossiers').updateOne({ code: overdueCode }, { $set: { appointmentAt: new Date(Date.now() - 3 * 86_400_000) } });
  // And another one due within the next working day.
  dueSoonCode = codes.filter((c) => c.startsWith(HANOI))[1]!;
  await db.collection('dossiers').updateOne({ code: dueSoonCode }, { $set: { appointmentAt: new Date(Date.now() + 2 * 3_600_000) } });
  await db.close();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (logDir) rmSync(logDir, { recursive: true, force: true });
});

test('issue 18: the gateway tells the dashboard it is in development mode, and mints tokens only for the roles that exist', async () => {
  expect(await (await fetch(`${origin}/dashboard/config.json`)).json()).toEqual({ mode: 'dev', devSignIn: true, roles: ['dashboard', 'leader', 'officer'] });
  const mint = (body: unknown) => fetch(`${origin}/dashboard/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const refused = await mint({ role: 'admin' });
  expect([refused.status, ((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message]).toEqual([400, 'role must be one of dashboard, leader, officer']);
  expect((await mint({ role: 'officer' })).status).toBe(400);
  const leader = (await (await mint({ role: 'leader' })).json()) as { token: string };
  const payload = JSON.parse(Buffer.from(leader.token.split('.')[1]!, 'base64url').toString()) as { client_type: string; scope: string };
  expect(payload.client_type).toBe('dashboard');
  expect(payload.scope.split(' ')).toContain('statistics:approve');
});

test('issue 18, R-STA-1, R-Q-3: a dashboard user signs in, sees the figures exactly as dossierFigures answers them, exports them, and switches to English', async () => {
  const token = await mintDevToken(keysDir, { client: 'dashboard' });
  await withPage(browser, 'dashboard-figures', async ({ page, shot }) => {
    await page.setViewportSize({ width: 1280, height: 760 });
    await signIn(page, 'dashboard');
    // The token lives in sessionStorage only (issue 18), never in localStorage.
    expect(await page.evaluate(() => [Object.keys(localStorage).some((k) => localStorage.getItem(k)?.startsWith('eyJ')), Object.keys(sessionStorage)])).toEqual([false, ['vss.dashboard.token']]);
    const range = page.getByTestId('figures-range');
    const [from, to] = [await range.getAttribute('data-from'), await range.getAttribute('data-to')];
    // The rollups follow the dossier events within seconds: wait until the graph counts every seeded dossier.
    let expected: FiguresRow[] = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 300))) {
      expected = (await graph<{ dossierFigures: FiguresRow[] }>(FIGURES, token, { from, to })).dossierFigures;
      if (expected.reduce((n, r) => n + r.figures.received!, 0) === codes.length) break;
    }
    expect(expected.reduce((n, r) => n + r.figures.received!, 0)).toBe(codes.length);
    await page.reload();
    await page.locator(`[data-testid=figures-row][data-group="${HANOI}"]`).waitFor();
    const shown = await page.getByTestId('figures-row').evaluateAll((rows) =>
      rows.map((r) => ({
        group: (r as HTMLElement).dataset.group,
        figures: Object.fromEntries([...r.querySelectorAll('td')].map((td) => [td.dataset.testid!.replace('figure-', ''), td.dataset.value === '' ? null : Number(td.dataset.value)])),
      })),
    );
    expect(shown).toEqual(expected);
    expect(await page.locator(`[data-testid=figures-row][data-group="${HANOI}"] th`).textContent()).toBe(`Bảo hiểm xã hội thành phố Hà Nội (${HANOI})`);
    await page.getByTestId('figures-chart').waitFor();
    await shot('vi');

    const download = page.waitForEvent('download');
    await page.getByTestId('figures-csv').click();
    const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(csv).toHaveLength(expected.length + 1);
    expect(csv[0]).toBe('Nhóm,Tiếp nhận,Đang giải quyết,Giải quyết đúng hạn,Giải quyết quá hạn,Từ chối,Đã trả kết quả,Tỷ lệ trực tuyến,Số ngày giải quyết bình quân');

    await page.getByTestId('locale-toggle').click();
    await expect(page.getByTestId('nav-figures').textContent()).resolves.toBe('Figures');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('table.figures thead th').allTextContents()).toEqual([
      'Group', 'Received', 'Processing', 'Resolved on time', 'Resolved late', 'Rejected', 'Returned', 'Online share', 'Average processing days',
    ]);
    expect(await page.locator(`[data-testid=figures-row][data-group="${HANOI}"] th`).textContent()).toBe(`Hanoi Social Security (${HANOI})`);
    await shot('en');
  });
});

test('issue 18, R-STA-2: a leader approves and publishes a report, and an anonymous visitor then sees only the published one', async () => {
  const dashboard = await mintDevToken(keysDir, { client: 'dashboard' });
  const create = `mutation($input: StatisticsReportInput!) { createStatisticsReport(input: $input) { id } }`;
  const day = new Date().toISOString().slice(0, 10);
  await graph(create, dashboard, { input: { title: 'Bản nháp chưa duyệt', from: day, to: day } });
  await withPage(browser, 'dashboard-reports', async ({ page, shot }) => {
    await signIn(page, 'dashboard');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-create-title').fill('Báo cáo tháng');
    await page.getByTestId('report-create-submit').click();
    const row = page.locator('[data-testid=report-row][data-title="Báo cáo tháng"]');
    await row.waitFor();
    // The author holds no statistics:approve: no approve button for them.
    expect(await page.getByTestId('report-approve').count()).toBe(0);

    await page.getByTestId('sign-out').click();
    await signIn(page, 'leader');
    await page.getByTestId('nav-reports').click();
    await row.getByTestId('report-approve').click();
    await page.locator('[data-testid=report-row][data-title="Báo cáo tháng"][data-status=APPROVED]').waitFor();
    await row.getByTestId('report-publish').click();
    await page.locator('[data-testid=report-row][data-title="Báo cáo tháng"][data-status=PUBLISHED]').waitFor();
    expect(await row.getByTestId('report-approved-by').textContent()).toMatch(/^Duyệt: dev-leader \(dashboard\), \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    await shot('leader');

    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-anonymous').click();
    await page.getByTestId('reports-table').waitFor();
    expect(await page.getByTestId('report-row').evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.title, (r as HTMLElement).dataset.status]))).toEqual([['Báo cáo tháng', 'PUBLISHED']]);
    await page.getByTestId('report-figures').click();
    await page.getByTestId('report-figures-table').waitFor();
    await shot('visitor');
  });
});

test('issue 18, R-DOS-2: an officer opens an overdue dossier of their agency, reads its history and downloads its receipt slip', async () => {
  await withPage(browser, 'dashboard-dossiers', async ({ page, shot }) => {
    await signIn(page, 'officer', HANOI);
    await page.getByTestId('nav-dossiers').click();
    const overdue = page.getByTestId('dossiers-overdue');
    await overdue.locator(`[data-testid=dossier-row][data-code="${overdueCode}"]`).waitFor();
    expect(await overdue.getByTestId('dossier-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code))).toEqual([overdueCode]);
    const dueSoon = await page.getByTestId('dossiers-due-soon').getByTestId('dossier-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code));
    expect(dueSoon).toContain(dueSoonCode);
    expect(dueSoon).not.toContain(overdueCode);
    await overdue.getByTestId('dossier-link').click();
    await page.getByTestId('dossier-history').waitFor();
    expect(await page.getByTestId('dossier-deadline').textContent()).toBe('Quá hạn');
    expect(await page.locator('[data-testid=dossier-history] tbody tr').count()).toBeGreaterThan(0);
    const download = page.waitForEvent('download');
    await page.getByTestId('dossier-receipt').click();
    const slip = await download;
    expect(slip.suggestedFilename()).toBe(`${overdueCode}.pdf`);
    expect(readFileSync((await slip.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await shot('overdue');
  });
});

test("issue 18: an officer's integrations page shows the national-portal push and an I-VAN partner's deliveries as the graph counts them", async () => {
  const token = await mintDevToken(keysDir, { client: 'officer', agencyCode: HANOI });
  const counts = async () => {
    const g = await graph<{ portalSync: { backlog: number; failing: number }; ivanDeliveries: { backlog: number; failing: number } }>(
      'query($p: String) { portalSync { backlog failing } ivanDeliveries(providerId: $p) { backlog failing } }', token, { p: 'IVAN-0001' });
    return [g.portalSync.backlog, g.portalSync.failing, g.ivanDeliveries.backlog, g.ivanDeliveries.failing].map(String);
  };
  await withPage(browser, 'dashboard-integrations', async ({ page, shot }) => {
    await signIn(page, 'officer', HANOI);
    await page.getByTestId('nav-integrations').click();
    await page.getByTestId('portal-backlog').waitFor();
    await page.getByTestId('ivan-provider').fill('IVAN-0001');
    await page.getByTestId('ivan-show').click();
    await page.getByTestId('ivan-backlog').waitFor();
    const shown = () => Promise.all(['portal-backlog', 'portal-failing', 'ivan-backlog', 'ivan-failing'].map(async (id) => (await page.getByTestId(id).textContent())!.trim()));
    // Pushes may be going out meanwhile: read the graph, then the page, until both were read between two changes.
    let [before, onPage, after] = [await counts(), await shown(), await counts()];
    for (let i = 0; i < 20 && !(JSON.stringify(before) === JSON.stringify(after) && JSON.stringify(onPage) === JSON.stringify(after)); i++) {
      await page.reload();
      await page.getByTestId('portal-backlog').waitFor();
      await page.getByTestId('ivan-provider').fill('IVAN-0001');
      await page.getByTestId('ivan-show').click();
      await page.getByTestId('ivan-backlog').waitFor();
      [before, onPage, after] = [await counts(), await shown(), await counts()];
    }
    expect(onPage).toEqual(after);
    await shot('officer');
  });
});
