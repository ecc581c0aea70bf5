import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { ProcedureRecord, ProcedureContentRecord, Actor } from '../models/procedure';
import { ProcedureChangeRecord } from '../models/procedure-change';
import { ImportReport } from '../services/national-import';
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

export type AgencyLevel =
  | 'CENTRAL'
  | 'DISTRICT'
  | 'PROVINCIAL';

export type Fee = {
  __typename?: 'Fee';
  amountVnd: Scalars['Int']['output'];
  description: Scalars['String']['output'];
};

export type FeeInput = {
  amountVnd: Scalars['Int']['input'];
  description: Scalars['String']['input'];
};

/** Changing the catalogue needs the procedure:publish scope (officers of VSS). */
export type Mutation = {
  __typename?: 'Mutation';
  /** Starts a new procedure as a draft (status DRAFT, version 0). */
  createProcedure: Procedure;
  /** Imports VSS's procedures from the national database now (R-PRO-3); also runs on a schedule. */
  importNationalProcedures: ProcedureImportReport;
  /** Publishes the draft or the pending edits as the next version. With expectedRevision, refuses (CONFLICT) if the procedure changed since. */
  publishProcedure: Procedure;
  /** Edits a draft, or records edits of a published procedure to be published as its next version. */
  updateProcedure: Procedure;
  /** Withdraws (bãi bỏ) a published procedure: no new dossiers; those received go on. */
  withdrawProcedure: Procedure;
};


/** Changing the catalogue needs the procedure:publish scope (officers of VSS). */
export type MutationCreateProcedureArgs = {
  code: Scalars['ID']['input'];
  input: ProcedureContentInput;
};


/** Changing the catalogue needs the procedure:publish scope (officers of VSS). */
export type MutationPublishProcedureArgs = {
  code: Scalars['ID']['input'];
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
};


/** Changing the catalogue needs the procedure:publish scope (officers of VSS). */
export type MutationUpdateProcedureArgs = {
  code: Scalars['ID']['input'];
  input: ProcedureContentInput;
};


