// Reads a database's tables, columns, keys and foreign keys into one comparable shape:
// { tableName: { columns: {name: {nullable, type}}, primaryKey: [cols], uniques: [[cols]],
//                foreignKeys: [{columns, table, referenced, onDelete, onUpdate}] } }
// Column types are in column-types.mjs's comparable form.
import { postgresType, mysqlType, sqliteFamily } from "./column-types.mjs";

function table(shape, name) {
  return (shape[name] ??= { columns: {}, primaryKey: [], uniques: [], foreignKeys: [] });
}

/** PostgreSQL, through a connected `pg` client. */
export async function introspectPostgres(client) {
  const shape = {};
  // An enum column's labels, and an enum array's (of its element type).
  const columns = await client.query(
    `select t.relname as table_name, a.attname as column_name, not a.attnotnull as nullable,
            format_type(a.atttypid, a.atttypmod) as type,
            array(select e.enumlabel::text from pg_enum e
                  where e.enumtypid = case when ty.typelem <> 0 then ty.typelem else ty.oid end order by e.enumsortorder) as labels
     from pg_attribute a join pg_class t on t.oid = a.attrelid join pg_namespace s on s.oid = t.relnamespace
       join pg_type ty on ty.oid = a.atttypid
     where s.nspname = 'public' and t.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
     order by t.relname, a.attnum`);
  for (const c of columns.rows) {
    table(shape, c.table_name).columns[c.column_name] = { nullable: c.nullable, type: postgresType(c.type, c.labels) };
  }
  // pg_index covers unique constraints and unique indexes alike.
  const indexes = await client.query(
    `select t.relname as table_name, i.indisprimary as primary, i.indisunique as unique,
            array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, n)
                  join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n) as columns
     from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace s on s.oid = t.relnamespace
     where s.nspname = 'public' and t.relkind in ('r', 'p') and (i.indisunique or i.indisprimary)
       -- A partial unique index (WHERE …) makes no column set unique.
       and i.indpred is null`);
  for (const i of indexes.rows) {
    if (i.primary) table(shape, i.table_name).primaryKey = i.columns;
    else table(shape, i.table_name).uniques.push(i.columns);
  }
  const actions = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
  const fks = await client.query(
    `select t.relname as table_name, r.relname as referenced, c.confdeltype, c.confupdtype,
            array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
                  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns,
            array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, n)
                  join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.n) as referenced_columns
     from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid
     join pg_namespace s on s.oid = t.relnamespace where c.contype = 'f' and s.nspname = 'public'`);
  for (const f of fks.rows) {
    table(shape, f.table_name).foreignKeys.push({
      columns: f.columns, table: f.referenced, referenced: f.referenced_columns,
      onDelete: actions[f.confdeltype], onUpdate: actions[f.confupdtype],
    });
  }
  return shape;
}

