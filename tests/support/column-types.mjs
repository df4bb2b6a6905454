// Column types in one comparable form per database, and the type each IR field promises.
//
// The form: lower-case family with its length, precision and scale where the database keeps
// them (`varchar(190)`, `decimal(10,2)`, `timestamp(3)`), `enum(a,b)` with the values in order,
// and `[]` for an array. Each database is read in its own terms:
// - PostgreSQL: `format_type` of the column (`character varying(190)` → `varchar(190)`,
//   `timestamp without time zone` → `timestamp(6)`, its default precision).
// - MySQL (MariaDB here): COLUMN_TYPE without integer display widths (`int(11)` → `int`,
//   `tinyint(1)` kept: it is MySQL's boolean); a precision of 0 written (`datetime` →
//   `datetime(0)`); MariaDB's JSON is `longtext`.
// - SQLite: the affinity of the declared type, as SQLite's rules give it (section 3.1 of its
//   datatype page); INTEGER and NUMERIC count as one, since SQLite says they store alike.
//
// What a field promises is Prisma's mapping of its portable type or native type (`@db.*`) to
// the database, the native type being carried between PostgreSQL and MySQL where both have
// it with the same meaning (`carriedNative`, relplay's promise, see `SqlDialect::native_type_here`).

/** The affinity family of a SQLite declared type. */
export function sqliteFamily(declared) {
  const type = String(declared ?? "").toUpperCase();
  if (type.includes("INT")) return "numeric";
  if (/CHAR|CLOB|TEXT/.test(type)) return "text";
  if (type === "" || type.includes("BLOB")) return "blob";
  if (/REAL|FLOA|DOUB/.test(type)) return "real";
  return "numeric";
}

