import { appError, badInput, ErrorCode, forbidden, notFound } from '../../../platform/errors';
import type { Caller } from '../../../platform/context';
import type { DossierFacts } from '../../../platform/events';
import type { WorkingCalendar } from '../calendar/working-days';
import { queueKeyOf, RETURN_METHODS, type DossierRecord } from '../models/dossier';
import { ACTIONS, allowedActions, publicStatusOf, type DossierAction, type DossierState } from '../workflow/states';
import { AGENCY_CODE } from '../../../platform/identifiers';
import { canAct, canSee } from './access';
import type { DossierRepository } from '../repositories/dossiers';

/** What a change needs: who acts, and the dossiers subgraph's store and calendar. */
export interface ActionContext extends Caller {
  dossiers: DossierRepository;
  calendar: WorkingCalendar;
}

export interface ActionInput {
  code: string;
  action: DossierAction;
  expectedVersion: number;
  reason?: string | null;
  departmentCode?: string | null;
  toAgencyCode?: string | null;
  returnMethod?: (typeof RETURN_METHODS)[number] | null;
}

/** The projection fields an action sets, computed from the current dossier. */
function changesFor(d: DossierRecord, input: ActionInput, to: DossierState, now: Date, calendar: WorkingCalendar): Partial<DossierRecord> {
  const changes = actionChanges(d, input, { state: to, status: publicStatusOf(to) }, now, calendar);
  return { ...changes, queue: queueKeyOf(changes.handlingAgencyCode ?? d.handlingAgencyCode, to) };
}

function actionChanges(d: DossierRecord, input: ActionInput, base: Partial<DossierRecord>, now: Date, calendar: WorkingCalendar): Partial<DossierRecord> {
  switch (input.action) {
    case 'ASSIGN':
      return { ...base, handlingDepartment: input.departmentCode! };
    case 'TRANSFER': {
      const toAgency = input.toAgencyCode!;
      const chain = d.agencyChain.map((s, i) => (i === d.agencyChain.length - 1 ? { ...s, transferredAt: now, reason: input.reason! } : s));
      return {
        ...base,
        handlingAgencyCode: toAgency,
        handlingDepartment: null,
        agencyChain: [...chain, { agencyCode: toAgency, receivedAt: now, transferredAt: null, reason: null }],
        agencyCodes: [...new Set([...d.agencyCodes, toAgency])],
      };
    }
    case 'REQUEST_SUPPLEMENT':
      return { ...base, supplementRequestedAt: now };
    case 'RECEIVE_SUPPLEMENT': {
      // R-DOS-8: the processing time restarts once the supplement is in; the old date stays in the history.
      const appointmentAt = calendar.appointment(now, d.processingDays);
      return {
        ...base,
        supplementRequestedAt: null,
        appointmentAt,
        appointmentHistory: [...d.appointmentHistory, { appointmentAt, setAt: now, reason: `supplement received: ${d.processingDays} working days from now (R-DOS-8)` }],
      };
    }
    case 'COMPLETE':
    case 'REJECT':
    case 'WITHDRAW':
      return { ...base, completedAt: now };
    case 'RETURN_RESULT':
      return { ...base, returnMethod: input.returnMethod!, returnedAt: now };
    default:
      return base;
  }
}

function checkArguments(d: DossierRecord, input: ActionInput): string | null {
  const def = ACTIONS[input.action];
  if (def.needsReason && !input.reason?.trim()) return `${input.action} needs a reason`;
  if (input.action === 'ASSIGN' && !input.departmentCode?.trim()) return 'ASSIGN needs departmentCode';
  if (input.action === 'TRANSFER') {
    if (!input.toAgencyCode || !AGENCY_CODE.test(input.toAgencyCode)) return 'TRANSFER needs toAgencyCode, an agency code like 000.00.01.H26';
    if (input.toAgencyCode === d.handlingAgencyCode) return `the dossier is already at ${d.handlingAgencyCode}`;
  }
  if (input.action === 'RETURN_RESULT' && !input.returnMethod) return `RETURN_RESULT needs returnMethod (${RETURN_METHODS.join(', ')})`;
  return null;
}

/** What the statistics need to know of a change beyond the change itself (R-STA-1). */
function factsFor(d: DossierRecord, input: ActionInput, now: Date, calendar: WorkingCalendar): DossierFacts | null {
  if (input.action === 'TRANSFER') return { fromAgencyCode: d.handlingAgencyCode };
  if (input.action === 'COMPLETE') {
    return {
      appointmentAt: d.appointmentAt.toISOString(),
      onTime: now.getTime() <= d.appointmentAt.getTime(),
      workingDays: calendar.workingDaysTaken(d.receivedAt, now),
    };
  }
  return null;
}

/**
 * Moves a dossier along its workflow (R-DOS-3, 7, 8, 9, 11). Everything is checked before
 * anything is written; the change is one appended event (who, when, agency, department, why)
 * and its projection. Of two concurrent changes the second gets CONFLICT.
 */
export async function actOnDossier(ctx: ActionContext, input: ActionInput, now = new Date()): Promise<DossierRecord> {
  const p = ctx.principal;
  const d = await ctx.dossiers.forChange(input.code, input.expectedVersion);
  if (!d || !canSee(p, d)) throw notFound(`no dossier ${input.code} that you may see`);
  if (!canAct(p, d, input.action)) {
    throw forbidden(`you may not ${input.action} dossier ${d.code}: it is handled by ${d.handlingAgencyCode}`);
  }
  if (input.expectedVersion !== d.seq) {
    throw appError(ErrorCode.CONFLICT, `dossier ${d.code} is at version ${d.seq}, not ${input.expectedVersion}; reload it and retry`, {
      currentVersion: d.seq,
    });
  }
  const state = d.state as DossierState;
  const def = ACTIONS[input.action];
  if (!(def.from as readonly DossierState[]).includes(state)) {
    const allowed = allowedActions(state);
    throw badInput(
      `cannot ${input.action} dossier ${d.code}: it is ${state}; allowed now: ${allowed.length ? allowed.join(', ') : `none (${state} is final)`}`,
      { currentState: state, allowedActions: allowed },
    );
  }
  const problem = checkArguments(d, input);
  if (problem) throw badInput(problem, { currentState: state });

  const changes = changesFor(d, input, def.to, now, ctx.calendar);
  const facts = factsFor(d, input, now, ctx.calendar);
  const event = await ctx.dossiers.append({
    dossierCode: d.code,
    seq: d.seq + 1,
    action: input.action,
    previousState: state,
    state: def.to,
    previousStatus: d.status,
    status: publicStatusOf(def.to),
    actor: { client: p.client, subject: p.subject, agencyCode: p.agencyCode ?? null },
    agencyCode: changes.handlingAgencyCode ?? d.handlingAgencyCode,
    departmentCode: changes.handlingDepartment === undefined ? d.handlingDepartment : changes.handlingDepartment,
    procedureCode: d.procedureCode,
    channel: d.channel,
    ivanProviderId: d.ivanProviderId ?? null,
    reason: input.reason?.trim() || null,
    at: now,
    changes,
    ...(facts ? { facts } : {}),
  });
  if (!event) {
    await ctx.dossiers.repair(d.code);
    throw appError(ErrorCode.CONFLICT, `dossier ${d.code} changed meanwhile; reload it and retry`);
  }
  await ctx.dossiers.project(event);
  return { ...d, ...changes, seq: event.seq };
}
