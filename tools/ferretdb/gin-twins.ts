import pg from 'pg';

/**
 * One generic rule that makes FerretDB's equality filters index-backed on PostgreSQL.
 *
 * FerretDB v1.24.2 pushes `{field: value}` down as `(_jsonb -> 'field') @> '"value"'`
 * (`filterEqual`, internal/backends/postgresql/query.go), but makes every index of ours a btree
 * on `(_jsonb -> 'field')` (registry.go, indexesCreate), and a btree cannot serve `@>`: each such
 * query read the whole table. A GIN index on the same expression can. So for every btree index
 * whose leading key is a top-level field, PostgreSQL itself adds a GIN "twin" on that field's
 * expression, in the same transaction as the CREATE INDEX (an event trigger), for collections and
 * indexes made at any time (GridFS's, new models'); the twin goes when its index is dropped.
 * Dotted paths get none: FerretDB does not push them down. On MongoDB none of this exists or is
 * needed: its own indexes serve these filters.
 */
const RULE = `
CREATE OR REPLACE FUNCTION vss_gin_twin(idx oid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  i record;
  lead text;
BEGIN
  SELECT c.relname AS name, n.nspname AS schema, t.relname AS tbl, am.amname AS am
    INTO i
    FROM pg_class c
    JOIN pg_index x ON x.indexrelid = c.oid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_am am ON am.oid = c.relam
   WHERE c.oid = idx;
  IF NOT FOUND OR i.am <> 'btree' THEN RETURN; END IF;
  lead := pg_get_indexdef(idx, 1, false);
  -- Only a top-level field, as FerretDB writes it: ((_jsonb -> 'field'::text))
  IF lead !~ '^\\(\\(_jsonb -> ''[^'']+''::text\\)\\)$' THEN RETURN; END IF;
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin (%s) WITH (fastupdate = off)', vss_gin_twin_name(i.name), i.schema, i.tbl, lead);
END
$fn$;

CREATE OR REPLACE FUNCTION vss_gin_twin_name(btree name) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT regexp_replace(btree, '_idx$', '') || '_gin'
$fn$;

CREATE OR REPLACE FUNCTION vss_gin_twins_on_create() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE INDEX' LOOP
    PERFORM vss_gin_twin(cmd.objid);
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION vss_gin_twins_on_drop() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE
  o record;
BEGIN
  -- Only indexes dropped by name: a dropped table takes its twins with it.
  FOR o IN SELECT schema_name, object_name FROM pg_event_trigger_dropped_objects()
            WHERE original AND object_type = 'index' AND object_name !~ '_gin$' LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.%I', o.schema_name, vss_gin_twin_name(o.object_name));
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS vss_gin_twins_on_create;
CREATE EVENT TRIGGER vss_gin_twins_on_create ON ddl_command_end WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION vss_gin_twins_on_create();
DROP EVENT TRIGGER IF EXISTS vss_gin_twins_on_drop;
CREATE EVENT TRIGGER vss_gin_twins_on_drop ON sql_drop WHEN TAG IN ('DROP INDEX') EXECUTE FUNCTION vss_gin_twins_on_drop();

-- Indexes made before the rule (or by an older version of it) get their twins now.
SELECT vss_gin_twin(x.indexrelid) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
 JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast');
`;

/** Makes the database FerretDB uses (when new) and installs the rule in it; safe to run at every start. */
export async function installGinTwins(serverUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${serverUrl}postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: `${serverUrl}${database}` });
  await client.connect();
  try {
    await client.query(RULE);
  } finally {
    await client.end();
  }
}