/** MySQL/MariaDB, through a `mysql2/promise` connection with `database` selected. */
export async function introspectMysql(connection, database) {
  const shape = {};
  const [columns] = await connection.query(
    `select c.TABLE_NAME t, c.COLUMN_NAME c, c.IS_NULLABLE n, c.COLUMN_TYPE ty from information_schema.COLUMNS c
       join information_schema.TABLES t on t.TABLE_SCHEMA = c.TABLE_SCHEMA and t.TABLE_NAME = c.TABLE_NAME
     where c.TABLE_SCHEMA = ? and t.TABLE_TYPE = 'BASE TABLE' order by c.TABLE_NAME, c.ORDINAL_POSITION`, [database]);
  for (const c of columns) table(shape, c.t).columns[c.c] = { nullable: c.n === "YES", type: mysqlType(String(c.ty)) };
  const [statistics] = await connection.query(
    `select TABLE_NAME t, INDEX_NAME i, NON_UNIQUE nu, COLUMN_NAME c from information_schema.STATISTICS
     where TABLE_SCHEMA = ? order by TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`, [database]);
  const grouped = new Map();
  for (const s of statistics) {
    if (Number(s.nu) !== 0) continue;
    const key = `${s.t}\u0000${s.i}`;
    if (!grouped.has(key)) grouped.set(key, { t: s.t, i: s.i, columns: [] });
    grouped.get(key).columns.push(s.c);
  }
  for (const g of grouped.values()) {
    if (g.i === "PRIMARY") table(shape, g.t).primaryKey = g.columns;
    else table(shape, g.t).uniques.push(g.columns);
  }
  const [fks] = await connection.query(
    `select k.TABLE_NAME t, k.CONSTRAINT_NAME n, k.COLUMN_NAME c, k.REFERENCED_TABLE_NAME rt, k.REFERENCED_COLUMN_NAME rc,
            r.DELETE_RULE d, r.UPDATE_RULE u
     from information_schema.KEY_COLUMN_USAGE k join information_schema.REFERENTIAL_CONSTRAINTS r
       on r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA and r.CONSTRAINT_NAME = k.CONSTRAINT_NAME and r.TABLE_NAME = k.TABLE_NAME
     where k.TABLE_SCHEMA = ? and k.REFERENCED_TABLE_NAME is not null
     order by k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`, [database]);
  const byConstraint = new Map();
  for (const f of fks) {
    const key = `${f.t}\u0000${f.n}`;
    if (!byConstraint.has(key)) byConstraint.set(key, { t: f.t, fk: { columns: [], table: f.rt, referenced: [], onDelete: f.d, onUpdate: f.u } });
    byConstraint.get(key).fk.columns.push(f.c);
    byConstraint.get(key).fk.referenced.push(f.rc);
  }
  for (const { t, fk } of byConstraint.values()) table(shape, t).foreignKeys.push(fk);
  return shape;
}

/** SQLite, from the JSON the sqlite3 shell prints for the query below. */
export const sqliteIntrospectionQuery = `
select json_object(
  'tables', (select json_group_array(json_object(
      'name', m.name,
      'columns', (select json_group_array(json_object('name', c.name, 'type', c.type, 'notnull', c."notnull", 'pk', c.pk)) from pragma_table_info(m.name) c),
      'indexes', (select json_group_array(json_object('unique', il."unique" and not il.partial, 'origin', il.origin,
                    'columns', (select json_group_array(ii.name) from pragma_index_info(il.name) ii)))
                  from pragma_index_list(m.name) il),
      'foreignKeys', (select json_group_array(json_object('id', f.id, 'seq', f.seq, 'table', f."table", 'from', f."from", 'to', f."to",
                        'onDelete', f.on_delete, 'onUpdate', f.on_update)) from pragma_foreign_key_list(m.name) f)))
    from sqlite_master m where m.type = 'table' and m.name not like 'sqlite_%'
      -- A virtual table (full-text search) and the shadow tables it keeps are the module's, not the schema's.
      and m.name in (select l.name from pragma_table_list l where l.type = 'table')));`;

export function sqliteShape(json) {
  const shape = {};
  for (const t of JSON.parse(json).tables) {
    const entry = table(shape, t.name);
    const pk = [];
    for (const c of t.columns) {
      // A column of the primary key is NOT NULL in effect even when SQLite's table_info says otherwise.
      entry.columns[c.name] = { nullable: c.notnull === 0 && c.pk === 0, type: sqliteFamily(c.type) };
      if (c.pk > 0) pk[c.pk - 1] = c.name;
    }
    entry.primaryKey = pk;
    for (const i of t.indexes) if (i.unique === 1 && i.origin !== "pk") entry.uniques.push(i.columns);
    const byId = new Map();
    for (const f of t.foreignKeys.sort((a, b) => a.id - b.id || a.seq - b.seq)) {
      if (!byId.has(f.id)) byId.set(f.id, { columns: [], table: f.table, referenced: [], onDelete: f.onDelete, onUpdate: f.onUpdate });
      byId.get(f.id).columns.push(f.from);
      byId.get(f.id).referenced.push(f.to);
    }
    entry.foreignKeys = [...byId.values()];
  }
  return shape;
}
