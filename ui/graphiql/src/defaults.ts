/** What a partner developer sees first: a public query that needs no token, and how to add one. */
export const DEFAULT_QUERY = `# VSS Graph: the public catalogue needs no token.
# For anything else, put your token in Headers below:
#   { "Authorization": "Bearer <token from npm run token>" }
{
  agencies(first: 3) {
    edges { node { code name level } }
  }
}
`;

export const DEFAULT_HEADERS = `{
  "Authorization": "Bearer "
}`;
