// The driver adapter that Prisma's CLI (prisma.config.ts) migrates through: its WebAssembly schema
// engine runs offline (see STACK.md), and needs three fixes to work against our Postgres.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// prisma/orm#27403: the adapter cannot deserialize the catalog types `name` (19) and `"char"` (18)
// (and their arrays) that the schema engine reads during migrate; report them as text instead.
const TEXT_OIDS: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };
type RowDescription = { fields: { dataTypeID: number }[] };
const query = pg.Query.prototype as unknown as { handleRowDescription(msg: RowDescription): void };
const original = query.handleRowDescription;
query.handleRowDescription = function (this: unknown, msg: RowDescription) {
  for (const field of msg.fields) field.dataTypeID = TEXT_OIDS[field.dataTypeID] ?? field.dataTypeID;
  return original.call(this, msg);
};

// prisma/orm#29635: Postgres 18 lists NOT NULL as constraints (contype 'n'), and the engine panics
// ("unreachable") on them whenever it inspects a database (migrate diff, db pull). It only handles
// check and exclusion constraints there; ask for exactly those, as the upstream fix does.
const DENYLIST = "contype NOT IN ('p', 'u', 'f')";
type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
function withPg18Constraints(adapter: Adapter): Adapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = (q) => queryRaw(q.sql.includes(DENYLIST) ? { ...q, sql: q.sql.replace(DENYLIST, "contype IN ('c', 'x')") } : q);
  return adapter;
}

export class MigrationAdapter extends PrismaPg {
  constructor(private readonly url: string) {
    super({ connectionString: url });
  }

  override async connect() {
    return withPg18Constraints(await super.connect());
  }

  // The stock one creates a shadow database but then connects to the main one (a connection string
  // overrides `database` in pg), so migrations would be replayed onto the real database.
  override async connectToShadowDb() {
    const main = await super.connect();
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const url = new URL(this.url);
    url.pathname = `/${name}`;
    const shadow = await new PrismaPg({ connectionString: url.toString() }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE "${name}"`);
      await main.dispose();
    };
    return withPg18Constraints(shadow);
  }
}
