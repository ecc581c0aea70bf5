import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { DocumentView, DossierRef, MetadataRecord, OwnerRecord, StoredFileRecord, CitizenRef, OrganizationRef } from '../models/document';
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

export type AgencySignature = {
  __typename?: 'AgencySignature';
  agencyCode: Scalars['String']['output'];
  /** The key, in the agency's key set (GET /.well-known/jwks/agency-<code>.json). */
  keyId: Scalars['String']['output'];
  /** When it was signed: the time its timestamp token vouches for (results issued before timestamps: the time claimed). */
  signedAt: Scalars['DateTime']['output'];
  /** Whether a timestamp token dates it: a key revoked later leaves it valid only then. */
  stamped: Scalars['Boolean']['output'];
};

/** The citizen's data store (kho dữ liệu, Art. 11.2): digitised documents they own, newest first. */
export type Citizen = {
  __typename?: 'Citizen';
  documents?: Maybe<Array<Document>>;
  personalId: Scalars['ID']['output'];
};

export type Countersignature = {
  __typename?: 'Countersignature';
  agencyCode: Scalars['String']['output'];
  /** The dossier whose success it records. */
  dossierCode: Scalars['String']['output'];
  /** The key, in the agency's key set (GET /.well-known/jwks/agency-<code>.json). */
  keyId: Scalars['String']['output'];
  /** When it was signed, as its timestamp token vouches. */
  signedAt: Scalars['DateTime']['output'];
};

/**
 * A document: a dossier component (thành phần hồ sơ) scanned at reception, or the electronic
 * result of a dossier (1333/QĐ-BHXH Art. 4–13). Its file lives in GridFS; its SHA-256, the
 * scanner's signature and, for results, the agency's signature are checked on every read (R-DOC-3).
 */
export type Document = {
  __typename?: 'Document';
  /** The agency's signature, on results (R-DOC-5). */
  agencySignature?: Maybe<AgencySignature>;
  /**
   * The agency's countersignature of a scanned component, made when the dossier it was handed in
   * with succeeded (1333/QĐ-BHXH Art. 9.4): it makes the scan a valid electronic copy, which later
   * dossiers reuse first. Null until then, and on results. Its check is part of `integrity`.
   */
  countersignature?: Maybe<Countersignature>;
  createdAt: Scalars['DateTime']['output'];
  /** The digitisation code of Art. 10 (R-DOC-2); null until the document is digitised. */
  digitisationCode?: Maybe<Scalars['String']['output']>;
  /** Document type code (mã loại giấy tờ), e.g. TK1-TS for the participation declaration. */
  documentTypeCode: Scalars['String']['output'];
  /** The dossier it was handed in with or issued for. Nullable so that an outage of the dossiers subgraph nulls only this field. */
  dossier?: Maybe<Dossier>;
  /** Where the file is downloaded (GET, with the same bearer token, through the gateway); null when there is no file. */
  downloadPath?: Maybe<Scalars['String']['output']>;
  /** The stored file; null on documents listed before files were kept. */
  file?: Maybe<StoredFile>;
  id: Scalars['ID']['output'];
  /**
   * The file checked now: its bytes against the recorded SHA-256, and every signature against the
   * bytes and metadata. Reads the whole file; null when there is no file.
   */
  integrity?: Maybe<IntegrityCheck>;
  kind: DocumentKind;
  /** The Art. 9.2 metadata; null until the document is digitised. */
  metadata?: Maybe<DocumentMetadata>;
  name: Scalars['String']['output'];
  /** Who scanned the paper and when, from their signature over the file's hash (Art. 8.1); null for results and unscanned documents. */
  scan?: Maybe<ScanSignature>;
};

export type DocumentKind =
  /** A component of a dossier, scanned at reception. */
  | 'COMPONENT'
  /** The electronic result of a dossier, issued and signed by the agency (R-DOC-5). */
  | 'RESULT';

