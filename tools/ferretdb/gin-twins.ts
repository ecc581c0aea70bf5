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
 * indexes made at any time (GridFS's, new models'). A table gets one twin per field however many
 * indexes lead with it (`{code: 1}` and `{code: 1, revision: 1}`): every twin costs every write.
 * A twin goes when the last index leading with its field is dropped. Dotted paths get none:
 * FerretDB does not push them down. FerretDB v1 itself makes only btree indexes, so every GIN
 * index in its database is a twin. On MongoDB none of this exists or is needed: its own indexes
 * serve these filters.
 */
const RULE = `
-- The leading key of a btree index when it is a top-level field, as FerretDB writes it:
-- ((_jsonb -> 'field'::text)); NULL for anything else (dotted paths, GIN indexes).
CREATE OR REPLACE FUNCTION vss_gin_lead(idx oid) RETURNS text LANGUAGE sql STABLE AS $fn$
  SELECT d FROM pg_class c JOIN pg_am am ON am.oid = c.relam, pg_get_indexdef(idx, 1, false) d
   WHERE c.oid = idx AND am.amname = 'btree' AND d ~ '^\\(\\(_jsonb -> ''[^'']+''::text\\)\\)$'
$fn$;

-- The twin of a table's leading expression, unless the table has it already.
CREATE OR REPLACE FUNCTION vss_gin_twin(tbl oid, lead text) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  t record;
BEGIN
  -- Two index builds on one table at once must not both make the twin (one would fail on its name).
  PERFORM pg_advisory_xact_lock(tbl::bigint);
  IF EXISTS (SELECT 1 FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am am ON am.oid = c.relam
              WHERE x.indrelid = tbl AND am.amname = 'gin' AND pg_get_indexdef(x.indexrelid, 1, false) = lead) THEN
    RETURN;
  END IF;
  SELECT c.relname, n.nspname INTO t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = tbl;
  -- <table>_<field>_<hash>_gin, within PostgreSQL's 63 characters.
  EXECUTE format('CREATE INDEX %I ON %I.%I USING gin (%s) WITH (fastupdate = off)',
    left(t.relname, 34) || '_' || left(substring(lead FROM '''([^'']+)'''), 14) || '_' || left(md5(t.relname || lead), 8) || '_gin',
    t.nspname, t.relname, lead);
END
$fn$;

-- Drops the twins of a schema that no btree index leads with any more, and duplicates.
CREATE OR REPLACE FUNCTION vss_gin_orphans(sch name) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  g record;
BEGIN
  FOR g IN SELECT c.relname FROM pg_index x
             JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am am ON am.oid = c.relam
             JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = sch AND am.amname = 'gin'
              AND (NOT EXISTS (SELECT 1 FROM pg_index y WHERE y.indrelid = x.indrelid
                                  AND vss_gin_lead(y.indexrelid) = pg_get_indexdef(x.indexrelid, 1, false))
                   -- a second twin of the same expression (two index builds raced before the lock)
                   OR EXISTS (SELECT 1 FROM pg_index y JOIN pg_class yc ON yc.oid = y.indexrelid
                               WHERE y.indrelid = x.indrelid AND y.indexrelid < x.indexrelid AND yc.relam = c.relam
                                 AND pg_get_indexdef(y.indexrelid, 1, false) = pg_get_indexdef(x.indexrelid, 1, false))) LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.%I', sch, g.relname);
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION vss_gin_twins_on_create() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN SELECT x.indrelid, vss_gin_lead(x.indexrelid) AS lead
               FROM pg_event_trigger_ddl_commands() d JOIN pg_index x ON x.indexrelid = d.objid
              WHERE d.command_tag = 'CREATE INDEX' LOOP
    IF cmd.lead IS NOT NULL THEN PERFORM vss_gin_twin(cmd.indrelid, cmd.lead); END IF;
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION vss_gin_twins_on_drop() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE
  o record;
BEGIN
  -- Only indexes dropped by name (a dropped table takes its twins with it), and not our own
  -- drops of twins (their names end in _gin).
  FOR o IN SELECT DISTINCT schema_name FROM pg_event_trigger_dropped_objects()
            WHERE original AND object_type = 'index' AND object_name !~ '_gin$' LOOP
    PERFORM vss_gin_orphans(o.schema_name);
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS vss_gin_twins_on_create;
CREATE EVENT TRIGGER vss_gin_twins_on_create ON ddl_command_end WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION vss_gin_twins_on_create();
DROP EVENT TRIGGER IF EXISTS vss_gin_twins_on_drop;
CREATE EVENT TRIGGER vss_gin_twins_on_drop ON sql_drop WHEN TAG IN ('DROP INDEX') EXECUTE FUNCTION vss_gin_twins_on_drop();

-- Indexes made before the rule get their twins now.
SELECT vss_gin_twin(x.indrelid, vss_gin_lead(x.indexrelid)) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
 JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND vss_gin_lead(x.indexrelid) IS NOT NULL;
SELECT vss_gin_orphans(nspname) FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast');
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
