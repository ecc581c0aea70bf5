import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { AgencyRecord } from '../models/agency';
import { CitizenRecord } from '../models/citizen';
import { OrganizationRecord } from '../models/organization';
import { CertificateRecord } from '../models/certificate';
import { AccountRecord } from '../models/account';
import { OtpResult } from '../services/otp';
import { SignatureCheckResult } from '../services/signatures';
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

/** A portal account (R-ID-3). Its password is never shown or stored in clear. */
export type Account = {
  __typename?: 'Account';
  createdAt: Scalars['DateTime']['output'];
  email?: Maybe<Scalars['String']['output']>;
  fullName: Scalars['String']['output'];
  kind: AccountKind;
  notifyBy: NotifyBy;
  phone?: Maybe<Scalars['String']['output']>;
  /** The personal id for a citizen, the unit code for an organisation. */
  username: Scalars['ID']['output'];
};

export type AccountContactInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  notifyBy?: InputMaybe<NotifyBy>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type AccountKind =
  | 'CITIZEN'
  | 'ORGANIZATION';

/**
 * A VSS agency (cơ quan BHXH): Vietnam Social Security centrally, a provincial office, or a
 * district/regional office. Dossiers reference it as their handling agency (R-ID-5).
 */
export type Agency = {
  __typename?: 'Agency';
  /** Agency code in QCVN 102:2016 style, e.g. 000.00.01.H26; the prefix of its dossier codes. */
  code: Scalars['ID']['output'];
  departments: Array<Department>;
  level: AgencyLevel;
  name: Scalars['String']['output'];
  nameEn?: Maybe<Scalars['String']['output']>;
  /** The agency this one reports to; null for VSS itself. */
  parent?: Maybe<Agency>;
};

export type AgencyConnection = {
  __typename?: 'AgencyConnection';
  edges: Array<AgencyEdge>;
  pageInfo: PageInfo;
};

export type AgencyEdge = {
  __typename?: 'AgencyEdge';
  cursor: Scalars['String']['output'];
  node: Agency;
};

export type AgencyLevel =
  | 'CENTRAL'
  | 'DISTRICT'
  | 'PROVINCIAL';

/**
 * A citizen (công dân), keyed by the 12-digit personal identification number (R-ID-1). Personal
 * fields are shown to the citizen themself, to officers and to dashboards only.
 */
export type Citizen = {
  __typename?: 'Citizen';
  /** YYYY-MM-DD. */
  dateOfBirth?: Maybe<Scalars['String']['output']>;
  fullName?: Maybe<Scalars['String']['output']>;
  /** Read from the century/gender digit of the personal id. */
  gender?: Maybe<Gender>;
  personalId: Scalars['ID']['output'];
  /** The last check against the national population database (R-ID-2); null until one is made. */
  verification?: Maybe<CitizenVerification>;
};

export type CitizenVerification = {
  __typename?: 'CitizenVerification';
  at: Scalars['DateTime']['output'];
  /** Which field did not match, when result is MISMATCH: fullName or dateOfBirth. */
  mismatchedField?: Maybe<Scalars['String']['output']>;
  result: VerificationResult;
};