/** The metadata of 1333/QĐ-BHXH Art. 9.2 (R-DOC-1). */
export type DocumentMetadata = {
  __typename?: 'DocumentMetadata';
  /** a) Document type code. */
  documentTypeCode: Scalars['String']['output'];
  /** l) When the data was extracted. */
  extractedAt: Scalars['DateTime']['output'];
  /** đ) Date of issue. */
  issuedOn: Scalars['DateTime']['output'];
  /** e) Issuing authority. */
  issuingAuthority: Scalars['String']['output'];
  /** c) Document name. */
  name: Scalars['String']['output'];
  /** d) Number and symbol (số, ký hiệu). */
  numberSymbol: Scalars['String']['output'];
  /** k) Other fields required by the sector's law. */
  otherFields: Array<MetadataField>;
  /** b) The owner: personal id or organisation code, or the fallback fields. */
  owner: DocumentOwner;
  /** g) Summary of the main content (trích yếu). */
  summary: Scalars['String']['output'];
  /** h) Valid until, if limited. */
  validUntil?: Maybe<Scalars['DateTime']['output']>;
  /** i) Where it is valid, if limited. */
  validityScope?: Maybe<Scalars['String']['output']>;
};

export type DocumentMetadataInput = {
  issuedOn: Scalars['DateTime']['input'];
  issuingAuthority: Scalars['String']['input'];
  name: Scalars['String']['input'];
  numberSymbol: Scalars['String']['input'];
  otherFields?: Array<MetadataFieldInput>;
  owner: DocumentOwnerInput;
  summary: Scalars['String']['input'];
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
  validityScope?: InputMaybe<Scalars['String']['input']>;
};

export type DocumentOwner = {
  __typename?: 'DocumentOwner';
  /** YYYY-MM-DD. */
  dateOfBirth?: Maybe<Scalars['String']['output']>;
  foundedYear?: Maybe<Scalars['Int']['output']>;
  /** Fallbacks without a personal id (Art. 9.2b). */
  fullName?: Maybe<Scalars['String']['output']>;
  kind: OwnerKind;
  /** Fallbacks without an organisation code (Art. 9.2b). */
  organizationName?: Maybe<Scalars['String']['output']>;
  /** 12-digit personal identification number, when the paper shows one. */
  personalId?: Maybe<Scalars['String']['output']>;
  /** The organisation's VSS unit code, when the paper shows one. */
  unitCode?: Maybe<Scalars['String']['output']>;
};

/** Give personalId or unitCode; without one, the fallback fields of Art. 9.2b are required. */
export type DocumentOwnerInput = {
  /** YYYY-MM-DD. */
  dateOfBirth?: InputMaybe<Scalars['String']['input']>;
  foundedYear?: InputMaybe<Scalars['Int']['input']>;
  fullName?: InputMaybe<Scalars['String']['input']>;
  kind: OwnerKind;
  organizationName?: InputMaybe<Scalars['String']['input']>;
  personalId?: InputMaybe<Scalars['String']['input']>;
  unitCode?: InputMaybe<Scalars['String']['input']>;
};

/** A document reused from the owner's data store for a later dossier, and why that copy (R-DOC-4). */
export type DocumentReuse = {
  __typename?: 'DocumentReuse';
  /** A countersigned copy (Art. 9.4) is preferred over one not countersigned yet. */
  countersigned: Scalars['Boolean']['output'];
  document: Document;
  /** In words: which copy, and why. */
  note: Scalars['String']['output'];
};

export type DocumentUploadInput = {
  documentTypeCode: Scalars['String']['input'];
  dossierCode: Scalars['ID']['input'];
  fileName: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** Pages of the paper; the file must have exactly as many (Art. 8.2c). */
  pages: Scalars['Int']['input'];
};

export type Dossier = {
  __typename?: 'Dossier';
  code: Scalars['ID']['output'];
  /**
   * Documents of this dossier, oldest first: those handed in with it, those reused from the owner's
   * data store, and its result. Null only when the documents subgraph is unavailable.
   */
  documents?: Maybe<Array<Document>>;
  /** Components the owner already held electronically, linked at reception instead of being handed in again (R-DOC-4). */
  reusedDocuments?: Maybe<Array<Document>>;
  /** The same reused documents, each saying whether it is a countersigned electronic copy (Art. 9.4), which reuse prefers. */
  reuses?: Maybe<Array<DocumentReuse>>;
};

export type IntegrityCheck = {
  __typename?: 'IntegrityCheck';
  checkedAt: Scalars['DateTime']['output'];
  /** What was checked, or what failed, in words. */
  message: Scalars['String']['output'];
  status: IntegrityStatus;
};

export type IntegrityStatus =
  /** A signature does not verify, or does not cover these bytes and metadata. */
  | 'SIGNATURE_INVALID'
  /** The stored bytes no longer match the SHA-256 recorded at upload (or are missing). */
  | 'TAMPERED'
  /** The bytes match the recorded SHA-256 and every signature verifies. */
  | 'VALID';

