import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { PROJECT_ROOT } from '../platform/config';
import { staticApp } from '../platform/static-files';

/**
 * GraphiQL (issue 18): the IDE built from its npm package into ui/graphiql/dist and served by the
 * gateway at /graphiql, so a partner's developer has one on a closed network. Apollo Server's own
 * landing page loads Apollo Sandbox from a CDN, which such a network cannot reach: it is replaced
 * by a page pointing at /graphiql, or by none when GRAPHIQL is off.
 */
export const GRAPHIQL_PREFIX = '/graphiql';
const GRAPHIQL_DIST = path.join(PROJECT_ROOT, 'ui', 'graphiql', 'dist');

/** The static app when enabled; none at all when not, so /graphiql answers the gateway's 404. */
export function graphiqlApps(enabled: boolean): ReturnType<typeof staticApp>[] {
  return enabled ? [staticApp(GRAPHIQL_PREFIX, GRAPHIQL_DIST)] : [];
}

// No script, no style from anywhere: a browser opening /graphql is sent on to the IDE.
const LANDING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>VSS Graph</title>
<meta http-equiv="refresh" content="0; url=${GRAPHIQL_PREFIX}/"></head>
<body><p>This is the VSS Graph's GraphQL endpoint. The IDE is at <a href="${GRAPHIQL_PREFIX}/">${GRAPHIQL_PREFIX}/</a>.</p></body></html>`;

/** What a browser sees at GET /graphql: a pointer to /graphiql, or nothing when it is off. */
export function landingPagePlugin(enabled: boolean): ApolloServerPlugin {
  if (!enabled) return ApolloServerPluginLandingPageDisabled();
  return {
    async serverWillStart() {
      return { renderLandingPage: async () => ({ html: LANDING_PAGE }) };
    },
  };
}