/** Changing the catalogue needs the procedure:publish scope (officers of VSS). */
export type MutationWithdrawProcedureArgs = {
  code: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** An administrative procedure (thủ tục hành chính) of VSS, as published in the catalogue (R-PRO-1). */
export type Procedure = {
  __typename?: 'Procedure';
  /** Agency levels that carry it out. */
  agencyLevels: Array<AgencyLevel>;
  /** National procedure code, e.g. 1.001234. */
  code: Scalars['ID']['output'];
  /** The dossier components (thành phần hồ sơ) to hand in. */
  components: Array<RequiredComponent>;
  /** Fees; empty when free of charge. */
  fees: Array<Fee>;
  /** Field (lĩnh vực), e.g. Thu BHXH, BHYT. */
  field: Scalars['String']['output'];
  /** How to carry it out (hướng dẫn thực hiện). */
  guide: Scalars['String']['output'];
  legalBasis: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  nameEn?: Maybe<Scalars['String']['output']>;
  /** Edits waiting to be published as the next version; null for callers without procedure:publish. */
  pendingChanges?: Maybe<ProcedureContent>;
  /** Processing time in working days (R-DOS-10). */
  processingDays: Scalars['Int']['output'];
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  publishedBy?: Maybe<ProcedureActor>;
  resultDocuments: Array<Scalars['String']['output']>;
  /** Number of the procedure's last publication change; pass it as publishProcedure's expectedRevision. */
  revision: Scalars['Int']['output'];
  serviceLevel: ServiceLevel;
  /** LOCAL when authored here, NATIONAL when imported from the national procedure database (R-PRO-3). */
  source: ProcedureSource;
  /**
   * DRAFT until first published; PUBLISHED; WITHDRAWN (bãi bỏ). Drafts are visible to holders of
   * the procedure:publish scope only (R-PRO-2).
   */
  status: ProcedureStatus;
  submissionMethods: Array<SubmissionMethod>;
  /** The published version of the content; 0 before the first publication. Dossiers keep the version they were received under. */
  version: Scalars['Int']['output'];
  /** Every published version, oldest first. */
  versions: Array<ProcedureVersion>;
  withdrawalReason?: Maybe<Scalars['String']['output']>;
  withdrawnAt?: Maybe<Scalars['DateTime']['output']>;
  withdrawnBy?: Maybe<ProcedureActor>;
};

/** Who made a publication change: the client kind and subject of their token (npsp-import for the national import). */
export type ProcedureActor = {
  __typename?: 'ProcedureActor';
  client: Scalars['String']['output'];
  subject: Scalars['String']['output'];
};

/** One entry of the procedure change feed (R-PRO-3). */
export type ProcedureChange = {
  __typename?: 'ProcedureChange';
  at: Scalars['DateTime']['output'];
  code: Scalars['ID']['output'];
  /** The procedure's content after the change (complete, so the portal needs no second call). */
  content: ProcedureContent;
  kind: ProcedureChangeKind;
  /** Why it was withdrawn; null otherwise. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Position in the feed: gap-free and increasing. */
  sequence: Scalars['Int']['output'];
  status: ProcedureStatus;
  /** The version in force after the change. */
  version: Scalars['Int']['output'];
};

export type ProcedureChangeConnection = {
  __typename?: 'ProcedureChangeConnection';
  edges: Array<ProcedureChangeEdge>;
  pageInfo: PageInfo;
};

export type ProcedureChangeEdge = {
  __typename?: 'ProcedureChangeEdge';
  cursor: Scalars['String']['output'];
  node: ProcedureChange;
};

export type ProcedureChangeKind =
  /** A new version of a published procedure. */
  | 'CHANGED'
  /** First publication, or publication again after a withdrawal. */
  | 'PUBLISHED'
  | 'WITHDRAWN';

export type ProcedureConnection = {
  __typename?: 'ProcedureConnection';
  edges: Array<ProcedureEdge>;
  pageInfo: PageInfo;
};

/** The content fields of a procedure (R-PRO-1), as a version or pending edits hold them. */
export type ProcedureContent = {
  __typename?: 'ProcedureContent';
  agencyLevels: Array<AgencyLevel>;
  components: Array<RequiredComponent>;
  fees: Array<Fee>;
  field: Scalars['String']['output'];
  guide: Scalars['String']['output'];
  legalBasis: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  nameEn?: Maybe<Scalars['String']['output']>;
  processingDays: Scalars['Int']['output'];
  resultDocuments: Array<Scalars['String']['output']>;
  serviceLevel: ServiceLevel;
  submissionMethods: Array<SubmissionMethod>;
};

export type ProcedureContentInput = {
  agencyLevels: Array<AgencyLevel>;
  components: Array<RequiredComponentInput>;
  /** Empty when free of charge. */
  fees: Array<FeeInput>;
  field: Scalars['String']['input'];
  guide: Scalars['String']['input'];
  legalBasis: Array<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  nameEn?: InputMaybe<Scalars['String']['input']>;
  processingDays: Scalars['Int']['input'];
  resultDocuments: Array<Scalars['String']['input']>;
  serviceLevel: ServiceLevel;
  submissionMethods: Array<SubmissionMethod>;
};

export type ProcedureEdge = {
  __typename?: 'ProcedureEdge';
  cursor: Scalars['String']['output'];
  node: Procedure;
};

export type ProcedureImportFailure = {
  __typename?: 'ProcedureImportFailure';
  code: Scalars['ID']['output'];
  message: Scalars['String']['output'];
};

export type ProcedureImportReport = {
  __typename?: 'ProcedureImportReport';
  changed: Scalars['Int']['output'];
  created: Scalars['Int']['output'];
  failed: Array<ProcedureImportFailure>;
  /** Procedures listed by the national database for VSS. */
  listed: Scalars['Int']['output'];
  unchanged: Scalars['Int']['output'];
  withdrawn: Scalars['Int']['output'];
};

export type ProcedureSource =
  | 'LOCAL'
  | 'NATIONAL';

export type ProcedureStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'WITHDRAWN';

/** One published version of a procedure, frozen: what a dossier received under it was judged by (R-PRO-2). */
export type ProcedureVersion = {
  __typename?: 'ProcedureVersion';
  code: Scalars['ID']['output'];
  /** The procedure's content as published in this version. */
  content: ProcedureContent;
  publishedAt: Scalars['DateTime']['output'];
  publishedBy: ProcedureActor;
  version: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One procedure by national code; null when unknown (or a draft the caller may not see). */
  procedure?: Maybe<Procedure>;
  /**
   * The procedure change feed for the national portal (R-PRO-3): every publication, new version
   * and withdrawal, in order. Resume from the last endCursor you processed; none is missed or
   * repeated. `first` 1–100 (default 20). Needs the procedure:sync scope.
   */
  procedureChanges: ProcedureChangeConnection;
  /** One published version of a procedure; null when there is no such version. */
  procedureVersion?: Maybe<ProcedureVersion>;
  /**
   * Procedures ordered by code. `search` matches the code and the Vietnamese and English names,
   * with or without diacritics ("bao hiem" finds "bảo hiểm"), every word. `first` is 1–100
   * (default 20); `after` is a previous page's endCursor.
   */
  procedures: ProcedureConnection;
};


export type QueryProcedureArgs = {
  code: Scalars['ID']['input'];
};


export type QueryProcedureChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryProcedureVersionArgs = {
  code: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type QueryProceduresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  agencyLevel?: InputMaybe<AgencyLevel>;
  field?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  serviceLevel?: InputMaybe<ServiceLevel>;
  status?: InputMaybe<ProcedureStatus>;
};

export type RequiredComponent = {
  __typename?: 'RequiredComponent';
  copies: Scalars['Int']['output'];
  documentTypeCode: Scalars['String']['output'];
  /** Where the form (mẫu đơn, tờ khai) can be had, if there is one. */
  formTemplate?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  originals: Scalars['Int']['output'];
};

export type RequiredComponentInput = {
  copies: Scalars['Int']['input'];
  documentTypeCode: Scalars['String']['input'];
  formTemplate?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  originals: Scalars['Int']['input'];
};

export type ServiceLevel =
  /** Dịch vụ công trực tuyến toàn trình. */
  | 'FULL_ONLINE'
  | 'OFFLINE'
  /** Dịch vụ công trực tuyến một phần. */
  | 'PARTIAL_ONLINE';

export type SubmissionMethod =
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
  AgencyLevel: AgencyLevel;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Fee: ResolverTypeWrapper<Fee>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  FeeInput: FeeInput;
  Mutation: ResolverTypeWrapper<{}>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Procedure: ResolverTypeWrapper<ProcedureRecord>;
  ProcedureActor: ResolverTypeWrapper<Actor>;
  ProcedureChange: ResolverTypeWrapper<ProcedureChangeRecord>;
  ProcedureChangeConnection: ResolverTypeWrapper<Omit<ProcedureChangeConnection, 'edges'> & { edges: Array<ResolversTypes['ProcedureChangeEdge']> }>;
  ProcedureChangeEdge: ResolverTypeWrapper<Omit<ProcedureChangeEdge, 'node'> & { node: ResolversTypes['ProcedureChange'] }>;
  ProcedureChangeKind: ProcedureChangeKind;
  ProcedureConnection: ResolverTypeWrapper<Omit<ProcedureConnection, 'edges'> & { edges: Array<ResolversTypes['ProcedureEdge']> }>;
  ProcedureContent: ResolverTypeWrapper<ProcedureContentRecord>;
  ProcedureContentInput: ProcedureContentInput;
  ProcedureEdge: ResolverTypeWrapper<Omit<ProcedureEdge, 'node'> & { node: ResolversTypes['Procedure'] }>;
  ProcedureImportFailure: ResolverTypeWrapper<ProcedureImportFailure>;
  ProcedureImportReport: ResolverTypeWrapper<ImportReport>;
  ProcedureSource: ProcedureSource;
  ProcedureStatus: ProcedureStatus;
  ProcedureVersion: ResolverTypeWrapper<ProcedureChangeRecord>;
  Query: ResolverTypeWrapper<{}>;
  RequiredComponent: ResolverTypeWrapper<RequiredComponent>;
  RequiredComponentInput: RequiredComponentInput;
  ServiceLevel: ServiceLevel;
  SubmissionMethod: SubmissionMethod;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  Fee: Fee;
  String: Scalars['String']['output'];
  FeeInput: FeeInput;
  Mutation: {};
  ID: Scalars['ID']['output'];
  PageInfo: PageInfo;
  Procedure: ProcedureRecord;
  ProcedureActor: Actor;
  ProcedureChange: ProcedureChangeRecord;
  ProcedureChangeConnection: Omit<ProcedureChangeConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProcedureChangeEdge']> };
  ProcedureChangeEdge: Omit<ProcedureChangeEdge, 'node'> & { node: ResolversParentTypes['ProcedureChange'] };
  ProcedureConnection: Omit<ProcedureConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProcedureEdge']> };
  ProcedureContent: ProcedureContentRecord;
  ProcedureContentInput: ProcedureContentInput;
  ProcedureEdge: Omit<ProcedureEdge, 'node'> & { node: ResolversParentTypes['Procedure'] };
  ProcedureImportFailure: ProcedureImportFailure;
  ProcedureImportReport: ImportReport;
  ProcedureVersion: ProcedureChangeRecord;
  Query: {};
  RequiredComponent: RequiredComponent;
  RequiredComponentInput: RequiredComponentInput;
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

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FeeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Fee'] = ResolversParentTypes['Fee']> = ResolversObject<{
  amountVnd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createProcedure?: Resolver<ResolversTypes['Procedure'], ParentType, ContextType, RequireFields<MutationCreateProcedureArgs, 'code' | 'input'>>;
  importNationalProcedures?: Resolver<ResolversTypes['ProcedureImportReport'], ParentType, ContextType>;
  publishProcedure?: Resolver<ResolversTypes['Procedure'], ParentType, ContextType, RequireFields<MutationPublishProcedureArgs, 'code'>>;
  updateProcedure?: Resolver<ResolversTypes['Procedure'], ParentType, ContextType, RequireFields<MutationUpdateProcedureArgs, 'code' | 'input'>>;
  withdrawProcedure?: Resolver<ResolversTypes['Procedure'], ParentType, ContextType, RequireFields<MutationWithdrawProcedureArgs, 'code' | 'reason'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Procedure'] = ResolversParentTypes['Procedure']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Procedure']>, { __typename: 'Procedure' } & GraphQLRecursivePick<ParentType, {"code":true}>, ContextType>;
  agencyLevels?: Resolver<Array<ResolversTypes['AgencyLevel']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  components?: Resolver<Array<ResolversTypes['RequiredComponent']>, ParentType, ContextType>;
  fees?: Resolver<Array<ResolversTypes['Fee']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  guide?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  legalBasis?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pendingChanges?: Resolver<Maybe<ResolversTypes['ProcedureContent']>, ParentType, ContextType>;
  processingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  publishedBy?: Resolver<Maybe<ResolversTypes['ProcedureActor']>, ParentType, ContextType>;
  resultDocuments?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  serviceLevel?: Resolver<ResolversTypes['ServiceLevel'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ProcedureSource'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProcedureStatus'], ParentType, ContextType>;
  submissionMethods?: Resolver<Array<ResolversTypes['SubmissionMethod']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versions?: Resolver<Array<ResolversTypes['ProcedureVersion']>, ParentType, ContextType>;
  withdrawalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  withdrawnAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  withdrawnBy?: Resolver<Maybe<ResolversTypes['ProcedureActor']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureActorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureActor'] = ResolversParentTypes['ProcedureActor']> = ResolversObject<{
  client?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureChange'] = ResolversParentTypes['ProcedureChange']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  content?: Resolver<ResolversTypes['ProcedureContent'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ProcedureChangeKind'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProcedureStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureChangeConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureChangeConnection'] = ResolversParentTypes['ProcedureChangeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProcedureChangeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureChangeEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureChangeEdge'] = ResolversParentTypes['ProcedureChangeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ProcedureChange'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureConnection'] = ResolversParentTypes['ProcedureConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProcedureEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureContentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureContent'] = ResolversParentTypes['ProcedureContent']> = ResolversObject<{
  agencyLevels?: Resolver<Array<ResolversTypes['AgencyLevel']>, ParentType, ContextType>;
  components?: Resolver<Array<ResolversTypes['RequiredComponent']>, ParentType, ContextType>;
  fees?: Resolver<Array<ResolversTypes['Fee']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  guide?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  legalBasis?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  processingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resultDocuments?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  serviceLevel?: Resolver<ResolversTypes['ServiceLevel'], ParentType, ContextType>;
  submissionMethods?: Resolver<Array<ResolversTypes['SubmissionMethod']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureEdge'] = ResolversParentTypes['ProcedureEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Procedure'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureImportFailureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureImportFailure'] = ResolversParentTypes['ProcedureImportFailure']> = ResolversObject<{
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureImportReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureImportReport'] = ResolversParentTypes['ProcedureImportReport']> = ResolversObject<{
  changed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<Array<ResolversTypes['ProcedureImportFailure']>, ParentType, ContextType>;
  listed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withdrawn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureVersionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureVersion'] = ResolversParentTypes['ProcedureVersion']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProcedureVersion']>, { __typename: 'ProcedureVersion' } & GraphQLRecursivePick<ParentType, {"code":true,"version":true}>, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  content?: Resolver<ResolversTypes['ProcedureContent'], ParentType, ContextType>;
  publishedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  publishedBy?: Resolver<ResolversTypes['ProcedureActor'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  procedure?: Resolver<Maybe<ResolversTypes['Procedure']>, ParentType, ContextType, RequireFields<QueryProcedureArgs, 'code'>>;
  procedureChanges?: Resolver<ResolversTypes['ProcedureChangeConnection'], ParentType, ContextType, Partial<QueryProcedureChangesArgs>>;
  procedureVersion?: Resolver<Maybe<ResolversTypes['ProcedureVersion']>, ParentType, ContextType, RequireFields<QueryProcedureVersionArgs, 'code' | 'version'>>;
  procedures?: Resolver<ResolversTypes['ProcedureConnection'], ParentType, ContextType, Partial<QueryProceduresArgs>>;
}>;

export type RequiredComponentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RequiredComponent'] = ResolversParentTypes['RequiredComponent']> = ResolversObject<{
  copies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  documentTypeCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  formTemplate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  originals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Fee?: FeeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Procedure?: ProcedureResolvers<ContextType>;
  ProcedureActor?: ProcedureActorResolvers<ContextType>;
  ProcedureChange?: ProcedureChangeResolvers<ContextType>;
  ProcedureChangeConnection?: ProcedureChangeConnectionResolvers<ContextType>;
  ProcedureChangeEdge?: ProcedureChangeEdgeResolvers<ContextType>;
  ProcedureConnection?: ProcedureConnectionResolvers<ContextType>;
  ProcedureContent?: ProcedureContentResolvers<ContextType>;
  ProcedureEdge?: ProcedureEdgeResolvers<ContextType>;
  ProcedureImportFailure?: ProcedureImportFailureResolvers<ContextType>;
  ProcedureImportReport?: ProcedureImportReportResolvers<ContextType>;
  ProcedureVersion?: ProcedureVersionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RequiredComponent?: RequiredComponentResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
