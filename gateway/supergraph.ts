import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import { DEFAULT_PORTS, PROJECT_ROOT, SUBGRAPHS } from '../platform/config';

export const SUPERGRAPH_PATH = path.join(PROJECT_ROOT, 'schema', 'supergraph.graphql');

/** Federation's authorization directives (issue 17), written in the subgraph SDL files. */
const AUTHORIZATION = new Set(['authenticated', 'requiresScopes', 'policy']);

/**
 * A subgraph's SDL without its authorization directives and their imports. @apollo/gateway cannot
 * enforce them and refuses any supergraph that links them (features "for: SECURITY"); each
 * subgraph enforces its own on every field instead (platform/authorization.ts), so the gateway only
 * plans. Behind Apollo Router they would be composed as they stand (`authorization: true`).
 */
function withoutAuthorization(sdl: DocumentNode): DocumentNode {
  return visit(sdl, {
    Directive: (node) => (AUTHORIZATION.has(node.name.value) ? null : undefined),
    // The @link's import list: "@authenticated", "@requiresScopes", "@policy".
    ListValue: (node) => ({ ...node, values: node.values.filter((v) => !(v.kind === Kind.STRING && v.value.startsWith('@') && AUTHORIZATION.has(v.value.slice(1)))) }),
  });
}

/**
 * Composes the five subgraph SDL files; the URLs are the local defaults, overridden at run time.
 * The authorization directives are left out unless asked for (see withoutAuthorization).
 */
export function composeSupergraph({ authorization = false }: { authorization?: boolean } = {}): string {
  const result = composeServices(
    SUBGRAPHS.map((name) => {
      const typeDefs = parse(readFileSync(path.join(PROJECT_ROOT, 'schema', `${name}.graphql`), 'utf8'));
      return { name, url: `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`, typeDefs: authorization ? typeDefs : withoutAuthorization(typeDefs) };
    }),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

export function readCommittedSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}

