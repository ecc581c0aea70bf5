import type { Context } from '../context';
import { appError, ErrorCode, forbidden, invalidInput, type InputError } from '../../../platform/errors';
import { personalIdProblem } from '../../../platform/identifiers';
import { isDuplicateKey } from '../../../platform/mongo';
import type { Principal } from '../../../platform/principal';
import type { CitizenRecord } from '../models/citizen';

/** Who may see a citizen's personal fields: the citizen, officers and dashboards. */
export function canSeePerson(p: Principal, personalId: string): boolean {
  return p.client === 'officer' || p.client === 'dashboard' || (p.client === 'citizen' && p.personalId === personalId);
}

/** The record as this caller may see it: just the key for those who may not see more. */
export const asSeenBy = (p: Principal, c: CitizenRecord): CitizenRecord => (canSeePerson(p, c.personalId) ? c : { personalId: c.personalId });

export interface VerifyInput {
  personalId: string;
  fullName: string;
  dateOfBirth: string;
}

/**
 * Checks a citizen against the national population database (R-ID-2) and keeps the outcome and
 * its time. Name and date of birth are stored only when they matched. Input is validated first;
 * if the database cannot be reached nothing is stored.
 */
export async function verifyCitizen(
  ctx: Pick<Context, 'principal' | 'models' | 'population'>,
  input: VerifyInput,
  now = new Date(),
): Promise<CitizenRecord> {
  const p = ctx.principal;
  const population = await ctx.population();
  // The schema lets in officers with citizen:verify and citizens (@policy); a citizen asks about themself only.
  const mayVerify = p.client === 'officer' || (p.client === 'citizen' && p.personalId === input.personalId);
  if (!mayVerify) throw forbidden('officers with citizen:verify, or the citizen themself, may verify a citizen');
  const errors: InputError[] = [];
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(input.dateOfBirth) ? new Date(`${input.dateOfBirth}T00:00:00Z`) : null;
  // Date() rolls 1991-02-30 over to 1991-03-02: a real date reads back unchanged.
  const dob = parsed && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === input.dateOfBirth ? parsed : null;
  if (!dob) errors.push({ field: 'dateOfBirth', message: 'a date of birth is YYYY-MM-DD, a real date' });
  const idProblem = personalIdProblem(input.personalId, dob, now);
  if (idProblem) errors.push({ field: 'personalId', message: idProblem });
  const fullName = input.fullName.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!fullName) errors.push({ field: 'fullName', message: 'the full name is required' });
  if (errors.length) throw invalidInput(errors);
  if (!population) {
    throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, 'the national population database is not configured (POPULATION_URL)', { serviceName: 'population' });
  }

  const outcome = await population.verifyCitizen(input.personalId, fullName, input.dateOfBirth);
  const verification = { result: outcome.result, mismatchedField: outcome.result === 'MISMATCH' ? outcome.field : null, at: now };
  const confirmed = outcome.result === 'MATCH' ? { fullName, dateOfBirth: input.dateOfBirth } : {};
  const save = (upsert: boolean) =>
    ctx.models.Citizen.findOneAndUpdate({ personalId: input.personalId }, { $set: { verification, ...confirmed } }, { upsert, new: true }).lean().exec();
  // Two first verifications at once both try to insert; the loser updates what the winner made.
  const saved = await save(true).catch((err: unknown) => {
    if (isDuplicateKey(err)) return save(false);
    throw err;
  });
  return saved ?? { personalId: input.personalId, verification, ...confirmed };
}
