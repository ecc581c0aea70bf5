import sax from 'sax';
import { SoapFault } from './faults';

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const IVAN_NS = 'urn:vss-graph:ivan:v1';
const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const PASSWORD_DIGEST = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';

export const OPERATIONS = ['NopHoSo', 'TraCuuHoSo', 'LayThayDoiTrangThai', 'LayBienNhan'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** What the endpoint needs to know before handing an envelope to the soap package. */
export interface CheckedEnvelope {
  operation: Operation;
  token: { username: string; passwordDigest: string; nonce: string; created: string } | null;
}

/**
 * Checks an envelope with a namespace-aware SAX parser before anything else reads it: well-formed,
 * no DOCTYPE (entity expansion is how XML bombs and external-entity reads work), a SOAP 1.1
 * Envelope, a Body whose element is one of our operations in our namespace, and the WS-Security
 * UsernameToken pulled out of the Header. The soap package matches elements by local name only, so
 * without this a message in a wrong namespace would run.
 */
export function checkEnvelope(xml: string): CheckedEnvelope {
  const parser = sax.parser(true, { xmlns: true, position: false });
  const stack: sax.QualifiedTag[] = [];
  let operation: Operation | undefined;
  let sawBody = false;
  let passwordType: string | undefined;
  const token: Record<string, string> = {};
  let text = '';
  let problem: SoapFault | undefined;
  const fail = (f: SoapFault) => {
    problem ??= f;
  };
  const at = (...path: [string, string][]) => path.length === stack.length && path.every(([ns, name], i) => stack[i]!.uri === ns && stack[i]!.local === name);
  const inToken = (ns: string, name: string) =>
    at([SOAP11_NS, 'Envelope'], [SOAP11_NS, 'Header'], [WSSE_NS, 'Security'], [WSSE_NS, 'UsernameToken'], [ns, name]);

  parser.ondoctype = () => fail(SoapFault.client('BAD_USER_INPUT', 'a DOCTYPE is not allowed in a SOAP message'));
  parser.onopentag = (tag) => {
    const t = tag as sax.QualifiedTag;
    if (stack.length === 0 && (t.local !== 'Envelope' || t.uri !== SOAP11_NS)) {
      fail(new SoapFault('soap:VersionMismatch', 'BAD_USER_INPUT', `the root element must be a SOAP 1.1 Envelope in ${SOAP11_NS}; got {${t.uri}}${t.local}`));
    }
    if (stack.length === 2 && at([SOAP11_NS, 'Envelope'], [SOAP11_NS, 'Body']) && !operation) {
      if (t.uri !== IVAN_NS || !(OPERATIONS as readonly string[]).includes(t.local)) {
        fail(SoapFault.client('BAD_USER_INPUT', `the Body must hold one of ${OPERATIONS.join(', ')} in namespace ${IVAN_NS}; got {${t.uri}}${t.local}`));
      } else operation = t.local as Operation;
    }
    stack.push(t);
    if (at([SOAP11_NS, 'Envelope'], [SOAP11_NS, 'Body'])) sawBody = true;
    if (inToken(WSSE_NS, 'Password')) passwordType = (t.attributes.Type as sax.QualifiedAttribute | undefined)?.value;
    text = '';
  };
  parser.ontext = (t) => {
    text += t;
  };
  parser.oncdata = (t) => {
    text += t;
  };
  parser.onclosetag = () => {
    for (const [ns, name, key] of [[WSSE_NS, 'Username', 'username'], [WSSE_NS, 'Password', 'passwordDigest'], [WSSE_NS, 'Nonce', 'nonce'], [WSU_NS, 'Created', 'created']] as const) {
      if (inToken(ns, name)) token[key] = text.trim();
    }
    stack.pop();
  };
  try {
    parser.write(xml).close();
  } catch (err) {
    throw SoapFault.client('BAD_USER_INPUT', `the request is not well-formed XML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (problem) throw problem;
  if (!sawBody || !operation) throw SoapFault.client('BAD_USER_INPUT', `the Envelope has no Body holding one of ${OPERATIONS.join(', ')}`);
  if (!token.username) return { operation, token: null };
  if (passwordType !== PASSWORD_DIGEST || !token.passwordDigest || !token.nonce || !token.created) {
    throw SoapFault.client('UNAUTHENTICATED', 'WS-Security: the UsernameToken needs a Password of Type PasswordDigest, a Nonce and a wsu:Created');
  }
  return { operation, token: { username: token.username, passwordDigest: token.passwordDigest, nonce: token.nonce, created: token.created } };
}
