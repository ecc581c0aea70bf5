import { GraphQLResolveInfo } from 'graphql';
import { ProcedureRecord } from '../models/procedure';
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
  /** Processing time in working days (R-DOS-10). */
  processingDays: Scalars['Int']['output'];
  resultDocuments: Array<Scalars['String']['output']>;
  serviceLevel: ServiceLevel;
  status: ProcedureStatus;
  submissionMethods: Array<SubmissionMethod>;
};

export type ProcedureConnection = {
  __typename?: 'ProcedureConnection';
  edges: Array<ProcedureEdge>;
  pageInfo: PageInfo;
};

export type ProcedureEdge = {
  __typename?: 'ProcedureEdge';
  cursor: Scalars['String']['output'];
  node: Procedure;
};

export type ProcedureStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'WITHDRAWN';

export type Query = {
  __typename?: 'Query';
  /** One procedure by national code; null when unknown. */
  procedure?: Maybe<Procedure>;
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
  Fee: ResolverTypeWrapper<Fee>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Procedure: ResolverTypeWrapper<ProcedureRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ProcedureConnection: ResolverTypeWrapper<Omit<ProcedureConnection, 'edges'> & { edges: Array<ResolversTypes['ProcedureEdge']> }>;
  ProcedureEdge: ResolverTypeWrapper<Omit<ProcedureEdge, 'node'> & { node: ResolversTypes['Procedure'] }>;
  ProcedureStatus: ProcedureStatus;
  Query: ResolverTypeWrapper<{}>;
  RequiredComponent: ResolverTypeWrapper<RequiredComponent>;
  ServiceLevel: ServiceLevel;
  SubmissionMethod: SubmissionMethod;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Fee: Fee;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Procedure: ProcedureRecord;
  ID: Scalars['ID']['output'];
  ProcedureConnection: Omit<ProcedureConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProcedureEdge']> };
  ProcedureEdge: Omit<ProcedureEdge, 'node'> & { node: ResolversParentTypes['Procedure'] };
  Query: {};
  RequiredComponent: RequiredComponent;
}>;

export type FeeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Fee'] = ResolversParentTypes['Fee']> = ResolversObject<{
  amountVnd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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
  processingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resultDocuments?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  serviceLevel?: Resolver<ResolversTypes['ServiceLevel'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProcedureStatus'], ParentType, ContextType>;
  submissionMethods?: Resolver<Array<ResolversTypes['SubmissionMethod']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureConnection'] = ResolversParentTypes['ProcedureConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProcedureEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProcedureEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProcedureEdge'] = ResolversParentTypes['ProcedureEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Procedure'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  procedure?: Resolver<Maybe<ResolversTypes['Procedure']>, ParentType, ContextType, RequireFields<QueryProcedureArgs, 'code'>>;
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
  Fee?: FeeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Procedure?: ProcedureResolvers<ContextType>;
  ProcedureConnection?: ProcedureConnectionResolvers<ContextType>;
  ProcedureEdge?: ProcedureEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RequiredComponent?: RequiredComponentResolvers<ContextType>;
}>;