/** A department (phòng/bộ phận) inside an agency, e.g. the one-stop reception desk. */
export type Department = {
  __typename?: 'Department';
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type Gender =
  | 'FEMALE'
  | 'MALE';

/** A new I-VAN SOAP credential: use it as a WS-Security UsernameToken with PasswordDigest. */
export type IvanCredentialIssued = {
  __typename?: 'IvanCredentialIssued';
  password: Scalars['String']['output'];
  providerId: Scalars['ID']['output'];
  /** How many earlier credentials of the provider this revoked (rotate). */
  revoked: Scalars['Int']['output'];
  username: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Changes an account's phone, e-mail or notification channel (R-ID-3). The holder needs
   * `confirmation`: the one verifyOtp answers for purpose CHANGE_CONTACT, whose code goes to the
   * account's *current* contact, never to the new one, so a stolen token alone cannot redirect
   * later codes. An officer with account:manage changes it at the desk without one, having checked
   * the person's identity there. Either way the old contact (and the new one) is told, one-time
   * passwords are limited to 3 in the next 24 hours, and each step is audited. When the old
   * contact cannot be told, nothing changes (UPSTREAM_UNAVAILABLE) and the confirmation stays usable.
   */
  changeAccountContact: Account;
  /**
   * Issues a WS-Security UsernameToken credential for an I-VAN provider's SOAP client (R-INT-1); the
   * password is shown only in this answer. `rotate` revokes the provider's earlier credentials.
   * Officers with ivan:manage (`npm run ivan:credentials` calls this).
   */
  issueIvanCredential: IvanCredentialIssued;
  /**
   * Registers a portal account and sends its initial credentials by e-mail or SMS (R-ID-3). For a
   * citizen, the national portal is asked first whether one already exists. Officers with
   * account:manage, or a citizen for themself.
   */
  registerAccount: Account;
  /** Registers an organisation's X.509 certificate (PEM, RSA or EC P-256, valid now). Officers with organization:manage. */
  registerOrganizationCertificate: OrganizationCertificate;
  /**
   * Sends the signed-in citizen a one-time password for `purpose` (R-ID-4), to the account's current
   * contact: `SUBMIT_DOSSIER:<draft id>` (1–64 letters, digits, _ or -; receiveDossier accepts only
   * the SHA-256 of the submission's canonical JSON, see ReceiveDossierInput.confirmation) or `CHANGE_CONTACT`. At most 5 an hour, and 3 in the 24 hours after a contact change.
   */
  requestOtp: OtpSent;
  /** Revokes one I-VAN SOAP credential; false when it was not active. Officers with ivan:manage. */
  revokeIvanCredential: Scalars['Boolean']['output'];
  /** Checks a password; five failures in a row lock the account for 15 minutes. */
  signInAccount: SignInResult;
  /**
   * Checks a citizen against the national population database (R-ID-2) and keeps the outcome and
   * its time on the Citizen. For officers (citizen:verify) and for a citizen about themself.
   */
  verifyCitizen: Citizen;
  /** Checks and uses up a one-time password (5 minutes, at most 5 tries, once); when right, answers the `confirmation` its action needs. */
  verifyOtp: OtpCheck;
};


export type MutationChangeAccountContactArgs = {
  confirmation?: InputMaybe<Scalars['String']['input']>;
  contact: AccountContactInput;
  username: Scalars['ID']['input'];
};


export type MutationIssueIvanCredentialArgs = {
  providerId: Scalars['ID']['input'];
  rotate?: Scalars['Boolean']['input'];
};


export type MutationRegisterAccountArgs = {
  input: RegisterAccountInput;
};


export type MutationRegisterOrganizationCertificateArgs = {
  pem: Scalars['String']['input'];
  unitCode: Scalars['ID']['input'];
};


export type MutationRequestOtpArgs = {
  purpose: Scalars['String']['input'];
};


export type MutationRevokeIvanCredentialArgs = {
  username: Scalars['ID']['input'];
};


export type MutationSignInAccountArgs = {
  password: Scalars['String']['input'];
  username: Scalars['ID']['input'];
};


export type MutationVerifyCitizenArgs = {
  input: VerifyCitizenInput;
};


export type MutationVerifyOtpArgs = {
  code: Scalars['String']['input'];
  purpose: Scalars['String']['input'];
};

export type NotifyBy =
  | 'EMAIL'
  | 'SMS';

/** An organisation (đơn vị) taking part in social insurance, keyed by its VSS unit code (R-ID-1). */
export type Organization = {
  __typename?: 'Organization';
  /** Certificates it signs electronic submissions with (R-ID-4). */
  certificates: Array<OrganizationCertificate>;
  name: Scalars['String']['output'];
  /** 10 digits, or 13 for a branch. */
  taxCode: Scalars['String']['output'];
  unitCode: Scalars['ID']['output'];
};

export type OrganizationCertificate = {
  __typename?: 'OrganizationCertificate';
  /** SHA-256 fingerprint. */
  fingerprint: Scalars['String']['output'];
  registeredAt: Scalars['DateTime']['output'];
  subject: Scalars['String']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo: Scalars['DateTime']['output'];
};

export type OtpCheck = {
  __typename?: 'OtpCheck';
  attemptsLeft?: Maybe<Scalars['Int']['output']>;
  /**
   * When ok: the proof that you confirmed the purpose, to pass unchanged to the action it is for
   * (ReceiveDossierInput.confirmation for SUBMIT_DOSSIER:<draft id>, changeAccountContact's
   * `confirmation` for CHANGE_CONTACT). A compact JWS (EdDSA, key set `confirmation`) naming you, the
   * purpose, the OTP's id, the channel and the time; valid 10 minutes, for one action only.
   */
  confirmation?: Maybe<Scalars['String']['output']>;
  ok: Scalars['Boolean']['output'];
  /** EXPIRED_OR_UNKNOWN, WRONG_CODE or TOO_MANY_ATTEMPTS when not ok. */
  reason?: Maybe<Scalars['String']['output']>;
};

export type OtpSent = {
  __typename?: 'OtpSent';
  expiresInSeconds: Scalars['Int']['output'];
  /** Where it went, partly masked. */
  sentTo: Scalars['String']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Agencies ordered by code. `first` is 1–100 (default 20); `after` is a previous page's endCursor. */
  agencies: AgencyConnection;
  /** One agency by code; null when no agency has that code. */
  agency?: Maybe<Agency>;
  /** A citizen the caller may see; null when unknown. */
  citizen?: Maybe<Citizen>;
  /** An organisation by VSS unit code; null when unknown. */
  organization?: Maybe<Organization>;
  /**
   * Checks a detached JWS (<header>..<signature>, RS256 or ES256) over the canonical form of
   * `payload` (JSON: keys sorted, strings NFC, no spaces) against the organisation's certificates.
   */
  verifyOrganizationSignature: SignatureCheck;
};


export type QueryAgenciesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<AgencyLevel>;
};