/** A PostgreSQL `format_type` text (and an enum's labels) in the comparable form. */
export function postgresType(formatted, enumLabels) {
  const array = formatted.endsWith("[]");
  if (enumLabels?.length) return `enum(${enumLabels.join(",")})${array ? "[]" : ""}`;
  let type = formatted.replace(/\[\]$/, "").replace(/"/g, "").replace(/^[a-z_]+\./, "").toLowerCase();
  type = type
    .replace(/^character varying/, "varchar")
    .replace(/^character\b/, "char")
    .replace(/^bpchar/, "char")
    .replace(/^numeric/, "decimal")
    .replace(/^double precision$/, "double");
  const time = type.match(/^(timestamp|time)(\((\d+)\))? with(out)? time zone$/);
  if (time) type = `${time[1]}${time[4] ? "" : "tz"}(${time[3] ?? "6"})`;
  return array ? `${type}[]` : type;
}

/** A MySQL/MariaDB COLUMN_TYPE in the comparable form. */
export function mysqlType(columnType) {
  if (/^enum\(/i.test(columnType)) return `enum(${[...columnType.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'")).join(",")})`;
  let type = columnType.toLowerCase().replace(/ zerofill/, "").replace(/',\s+'/g, "','");
  if (!/^tinyint\(1\)/.test(type)) type = type.replace(/^(tinyint|smallint|mediumint|int|bigint)\(\d+\)/, "$1");
  type = type.replace(/^(datetime|timestamp|time)$/, "$1(0)").replace(/^year\(\d+\)$/, "year").replace(/^json$/, "longtext");
  return type;
}

/** How Prisma maps a native type on each database (`VarChar(190)` → `varchar(190)`). */
const nativeTypes = {
  postgresql(name, args) {
    const [first] = args;
    const sized = (family, fallback) => (first ? `${family}(${args.join(",")})` : fallback ?? family);
    switch (name) {
      case "VarChar": return sized("varchar");
      case "Char": return sized("char", "char(1)");
      case "Decimal": return sized("decimal");
      case "Timestamp": return `timestamp(${first ?? 6})`;
      case "Timestamptz": return `timestamptz(${first ?? 6})`;
      case "Time": return `time(${first ?? 6})`;
      case "Timetz": return `timetz(${first ?? 6})`;
      case "Integer": return "integer";
      case "DoublePrecision": return "double";
      case "JsonB": return "jsonb";
      case "ByteA": return "bytea";
      case "VarBit": return sized("bit varying");
      case "Bit": return sized("bit", "bit(1)");
      default: return name.toLowerCase();
    }
  },
  mysql(name, args) {
    const unsigned = name.startsWith("Unsigned");
    const base = (unsigned ? name.slice("Unsigned".length) : name).toLowerCase();
    const family = base === "int" ? "int" : base;
    switch (base) {
      case "datetime": case "timestamp": case "time": return `${base}(${args[0] ?? 0})`;
      case "json": return "longtext";
      default: return `${family}${args.length ? `(${args.join(",")})` : ""}${unsigned ? " unsigned" : ""}`;
    }
  },
};

/** Prisma's column type for a portable type without a native type. */
const portableTypes = {
  postgresql: { int: "integer", bigint: "bigint", float: "double", decimal: "decimal(65,30)", string: "text", boolean: "boolean", datetime: "timestamp(3)", json: "jsonb", bytes: "bytea" },
  mysql: { int: "int", bigint: "bigint", float: "double", decimal: "decimal(65,30)", string: "varchar(191)", boolean: "tinyint(1)", datetime: "datetime(3)", json: "longtext", bytes: "longblob" },
  sqlite: { int: "INTEGER", bigint: "BIGINT", float: "REAL", decimal: "DECIMAL", string: "TEXT", boolean: "BOOLEAN", datetime: "DATETIME", json: "TEXT", bytes: "BLOB" },
};

/**
 * The native type a field declared `native` in `provider`'s database has on `dialect`: itself
 * there; between PostgreSQL and MySQL the types both have alike; otherwise none.
 */
export function carriedNative(native, provider, dialect) {
  if (!native) return null;
  if (provider === dialect) return native;
  // Declared by ORM code, which names no database: a size is the ORM's on either database, as
  // written; the other types carry to either as between the two.
  if (provider == null && dialect !== "sqlite" && ["VarChar", "Char", "Decimal"].includes(native.name)) return native;
  if (provider == null) provider = { postgresql: "mysql", mysql: "postgresql" }[dialect] ?? null;
  const [n, s] = native.arguments.map(Number);
  const to = (name, args = native.arguments) => ({ name, arguments: args });
  const way = `${provider}>${dialect}`;
  if (way === "postgresql>mysql") {
    switch (native.name) {
      case "VarChar": return n <= 768 ? native : null;
      case "Char": return n <= 255 ? native : null;
      case "Decimal": return n <= 65 && s <= 30 ? native : null;
      case "SmallInt": case "Date": case "Time": return native;
      case "Real": return to("Float", []);
      case "Timestamp": case "Timestamptz": return to("DateTime");
      default: return null;
    }
  }
  if (way === "mysql>postgresql") {
    switch (native.name) {
      case "VarChar": case "Char": case "Date": case "Time": return native;
      case "Decimal": return native.arguments.length === 2 ? native : null;
      case "SmallInt": case "TinyInt": case "UnsignedTinyInt": return to("SmallInt", []);
      case "Float": return to("Real", []);
      case "DateTime": case "Timestamp": return to("Timestamp");
      default: return null;
    }
  }
  return null;
}

/**
 * The comparable type of a column of `fieldType` (the IR's `{kind, name}`) with the native type
 * `native` (already carried to `dialect`), a list or not, an enum's database values.
 */
export function expectedType({ fieldType, native, list, enumValues }, dialect) {
  const kind = fieldType.kind;
  if (dialect === "sqlite") {
    if (kind === "unsupported") return sqliteFamily(fieldType.name);
    return sqliteFamily(list || kind === "enum" ? "TEXT" : portableTypes.sqlite[kind]);
  }
  // Lists outside PostgreSQL are JSON (a relplay limit, said in the output).
  if (list && dialect === "mysql") return "longtext";
  let type;
  if (kind === "enum") type = `enum(${enumValues.join(",")})`;
  else if (kind === "unsupported") type = dialect === "postgresql" ? postgresType(fieldType.name) : mysqlType(fieldType.name);
  else if (native) type = nativeTypes[dialect](native.name, native.arguments.map((a) => a.replace(/\s/g, "")));
  else type = portableTypes[dialect][kind];
  return list ? `${type}[]` : type;
}
