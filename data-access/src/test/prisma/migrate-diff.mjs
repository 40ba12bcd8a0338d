// Prints the DDL Prisma 7's schema engine writes for a schema on an empty database, like
// `prisma migrate diff --from-empty --to-schema <schema> --script`, without the native engine binary
// (which the CLI downloads and which is not available offline): it runs the engine's WASM build through
// Prisma's driver adapters, connected to a real database of the schema's kind.
//
// Setup, in a scratch folder outside the repository:
//   npm install prisma@7 @prisma/schema-engine-wasm @prisma/driver-adapter-utils \
//               @prisma/adapter-pg @prisma/adapter-mariadb @prisma/adapter-libsql
//   cp <repo>/data-access/src/test/prisma/migrate-diff.mjs .
// Use:
//   node --experimental-wasm-modules migrate-diff.mjs schema.prisma postgresql://user@localhost:5432/db
//   node --experimental-wasm-modules migrate-diff.mjs schema.prisma file:/tmp/scratch.db
// The MySQL flavour panics in the WASM build (8.1.0-2), so MySQL DDL cannot be produced this way.
import { SchemaEngine } from '@prisma/schema-engine-wasm';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import fs from 'node:fs';

// The engine reports panics through this registry, which the Prisma CLI normally installs.
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message(m) { console.error('panic: ' + m); } };

const [file, url] = process.argv.slice(2);
if (!file || !url) {
  console.error('usage: node --experimental-wasm-modules migrate-diff.mjs <schema.prisma> <database url>');
  process.exit(2);
}
const text = fs.readFileSync(file, 'utf8');
let adapter;
if (url.startsWith('postgres')) {
  adapter = new PrismaPg({ connectionString: url });
} else if (url.startsWith('mysql')) {
  adapter = new PrismaMariaDb(url.replace(/^mysql:/, 'mariadb:'));
  // A diff from an empty schema needs no shadow database; the adapter has none.
  adapter.connectToShadowDb = () => adapter.connect();
} else {
  adapter = new PrismaLibSql({ url });
}
const engine = await SchemaEngine.new({ datamodels: [[file, text]] }, () => {}, bindMigrationAwareSqlAdapterFactory(adapter));
const result = await engine.diff({
  from: { tag: 'empty' },
  to: { tag: 'schemaDatamodel', files: [{ path: file, content: text }] },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
});
process.stdout.write(result.stdout ?? '');
process.exit(0);