export type QueryAgencyArgs = {
  code: Scalars['ID']['input'];
};


export type QueryCitizenArgs = {
  personalId: Scalars['ID']['input'];
};


export type QueryOrganizationArgs = {
  unitCode: Scalars['ID']['input'];
};


export type QueryVerifyOrganizationSignatureArgs = {
  payload: Scalars['String']['input'];
  signature: Scalars['String']['input'];
  unitCode: Scalars['ID']['input'];
};

export type RegisterAccountInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  fullName: Scalars['String']['input'];
  kind: AccountKind;
  /** Where the initial credentials go. */
  notifyBy: NotifyBy;
  personalId?: InputMaybe<Scalars['String']['input']>;
  /** A mobile number: 10 digits starting with 0. */
  phone?: InputMaybe<Scalars['String']['input']>;
  unitCode?: InputMaybe<Scalars['String']['input']>;
};

export type SignInResult = {
  __typename?: 'SignInResult';
  /** Set while the account is locked after repeated failures. */
  lockedUntil?: Maybe<Scalars['DateTime']['output']>;
  message: Scalars['String']['output'];
  ok: Scalars['Boolean']['output'];
};

/** The outcome of checking an organisation's signature over a payload (R-ID-4). */
export type SignatureCheck = {
  __typename?: 'SignatureCheck';
  /** The registered certificate whose key made the signature (also when it has expired); null when none did. */
  certificate?: Maybe<OrganizationCertificate>;
  message: Scalars['String']['output'];
  /** Why it was rejected; null when valid. */
  reason?: Maybe<SignatureRejection>;
  valid: Scalars['Boolean']['output'];
};

export type SignatureRejection =
  | 'CERTIFICATE_EXPIRED'
  | 'MALFORMED'
  | 'NO_CERTIFICATE'
  | 'SIGNATURE_INVALID';

export type VerificationResult =
  | 'MATCH'
  | 'MISMATCH'
  | 'NOT_FOUND';