export type MetadataField = {
  __typename?: 'MetadataField';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type MetadataFieldInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Step 3: records the Art. 9.2 metadata and issues the Art. 10 digitisation code (R-DOC-1, R-DOC-2). Needs document:digitise. */
  digitiseDocument: Document;
  /** Registers the calling officer's public key (a JWK, ES256 or EdDSA) for signing scans. Needs document:digitise. */
  registerScannerKey: ScannerKey;
  /**
   * Revokes one of the calling officer's scanner keys from `at` (default now; a past time when the
   * key was compromised before this was found out). Scans stamped from then on fail `integrity`;
   * earlier ones still verify. Needs document:digitise.
   */
  revokeScannerKey: ScannerKey;
  /**
   * Step 1 of a scan: declares the component and its page count and returns a short-lived,
   * single-use upload path. Step 2 is a PUT of the bytes there (see the README). Needs document:digitise.
   */
  startDocumentUpload: UploadTicket;
};


export type MutationDigitiseDocumentArgs = {
  id: Scalars['ID']['input'];
  metadata: DocumentMetadataInput;
};


export type MutationRegisterScannerKeyArgs = {
  input: ScannerKeyInput;
};


export type MutationRevokeScannerKeyArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  keyId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationStartDocumentUploadArgs = {
  input: DocumentUploadInput;
};

/** The organisation's data store (Art. 11.2): digitised documents it owns, newest first. */
export type Organization = {
  __typename?: 'Organization';
  documents?: Maybe<Array<Document>>;
  unitCode: Scalars['ID']['output'];
};

export type OwnerKind =
  | 'ORGANIZATION'
  | 'PERSON';

export type Query = {
  __typename?: 'Query';
  /** One document by id: for its owner, officers of the agency that holds it, the I-VAN provider that filed its dossier, and dashboards; null when it does not exist. */
  document?: Maybe<Document>;
  /** A document by its digitisation code (R-DOC-2), with the same access as document(id). */
  documentByCode?: Maybe<Document>;
  /**
   * The calling citizen's data store, as their portal account shows it (Art. 11.2, 13.5): the
   * digitised documents and electronic results they own, newest first. Citizens only.
   */
  myDocuments: Array<Document>;
};


export type QueryDocumentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDocumentByCodeArgs = {
  code: Scalars['String']['input'];
};

