import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../platform/errors';

const IVAN_NS = 'urn:vss-graph:ivan:v1';
const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** Codes that are our problem, not the caller's: their Faults say soap:Server. */
const SERVER_CODES = new Set<string>([ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.GATEWAY_TIMEOUT, ErrorCode.OVERLOADED, 'INTERNAL_SERVER_ERROR']);

export interface FaultField {
  field: string;
  message: string;
  /** Why, where the element can fail in several ways (GraphQL's inputErrors[].reason). */
  reason?: string;
}

/**
 * A SOAP 1.1 Fault: faultcode soap:Client for the caller's errors, soap:Server for ours, and a
 * detail whose LoiChiTiet carries the same code as GraphQL's extensions.code, the message and,
 * for BAD_USER_INPUT, every bad element by its SOAP name.
 */
export class SoapFault extends Error {
  constructor(readonly faultcode: string, readonly code: string, message: string, readonly fields: FaultField[] = []) {
    super(message);
  }

  static client(code: string, message: string, fields: FaultField[] = []) {
    return new SoapFault('soap:Client', code, message, fields);
  }

  static of(code: string, message: string, fields: FaultField[] = []) {
    return new SoapFault(SERVER_CODES.has(code) ? 'soap:Server' : 'soap:Client', code, message, fields);
  }

  /** The first error of a GraphQL answer, its input errors renamed to the SOAP elements. */
  static fromGraphQL(error: GraphQLFormattedError, rename: (field: string) => string) {
    const ext = error.extensions ?? {};
    const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR';
    const inputErrors = Array.isArray(ext.inputErrors) ? (ext.inputErrors as FaultField[]) : [];
    const fields = inputErrors.map((e) => ({ field: rename(e.field), message: e.message, ...(typeof e.reason === 'string' ? { reason: e.reason } : {}) }));
    const message = fields.length ? fields.map((f) => `${f.field}: ${f.message}`).join('; ') : code === 'INTERNAL_SERVER_ERROR' ? 'internal error' : error.message;
    return SoapFault.of(code, message, fields);
  }

  toXml(): string {
    const fields = this.fields
      .map((f) => `<v:TruongLoi><v:Truong>${escapeXml(f.field)}</v:Truong><v:ThongBao>${escapeXml(f.message)}</v:ThongBao>${f.reason ? `<v:LyDo>${escapeXml(f.reason)}</v:LyDo>` : ''}</v:TruongLoi>`)
      .join('');
    return '<?xml version="1.0" encoding="utf-8"?>'
      + `<soap:Envelope xmlns:soap="${SOAP11_NS}"><soap:Body><soap:Fault>`
      + `<faultcode>${this.faultcode}</faultcode><faultstring>${escapeXml(this.message)}</faultstring>`
      + `<detail><v:LoiChiTiet xmlns:v="${IVAN_NS}"><v:Ma>${escapeXml(this.code)}</v:Ma><v:ThongBao>${escapeXml(this.message)}</v:ThongBao>${fields}</v:LoiChiTiet></detail>`
      + '</soap:Fault></soap:Body></soap:Envelope>';
  }
}

export const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