export type VerifyCitizenInput = {
  /** YYYY-MM-DD. */
  dateOfBirth: Scalars['String']['input'];
  fullName: Scalars['String']['input'];
  personalId: Scalars['ID']['input'];
};

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
  Account: ResolverTypeWrapper<AccountRecord>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AccountContactInput: AccountContactInput;
  AccountKind: AccountKind;
  Agency: ResolverTypeWrapper<AgencyRecord>;
  AgencyConnection: ResolverTypeWrapper<Omit<AgencyConnection, 'edges'> & { edges: Array<ResolversTypes['AgencyEdge']> }>;
  AgencyEdge: ResolverTypeWrapper<Omit<AgencyEdge, 'node'> & { node: ResolversTypes['Agency'] }>;
  AgencyLevel: AgencyLevel;
  Citizen: ResolverTypeWrapper<CitizenRecord>;
  CitizenVerification: ResolverTypeWrapper<CitizenVerification>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Department: ResolverTypeWrapper<Department>;
  Gender: Gender;
  IvanCredentialIssued: ResolverTypeWrapper<IvanCredentialIssued>;
  Mutation: ResolverTypeWrapper<{}>;
  NotifyBy: NotifyBy;
  Organization: ResolverTypeWrapper<OrganizationRecord>;
  OrganizationCertificate: ResolverTypeWrapper<CertificateRecord>;
  OtpCheck: ResolverTypeWrapper<OtpResult>;
  OtpSent: ResolverTypeWrapper<OtpSent>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<{}>;
  RegisterAccountInput: RegisterAccountInput;
  SignInResult: ResolverTypeWrapper<SignInResult>;
  SignatureCheck: ResolverTypeWrapper<SignatureCheckResult>;
  SignatureRejection: SignatureRejection;
  VerificationResult: VerificationResult;
  VerifyCitizenInput: VerifyCitizenInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Account: AccountRecord;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  AccountContactInput: AccountContactInput;
  Agency: AgencyRecord;
  AgencyConnection: Omit<AgencyConnection, 'edges'> & { edges: Array<ResolversParentTypes['AgencyEdge']> };
  AgencyEdge: Omit<AgencyEdge, 'node'> & { node: ResolversParentTypes['Agency'] };
  Citizen: CitizenRecord;
  CitizenVerification: CitizenVerification;
  DateTime: Scalars['DateTime']['output'];
  Department: Department;
  IvanCredentialIssued: IvanCredentialIssued;
  Mutation: {};
  Organization: OrganizationRecord;
  OrganizationCertificate: CertificateRecord;
  OtpCheck: OtpResult;
  OtpSent: OtpSent;
  PageInfo: PageInfo;
  Query: {};
  RegisterAccountInput: RegisterAccountInput;
  SignInResult: SignInResult;
  SignatureCheck: SignatureCheckResult;
  VerifyCitizenInput: VerifyCitizenInput;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = Context, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AccountKind'], ParentType, ContextType>;
  notifyBy?: Resolver<ResolversTypes['NotifyBy'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  username?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AgencyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Agency']>, { __typename: 'Agency' } & GraphQLRecursivePick<ParentType, {"code":true}>, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  departments?: Resolver<Array<ResolversTypes['Department']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['AgencyLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AgencyConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AgencyConnection'] = ResolversParentTypes['AgencyConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AgencyEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AgencyEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AgencyEdge'] = ResolversParentTypes['AgencyEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CitizenResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Citizen'] = ResolversParentTypes['Citizen']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Citizen']>, { __typename: 'Citizen' } & GraphQLRecursivePick<ParentType, {"personalId":true}>, ContextType>;
  dateOfBirth?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fullName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  personalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  verification?: Resolver<Maybe<ResolversTypes['CitizenVerification']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CitizenVerificationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CitizenVerification'] = ResolversParentTypes['CitizenVerification']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  mismatchedField?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  result?: Resolver<ResolversTypes['VerificationResult'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DepartmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type IvanCredentialIssuedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IvanCredentialIssued'] = ResolversParentTypes['IvanCredentialIssued']> = ResolversObject<{
  password?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  providerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  revoked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  changeAccountContact?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationChangeAccountContactArgs, 'contact' | 'username'>>;
  issueIvanCredential?: Resolver<ResolversTypes['IvanCredentialIssued'], ParentType, ContextType, RequireFields<MutationIssueIvanCredentialArgs, 'providerId' | 'rotate'>>;
  registerAccount?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationRegisterAccountArgs, 'input'>>;
  registerOrganizationCertificate?: Resolver<ResolversTypes['OrganizationCertificate'], ParentType, ContextType, RequireFields<MutationRegisterOrganizationCertificateArgs, 'pem' | 'unitCode'>>;
  requestOtp?: Resolver<ResolversTypes['OtpSent'], ParentType, ContextType, RequireFields<MutationRequestOtpArgs, 'purpose'>>;
  revokeIvanCredential?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeIvanCredentialArgs, 'username'>>;
  signInAccount?: Resolver<ResolversTypes['SignInResult'], ParentType, ContextType, RequireFields<MutationSignInAccountArgs, 'password' | 'username'>>;
  verifyCitizen?: Resolver<ResolversTypes['Citizen'], ParentType, ContextType, RequireFields<MutationVerifyCitizenArgs, 'input'>>;
  verifyOtp?: Resolver<ResolversTypes['OtpCheck'], ParentType, ContextType, RequireFields<MutationVerifyOtpArgs, 'code' | 'purpose'>>;
}>;