export type ScanSignature = {
  __typename?: 'ScanSignature';
  /** Thumbprint of the officer's key (registerScannerKey). */
  keyId: Scalars['String']['output'];
  /** When the paper was scanned, as signed. */
  scannedAt: Scalars['DateTime']['output'];
  /** The scanning officer's name, as registered with their key. */
  signedBy: Scalars['String']['output'];
  /** When the upload was stamped by the time-stamping authority: the key must have been valid then. Null on scans stored before timestamps. */
  stampedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A scanning officer's public key (R-DOC-3). */
export type ScannerKey = {
  __typename?: 'ScannerKey';
  agencyCode: Scalars['String']['output'];
  /** RFC 7638 thumbprint of the key; put it in the JWS header as kid. */
  keyId: Scalars['String']['output'];
  name: Scalars['String']['output'];
  registeredAt: Scalars['DateTime']['output'];
  /** Set when the officer registered a newer key: this one signs no more, and still verifies earlier scans. */
  retiredAt?: Maybe<Scalars['DateTime']['output']>;
  revocationReason?: Maybe<Scalars['String']['output']>;
  /** Set by revokeScannerKey: scans stamped from then on fail `integrity`. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type ScannerKeyInput = {
  /** The officer's full name, kept with every scan they sign. */
  name: Scalars['String']['input'];
  /** The public key as a JWK JSON string (EC P-256 or Ed25519); a private key is refused. */
  publicJwk: Scalars['String']['input'];
};

export type StoredFile = {
  __typename?: 'StoredFile';
  /** Read from the bytes: application/pdf, image/jpeg or image/png. */
  contentType: Scalars['String']['output'];
  fileName: Scalars['String']['output'];
  /** Read from the file (PDF pages; 1 for an image) and equal to the pages declared at upload (Art. 8.2c). */
  pages: Scalars['Int']['output'];
  /** SHA-256 of the bytes, hex. */
  sha256: Scalars['String']['output'];
  size: Scalars['Int']['output'];
  uploadedAt: Scalars['DateTime']['output'];
};

/** Permission to upload one file: PUT its bytes to uploadPath on the gateway before expiresAt. */
export type UploadTicket = {
  __typename?: 'UploadTicket';
  /** The id the stored document will have: the scanner signs it with the file's hash, its dossier and type. */
  documentId: Scalars['ID']['output'];
  expiresAt: Scalars['DateTime']['output'];
  maxBytes: Scalars['Int']['output'];
  uploadPath: Scalars['String']['output'];
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
  AgencySignature: ResolverTypeWrapper<AgencySignature>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Citizen: ResolverTypeWrapper<CitizenRef>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Countersignature: ResolverTypeWrapper<Countersignature>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Document: ResolverTypeWrapper<DocumentView>;
  DocumentKind: DocumentKind;
  DocumentMetadata: ResolverTypeWrapper<MetadataRecord>;
  DocumentMetadataInput: DocumentMetadataInput;
  DocumentOwner: ResolverTypeWrapper<OwnerRecord>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DocumentOwnerInput: DocumentOwnerInput;
  DocumentReuse: ResolverTypeWrapper<Omit<DocumentReuse, 'document'> & { document: ResolversTypes['Document'] }>;
  DocumentUploadInput: DocumentUploadInput;
  Dossier: ResolverTypeWrapper<DossierRef>;
  IntegrityCheck: ResolverTypeWrapper<IntegrityCheck>;
  IntegrityStatus: IntegrityStatus;
  MetadataField: ResolverTypeWrapper<MetadataField>;
  MetadataFieldInput: MetadataFieldInput;
  Mutation: ResolverTypeWrapper<{}>;
  Organization: ResolverTypeWrapper<OrganizationRef>;
  OwnerKind: OwnerKind;
  Query: ResolverTypeWrapper<{}>;
  ScanSignature: ResolverTypeWrapper<ScanSignature>;
  ScannerKey: ResolverTypeWrapper<ScannerKey>;
  ScannerKeyInput: ScannerKeyInput;
  StoredFile: ResolverTypeWrapper<StoredFileRecord>;
  UploadTicket: ResolverTypeWrapper<UploadTicket>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AgencySignature: AgencySignature;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  Citizen: CitizenRef;
  ID: Scalars['ID']['output'];
  Countersignature: Countersignature;
  DateTime: Scalars['DateTime']['output'];
  Document: DocumentView;
  DocumentMetadata: MetadataRecord;
  DocumentMetadataInput: DocumentMetadataInput;
  DocumentOwner: OwnerRecord;
  Int: Scalars['Int']['output'];
  DocumentOwnerInput: DocumentOwnerInput;
  DocumentReuse: Omit<DocumentReuse, 'document'> & { document: ResolversParentTypes['Document'] };
  DocumentUploadInput: DocumentUploadInput;
  Dossier: DossierRef;
  IntegrityCheck: IntegrityCheck;
  MetadataField: MetadataField;
  MetadataFieldInput: MetadataFieldInput;
  Mutation: {};
  Organization: OrganizationRef;
  Query: {};
  ScanSignature: ScanSignature;
  ScannerKey: ScannerKey;
  ScannerKeyInput: ScannerKeyInput;
  StoredFile: StoredFileRecord;
  UploadTicket: UploadTicket;
}>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = Context, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AgencySignatureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AgencySignature'] = ResolversParentTypes['AgencySignature']> = ResolversObject<{
  agencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stamped?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CitizenResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Citizen'] = ResolversParentTypes['Citizen']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Citizen']>, { __typename: 'Citizen' } & GraphQLRecursivePick<ParentType, {"personalId":true}>, ContextType>;
  documents?: Resolver<Maybe<Array<ResolversTypes['Document']>>, ParentType, ContextType>;
  personalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CountersignatureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Countersignature'] = ResolversParentTypes['Countersignature']> = ResolversObject<{
  agencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dossierCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DocumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Document'] = ResolversParentTypes['Document']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Document']>, { __typename: 'Document' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  agencySignature?: Resolver<Maybe<ResolversTypes['AgencySignature']>, ParentType, ContextType>;
  countersignature?: Resolver<Maybe<ResolversTypes['Countersignature']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  digitisationCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  documentTypeCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dossier?: Resolver<Maybe<ResolversTypes['Dossier']>, ParentType, ContextType>;
  downloadPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  file?: Resolver<Maybe<ResolversTypes['StoredFile']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  integrity?: Resolver<Maybe<ResolversTypes['IntegrityCheck']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DocumentKind'], ParentType, ContextType>;
  metadata?: Resolver<Maybe<ResolversTypes['DocumentMetadata']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scan?: Resolver<Maybe<ResolversTypes['ScanSignature']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DocumentMetadataResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DocumentMetadata'] = ResolversParentTypes['DocumentMetadata']> = ResolversObject<{
  documentTypeCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  extractedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  issuedOn?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  issuingAuthority?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  numberSymbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  otherFields?: Resolver<Array<ResolversTypes['MetadataField']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['DocumentOwner'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  validityScope?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DocumentOwnerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DocumentOwner'] = ResolversParentTypes['DocumentOwner']> = ResolversObject<{
  dateOfBirth?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  foundedYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  fullName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OwnerKind'], ParentType, ContextType>;
  organizationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  personalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unitCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DocumentReuseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DocumentReuse'] = ResolversParentTypes['DocumentReuse']> = ResolversObject<{
  countersigned?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  document?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
  note?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DossierResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Dossier'] = ResolversParentTypes['Dossier']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Dossier']>, { __typename: 'Dossier' } & GraphQLRecursivePick<ParentType, {"code":true}>, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  documents?: Resolver<Maybe<Array<ResolversTypes['Document']>>, ParentType, ContextType>;
  reusedDocuments?: Resolver<Maybe<Array<ResolversTypes['Document']>>, ParentType, ContextType>;
  reuses?: Resolver<Maybe<Array<ResolversTypes['DocumentReuse']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type IntegrityCheckResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IntegrityCheck'] = ResolversParentTypes['IntegrityCheck']> = ResolversObject<{
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IntegrityStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MetadataFieldResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetadataField'] = ResolversParentTypes['MetadataField']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  digitiseDocument?: Resolver<ResolversTypes['Document'], ParentType, ContextType, RequireFields<MutationDigitiseDocumentArgs, 'id' | 'metadata'>>;
  registerScannerKey?: Resolver<ResolversTypes['ScannerKey'], ParentType, ContextType, RequireFields<MutationRegisterScannerKeyArgs, 'input'>>;
  revokeScannerKey?: Resolver<ResolversTypes['ScannerKey'], ParentType, ContextType, RequireFields<MutationRevokeScannerKeyArgs, 'keyId' | 'reason'>>;
  startDocumentUpload?: Resolver<ResolversTypes['UploadTicket'], ParentType, ContextType, RequireFields<MutationStartDocumentUploadArgs, 'input'>>;
}>;

