import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { ReportRecord, ReportActorRecord } from '../models/report';
import { FiguresRow, Figures } from '../services/queries';
import { CodeRef } from '../models/refs';
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

/** An agency's live figures (statistics:read). */
export type Agency = {
  __typename?: 'Agency';
  code: Scalars['ID']['output'];
  /** Figures of dossiers at this agency, from and to YYYY-MM-DD (Vietnam days, both included). */
  statistics?: Maybe<DossierFigures>;
};


/** An agency's live figures (statistics:read). */
export type AgencyStatisticsArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
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

/**
 * The figures of R-STA-1 for one group over one period, from the dossier events. Flows count what
 * happened within the period, on Vietnam calendar days; `processing` is a stock at the period's end.
 */
export type DossierFigures = {
  __typename?: 'DossierFigures';
  /** Average processing time of the dossiers resolved in the period, in working days (R-DOS-10). */
  averageProcessingDays?: Maybe<Scalars['Float']['output']>;
  /** resolvedOnTime / (resolvedOnTime + resolvedLate); null when none was resolved. */
  onTimeShare?: Maybe<Scalars['Float']['output']>;
  /** receivedOnline / received, 0–1; null when none was received. */
  onlineShare?: Maybe<Scalars['Float']['output']>;
  /** Dossiers received and not yet resolved, rejected or withdrawn, at the end of the period (at their handling agency). */
  processing: Scalars['Int']['output'];
  /** Dossiers received (at the receiving agency). */
  received: Scalars['Int']['output'];
  /** Of those, received online (ONLINE, NATIONAL_PORTAL, IVAN). */
  receivedOnline: Scalars['Int']['output'];
  /** Refused (REJECT). */
  rejected: Scalars['Int']['output'];
  /** Results ready (COMPLETE), at the agency handling the dossier then. */
  resolved: Scalars['Int']['output'];
  /** Resolved after it. */
  resolvedLate: Scalars['Int']['output'];
  /** Resolved by the appointment in force. */
  resolvedOnTime: Scalars['Int']['output'];
  /** Results handed back to the applicant (RETURN_RESULT). */
  returned: Scalars['Int']['output'];
  /** Withdrawn at the applicant's request. */
  withdrawn: Scalars['Int']['output'];
};

export type DossierFiguresRow = {
  __typename?: 'DossierFiguresRow';
  figures: DossierFigures;
  /**
   * The group: an agency code, procedure code, field, channel, or period (YYYY-MM-DD, YYYY-MM,
   * YYYY-Qn, YYYY); null without grouping.
   */
  group?: Maybe<Scalars['String']['output']>;
};

export type DossierStatus =
  | 'PROCESSING'
  | 'RECEIVED'
  | 'REJECTED'
  | 'RESULT_READY'
  | 'RESULT_RETURNED';

/** How many dossiers are currently in one public state, counted from dossier events. */
export type DossierStatusCount = {
  __typename?: 'DossierStatusCount';
  count: Scalars['Int']['output'];
  status: DossierStatus;
};

export type FiguresFilter = {
  agencyCode?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<Channel>;
  /** A procedure field (lĩnh vực), as the procedure catalogue names it. */
  field?: InputMaybe<Scalars['String']['input']>;
  procedureCode?: InputMaybe<Scalars['ID']['input']>;
};

export type FiguresGrouping =
  | 'AGENCY'
  | 'CHANNEL'
  | 'DAY'
  | 'FIELD'
  | 'MONTH'
  | 'NONE'
  | 'PROCEDURE'
  | 'QUARTER'
  | 'YEAR';

export type Mutation = {
  __typename?: 'Mutation';
  /** Leadership approval of a DRAFT, by someone other than its author. Needs statistics:approve. */
  approveStatisticsReport: StatisticsReport;
  /** Makes a DRAFT report with the figures as they are now. Needs statistics:report. */
  createStatisticsReport: StatisticsReport;
  /** Publishes an APPROVED report; from then on it never changes. Needs statistics:report. */
  publishStatisticsReport: StatisticsReport;
};


export type MutationApproveStatisticsReportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateStatisticsReportArgs = {
  input: StatisticsReportInput;
};


