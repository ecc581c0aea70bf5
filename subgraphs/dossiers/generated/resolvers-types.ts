import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { DossierRecord } from '../models/dossier';
import { AuditDossierRow } from '../../../platform/audit';
import { DossierEventRecord } from '../models/dossier-event';
import { ConfirmationRecord } from '../models/confirmation';
import { EventLogRecord } from '../models/event-log';
import { IvanChangeRecord } from '../models/ivan-change';
import { AgencyStepRecord, StatusLookup, AgencyRef, ProcedureRef, ProcedureVersionRef, CitizenRef, OrganizationRef } from '../models/refs';
import { PortalSyncItemRecord } from '../models/portal-sync';
import { PortalSyncStatusRecord } from '../services/portal-sync';
import { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: any; output: any; }
};

export type Agency = {
  __typename?: 'Agency';
  code: Scalars['ID']['output'];
  /** Dossiers this agency handles now that the caller may see, optionally in one public state. */
  dossierCount: Scalars['Int']['output'];
  /** Dossiers this agency handles or has handled, newest first, that the caller may see. */
  dossiers: DossierConnection;
};


export type AgencyDossierCountArgs = {
  status?: InputMaybe<DossierStatus>;
};


export type AgencyDossiersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<DossierStatus>;
};

export type AgencyStep = {
  __typename?: 'AgencyStep';
  agency?: Maybe<Agency>;
  /** Why it was transferred on. */
  reason?: Maybe<Scalars['String']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  /** When it left this agency; null for the agency handling it now. */
  transferredAt?: Maybe<Scalars['DateTime']['output']>;
};

export type Applicant = {
  __typename?: 'Applicant';
  kind: ApplicantKind;
  name: Scalars['String']['output'];
  /** 12-digit personal identification number, for a citizen. */
  personalId?: Maybe<Scalars['String']['output']>;
  /** VSS unit code, for an organisation. */
  unitCode?: Maybe<Scalars['String']['output']>;
};

export type ApplicantInput = {
  name: Scalars['String']['input'];
  /** A citizen: 12-digit personal identification number (with name). */
  personalId?: InputMaybe<Scalars['String']['input']>;
  /** An organisation: its VSS unit code (with name). */
  unitCode?: InputMaybe<Scalars['String']['input']>;
};

export type ApplicantKind =
  | 'CITIZEN'
  | 'ORGANIZATION';

export type Appointment = {
  __typename?: 'Appointment';
  appointmentAt: Scalars['DateTime']['output'];
  reason: Scalars['String']['output'];
  setAt: Scalars['DateTime']['output'];
};

export type AuditTrailConnection = {
  __typename?: 'AuditTrailConnection';
  edges: Array<AuditTrailEdge>;
  pageInfo: PageInfo;
};

export type AuditTrailEdge = {
  __typename?: 'AuditTrailEdge';
  cursor: Scalars['String']['output'];
  node: AuditTrailEntry;
};

/** One exchange that touched a dossier, from the hash-chained audit log (R-Q-2). */
export type AuditTrailEntry = {
  __typename?: 'AuditTrailEntry';
  /** GRAPHQL_QUERY, GRAPHQL_MUTATION, REST or SOAP. */
  action: Scalars['String']['output'];
  agencyCode?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  /** The caller's client type (ivan, npsp, dashboard, officer, citizen, anonymous) and token subject. */
  client: Scalars['String']['output'];
  /** The audit log entry's number: its place in the hash chain (npm run audit:verify checks it). */
  entry: Scalars['Int']['output'];
  ivanProviderId?: Maybe<Scalars['String']['output']>;
  /** The GraphQL operation name, the REST route or the SOAP operation. */
  operation: Scalars['String']['output'];
  /** OK, BEGUN (a mutation's record written before it ran), or the errors' extensions.code. */
  outcome: Scalars['String']['output'];
  subject: Scalars['String']['output'];
};

export type Channel =
  /** The one-stop reception desk. */
  | 'DESK'
  /** An I-VAN provider. */
  | 'IVAN'
  /** The National Public Service Portal. */
  | 'NATIONAL_PORTAL'
  /** The VSS public service portal. */
  | 'ONLINE'
  /** Public postal service. */
  | 'POSTAL';

export type Citizen = {
  __typename?: 'Citizen';
  /** Dossiers this citizen applied for, newest first, that the caller may see. */
  dossiers: DossierConnection;
  personalId: Scalars['ID']['output'];
};


export type CitizenDossiersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Component = {
  __typename?: 'Component';
  copies: Scalars['Int']['output'];
  documentTypeCode: Scalars['String']['output'];
  name: Scalars['String']['output'];
  originals: Scalars['Int']['output'];
};

export type ComponentInput = {
  copies?: Scalars['Int']['input'];
  documentTypeCode: Scalars['String']['input'];
  name: Scalars['String']['input'];
  originals?: Scalars['Int']['input'];
};

export type ConfirmationMethod =
  | 'ORGANIZATION_SIGNATURE'
  | 'OTP';

export type DeadlineStatus =
  | 'DUE_SOON'
  | 'ON_TIME'
  | 'OVERDUE';

/**
 * A dossier (hồ sơ): one application filed under one procedure. Who may read it is decided
 * here from the caller: an I-VAN provider sees the dossiers it submitted, an officer those that
 * passed through their agency, a citizen their own, dashboards all (R-INT-1, R-Q-2).
 */
