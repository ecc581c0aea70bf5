import { CompactSign, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { renderPdf } from '../../platform/pdf';
import { sha256Hex } from '../../platform/digest';
import { SCAN_SIGNATURE_HEADER } from '../../platform/documents-protocol';

/** An upload ticket, with what the scanner signs besides the file. */
export interface Ticket {
  documentId: string;
  dossierCode: string;
  documentTypeCode: string;
  uploadPath: string;
  expiresAt: string;
  maxBytes: number;
}

/**
 * A scanning workstation at a one-stop desk, as a client of the graph: it holds the officer's
 * private key, registers the public half, and scans in the three steps of 1333/QĐ-BHXH Art. 8–10
 * (announce, upload signed bytes, digitise). Talks to the gateway with a bearer token, or to the
 * documents subgraph directly with an internal token (tests): `headers` supplies either.
 */
export class ScanningWorkstation {
  private constructor(
    private readonly baseUrl: string,
    private readonly headers: () => Promise<Record<string, string>>,
    readonly name: string,
    private readonly key: CryptoKey,
    /** Kept by the workstation (e.g. in .data/keys) so the officer signs with the same key next time. */
    readonly privateJwk: JWK,
    readonly publicJwk: JWK,
  ) {}

  /** `privateJwk` from an earlier run, or a new ES256 key. */
  static async open(opts: { baseUrl: string; headers: () => Promise<Record<string, string>>; name: string; privateJwk?: JWK }): Promise<ScanningWorkstation> {
    let jwk = opts.privateJwk;
    if (!jwk) jwk = { ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey)), alg: 'ES256' };
    const publicJwk: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
    const key = (await importJWK(jwk, 'ES256')) as CryptoKey;
    return new ScanningWorkstation(opts.baseUrl.replace(/\/graphql$/, ''), opts.headers, opts.name, key, jwk, publicJwk);
  }

  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await this.headers()) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }

  /** Registers the public key; answers its key id. */
  async register(): Promise<string> {
    const res = await this.graphql<{ registerScannerKey: { keyId: string } }>(
      'mutation($input: ScannerKeyInput!) { registerScannerKey(input: $input) { keyId } }',
      { input: { name: this.name, publicJwk: JSON.stringify(this.publicJwk) } },
    );
    if (!res.data) throw new Error(`registerScannerKey: ${res.errors?.map((e) => e.message).join('; ')}`);
    return (this.keyId = res.data.registerScannerKey.keyId);
  }

  keyId: string | undefined;

  /**
   * The officer's signature over a file (Art. 8.1): the document it becomes, its dossier and type,
   * its hash and pages, and when it was scanned.
   */
  async sign(ticket: Ticket, bytes: Buffer, pages: number, scannedAt = new Date()): Promise<string> {
    if (!this.keyId) throw new Error('register the key first');
    const { documentId, dossierCode, documentTypeCode } = ticket;
    const claims = { documentId, dossierCode, documentTypeCode, sha256: sha256Hex(bytes), pages, scannedAt: scannedAt.toISOString() };
    return new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'ES256', kid: this.keyId }).sign(this.key);
  }

  /** Step 1: the upload ticket (errors as GraphQL gave them). */
  async announce(input: { dossierCode: string; documentTypeCode: string; name: string; pages: number; fileName: string }) {
    const res = await this.graphql<{ startDocumentUpload: Omit<Ticket, 'dossierCode' | 'documentTypeCode'> }>(
      'mutation($input: DocumentUploadInput!) { startDocumentUpload(input: $input) { documentId uploadPath expiresAt maxBytes } }',
      { input },
    );
    const ticket: Ticket | undefined = res.data && { ...res.data.startDocumentUpload, dossierCode: input.dossierCode, documentTypeCode: input.documentTypeCode };
    return { ticket, errors: res.errors };
  }

  /** Step 2: the bytes, with whatever Content-Type and signature the caller gives. */
  async put(uploadPath: string, bytes: Buffer, headers: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${this.baseUrl}${uploadPath}`, { method: 'PUT', headers: { ...(await this.headers()), ...headers }, body: new Uint8Array(bytes) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Steps 1 and 2 for one component, signed honestly; answers the stored document's id and hash. */
  async scan(input: { dossierCode: string; documentTypeCode: string; name: string; fileName: string; bytes: Buffer; pages: number; contentType: string }): Promise<{ id: string; sha256: string }> {
    const { bytes, contentType, ...declared } = input;
    const { ticket, errors } = await this.announce(declared);
    if (!ticket) throw new Error(`startDocumentUpload: ${errors?.map((e) => e.message).join('; ')}`);
    const signature = await this.sign(ticket, bytes, input.pages);
    const res = await this.put(ticket.uploadPath, bytes, { 'content-type': contentType, [SCAN_SIGNATURE_HEADER]: signature });
    if (res.status !== 201) throw new Error(`upload: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; sha256: string };
  }

  /** Step 3: the Art. 9.2 metadata; answers the digitisation code. */
  async digitise(id: string, metadata: Record<string, unknown>) {
    return this.graphql<{ digitiseDocument: { digitisationCode: string } }>(
      'mutation($id: ID!, $m: DocumentMetadataInput!) { digitiseDocument(id: $id, metadata: $m) { digitisationCode } }',
      { id, m: metadata },
    );
  }
}

/** A stand-in for a scanned paper: a PDF of `pages` pages, each saying what it is. */
export function samplePdf(title: string, pages: number): Promise<Buffer> {
  return renderPdf({ Title: title }, (doc) => {
    for (let i = 1; i <= pages; i++) {
      if (i > 1) doc.addPage();
      doc.fontSize(14).text(`${title} – trang ${i}/${pages}`);
    }
  });
}