export type MutationPublishStatisticsReportArgs = {
  id: Scalars['ID']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A procedure's live figures (statistics:read). */
export type Procedure = {
  __typename?: 'Procedure';
  code: Scalars['ID']['output'];
  /** Figures of dossiers under this procedure, from and to YYYY-MM-DD (Vietnam days, both included). */
  statistics?: Maybe<DossierFigures>;
};


/** A procedure's live figures (statistics:read). */
export type ProcedureStatisticsArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** Current number of dossiers per public state, optionally for one handling agency. Needs statistics:read. */
  dossierCountsByStatus: Array<DossierStatusCount>;
  /**
   * Live figures (R-STA-1) for a period, filtered and grouped; fresh within seconds of a dossier
   * changing state. Needs statistics:read (dashboards, officers): unapproved figures are internal.
   */
  dossierFigures: Array<DossierFiguresRow>;
  /** One report; null when it does not exist or is not published and you may not see drafts. */
  statisticsReport?: Maybe<StatisticsReport>;
  /** Reports, newest first. Without statistics:read, published ones only (no token needed). */
  statisticsReports: StatisticsReportConnection;
};


export type QueryDossierCountsByStatusArgs = {
  agencyCode?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryDossierFiguresArgs = {
  filter?: InputMaybe<FiguresFilter>;
  from: Scalars['String']['input'];
  groupBy?: InputMaybe<FiguresGrouping>;
  to: Scalars['String']['input'];
};


export type QueryStatisticsReportArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStatisticsReportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<StatisticsReportStatus>;
};

export type ReportActor = {
  __typename?: 'ReportActor';
  at: Scalars['DateTime']['output'];
  client: Scalars['String']['output'];
  subject: Scalars['String']['output'];
};

/**
 * A statistics report (R-STA-2): the figures of a period and scope frozen when it was made, approved
 * by leadership, then published. Dashboards and officers see every report; everyone else, published
 * ones only. A published report never changes.
 */
