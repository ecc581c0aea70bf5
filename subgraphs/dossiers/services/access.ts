import type { FilterQuery } from 'mongoose';
import type { Principal } from '../../../platform/principal';
import { applicantKeyOf, type DossierRecord } from '../models/dossier';
import type { DossierAction } from '../workflow/states';

/**
 * Row-level rules (R-INT-1, R-Q-2), decided from the principal in the internal token (each filter
 * a top-level equality on an indexed field):
 * dashboards and the national portal read all; an officer the dossiers that have passed through
 * their agency (so including those transferred to it); an I-VAN provider those it submitted; a
 * citizen their own; anonymous callers none (they have the public lookup).
 */
export function visibilityFilter(p: Principal): FilterQuery<DossierRecord> | null {
  if (!p.scopes.includes('dossier:read')) return null;
  switch (p.client) {
    case 'dashboard':
    case 'npsp':
      return {};
    case 'officer':
      return p.agencyCode ? { agencyCodes: p.agencyCode } : null;
    case 'ivan':
      return p.ivanProviderId ? { ivanProviderId: p.ivanProviderId } : null;
    case 'citizen':
      return p.personalId ? { applicantKey: applicantKeyOf({ personalId: p.personalId, unitCode: null }) } : null;
    default:
      return null;
  }
}

export function canSee(p: Principal, d: Pick<DossierRecord, 'agencyCodes' | 'ivanProviderId' | 'applicant'>): boolean {
  if (!p.scopes.includes('dossier:read')) return false;
  switch (p.client) {
    case 'dashboard':
    case 'npsp':
      return true;
    case 'officer':
      return !!p.agencyCode && d.agencyCodes.includes(p.agencyCode);
    case 'ivan':
      return !!p.ivanProviderId && d.ivanProviderId === p.ivanProviderId;
    case 'citizen':
      return !!p.personalId && d.applicant.personalId === p.personalId;
    default:
      return false;
  }
}

/** Actions an applicant (or the I-VAN provider filing for it) may take; all others are the handling agency's. */
const APPLICANT_ACTIONS: readonly DossierAction[] = ['WITHDRAW', 'RECEIVE_SUPPLEMENT'];

/** Scopes aside: the schema's @policy on actOnDossier lets in officers with dossier:process and applicants with dossier:submit. */
export function canAct(p: Principal, d: DossierRecord, action: DossierAction): boolean {
  if (p.client === 'officer') return d.handlingAgencyCode === p.agencyCode;
  if (!APPLICANT_ACTIONS.includes(action)) return false;
  return (p.client === 'citizen' || p.client === 'ivan') && canSee(p, d);
}
