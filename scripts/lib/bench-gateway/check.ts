import { isDeepStrictEqual } from 'node:util';
import type { BenchPath } from './paths';
import { CATALOGUE_SIZE } from './seed';
import { RECEIVE_MUTATION, W0_QUERY, W1_DIRECT_QUERY, W1_QUERY, W2_QUERY, type CallerName, type SignedIntake, type WorkloadName } from './workloads';

interface Sample {
  caller: CallerName;
  body: { query: string; variables?: Record<string, unknown> };
  /** The direct path's own query and what of the gateways' answer it must equal. */
  direct?: { query: string; expect(data: unknown): unknown };
  /** What of the answer must be equal (a new dossier's number differs on every path). */
  comparable?(data: unknown): unknown;
  /** What the answer must hold for the workload to mean anything. */
  sane(data: unknown): boolean;
}

type Poll = { dossier: { code: string; status: string; appointmentAt: string; procedure: { code: string } | null; handlingAgency: { code: string } | null } | null };
type Intake = { receiveDossier: { code: string } & Record<string, unknown> };

function samples(workload: WorkloadName, pollCodes: readonly string[], intake: SignedIntake): Sample[] {
  switch (workload) {
    case 'W0':
      return [{ caller: 'anonymous', body: { query: W0_QUERY }, sane: (d) => (d as { agencies: { edges: unknown[] } }).agencies.edges.length > 0 }];
    case 'W2':
      return [{ caller: 'npsp', body: { query: W2_QUERY }, sane: (d) => (d as { procedures: { edges: unknown[] } }).procedures.edges.length === CATALOGUE_SIZE }];
    case 'W1':
      return pollCodes.slice(0, 5).map((code) => ({
        caller: 'ivan',
        body: { query: W1_QUERY, variables: { code } },
        sane: (d) => (d as Poll).dossier?.code === code && !!(d as Poll).dossier?.handlingAgency,
        direct: {
          query: W1_DIRECT_QUERY,
          expect: (d) => {
            const p = (d as Poll).dossier!;
            return { dossier: { code: p.code, status: p.status, appointmentAt: p.appointmentAt, procedure: p.procedure && { code: p.procedure.code }, handlingAgency: p.handlingAgency && { code: p.handlingAgency.code } } };
          },
        },
      }));
    case 'MIX':
      // Its polls are W1's; here one intake per path, equal but for the dossier's number.
      return [{
        caller: 'ivan',
        body: { query: RECEIVE_MUTATION, variables: { input: intake } },
        comparable: (d) => ({ ...(d as Intake).receiveDossier, code: (d as Intake).receiveDossier.code.replace(/-\d+$/, '-#') }),
        sane: (d) => typeof (d as Intake).receiveDossier?.code === 'string',
      }];
  }
}

async function ask(path: BenchPath, caller: CallerName, body: Sample['body']): Promise<unknown> {
  const res = await fetch(path.url, { method: 'POST', headers: { 'content-type': 'application/json', ...path.headers(caller) }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  const json = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (json.errors?.length || !json.data) throw new Error(`errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json.data;
}

/**
 * Before any timing: every path must answer every workload with the same `data` as the first
 * path (ours), deep-equal, without errors. Returns what differed, empty when all agree.
 */
export async function checkAnswers(paths: BenchPath[], workloads: readonly WorkloadName[], pollCodes: readonly string[], intake: SignedIntake): Promise<string[]> {
  const problems: string[] = [];
  const gateways = paths.filter((p) => p.name !== 'direct');
  const direct = paths.find((p) => p.name === 'direct');
  for (const workload of workloads) {
    for (const sample of samples(workload, pollCodes, intake)) {
      const comparable = sample.comparable ?? ((d: unknown) => d);
      let reference: unknown;
      for (const path of gateways) {
        let data: unknown;
        try {
          data = await ask(path, sample.caller, sample.body);
        } catch (err) {
          problems.push(`${workload} on ${path.name}: ${(err as Error).message}`);
          continue;
        }
        if (!sample.sane(data)) problems.push(`${workload} on ${path.name}: the answer does not hold what the workload reads: ${JSON.stringify(data).slice(0, 300)}`);
        if (reference === undefined) {
          reference = data;
          if (direct && sample.direct) {
            try {
              const got = await ask(direct, sample.caller, { query: sample.direct.query, variables: sample.body.variables });
              if (!isDeepStrictEqual(got, sample.direct.expect(data))) problems.push(`${workload} on direct: ${JSON.stringify(got)} ≠ ${JSON.stringify(sample.direct.expect(data))}`);
            } catch (err) {
              problems.push(`${workload} on direct: ${(err as Error).message}`);
            }
          }
        } else if (!isDeepStrictEqual(comparable(data), comparable(reference))) {
          problems.push(`${workload} on ${path.name} differs from ${gateways[0]!.name}: ${JSON.stringify(comparable(data)).slice(0, 300)} ≠ ${JSON.stringify(comparable(reference)).slice(0, 300)}`);
        }
      }
    }
  }
  return problems;
}