export type OrganizationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organization']>, { __typename: 'Organization' } & GraphQLRecursivePick<ParentType, {"unitCode":true}>, ContextType>;
  certificates?: Resolver<Array<ResolversTypes['OrganizationCertificate']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrganizationCertificateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganizationCertificate'] = ResolversParentTypes['OrganizationCertificate']> = ResolversObject<{
  fingerprint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OtpCheckResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OtpCheck'] = ResolversParentTypes['OtpCheck']> = ResolversObject<{
  attemptsLeft?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  confirmation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OtpSentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OtpSent'] = ResolversParentTypes['OtpSent']> = ResolversObject<{
  expiresInSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sentTo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  agencies?: Resolver<ResolversTypes['AgencyConnection'], ParentType, ContextType, Partial<QueryAgenciesArgs>>;
  agency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType, RequireFields<QueryAgencyArgs, 'code'>>;
  citizen?: Resolver<Maybe<ResolversTypes['Citizen']>, ParentType, ContextType, RequireFields<QueryCitizenArgs, 'personalId'>>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType, RequireFields<QueryOrganizationArgs, 'unitCode'>>;
  verifyOrganizationSignature?: Resolver<ResolversTypes['SignatureCheck'], ParentType, ContextType, RequireFields<QueryVerifyOrganizationSignatureArgs, 'payload' | 'signature' | 'unitCode'>>;
}>;

export type SignInResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignInResult'] = ResolversParentTypes['SignInResult']> = ResolversObject<{
  lockedUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SignatureCheckResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignatureCheck'] = ResolversParentTypes['SignatureCheck']> = ResolversObject<{
  certificate?: Resolver<Maybe<ResolversTypes['OrganizationCertificate']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['SignatureRejection']>, ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Account?: AccountResolvers<ContextType>;
  Agency?: AgencyResolvers<ContextType>;
  AgencyConnection?: AgencyConnectionResolvers<ContextType>;
  AgencyEdge?: AgencyEdgeResolvers<ContextType>;
  Citizen?: CitizenResolvers<ContextType>;
  CitizenVerification?: CitizenVerificationResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Department?: DepartmentResolvers<ContextType>;
  IvanCredentialIssued?: IvanCredentialIssuedResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  OrganizationCertificate?: OrganizationCertificateResolvers<ContextType>;
  OtpCheck?: OtpCheckResolvers<ContextType>;
  OtpSent?: OtpSentResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SignInResult?: SignInResultResolvers<ContextType>;
  SignatureCheck?: SignatureCheckResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
