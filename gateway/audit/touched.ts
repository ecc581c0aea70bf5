import { currentTraceId } from '../../platform/tracing';
import { createHash } from 'node:crypto';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { AuditRecord } from '../../platform/audit';
import type { Principal } from '../../platform/principal';

/**
 * What an exchange touched, for the audit trail (R-Q-2): dossier codes, procedure codes and
 * document ids, found by their shape in the variables, the document's literal arguments and the
 * answer. Only values of these shapes are kept, so no name, personal id or phone number can get
 * in. Bounded, so a list query does not make a huge record.
 */
const DOSSIER_CODE = /^[0-9A-Z]{3}(\.[0-9A-Z]{2}){2}\.[0-9A-Z]{3}-\d{6}-\d{4}$/;
const PROCEDURE_CODE = /^\d{1,2}\.\d{6}$/;
const OBJECT_ID = /^[0-9a-f]{24}$/;
export const MAX_TOUCHED = 50;

/** Adds the identifiers found in `value` to `into`; `key` and `inDocument` say where it sits. */
function walk(value: unknown, key: string, inDocument: boolean, into: Set<string>): void {
  if (into.size >= MAX_TOUCHED) return;
  if (typeof value === 'string') {
    if (DOSSIER_CODE.test(value)) into.add(`dossier:${value}`);
    else if (PROCEDURE_CODE.test(value) && /code$/i.test(key)) into.add(`procedure:${value}`);
    else if (OBJECT_ID.test(value) && (/^documentIds?$/.test(key) || (inDocument && key === 'id'))) into.add(`document:${value}`);
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) walk(v, key, inDocument, into);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, k, inDocument || /document/i.test(k), into);
  }
}

/** The identifiers in `values`, after those already `known` (a document's literals). */
export function touchedIn(known: string[], ...values: unknown[]): string[] {
  const into = new Set<string>(known);
  for (const v of values) walk(v, '', false, into);
  return [...into];
}

/** The principal as an audit record holds it: never its personal id or scopes. */
export const actorOf = (p: Principal): AuditRecord['principal'] => ({ client: p.client, subject: p.subject, agencyCode: p.agencyCode, ivanProviderId: p.ivanProviderId });

/** A document's SHA-256 and the identifiers written into it as literals; cached by text, as the same few documents come again and again. */
export interface DocumentFacts {
  hash: string;
  literals: string[];
}

const facts = new LRUCache<string, DocumentFacts>({ max: 1000 });

export function documentFacts(text: string, parsed?: DocumentNode): DocumentFacts {
  let f = facts.get(text);
  if (f) return f;
  const args: Record<string, unknown> = {};
  try {
    visit(parsed ?? parse(text), {
      Argument(node) {
        if (node.value.kind === Kind.STRING) args[`${node.name.value}`] = [...((args[node.name.value] as string[] | undefined) ?? []), node.value.value];
      },
    });
  } catch {
    // An unparsable document touched nothing; its hash is still recorded.
  }
  f = { hash: createHash('sha256').update(text).digest('hex'), literals: touchedIn([], args) };
  facts.set(text, f);
  return f;
}

/**
 * The trace id of the request: the active span's when tracing is on (platform/tracing.ts; the gateway
 * starts a trace for a caller that sent none), else the caller's W3C `traceparent` header
 * (version-traceid-parentid-flags), else null.
 */
export function traceIdOf(header: string | string[] | null | undefined): string | null {
  const active = currentTraceId();
  if (active) return active;
  const traceparent = Array.isArray(header) ? header[0] : header;
  const m = traceparent ? /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(traceparent.trim()) : null;
  return m && !/^0+$/.test(m[1]!) ? m[1]! : null;
}
