import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Kind, parse, print, visit } from 'graphql';
import { DEFAULT_PORTS, PROJECT_ROOT, SUBGRAPHS } from '../platform/config';

export const SUPERGRAPH_PATH = path.join(PROJECT_ROOT, 'schema', 'supergraph.graphql');

/** Composes the five subgraph SDL files; the URLs are the local defaults, overridden at run time. */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map((name) => ({
      name,
      url: `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`,
      typeDefs: parse(readFileSync(path.join(PROJECT_ROOT, 'schema', `${name}.graphql`), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

export function readCommittedSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}

/** Federation's authorization features (issue 17), as the supergraph links them. */
const AUTHORIZATION_FEATURES = new Set(['authenticated', 'requiresScopes', 'policy']);
const featureOf = (url: string) => /^https:\/\/specs\.apollo\.dev\/([A-Za-z]+)\/v/.exec(url)?.[1] ?? '';

/**
 * The supergraph as @apollo/gateway takes it: without @authenticated, @requiresScopes and
 * @policy. The gateway cannot enforce these, so it refuses any supergraph that links them (they
 * are features "for: SECURITY"); each subgraph enforces its own on every field instead
 * (platform/authorization.ts), and the gateway only plans. The committed supergraph keeps them, as
 * Apollo Router would enforce them at the edge.
 */
export function supergraphForGateway(sdl = readCommittedSupergraph()): string {
  return print(
    visit(parse(sdl), {
      Directive(node) {
        if (AUTHORIZATION_FEATURES.has(node.name.value)) return null;
        const url = node.name.value === 'link' ? node.arguments?.find((a) => a.name.value === 'url')?.value : undefined;
        return url?.kind === Kind.STRING && AUTHORIZATION_FEATURES.has(featureOf(url.value)) ? null : undefined;
      },
      DirectiveDefinition: (node) => (AUTHORIZATION_FEATURES.has(node.name.value) ? null : undefined),
      // Their argument types: requiresScopes__Scope, policy__Policy.
      ScalarTypeDefinition: (node) => (AUTHORIZATION_FEATURES.has(node.name.value.split('__', 1)[0]!) && node.name.value.includes('__') ? null : undefined),
    }),
  );
}