export type Dossier = {
  __typename?: 'Dossier';
  /** Every agency that has handled it, in order (R-DOS-7). */
  agencyChain: Array<AgencyStep>;
  /** What can be done next from the current state. */
  allowedActions: Array<DossierAction>;
  applicant: Applicant;
  /** The current appointment (due) date (R-DOS-10). */
  appointmentAt: Scalars['DateTime']['output'];
  /** Every appointment date it has had, oldest first; a supplement request adds one (R-DOS-8). */
  appointmentHistory: Array<Appointment>;
  /** How it arrived (R-DOS-6). */
  channel: Channel;
  /** Issued by the system as <agency code>-<YYMMDD>-<NNNN> (R-DOS-1). */
  code: Scalars['ID']['output'];
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The components (thành phần hồ sơ) received. */
  components: Array<Component>;
  /** How the applicant confirmed it (R-ID-4); null when it was received at a desk, by post or from the national portal. */
  confirmation?: Maybe<DossierConfirmation>;
  /** On time, due soon or overdue, judged now (or at completion once finished). */
  deadlineStatus: DeadlineStatus;
  /** The agency handling it now (nullable for the same reason as procedure). */
  handlingAgency?: Maybe<Agency>;
  /** Department (phòng ban) handling it now, when assigned. */
  handlingDepartment?: Maybe<Scalars['String']['output']>;
  /** Every change, oldest first; never edited or deleted (R-DOS-11). */
  history: Array<DossierHistoryEntry>;
  /** The I-VAN provider that submitted it, when channel is IVAN. */
  ivanProviderId?: Maybe<Scalars['String']['output']>;
  /** The national portal's status code, 1–10 (R-DOS-3). */
  npspStatusCode: Scalars['Int']['output'];
  /**
   * The procedure it was filed under. Fields owned by another subgraph are nullable, so that an
   * outage there nulls only them and the rest of the dossier still resolves (R-Q-1).
   */
  procedure?: Maybe<Procedure>;
  /** That version of the procedure, as published: what this dossier is judged by. */
  procedureAsReceived?: Maybe<ProcedureVersion>;
  /** The procedure's name and processing time as they were at reception (a later version changes neither). */
  procedureName: Scalars['String']['output'];
  /** The procedure's published version at reception (R-PRO-2); null on dossiers received before versions existed. */
  procedureVersion?: Maybe<Scalars['Int']['output']>;
  processingDays: Scalars['Int']['output'];
  /**
   * Where to get the receipt slip (R-DOS-2): a path on the gateway, e.g. /receipts/<code>.pdf;
   * GET it with the same Authorization header (application/pdf).
   */
  receiptUrl: Scalars['String']['output'];
  receivedAt: Scalars['DateTime']['output'];
  /** The agency that received it. */
  receivingAgency?: Maybe<Agency>;
  /** How the result was returned (R-DOS-9). */
  returnMethod?: Maybe<ReturnMethod>;
  returnedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The internal workflow state; maps onto `status` and `npspStatusCode`. */
  state: DossierState;
  /** One of the five public states of Art. 12 (R-DOS-3). */
  status: DossierStatus;
  /** Pass this back as expectedVersion when acting on the dossier. */
  version: Scalars['Int']['output'];
};

export type DossierAction =
  /** Assign to a department (departmentCode required). */
  | 'ASSIGN'
  /** Processing finished; the result is ready. */
  | 'COMPLETE'
  | 'RECEIVE_SUPPLEMENT'
  /** Reject at intake (reason required). */
  | 'REJECT'
  /** Ask the applicant for a supplement (reason required); the appointment moves when it arrives. */
  | 'REQUEST_SUPPLEMENT'
  | 'RESUME'
  /** The result was handed back (returnMethod required). */
  | 'RETURN_RESULT'
  | 'START_PROCESSING'
  | 'SUSPEND'
  /** Hand over to the next agency of an inter-agency procedure (toAgencyCode and reason required). */
  | 'TRANSFER'
  /** Withdraw at the applicant's request (reason required). */
  | 'WITHDRAW';

export type DossierActionInput = {
  action: DossierAction;
  code: Scalars['ID']['input'];
  /** For ASSIGN. */
  departmentCode?: InputMaybe<Scalars['String']['input']>;
  /** The dossier's version as last read; a stale version is refused with CONFLICT. */
  expectedVersion: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  /** For RETURN_RESULT. */
  returnMethod?: InputMaybe<ReturnMethod>;
  /** For TRANSFER. */
  toAgencyCode?: InputMaybe<Scalars['ID']['input']>;
};

/** One published dossier change, as consumers receive it from the event stream. */
export type DossierChange = {
  __typename?: 'DossierChange';
  action: Scalars['String']['output'];
  agencyCode: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  channel: Channel;
  departmentCode?: Maybe<Scalars['String']['output']>;
  dossierCode: Scalars['ID']['output'];
  fromState?: Maybe<DossierState>;
  previousStatus?: Maybe<DossierStatus>;
  procedureCode: Scalars['String']['output'];
  /** Global sequence number: total order over all dossiers, without gaps. */
  sequence: Scalars['Int']['output'];
  status: DossierStatus;
  toState: DossierState;
  /** The dossier's version after this change. */
  version: Scalars['Int']['output'];
};

