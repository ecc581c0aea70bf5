// `npm start`: the whole graph on embedded defaults — FerretDB, Redis, five subgraphs, the gateway.
import net from 'node:net';
import path from 'node:path';
import { DEFAULT_PORTS, PROJECT_ROOT, readEnv, setting } from '../platform/config';
import { ensureKeys } from '../platform/keys';
import { startInfrastructure, type Infrastructure } from './lib/infrastructure';
import { mintDevToken } from '../platform/dev-token';
import { startStack, type Stack } from './lib/stack';
import { seedCatalogue, seedDossiers } from './seed';
import { eventLog } from './stats-rebuild';
import { connectRedis } from '../platform/redis';
import { RollupStore } from '../subgraphs/statistics/services/rollup-store';
import { rebuildRollups } from '../subgraphs/statistics/services/rebuild';
import { DEMO, DEMO_CITIZEN } from './seed-data';
import { randomBytes } from 'node:crypto';
import { startSmsSimulator } from '../adapters/sms/simulator';
import { generatePopulation, startPopulationSimulator } from '../adapters/population/simulator';
import { startNpspSimulator } from '../adapters/npsp/simulator';
import { startNotifySimulator } from '../adapters/notify/simulator';
import { startIvanSimulator } from '../adapters/ivan/simulator';

const DATA_DIR = path.join(PROJECT_ROOT, '.data');
const say = (msg: string) => console.log(`[start] ${msg}`);
/** The I-VAN partner simulator's port when free (README examples use it), else any. */
const IVAN_SIMULATOR_PORT = 4090;

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', () => reject(new Error(`port ${port} is in use (is another npm start running?)`)));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve()));
  });
}

/**
 * Statistics rollups (Redis) are made from the dossier event log; data kept in .data from before
 * they existed gets them once here. Afterwards the live consumer keeps them.
 */
async function rebuildStatisticsOnce(infra: Infrastructure) {
  const redis = await connectRedis(infra.redisUrl);
  try {
    if (await redis.exists('stats:generation')) return;
    const { events } = await rebuildRollups(new RollupStore(redis), eventLog(infra.mongoUri, 'vss_dossiers'));
    if (events) say(`statistics rebuilt from ${events} dossier events recorded before they existed`);
  } finally {
    redis.disconnect();
  }
}

/**
 * The demo I-VAN provider gets a webhook on the partner simulator, once (a callback registered
 * earlier, by anyone, is left as it is), so its dossiers' status changes are pushed and visible
 * at the simulator's /admin/deliveries.
 */