export type OrganizationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organization']>, { __typename: 'Organization' } & GraphQLRecursivePick<ParentType, {"unitCode":true}>, ContextType>;
  documents?: Resolver<Maybe<Array<ResolversTypes['Document']>>, ParentType, ContextType>;
  unitCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  document?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType, RequireFields<QueryDocumentArgs, 'id'>>;
  documentByCode?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType, RequireFields<QueryDocumentByCodeArgs, 'code'>>;
  myDocuments?: Resolver<Array<ResolversTypes['Document']>, ParentType, ContextType>;
}>;

export type ScanSignatureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ScanSignature'] = ResolversParentTypes['ScanSignature']> = ResolversObject<{
  keyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scannedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  signedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stampedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ScannerKeyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ScannerKey'] = ResolversParentTypes['ScannerKey']> = ResolversObject<{
  agencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  retiredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  revocationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type StoredFileResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StoredFile'] = ResolversParentTypes['StoredFile']> = ResolversObject<{
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uploadedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UploadTicketResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UploadTicket'] = ResolversParentTypes['UploadTicket']> = ResolversObject<{
  documentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  maxBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uploadPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AgencySignature?: AgencySignatureResolvers<ContextType>;
  Citizen?: CitizenResolvers<ContextType>;
  Countersignature?: CountersignatureResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Document?: DocumentResolvers<ContextType>;
  DocumentMetadata?: DocumentMetadataResolvers<ContextType>;
  DocumentOwner?: DocumentOwnerResolvers<ContextType>;
  DocumentReuse?: DocumentReuseResolvers<ContextType>;
  Dossier?: DossierResolvers<ContextType>;
  IntegrityCheck?: IntegrityCheckResolvers<ContextType>;
  MetadataField?: MetadataFieldResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ScanSignature?: ScanSignatureResolvers<ContextType>;
  ScannerKey?: ScannerKeyResolvers<ContextType>;
  StoredFile?: StoredFileResolvers<ContextType>;
  UploadTicket?: UploadTicketResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
