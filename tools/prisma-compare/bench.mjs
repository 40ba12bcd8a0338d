// Throughput of Prisma Client 7 on a request file, for docs/benchmarks.md (reads): the same file `facet query`
// answers in scripts/bench-query.sh. Prints one JSON line per request on stdout; time the whole process.
//   node tools/prisma-compare/bench.mjs --schema S --url URL --requests FILE [--prisma-dir DIR]
// The schema's datasource url line is dropped (Prisma 7 takes the URL through the adapter).
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { spawnSync } from 'node:child_process';

const arg = (name, fallback) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const prismaDir = path.resolve(arg('prisma-dir', process.env.PRISMA_COMPARE_DIR || '/tmp/prisma-compare'));
const requireFromPrisma = createRequire(path.join(prismaDir, 'package.json'));
const schemaText = fs.readFileSync(arg('schema'), 'utf8').replace(/^\s*url\s*=.*$/m, '');
const url = arg('url');
const provider = /provider\s*=\s*"(\w+)"/.exec(schemaText.split('datasource')[1])[1];

function generate() {
  const hash = crypto.createHash('sha256').update(schemaText).digest('hex').slice(0, 16);
  const dir = path.join(prismaDir, 'clients', 'bench-' + hash);
  if (fs.existsSync(path.join(dir, 'gen', 'index.js'))) return dir;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'schema.prisma'), 'generator client {\n  provider = "prisma-client-js"\n  output   = "./gen"\n}\n\n' + schemaText);
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  const r = spawnSync(process.execPath, [requireFromPrisma.resolve('prisma/build/index.js'), 'generate', '--schema', path.join(dir, 'schema.prisma')],
    { cwd: prismaDir, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error('prisma generate failed: ' + r.stdout + r.stderr);
  return dir;
}

function adapter() {
  if (provider === 'sqlite') return new (requireFromPrisma('@prisma/adapter-libsql').PrismaLibSql)({ url });
  if (provider === 'postgresql') return new (requireFromPrisma('@prisma/adapter-pg').PrismaPg)({ connectionString: url });
  return new (requireFromPrisma('@prisma/adapter-mariadb').PrismaMariaDb)(url.replace(/^mysql:/, 'mariadb:'));
}

const { PrismaClient } = createRequire(path.join(generate(), 'package.json'))('./gen');
const prisma = new PrismaClient({ adapter: adapter() });
const lines = readline.createInterface({ input: fs.createReadStream(arg('requests')) });
for await (const line of lines) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  const model = r.model[0].toLowerCase() + r.model.slice(1);
  const data = await prisma[model][r.action](r.args ?? {});
  process.stdout.write(JSON.stringify({ data }, (k, v) => (typeof v === 'bigint' ? v.toString() : v)) + '\n');
}
await prisma.$disconnect();