async function registerDemoCallback(gatewayUrl: string, keysDir: string, ivan: Awaited<ReturnType<typeof startIvanSimulator>>) {
  const token = await mintDevToken(keysDir, { client: 'officer', agencyCode: DEMO.officerAgency, ttlSeconds: 300 });
  const ask = async (query: string) => {
    const res = await fetch(gatewayUrl, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return ((await res.json()) as { data?: Record<string, { registered?: boolean; secret?: string }> }).data;
  };
  const status = await ask(`{ ivanDeliveries(providerId: "${DEMO.ivanProvider}") { registered } }`);
  if (status?.ivanDeliveries?.registered !== false) return false;
  const reg = await ask(`mutation { registerIvanCallback(input: { kind: WEBHOOK, url: "${ivan.webhookUrl(DEMO.ivanProvider)}", providerId: "${DEMO.ivanProvider}" }) { secret } }`);
  if (reg?.registerIvanCallback?.secret) ivan.setSecret(DEMO.ivanProvider, reg.registerIvanCallback.secret);
  return true;
}

async function main() {
  const { KEYS_DIR: keysDir } = readEnv({ KEYS_DIR: setting.path('.data/keys') });
  for (const port of Object.values(DEFAULT_PORTS)) await assertPortFree(port);
  await ensureKeys(keysDir);

  let infra: Infrastructure | undefined;
  let stack: Stack | undefined;
  let sms: Awaited<ReturnType<typeof startSmsSimulator>> | undefined;
  let population: Awaited<ReturnType<typeof startPopulationSimulator>> | undefined;
  let npsp: Awaited<ReturnType<typeof startNpspSimulator>> | undefined;
  let notify: Awaited<ReturnType<typeof startNotifySimulator>> | undefined;
  let ivan: Awaited<ReturnType<typeof startIvanSimulator>> | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await stack?.stop();
    await sms?.stop();
    await population?.stop();
    await npsp?.stop();
    await notify?.stop();
    await ivan?.stop();
    await infra?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    infra = await startInfrastructure({ dataDir: DATA_DIR, log: say });
    say(`database ${infra.mongoUri} · redis ${infra.redisUrl}`);
    await seedCatalogue(infra.mongoUri, 'vss_', keysDir);
    // The SMS gateway is simulated locally: it records replies and plays phones (simulate-inbound).
    const smsSecret = randomBytes(16).toString('hex');
    sms = await startSmsSimulator({ apiKey: 'dev-sms-key', webhookSecret: smsSecret, webhookUrl: `http://127.0.0.1:${DEFAULT_PORTS.gateway}/sms/inbound` });
    // The national population database is simulated locally too (SOAP), with a generated population.
    population = await startPopulationSimulator({ citizens: [...generatePopulation(5000), DEMO_CITIZEN] });
    // …and the national portal (account checks) and the e-mail/SMS notification service.
    npsp = await startNpspSimulator({ username: 'vss-dev', password: randomBytes(8).toString('hex') });
    notify = await startNotifySimulator();
    // …and an I-VAN partner receiving status pushes (webhook and SOAP), with fault knobs.
    ivan = await startIvanSimulator({ port: await assertPortFree(IVAN_SIMULATOR_PORT).then(() => IVAN_SIMULATOR_PORT, () => 0) });
    stack = await startStack({
      mongoUri: infra.mongoUri,
      redisUrl: infra.redisUrl,
      keysDir,
      logDir: path.join(DATA_DIR, 'logs'),
      env: {
        SMS_GATEWAY_URL: sms.url, SMS_API_KEY: 'dev-sms-key', SMS_WEBHOOK_SECRET: smsSecret,
        POPULATION_URL: population.endpoint,
        NPSP_URL: npsp.url, NPSP_USERNAME: 'vss-dev', NPSP_PASSWORD: npsp.password,
        NOTIFY_URL: notify.url, OTP_SECRET: randomBytes(16).toString('hex'),
      },
    });
    await rebuildStatisticsOnce(infra);
    const seeded = await seedDossiers(stack.gatewayUrl, keysDir);
    say(seeded.created ? `filed ${seeded.codes.length} demo dossiers through the gateway` : 'demo dossiers already present');
    if (await registerDemoCallback(stack.gatewayUrl, keysDir, ivan)) say(`${DEMO.ivanProvider}'s status changes are pushed to the I-VAN partner simulator`);
    for (const [name, child] of stack.children) {
      child.once('exit', (code) => {
        if (stopping) return;
        say(`${name} exited with code ${code}; see .data/logs/${name}.log`);
        void shutdown(1);
      });
    }

    const token = await mintDevToken(keysDir, { client: 'officer', agencyCode: DEMO.officerAgency, ttlSeconds: 8 * 3600 });
    const query = `{ dossier(code: "${seeded.codes[0]}") { code status receivedAt procedure { code name } handlingAgency { code name } documents { id name } } }`;
    console.log(`
vss-graph is running.
  gateway     ${stack.gatewayUrl}   (ready: http://127.0.0.1:${DEFAULT_PORTS.gateway}/readyz, metrics: /metrics)
  dashboard   ${stack.gatewayUrl.replace(/\/graphql$/, '')}/dashboard/   (development sign-in: pick a role, e.g. leader, or paste a token)
  graphiql    ${stack.gatewayUrl.replace(/\/graphql$/, '')}/graphiql/   (put {"Authorization": "Bearer <the token below>"} in its Headers)
  subgraphs   ${Object.entries(stack.subgraphUrls).map(([n, u]) => `${n} ${u}`).join('\n              ')}
  logs        .data/logs/<service>.log

An officer token (8 hours; more with: npm run token -- --help):
  export TOKEN=${token}

Try:
  curl -s ${stack.gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '${JSON.stringify({ query })}'

Verify a citizen against the (simulated) national population database (R-ID-2):
  curl -s ${stack.gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '${JSON.stringify({ query: `mutation { verifyCitizen(input: { personalId: "${DEMO_CITIZEN.personalId}", fullName: "${DEMO_CITIZEN.fullName}", dateOfBirth: "${DEMO_CITIZEN.dateOfBirth}" }) { fullName gender verification { result at } } }` })}'

Messages the system sent (account credentials, one-time passwords): curl -s ${notify.url}/notifications

Status by SMS (R-DOS-4), through the local SMS gateway simulator:
  curl -s ${sms.url}/simulate-inbound -d '{"from":"0912345678","text":"HS ${seeded.codes[0]}"}'

Status changes of ${DEMO.ivanProvider}'s dossiers pushed to the I-VAN partner simulator (R-INT-1):
  curl -s ${ivan.url}/admin/deliveries      (faults: curl -s ${ivan.url}/admin/knobs -d '{"down":true}')

Operations (issue 16): metrics, readiness, and the audit chain's check:
  curl -s ${stack.gatewayUrl.replace(/\/graphql$/, '')}/metrics      curl -s ${stack.gatewayUrl.replace(/\/graphql$/, '')}/readyz
  MONGODB_URI=${infra.mongoUri} npm run audit:verify

Press Ctrl-C to stop everything.`);
  } catch (err) {
    console.error(`[start] ${(err as Error).message}`);
    await shutdown(1);
  }
}

void main();