export type StatisticsReport = {
  __typename?: 'StatisticsReport';
  agencyCode?: Maybe<Scalars['ID']['output']>;
  approvedBy?: Maybe<ReportActor>;
  channel?: Maybe<Channel>;
  createdBy: ReportActor;
  field?: Maybe<Scalars['String']['output']>;
  /** YYYY-MM-DD, Vietnam calendar days, both included. */
  from: Scalars['String']['output'];
  groupBy: FiguresGrouping;
  id: Scalars['ID']['output'];
  procedureCode?: Maybe<Scalars['ID']['output']>;
  publishedBy?: Maybe<ReportActor>;
  rows: Array<DossierFiguresRow>;
  status: StatisticsReportStatus;
  title: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

export type StatisticsReportConnection = {
  __typename?: 'StatisticsReportConnection';
  edges: Array<StatisticsReportEdge>;
  pageInfo: PageInfo;
};

export type StatisticsReportEdge = {
  __typename?: 'StatisticsReportEdge';
  cursor: Scalars['String']['output'];
  node: StatisticsReport;
};

export type StatisticsReportInput = {
  filter?: InputMaybe<FiguresFilter>;
  from: Scalars['String']['input'];
  groupBy?: InputMaybe<FiguresGrouping>;
  title: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

export type StatisticsReportStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'PUBLISHED';

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
  Agency: ResolverTypeWrapper<CodeRef>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Channel: Channel;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DossierFigures: ResolverTypeWrapper<Figures>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DossierFiguresRow: ResolverTypeWrapper<FiguresRow>;
  DossierStatus: DossierStatus;
  DossierStatusCount: ResolverTypeWrapper<DossierStatusCount>;
  FiguresFilter: FiguresFilter;
  FiguresGrouping: FiguresGrouping;
  Mutation: ResolverTypeWrapper<{}>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Procedure: ResolverTypeWrapper<CodeRef>;
  Query: ResolverTypeWrapper<{}>;
  ReportActor: ResolverTypeWrapper<ReportActorRecord>;
  StatisticsReport: ResolverTypeWrapper<ReportRecord>;
  StatisticsReportConnection: ResolverTypeWrapper<Omit<StatisticsReportConnection, 'edges'> & { edges: Array<ResolversTypes['StatisticsReportEdge']> }>;
  StatisticsReportEdge: ResolverTypeWrapper<Omit<StatisticsReportEdge, 'node'> & { node: ResolversTypes['StatisticsReport'] }>;
  StatisticsReportInput: StatisticsReportInput;
  StatisticsReportStatus: StatisticsReportStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Agency: CodeRef;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  DossierFigures: Figures;
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  DossierFiguresRow: FiguresRow;
  DossierStatusCount: DossierStatusCount;
  FiguresFilter: FiguresFilter;
  Mutation: {};
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Procedure: CodeRef;
  Query: {};
  ReportActor: ReportActorRecord;
  StatisticsReport: ReportRecord;
  StatisticsReportConnection: Omit<StatisticsReportConnection, 'edges'> & { edges: Array<ResolversParentTypes['StatisticsReportEdge']> };
  StatisticsReportEdge: Omit<StatisticsReportEdge, 'node'> & { node: ResolversParentTypes['StatisticsReport'] };
  StatisticsReportInput: StatisticsReportInput;
}>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = Context, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AgencyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Agency']>, { __typename: 'Agency' } & GraphQLRecursivePick<ParentType, {"code":true}>, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  statistics?: Resolver<Maybe<ResolversTypes['DossierFigures']>, ParentType, ContextType, RequireFields<AgencyStatisticsArgs, 'from' | 'to'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DossierFiguresResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DossierFigures'] = ResolversParentTypes['DossierFigures']> = ResolversObject<{
  averageProcessingDays?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  onTimeShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  onlineShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  processing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  receivedOnline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolvedLate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolvedOnTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  returned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withdrawn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DossierFiguresRowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DossierFiguresRow'] = ResolversParentTypes['DossierFiguresRow']> = ResolversObject<{
  figures?: Resolver<ResolversTypes['DossierFigures'], ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DossierStatusCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DossierStatusCount'] = ResolversParentTypes['DossierStatusCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DossierStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  approveStatisticsReport?: Resolver<ResolversTypes['StatisticsReport'], ParentType, ContextType, RequireFields<MutationApproveStatisticsReportArgs, 'id'>>;
  createStatisticsReport?: Resolver<ResolversTypes['StatisticsReport'], ParentType, ContextType, RequireFields<MutationCreateStatisticsReportArgs, 'input'>>;
  publishStatisticsReport?: Resolver<ResolversTypes['StatisticsReport'], ParentType, ContextType, RequireFields<MutationPublishStatisticsReportArgs, 'id'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Procedure'] = ResolversParentTypes['Procedure']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Procedure']>, { __typename: 'Procedure' } & GraphQLRecursivePick<ParentType, {"code":true}>, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  statistics?: Resolver<Maybe<ResolversTypes['DossierFigures']>, ParentType, ContextType, RequireFields<ProcedureStatisticsArgs, 'from' | 'to'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  dossierCountsByStatus?: Resolver<Array<ResolversTypes['DossierStatusCount']>, ParentType, ContextType, Partial<QueryDossierCountsByStatusArgs>>;
  dossierFigures?: Resolver<Array<ResolversTypes['DossierFiguresRow']>, ParentType, ContextType, RequireFields<QueryDossierFiguresArgs, 'from' | 'groupBy' | 'to'>>;
  statisticsReport?: Resolver<Maybe<ResolversTypes['StatisticsReport']>, ParentType, ContextType, RequireFields<QueryStatisticsReportArgs, 'id'>>;
  statisticsReports?: Resolver<ResolversTypes['StatisticsReportConnection'], ParentType, ContextType, Partial<QueryStatisticsReportsArgs>>;
}>;

export type ReportActorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReportActor'] = ResolversParentTypes['ReportActor']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  client?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StatisticsReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StatisticsReport'] = ResolversParentTypes['StatisticsReport']> = ResolversObject<{
  agencyCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  approvedBy?: Resolver<Maybe<ResolversTypes['ReportActor']>, ParentType, ContextType>;
  channel?: Resolver<Maybe<ResolversTypes['Channel']>, ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['ReportActor'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  groupBy?: Resolver<ResolversTypes['FiguresGrouping'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  procedureCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  publishedBy?: Resolver<Maybe<ResolversTypes['ReportActor']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['DossierFiguresRow']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StatisticsReportStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StatisticsReportConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StatisticsReportConnection'] = ResolversParentTypes['StatisticsReportConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['StatisticsReportEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StatisticsReportEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StatisticsReportEdge'] = ResolversParentTypes['StatisticsReportEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StatisticsReport'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Agency?: AgencyResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DossierFigures?: DossierFiguresResolvers<ContextType>;
  DossierFiguresRow?: DossierFiguresRowResolvers<ContextType>;
  DossierStatusCount?: DossierStatusCountResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Procedure?: ProcedureResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReportActor?: ReportActorResolvers<ContextType>;
  StatisticsReport?: StatisticsReportResolvers<ContextType>;
  StatisticsReportConnection?: StatisticsReportConnectionResolvers<ContextType>;
  StatisticsReportEdge?: StatisticsReportEdgeResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