/** How the applicant confirmed an electronic dossier (R-ID-4): an OTP for a citizen, a digital signature for an organisation. */
export type DossierConfirmation = {
  __typename?: 'DossierConfirmation';
  /** When: the OTP's verification; for a signature, the time its timestamp token vouches for. */
  at: Scalars['DateTime']['output'];
  /** The personal id or unit code that confirmed. */
  by: Scalars['String']['output'];
  certificateFingerprint?: Maybe<Scalars['String']['output']>;
  certificateSubject?: Maybe<Scalars['String']['output']>;
  /** OTP: the channel (SMS or EMAIL) the code went by, its id and purpose. */
  channel?: Maybe<Scalars['String']['output']>;
  method: ConfirmationMethod;
  otpId?: Maybe<Scalars['String']['output']>;
  payloadSha256?: Maybe<Scalars['String']['output']>;
  purpose?: Maybe<Scalars['String']['output']>;
  /** Signature: the detached JWS, the SHA-256 of the signed canonical payload, and the certificate. */
  signature?: Maybe<Scalars['String']['output']>;
  /**
   * Signature: a timestamp token over the SHA-256 of `signature` (a JWS under the `timestamp` key
   * set, GET /.well-known/jwks/timestamp.json) vouching for `at`: the signature existed while its
   * certificate was valid, whatever becomes of the certificate later (issue 19).
   */
  timestamp?: Maybe<Scalars['String']['output']>;
};

export type DossierConnection = {
  __typename?: 'DossierConnection';
  edges: Array<DossierEdge>;
  pageInfo: PageInfo;
};

export type DossierEdge = {
  __typename?: 'DossierEdge';
  cursor: Scalars['String']['output'];
  node: Dossier;
};

export type DossierFilter = {
  /** Handling agency code. */
  agency?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<Channel>;
  /** Handling department code. */
  department?: InputMaybe<Scalars['String']['input']>;
  /** true: only dossiers not finished whose appointment falls within the next working day (deadlineStatus DUE_SOON). Only true is a filter. */
  dueSoon?: InputMaybe<Scalars['Boolean']['input']>;
  ivanProvider?: InputMaybe<Scalars['String']['input']>;
  /** true: only dossiers past their appointment and not finished; false: only the others. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  procedure?: InputMaybe<Scalars['ID']['input']>;
  receivedFrom?: InputMaybe<Scalars['DateTime']['input']>;
  receivedTo?: InputMaybe<Scalars['DateTime']['input']>;
  state?: InputMaybe<DossierState>;
  status?: InputMaybe<DossierStatus>;
};

export type DossierHistoryEntry = {
  __typename?: 'DossierHistoryEntry';
  action: Scalars['String']['output'];
  /** Who: the client type and subject of the caller's token. */
  actorClient: Scalars['String']['output'];
  actorSubject: Scalars['String']['output'];
  agencyCode: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  departmentCode?: Maybe<Scalars['String']['output']>;
  fromState?: Maybe<DossierState>;
  reason?: Maybe<Scalars['String']['output']>;
  toState: DossierState;
  version: Scalars['Int']['output'];
};

export type DossierState =
  | 'ASSIGNED'
  | 'PROCESSING'
  | 'RECEIVED'
  | 'REJECTED'
  | 'RESULT_READY'
  | 'RESULT_RETURNED'
  | 'SUPPLEMENT_REQUESTED'
  | 'SUSPENDED'
  | 'TRANSFERRED'
  | 'WITHDRAWN';

/** The five public states a dossier can be in (352/QĐ-BHXH Art. 12.1). */
export type DossierStatus =
  | 'PROCESSING'
  | 'RECEIVED'
  | 'REJECTED'
  | 'RESULT_READY'
  | 'RESULT_RETURNED';

/** What anyone may learn about a dossier from its code (Art. 12; nothing personal, R-DOS-4). */
export type DossierStatusLookup = {
  __typename?: 'DossierStatusLookup';
  appointmentAt: Scalars['DateTime']['output'];
  code: Scalars['ID']['output'];
  handlingAgency?: Maybe<Agency>;
  handlingDepartment?: Maybe<Scalars['String']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  returnedAt?: Maybe<Scalars['DateTime']['output']>;
  status: DossierStatus;
};

export type IvanCallbackInput = {
  kind: IvanCallbackKind;
  /** Only for operators with the ivan:manage scope; an I-VAN provider registers for itself. */
  providerId?: InputMaybe<Scalars['String']['input']>;
  /** An absolute http or https URL. */
  url: Scalars['String']['input'];
};

/** How an I-VAN provider receives status pushes. */
export type IvanCallbackKind =
  /** A SOAP 1.1 call of NhanThayDoiTrangThai, as the callback WSDL (GET /ivan/callback?wsdl on the gateway) describes. */
  | 'SOAP'
  /** A JSON POST to the url. */
  | 'WEBHOOK';

/** A callback registration, as answered once to whoever registered it. */
export type IvanCallbackRegistration = {
  __typename?: 'IvanCallbackRegistration';
  kind: IvanCallbackKind;
  providerId: Scalars['String']['output'];
  registeredAt: Scalars['DateTime']['output'];
  /**
   * The key of the HMAC-SHA256 in X-VSS-Signature (base64url, 32 bytes). Shown only here:
   * keep it; registering again issues a new one.
   */
  secret: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

/** One change of a dossier an I-VAN provider filed, as its feed lists it. */
export type IvanChange = {
  __typename?: 'IvanChange';
  action: Scalars['String']['output'];
  /** The agency handling the dossier after the change. */
  agencyCode: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  dossierCode: Scalars['ID']['output'];
  fromState?: Maybe<DossierState>;
  /** The national portal's status code, 1–10. */
  npspStatusCode: Scalars['Int']['output'];
  /** Its number in the provider's feed: 1, 2, 3 … without gaps. */
  number: Scalars['Int']['output'];
  status: DossierStatus;
  toState: DossierState;
  /** The dossier's version after the change. */
  version: Scalars['Int']['output'];
};

/** One page of an I-VAN provider's change feed. */
export type IvanChangePage = {
  __typename?: 'IvanChangePage';
  changes: Array<IvanChange>;
  /** More changes follow this page. */
  hasMore: Scalars['Boolean']['output'];
  /** The number of the last change on this page (`after` when it is empty): pass it as `after` next time. */
  last: Scalars['Int']['output'];
};

/** One status change on its way to a provider. */
export type IvanDelivery = {
  __typename?: 'IvanDelivery';
  /** Times the receiver refused it (outages do not count). */
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  dossierCode: Scalars['ID']['output'];
  /** <dossierCode>:<seq>, sent as Idempotency-Key. */
  idempotencyKey: Scalars['String']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  nextAttemptAt: Scalars['DateTime']['output'];
  seq: Scalars['Int']['output'];
  toState: DossierState;
};

export type IvanDeliveryError = {
  __typename?: 'IvanDeliveryError';
  at: Scalars['DateTime']['output'];
  dossierCode: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  seq: Scalars['Int']['output'];
};

/** How status pushes to one I-VAN provider stand (R-INT-1). */
export type IvanDeliveryStatus = {
  __typename?: 'IvanDeliveryStatus';
  /** Changes waiting to be acknowledged with a 2xx. */
  backlog: Scalars['Int']['output'];
  /** Of those, how many the receiver refused (4xx) at least once; they retry with backoff. */
  failing: Scalars['Int']['output'];
  kind?: Maybe<IvanCallbackKind>;
  lastDeliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The most recent failure, even if its change has gone through since. */
  lastError?: Maybe<IvanDeliveryError>;
  /** The oldest change still waiting; null when none waits. */
  oldestPending?: Maybe<IvanDelivery>;
  /** While the receiver is out (5xx, timeout, unreachable), nothing is sent before this time. */
  pausedUntil?: Maybe<Scalars['DateTime']['output']>;
  providerId: Scalars['String']['output'];
  /** Whether a callback is registered; without one nothing is sent and nothing new is queued. */
  registered: Scalars['Boolean']['output'];
  url?: Maybe<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Moves a dossier along its workflow; an action not allowed from the current state is BAD_USER_INPUT naming both. */
  actOnDossier: Dossier;
  /** Receives a dossier (R-DOS-1, 5, 6, 10): issues its code and appointment date. */
  receiveDossier: Dossier;
  /**
   * Registers where an I-VAN provider receives its dossiers' status changes (R-INT-1), replacing
   * any earlier registration. Answers a fresh signing secret, shown this once.
   */
  registerIvanCallback: IvanCallbackRegistration;
  /** Stops status pushes to a provider; true when a callback was registered. Pending changes wait for a new registration. */
  removeIvanCallback: Scalars['Boolean']['output'];
};


export type MutationActOnDossierArgs = {
  input: DossierActionInput;
};


export type MutationReceiveDossierArgs = {
  input: ReceiveDossierInput;
};


export type MutationRegisterIvanCallbackArgs = {
  input: IvanCallbackInput;
};


export type MutationRemoveIvanCallbackArgs = {
  providerId?: InputMaybe<Scalars['String']['input']>;
};

export type Organization = {
  __typename?: 'Organization';
  /** Dossiers this organisation applied for, newest first, that the caller may see. */
  dossiers: DossierConnection;
  unitCode: Scalars['ID']['output'];
};


export type OrganizationDossiersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PortalSyncError = {
  __typename?: 'PortalSyncError';
  at: Scalars['DateTime']['output'];
  dossierCode: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  seq: Scalars['Int']['output'];
};

/** One dossier change on its way to the portal. */
export type PortalSyncItem = {
  __typename?: 'PortalSyncItem';
  /** Times the portal refused it (outages do not count). */
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  dossierCode: Scalars['ID']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  nextAttemptAt: Scalars['DateTime']['output'];
  /** The dossier's change number (its version after the change). */
  seq: Scalars['Int']['output'];
  /** DongBoHoSoMC for the first sync of a dossier, CapNhatTienDoHoSoMC for later ones. */
  service: Scalars['String']['output'];
  /** National status code 1–10 it carries. */
  statusCode: Scalars['Int']['output'];
};

/** How the dossier status push to the national portal stands (R-INT-2). */
export type PortalSyncStatus = {
  __typename?: 'PortalSyncStatus';
  /** Dossier changes waiting to reach the portal. */
  backlog: Scalars['Int']['output'];
  /** Whether this deployment pushes at all (NPSP_URL set). */
  enabled: Scalars['Boolean']['output'];
  /** Of those, how many the portal refused at least once (they retry with backoff). */
  failing: Scalars['Int']['output'];
  /** The refused changes themselves, next to be retried first, at most 50. */
  failingItems: Array<PortalSyncItem>;
  /** The most recent failure, even if its change has gone through since. */
  lastError?: Maybe<PortalSyncError>;
  lastSentAt?: Maybe<Scalars['DateTime']['output']>;
  /** Changes logged but not yet taken into the push (normally 0 within a second). */
  notYetEnqueued: Scalars['Int']['output'];
  /** The oldest change still waiting; null when none waits. */
  oldestPending?: Maybe<PortalSyncItem>;
};

export type Procedure = {
  __typename?: 'Procedure';
  code: Scalars['ID']['output'];
  /** Dossiers filed under this procedure that the caller may see, optionally in one public state. */
  dossierCount: Scalars['Int']['output'];
};


export type ProcedureDossierCountArgs = {
  status?: InputMaybe<DossierStatus>;
};

export type ProcedureVersion = {
  __typename?: 'ProcedureVersion';
  code: Scalars['ID']['output'];
  version: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * Who touched a dossier, when, and with what outcome, newest first, from the audit trail of every
   * exchange (R-Q-2): GraphQL operations, REST routes and SOAP calls that named the dossier or
   * answered with it. `first` is 1–100 (default 20). Needs the audit:read scope.
   */
  auditTrail: AuditTrailConnection;
  /** One dossier by code; null when it does not exist or the caller may not see it. */
  dossier?: Maybe<Dossier>;
  /**
   * Published dossier changes with a sequence number above `after`, in order, at most `first`
   * (1–1000, default 100): for consumers that replay or catch up. Needs the dossier:events scope.
   */
  dossierEvents: Array<DossierChange>;
  /** Public status lookup by code (R-DOS-4): Art. 12 fields only, for anyone; rate-limited per client. */
  dossierStatus?: Maybe<DossierStatusLookup>;
  /** Dossiers the caller may see, newest first. `first` is 1–100 (default 20); `after` is a previous page's endCursor. */
  dossiers: DossierConnection;
  /**
   * The changes of the dossiers an I-VAN provider filed, numbered 1, 2, 3 … per provider without
   * gaps, after `after`, in order, at most `first` (1–500, default 100) (R-INT-1). A provider reads
   * its own (providerId omitted); operators with the dossier:events scope name the provider.
   */
  ivanChanges: IvanChangePage;
  /**
   * Status pushes to an I-VAN provider's callback (R-INT-1): backlog, failures, pause. An I-VAN
   * provider sees its own (omit providerId); operators with the sync:monitor scope name one.
   */
  ivanDeliveries: IvanDeliveryStatus;
  /** The status push to the national portal (R-INT-2), for operators. Needs the sync:monitor scope. */
  portalSync: PortalSyncStatus;
};


export type QueryAuditTrailArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dossierCode: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDossierArgs = {
  code: Scalars['ID']['input'];
};


export type QueryDossierEventsArgs = {
  after?: Scalars['Int']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDossierStatusArgs = {
  code: Scalars['ID']['input'];
};


export type QueryDossiersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DossierFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryIvanChangesArgs = {
  after?: Scalars['Int']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  providerId?: InputMaybe<Scalars['String']['input']>;
};


export type QueryIvanDeliveriesArgs = {
  providerId?: InputMaybe<Scalars['String']['input']>;
};

export type ReceiveDossierInput = {
  /** The receiving agency. Officers may omit it (their own agency). */
  agencyCode?: InputMaybe<Scalars['ID']['input']>;
  applicant: ApplicantInput;
  /** Officers choose DESK, POSTAL or ONLINE; I-VAN providers, citizens and the national portal get IVAN, ONLINE and NATIONAL_PORTAL. */
  channel?: InputMaybe<Channel>;
  components: Array<ComponentInput>;
  /**
   * A citizen's confirmation of this submission (R-ID-4; 352/QĐ-BHXH Art. 17), required when a
   * citizen files online and refused from other clients: call requestOtp(purpose:
   * "SUBMIT_DOSSIER:<draft id>") where the draft id is the SHA-256 (hex) of this submission's
   * canonical JSON — the same bytes an employer signs, see organizationSignature; a submission
   * without a confirmation is refused with the exact purpose to ask for — then verifyOtp with that
   * purpose and the code, and pass the `confirmation` it answers, unchanged. A confirmation of other
   * content is WRONG_PURPOSE: it binds what the citizen confirmed. It is valid 10
   * minutes and confirms one submission: a second use is CONFLICT and stores nothing. Other
   * refusals are BAD_USER_INPUT on this field with a reason (MISSING, INVALID, EXPIRED,
   * WRONG_PURPOSE, NOT_YOURS). The dossier keeps it as `confirmation`.
   */
  confirmation?: InputMaybe<Scalars['String']['input']>;
  /**
   * The applicant organisation's confirmation (R-ID-4; 352/QĐ-BHXH Art. 17): required from I-VAN
   * providers, who file for employers (R-INT-1) and so must name applicant.unitCode; refused from
   * other clients. A detached compact JWS ("<header>..<signature>", RS256 or ES256) by a
   * certificate registered to applicant.unitCode, over the canonical JSON of this input without
   * organizationSignature: exactly the fields procedureCode, agencyCode, channel,
   * applicant { personalId unitCode name } and components [{ documentTypeCode name originals copies }];
   * strings trimmed; agencyCode, channel, personalId and unitCode left out when absent or null;
   * originals and copies always present, defaulting to 1 and 0; components in the order sent.
   * Canonical JSON: keys sorted at every level, strings in Unicode NFC, no spaces. A refusal is
   * BAD_USER_INPUT on this field with its reason (MISSING, MALFORMED, NO_CERTIFICATE,
   * SIGNATURE_INVALID, CERTIFICATE_EXPIRED) and stores nothing.
   */
  organizationSignature?: InputMaybe<Scalars['String']['input']>;
  /** National code of a procedure published now (R-DOS-5). */
  procedureCode: Scalars['ID']['input'];
};

export type ReturnMethod =
  | 'DESK'
  | 'ONLINE'
  | 'POSTAL';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = {}, TContext = {}, TArgs = {}> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = {}, TContext = {}, TArgs = {}> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = {}, TContext = {}> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = {}, TContext = {}> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = {}, TParent = {}, TContext = {}, TArgs = {}> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Agency: ResolverTypeWrapper<AgencyRef>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AgencyStep: ResolverTypeWrapper<AgencyStepRecord>;
  Applicant: ResolverTypeWrapper<Applicant>;
  ApplicantInput: ApplicantInput;
  ApplicantKind: ApplicantKind;
  Appointment: ResolverTypeWrapper<Appointment>;
  AuditTrailConnection: ResolverTypeWrapper<Omit<AuditTrailConnection, 'edges'> & { edges: Array<ResolversTypes['AuditTrailEdge']> }>;
  AuditTrailEdge: ResolverTypeWrapper<Omit<AuditTrailEdge, 'node'> & { node: ResolversTypes['AuditTrailEntry'] }>;
  AuditTrailEntry: ResolverTypeWrapper<AuditDossierRow>;
  Channel: Channel;
  Citizen: ResolverTypeWrapper<CitizenRef>;
  Component: ResolverTypeWrapper<Component>;
  ComponentInput: ComponentInput;
  ConfirmationMethod: ConfirmationMethod;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeadlineStatus: DeadlineStatus;
  Dossier: ResolverTypeWrapper<DossierRecord>;
  DossierAction: DossierAction;
  DossierActionInput: DossierActionInput;
  DossierChange: ResolverTypeWrapper<EventLogRecord>;
  DossierConfirmation: ResolverTypeWrapper<ConfirmationRecord>;
  DossierConnection: ResolverTypeWrapper<Omit<DossierConnection, 'edges'> & { edges: Array<ResolversTypes['DossierEdge']> }>;
  DossierEdge: ResolverTypeWrapper<Omit<DossierEdge, 'node'> & { node: ResolversTypes['Dossier'] }>;
  DossierFilter: DossierFilter;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DossierHistoryEntry: ResolverTypeWrapper<DossierEventRecord>;
  DossierState: DossierState;
  DossierStatus: DossierStatus;
  DossierStatusLookup: ResolverTypeWrapper<StatusLookup>;
  IvanCallbackInput: IvanCallbackInput;
  IvanCallbackKind: IvanCallbackKind;
  IvanCallbackRegistration: ResolverTypeWrapper<IvanCallbackRegistration>;
  IvanChange: ResolverTypeWrapper<IvanChangeRecord>;
  IvanChangePage: ResolverTypeWrapper<Omit<IvanChangePage, 'changes'> & { changes: Array<ResolversTypes['IvanChange']> }>;
  IvanDelivery: ResolverTypeWrapper<IvanDelivery>;
  IvanDeliveryError: ResolverTypeWrapper<IvanDeliveryError>;
  IvanDeliveryStatus: ResolverTypeWrapper<IvanDeliveryStatus>;
  Mutation: ResolverTypeWrapper<{}>;
  Organization: ResolverTypeWrapper<OrganizationRef>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PortalSyncError: ResolverTypeWrapper<PortalSyncError>;
  PortalSyncItem: ResolverTypeWrapper<PortalSyncItemRecord>;
  PortalSyncStatus: ResolverTypeWrapper<PortalSyncStatusRecord>;
  Procedure: ResolverTypeWrapper<ProcedureRef>;
  ProcedureVersion: ResolverTypeWrapper<ProcedureVersionRef>;
  Query: ResolverTypeWrapper<{}>;
  ReceiveDossierInput: ReceiveDossierInput;
  ReturnMethod: ReturnMethod;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Agency: AgencyRef;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  AgencyStep: AgencyStepRecord;
  Applicant: Applicant;
  ApplicantInput: ApplicantInput;
  Appointment: Appointment;
  AuditTrailConnection: Omit<AuditTrailConnection, 'edges'> & { edges: Array<ResolversParentTypes['AuditTrailEdge']> };
  AuditTrailEdge: Omit<AuditTrailEdge, 'node'> & { node: ResolversParentTypes['AuditTrailEntry'] };
  AuditTrailEntry: AuditDossierRow;
  Citizen: CitizenRef;
  Component: Component;
  ComponentInput: ComponentInput;
  DateTime: Scalars['DateTime']['output'];
  Dossier: DossierRecord;
  DossierActionInput: DossierActionInput;
  DossierChange: EventLogRecord;
  DossierConfirmation: ConfirmationRecord;
  DossierConnection: Omit<DossierConnection, 'edges'> & { edges: Array<ResolversParentTypes['DossierEdge']> };
  DossierEdge: Omit<DossierEdge, 'node'> & { node: ResolversParentTypes['Dossier'] };
  DossierFilter: DossierFilter;
  Boolean: Scalars['Boolean']['output'];
  DossierHistoryEntry: DossierEventRecord;
  DossierStatusLookup: StatusLookup;
  IvanCallbackInput: IvanCallbackInput;
  IvanCallbackRegistration: IvanCallbackRegistration;
  IvanChange: IvanChangeRecord;
  IvanChangePage: Omit<IvanChangePage, 'changes'> & { changes: Array<ResolversParentTypes['IvanChange']> };
  IvanDelivery: IvanDelivery;
  IvanDeliveryError: IvanDeliveryError;
  IvanDeliveryStatus: IvanDeliveryStatus;
  Mutation: {};
  Organization: OrganizationRef;
  PageInfo: PageInfo;
  PortalSyncError: PortalSyncError;
  PortalSyncItem: PortalSyncItemRecord;
  PortalSyncStatus: PortalSyncStatusRecord;
  Procedure: ProcedureRef;
  ProcedureVersion: ProcedureVersionRef;
  Query: {};
  ReceiveDossierInput: ReceiveDossierInput;
}>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = Context, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AgencyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Agency']>, { __typename: 'Agency' } & GraphQLRecursivePick<ParentType, {"code":true}>, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  dossierCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType, Partial<AgencyDossierCountArgs>>;
  dossiers?: Resolver<ResolversTypes['DossierConnection'], ParentType, ContextType, Partial<AgencyDossiersArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AgencyStepResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AgencyStep'] = ResolversParentTypes['AgencyStep']> = ResolversObject<{
  agency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  transferredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ApplicantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Applicant'] = ResolversParentTypes['Applicant']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['ApplicantKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  personalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unitCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AppointmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Appointment'] = ResolversParentTypes['Appointment']> = ResolversObject<{
  appointmentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  setAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AuditTrailConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditTrailConnection'] = ResolversParentTypes['AuditTrailConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AuditTrailEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AuditTrailEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditTrailEdge'] = ResolversParentTypes['AuditTrailEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditTrailEntry'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AuditTrailEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditTrailEntry'] = ResolversParentTypes['AuditTrailEntry']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agencyCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  client?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entry?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ivanProviderId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CitizenResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Citizen'] = ResolversParentTypes['Citizen']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Citizen']>, { __typename: 'Citizen' } & GraphQLRecursivePick<ParentType, {"personalId":true}>, ContextType>;
  dossiers?: Resolver<ResolversTypes['DossierConnection'], ParentType, ContextType, Partial<CitizenDossiersArgs>>;
  personalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ComponentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Component'] = ResolversParentTypes['Component']> = ResolversObject<{
  copies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  documentTypeCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  originals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DossierResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Dossier'] = ResolversParentTypes['Dossier']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Dossier']>, { __typename: 'Dossier' } & GraphQLRecursivePick<ParentType, {"code":true}>, ContextType>;
  agencyChain?: Resolver<Array<ResolversTypes['AgencyStep']>, ParentType, ContextType>;
  allowedActions?: Resolver<Array<ResolversTypes['DossierAction']>, ParentType, ContextType>;
  applicant?: Resolver<ResolversTypes['Applicant'], ParentType, ContextType>;
  appointmentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  appointmentHistory?: Resolver<Array<ResolversTypes['Appointment']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  components?: Resolver<Array<ResolversTypes['Component']>, ParentType, ContextType>;
  confirmation?: Resolver<Maybe<ResolversTypes['DossierConfirmation']>, ParentType, ContextType>;
  deadlineStatus?: Resolver<ResolversTypes['DeadlineStatus'], ParentType, ContextType>;
  handlingAgency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  handlingDepartment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['DossierHistoryEntry']>, ParentType, ContextType>;
  ivanProviderId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  npspStatusCode?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  procedure?: Resolver<Maybe<ResolversTypes['Procedure']>, ParentType, ContextType>;
  procedureAsReceived?: Resolver<Maybe<ResolversTypes['ProcedureVersion']>, ParentType, ContextType>;
  procedureName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  procedureVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  processingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  receiptUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  receivingAgency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  returnMethod?: Resolver<Maybe<ResolversTypes['ReturnMethod']>, ParentType, ContextType>;
  returnedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['DossierState'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DossierStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DossierChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DossierChange'] = ResolversParentTypes['DossierChange']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  departmentCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dossierCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  fromState?: Resolver<Maybe<ResolversTypes['DossierState']>, ParentType, ContextType>;
  previousStatus?: Resolver<Maybe<ResolversTypes['DossierStatus']>, ParentType, ContextType>;
  procedureCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DossierStatus'], ParentType, ContextType>;
  toState?: Resolver<ResolversTypes['DossierState'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DossierConfirmationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DossierConfirmation'] = ResolversParentTypes['DossierConfirmation']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  certificateFingerprint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  certificateSubject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  channel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['ConfirmationMethod'], ParentType, ContextType>;
  otpId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  payloadSha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signature?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timestamp?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DossierConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DossierConnection'] = ResolversParentTypes['DossierConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DossierEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DossierEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DossierEdge'] = ResolversParentTypes['DossierEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Dossier'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DossierHistoryEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DossierHistoryEntry'] = ResolversParentTypes['DossierHistoryEntry']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorClient?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorSubject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  departmentCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fromState?: Resolver<Maybe<ResolversTypes['DossierState']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toState?: Resolver<ResolversTypes['DossierState'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DossierStatusLookupResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DossierStatusLookup'] = ResolversParentTypes['DossierStatusLookup']> = ResolversObject<{
  appointmentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  handlingAgency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  handlingDepartment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  returnedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DossierStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type IvanCallbackRegistrationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IvanCallbackRegistration'] = ResolversParentTypes['IvanCallbackRegistration']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['IvanCallbackKind'], ParentType, ContextType>;
  providerId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type IvanChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IvanChange'] = ResolversParentTypes['IvanChange']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dossierCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  fromState?: Resolver<Maybe<ResolversTypes['DossierState']>, ParentType, ContextType>;
  npspStatusCode?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DossierStatus'], ParentType, ContextType>;
  toState?: Resolver<ResolversTypes['DossierState'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type IvanChangePageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IvanChangePage'] = ResolversParentTypes['IvanChangePage']> = ResolversObject<{
  changes?: Resolver<Array<ResolversTypes['IvanChange']>, ParentType, ContextType>;
  hasMore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  last?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type IvanDeliveryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IvanDelivery'] = ResolversParentTypes['IvanDelivery']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dossierCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  idempotencyKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  toState?: Resolver<ResolversTypes['DossierState'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type IvanDeliveryErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IvanDeliveryError'] = ResolversParentTypes['IvanDeliveryError']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dossierCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type IvanDeliveryStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IvanDeliveryStatus'] = ResolversParentTypes['IvanDeliveryStatus']> = ResolversObject<{
  backlog?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['IvanCallbackKind']>, ParentType, ContextType>;
  lastDeliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['IvanDeliveryError']>, ParentType, ContextType>;
  oldestPending?: Resolver<Maybe<ResolversTypes['IvanDelivery']>, ParentType, ContextType>;
  pausedUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  providerId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  actOnDossier?: Resolver<ResolversTypes['Dossier'], ParentType, ContextType, RequireFields<MutationActOnDossierArgs, 'input'>>;
  receiveDossier?: Resolver<ResolversTypes['Dossier'], ParentType, ContextType, RequireFields<MutationReceiveDossierArgs, 'input'>>;
  registerIvanCallback?: Resolver<ResolversTypes['IvanCallbackRegistration'], ParentType, ContextType, RequireFields<MutationRegisterIvanCallbackArgs, 'input'>>;
  removeIvanCallback?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, Partial<MutationRemoveIvanCallbackArgs>>;
}>;

export type OrganizationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organization']>, { __typename: 'Organization' } & GraphQLRecursivePick<ParentType, {"unitCode":true}>, ContextType>;
  dossiers?: Resolver<ResolversTypes['DossierConnection'], ParentType, ContextType, Partial<OrganizationDossiersArgs>>;
  unitCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PortalSyncErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PortalSyncError'] = ResolversParentTypes['PortalSyncError']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dossierCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PortalSyncItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PortalSyncItem'] = ResolversParentTypes['PortalSyncItem']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dossierCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statusCode?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PortalSyncStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PortalSyncStatus'] = ResolversParentTypes['PortalSyncStatus']> = ResolversObject<{
  backlog?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  failing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failingItems?: Resolver<Array<ResolversTypes['PortalSyncItem']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['PortalSyncError']>, ParentType, ContextType>;
  lastSentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  notYetEnqueued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oldestPending?: Resolver<Maybe<ResolversTypes['PortalSyncItem']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Procedure'] = ResolversParentTypes['Procedure']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Procedure']>, { __typename: 'Procedure' } & GraphQLRecursivePick<ParentType, {"code":true}>, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  dossierCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType, Partial<ProcedureDossierCountArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureVersionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureVersion'] = ResolversParentTypes['ProcedureVersion']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProcedureVersion']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  auditTrail?: Resolver<ResolversTypes['AuditTrailConnection'], ParentType, ContextType, RequireFields<QueryAuditTrailArgs, 'dossierCode'>>;
  dossier?: Resolver<Maybe<ResolversTypes['Dossier']>, ParentType, ContextType, RequireFields<QueryDossierArgs, 'code'>>;
  dossierEvents?: Resolver<Array<ResolversTypes['DossierChange']>, ParentType, ContextType, RequireFields<QueryDossierEventsArgs, 'after'>>;
  dossierStatus?: Resolver<Maybe<ResolversTypes['DossierStatusLookup']>, ParentType, ContextType, RequireFields<QueryDossierStatusArgs, 'code'>>;
  dossiers?: Resolver<ResolversTypes['DossierConnection'], ParentType, ContextType, Partial<QueryDossiersArgs>>;
  ivanChanges?: Resolver<ResolversTypes['IvanChangePage'], ParentType, ContextType, RequireFields<QueryIvanChangesArgs, 'after'>>;
  ivanDeliveries?: Resolver<ResolversTypes['IvanDeliveryStatus'], ParentType, ContextType, Partial<QueryIvanDeliveriesArgs>>;
  portalSync?: Resolver<ResolversTypes['PortalSyncStatus'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Agency?: AgencyResolvers<ContextType>;
  AgencyStep?: AgencyStepResolvers<ContextType>;
  Applicant?: ApplicantResolvers<ContextType>;
  Appointment?: AppointmentResolvers<ContextType>;
  AuditTrailConnection?: AuditTrailConnectionResolvers<ContextType>;
  AuditTrailEdge?: AuditTrailEdgeResolvers<ContextType>;
  AuditTrailEntry?: AuditTrailEntryResolvers<ContextType>;
  Citizen?: CitizenResolvers<ContextType>;
  Component?: ComponentResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Dossier?: DossierResolvers<ContextType>;
  DossierChange?: DossierChangeResolvers<ContextType>;
  DossierConfirmation?: DossierConfirmationResolvers<ContextType>;
  DossierConnection?: DossierConnectionResolvers<ContextType>;
  DossierEdge?: DossierEdgeResolvers<ContextType>;
  DossierHistoryEntry?: DossierHistoryEntryResolvers<ContextType>;
  DossierStatusLookup?: DossierStatusLookupResolvers<ContextType>;
  IvanCallbackRegistration?: IvanCallbackRegistrationResolvers<ContextType>;
  IvanChange?: IvanChangeResolvers<ContextType>;
  IvanChangePage?: IvanChangePageResolvers<ContextType>;
  IvanDelivery?: IvanDeliveryResolvers<ContextType>;
  IvanDeliveryError?: IvanDeliveryErrorResolvers<ContextType>;
  IvanDeliveryStatus?: IvanDeliveryStatusResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PortalSyncError?: PortalSyncErrorResolvers<ContextType>;
  PortalSyncItem?: PortalSyncItemResolvers<ContextType>;
  PortalSyncStatus?: PortalSyncStatusResolvers<ContextType>;
  Procedure?: ProcedureResolvers<ContextType>;
  ProcedureVersion?: ProcedureVersionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
