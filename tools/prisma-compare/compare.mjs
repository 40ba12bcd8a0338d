// Differential test: runs the same request files through Prisma Client 7 (with its driver adapters) and through
// `facet query`, each on its own fresh database created by `facet push`, and compares the answers line by line.
// See README.md for setup and usage. Our own code; it only uses Prisma as a black box.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

// ------------------------------------------------------------------ options

function parseArgs(argv) {
  const o = {
    db: 'sqlite', adminUrl: null, prismaDir: process.env.PRISMA_COMPARE_DIR || '/tmp/prisma-compare',
    facet: path.join(REPO, 'app', 'target', 'facet.jar'), java: null, out: null, verbose: false, suites: [], only: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    switch (a) {
      case '--db': o.db = next(); break;
      case '--admin-url': o.adminUrl = next(); break;
      case '--mongo-url': o.mongoUrl = next(); break;
      case '--prisma-dir': o.prismaDir = next(); break;
      case '--facet': o.facet = next(); break;
      case '--baseline': o.baseline = next(); break;
      case '--java': o.java = next(); break;
      case '--out': o.out = next(); break;
      case '--line': o.only = Number(next()); break;
      case '--all': o.all = true; break;
      case '-v': case '--verbose': o.verbose = true; break;
      case '-h': case '--help':
        console.log('usage: node compare.mjs --db sqlite|postgresql|mysql|mongodb [--admin-url URL] [--mongo-url URL] [--prisma-dir DIR] [--facet JAR] [--baseline JAR] [--out FILE] [-v] [suite ...]');
        process.exit(0);
      default:
        if (a.startsWith('-')) throw new Error('unknown option ' + a);
        o.suites.push(a);
    }
  }
  if (!['sqlite', 'postgresql', 'mysql', 'mongodb'].includes(o.db)) throw new Error('--db must be sqlite, postgresql, mysql or mongodb');
  if (o.db !== 'sqlite' && !o.adminUrl) throw new Error('--admin-url is needed for ' + o.db + (o.db === 'mongodb' ? ' (PostgreSQL, where Prisma answers)' : ''));
  if (o.db === 'mongodb' && !o.mongoUrl) throw new Error('--mongo-url is needed for mongodb');
  // Prisma 7 has no MongoDB: with --db mongodb, Prisma answers on PostgreSQL (the suite's SQL schema) and Facet on
  // MongoDB (the suite's schema.mongodb.prisma), and the answers must agree wherever Prisma's semantics are the same.
  o.prismaDb = o.db === 'mongodb' ? 'postgresql' : o.db;
  o.java = o.java || (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java');
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const requireFromPrisma = createRequire(path.join(path.resolve(opts.prismaDir), 'package.json'));

// ------------------------------------------------------------------ suites and requests

/** A suite is a folder with schema.prisma (provider written %PROVIDER%) and requests.jsonl. */
function loadSuite(dir) {
  const schema = fs.readFileSync(path.join(dir, 'schema.prisma'), 'utf8');
  const mongoFile = path.join(dir, 'schema.mongodb.prisma');
  const mongoSchema = fs.existsSync(mongoFile) ? fs.readFileSync(mongoFile, 'utf8') : null;
  const requests = [];
  const lines = fs.readFileSync(path.join(dir, 'requests.jsonl'), 'utf8').split('\n');
  lines.forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('//')) return;
    let r;
    try { r = JSON.parse(t); } catch (e) { throw new Error(`${dir}/requests.jsonl:${i + 1}: ${e.message}`); }
    r.line = i + 1;
    requests.push(r);
  });
  const meta = fs.existsSync(path.join(dir, 'suite.json')) ? JSON.parse(fs.readFileSync(path.join(dir, 'suite.json'), 'utf8')) : {};
  return { name: path.basename(dir), dir, schema, mongoSchema, requests, meta };
}

/** `only` and `skip` list databases (sqlite), relation modes (prisma) or both (sqlite/prisma). */
function applies(r, db, mode) {
  // With --db mongodb, Prisma answers on PostgreSQL: a line limited to PostgreSQL runs, one that skips it does not,
  // and a line may name mongodb itself.
  const tags = db === 'mongodb' ? [db, 'postgresql', mode, `${db}/${mode}`, `postgresql/${mode}`] : [db, mode, `${db}/${mode}`];
  if (r.only && !r.only.some((t) => tags.includes(t))) return false;
  if (r.skip && r.skip.some((t) => tags.includes(t))) return false;
  return true;
}

// ------------------------------------------------------------------ databases

function randomName(suite) {
  return ('pc_' + suite.replace(/[^a-z0-9]/gi, '').toLowerCase()).slice(0, 30) + '_' + crypto.randomBytes(3).toString('hex');
}

function withDatabase(url, db) {
  const u = new URL(url);
  u.pathname = '/' + db;
  return u.toString();
}

async function adminRun(sql) {
  if (opts.prismaDb === 'postgresql') {
    const { Client } = requireFromPrisma('pg');
    const c = new Client({ connectionString: opts.adminUrl });
    await c.connect();
    try { await c.query(sql); } finally { await c.end(); }
  } else {
    const mariadb = requireFromPrisma('mariadb');
    const u = new URL(opts.adminUrl);
    const c = await mariadb.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password) });
    try { await c.query(sql); } finally { await c.end(); }
  }
}

/** Creates an empty database and returns {url, drop}. */
async function createDatabase(suite, work, tag) {
  if (opts.db === 'mongodb' && tag === 'facet') {
    // The test server keeps its databases in memory; a new name is a new, empty database.
    return { url: withDatabase(opts.mongoUrl, randomName(suite) + '_' + tag), drop: async () => {} };
  }
  if (opts.prismaDb === 'sqlite') {
    const file = path.join(work, tag + '.db');
    fs.rmSync(file, { force: true });
    return { url: 'file:' + file, drop: async () => fs.rmSync(file, { force: true }) };
  }
  const name = randomName(suite) + '_' + tag;
  if (opts.prismaDb === 'postgresql') {
    await adminRun(`CREATE DATABASE "${name}"`);
    return { url: withDatabase(opts.adminUrl, name), drop: () => adminRun(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  await adminRun(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return { url: withDatabase(opts.adminUrl, name), drop: () => adminRun(`DROP DATABASE IF EXISTS \`${name}\``) };
}

function facet(args, input, jar = opts.facet) {
  const r = spawnSync(opts.java, ['-jar', jar, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r;
}

/**
 * Facet's URL for a database: with a generous connect_timeout (unless one is given), because on a busy machine the
 * default 5 s is not always enough even for SQLite, and a timeout would end the whole run.
 */
function facetUrl(url) {
  if (/[?&]connect_timeout=/.test(url) || url.startsWith('mongodb')) return url;
  return url + (url.includes('?') ? '&' : '?') + 'connect_timeout=60';
}

function push(schemaFile, url) {
  const r = facet(['push', '--schema', schemaFile, '--url', facetUrl(url)]);
  if (r.status !== 0) throw new Error(`facet push failed (${r.status}): ${r.stdout}${r.stderr}`);
}

// ------------------------------------------------------------------ Prisma side

/** Generates the client for a schema once (cached by content) and returns its folder. */
function generate(schemaText) {
  const hash = crypto.createHash('sha256').update(schemaText).digest('hex').slice(0, 16);
  const dir = path.join(path.resolve(opts.prismaDir), 'clients', hash);
  if (fs.existsSync(path.join(dir, 'gen', 'index.js'))) return dir;
  fs.mkdirSync(dir, { recursive: true });
  const withGenerator = 'generator client {\n  provider = "prisma-client-js"\n  output   = "./gen"\n}\n\n' + schemaText;
  fs.writeFileSync(path.join(dir, 'schema.prisma'), withGenerator);
  const prismaCli = requireFromPrisma.resolve('prisma/build/index.js');
  // Any existing file will do: generate only checks that the engine is there.
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  const r = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', path.join(dir, 'schema.prisma')],
    { cwd: path.resolve(opts.prismaDir), env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error('prisma generate failed: ' + r.stdout + r.stderr);
  return dir;
}

function adapterFor(url) {
  if (opts.prismaDb === 'sqlite') {
    const { PrismaLibSql } = requireFromPrisma('@prisma/adapter-libsql');
    return new PrismaLibSql({ url });
  }
  if (opts.prismaDb === 'postgresql') {
    const { PrismaPg } = requireFromPrisma('@prisma/adapter-pg');
    return new PrismaPg({ connectionString: url });
  }
  const { PrismaMariaDb } = requireFromPrisma('@prisma/adapter-mariadb');
  return new PrismaMariaDb(url.replace(/^mysql:/, 'mariadb:'));
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Turns the request file's tagged values into what Prisma Client takes. */
function toPrismaArgs(v, Prisma) {
  if (Array.isArray(v)) return v.map((x) => toPrismaArgs(x, Prisma));
  if (v && typeof v === 'object') {
    if (typeof v.$type === 'string' && 'value' in v) {
      switch (v.$type) {
        case 'DateTime': return new Date(v.value);
        case 'BigInt': return BigInt(v.value);
        case 'Decimal': return new Prisma.Decimal(v.value);
        // Text that is not strict base64 reaches Prisma as it is, for its engine to refuse (Node would decode "!!" to nothing).
        case 'Bytes': return STRICT_BASE64.test(v.value) ? Uint8Array.from(Buffer.from(v.value, 'base64')) : v.value;
        case 'Json': return JSON.parse(v.value);
        case 'Enum':
          if (v.value === 'DbNull') return Prisma.DbNull;
          if (v.value === 'JsonNull') return Prisma.JsonNull;
          if (v.value === 'AnyNull') return Prisma.AnyNull;
          return v.value;
        default: break;
      }
    }
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPrismaArgs(x, Prisma);
    return out;
  }
  return v;
}

/** Prisma Client's results in the JSON encoding `facet query` documents. */
function fromPrisma(v, Prisma) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (Prisma.Decimal.isDecimal(v)) return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map((x) => fromPrisma(x, Prisma));
  if (typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = fromPrisma(x, Prisma);
    return out;
  }
  return v;
}

/** Prisma's message without the "Invalid `prisma.x.y()` invocation:" heading. */
function bareMessage(m) {
  return String(m).replace(/^\s*Invalid `[^`]*` invocation[^\n]*\n+/, '').trim();
}

async function runPrisma(suite, schemaText, url, requests) {
  const dir = generate(schemaText);
  const { PrismaClient, Prisma } = createRequire(path.join(dir, 'package.json'))('./gen');
  // PRISMA_COMPARE_SQL=1 prints the SQL Prisma runs for each request (to see how it does something).
  const logSql = process.env.PRISMA_COMPARE_SQL === '1';
  const prisma = new PrismaClient({ adapter: adapterFor(url), errorFormat: 'minimal', ...(logSql ? { log: [{ emit: 'event', level: 'query' }] } : {}) });
  if (logSql) prisma.$on('query', (e) => console.error(`    sql: ${e.query} ${e.params}`));
  const out = [];
  try {
    for (const r of requests) {
      if (logSql) console.error(`${suite} line ${r.line}: ${r.model}.${r.action} ${JSON.stringify(r.args)}`);
      const delegate = prisma[r.model.charAt(0).toLowerCase() + r.model.slice(1)];
      try {
        if (!delegate) throw new Error(`no model ${r.model} in Prisma Client`);
        if (typeof delegate[r.action] !== 'function') throw new Error(`no action ${r.action} on ${r.model}`);
        const result = await delegate[r.action](toPrismaArgs(r.args ?? {}, Prisma));
        out.push({ data: fromPrisma(result, Prisma) });
      } catch (e) {
        if (e instanceof Prisma.PrismaClientKnownRequestError) out.push({ error: { code: e.code, message: bareMessage(e.message) } });
        else if (e instanceof Prisma.PrismaClientValidationError) out.push({ error: { code: 'validation', message: bareMessage(e.message) } });
        else out.push({ error: { code: 'other:' + (e?.constructor?.name ?? 'Error'), message: bareMessage(e?.message ?? e) } });
      }
    }
  } finally {
    await prisma.$disconnect();
  }
  return out;
}

// ------------------------------------------------------------------ Facet side

function runFacet(schemaFile, url, requests, jar = opts.facet, sqlOnly = []) {
  // "facet": the exact line Facet gets, for values JSON.parse cannot keep (1e309 would be sent as null).
  const input = requests.map((r) => r.facet ?? JSON.stringify({ model: r.model, action: r.action, args: withoutSqlOnly(r, sqlOnly) })).join('\n') + '\n';
  // The MongoDB test server has no transactions: writes of several documents run one command after another.
  const atomicity = opts.db === 'mongodb' ? ['--allow-non-atomic'] : [];
  const r = facet(['query', '--schema', schemaFile, '--url', facetUrl(url), ...atomicity], input, jar);
  const lines = r.stdout.split('\n').filter((l) => l.trim());
  if (lines.length !== requests.length) {
    throw new Error(`facet query answered ${lines.length} lines for ${requests.length} requests (exit ${r.status}): ${r.stderr}`);
  }
  return lines.map((l) => JSON.parse(l));
}

/**
 * The args Facet gets on MongoDB: the values written to fields the twin cannot have (`Decimal`, which MongoDB lacks:
 * suite.json's `sqlOnlyFields`) are left out of a create's or update's data, so that the seed still writes its
 * records; every other mention of such a field reaches Facet, which refuses it as Prisma would on MongoDB.
 */
function withoutSqlOnly(r, names) {
  const args = r.args ?? {};
  if (names.length === 0 || !['create', 'createMany', 'update', 'updateMany', 'upsert'].includes(r.action)) return args;
  const copy = JSON.parse(JSON.stringify(args));
  const strip = (d) => (Array.isArray(d) ? d.forEach(strip) : d && typeof d === 'object' && names.forEach((n) => delete d[n]));
  strip(copy.data);
  strip(copy.create);
  strip(copy.update);
  return copy;
}

// ------------------------------------------------------------------ comparison

/** Validation errors are P2009/P2012 for Facet and a PrismaClientValidationError (no code) for Prisma 7. */
function sameCode(prismaCode, facetCode) {
  if (prismaCode === 'validation') return facetCode === 'P2009' || facetCode === 'P2012';
  return prismaCode === facetCode;
}

function blank(v, ignored) {
  if (!ignored || ignored.length === 0) return v;
  if (Array.isArray(v)) return v.map((x) => blank(x, ignored));
  if (v && typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = ignored.includes(k) ? (x === null ? null : '<ignored>') : blank(x, ignored);
    return out;
  }
  return v;
}

function withoutFields(v, names) {
  if (Array.isArray(v)) v.forEach((x) => withoutFields(x, names));
  else if (v && typeof v === 'object') {
    for (const n of names) delete v[n];
    Object.values(v).forEach((x) => withoutFields(x, names));
  }
  return v;
}

/** The two sides' databases have random names, which MySQL's messages quote: one name for both. */
function sameNames(v) {
  return JSON.parse(JSON.stringify(v).replace(/pc_[a-z0-9]+_[0-9a-f]{6}_(prisma|facet)/g, '<database>'));
}

/** Deep equality that also checks the order of keys (Prisma returns fields in selection order). */
function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameIgnoringKeyOrder(a, b) {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameIgnoringKeyOrder(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return sameJson(ka, kb) && ka.every((k) => sameIgnoringKeyOrder(a[k], b[k]));
  }
  return a === b;
}

/** Facet's message without the argument path it starts with (`data.posts.0.title: ...`). */
function withoutPath(m) {
  return String(m).replace(/^[\w.$\[\]-]+: /, '');
}

/** @return null when the two answers agree, else a short reason */
function compareOne(r, p, f, wording) {
  // Prisma fails some requests without a code (an unknown request error); Facet needs one, and the message decides.
  if (p.error && f.error && p.error.code === 'other:PrismaClientUnknownRequestError') {
    return p.error.message === f.error.message ? null : `Prisma failed without a code, Facet with ${f.error.code}`;
  }
  if (p.error && f.error) {
    if (!sameCode(p.error.code, f.error.code)) return `error code: Prisma ${p.error.code}, Facet ${f.error.code}`;
    // Prisma renders validation messages in the client from structured data; only the kind is compared, unless the
    // suite asks for the wording too: then the last paragraph of Prisma's message (after the rendered arguments) must
    // be Facet's message after its argument path.
    if (p.error.code === 'validation') {
      if (!wording) return null;
      return p.error.message.split('\n\n').at(-1).trim() === withoutPath(f.error.message) ? null : 'validation wording';
    }
    // Each side has a database of its own, whose random name MySQL's messages quote.
    if (JSON.stringify(sameNames(p.error.message)) !== JSON.stringify(sameNames(f.error.message))) return 'error message';
    return null;
  }
  if (p.error) return `Prisma failed with ${p.error.code}, Facet answered`;
  if (f.error) return `Facet failed with ${f.error.code}, Prisma answered`;
  const a = blank(p.data, r.ignore);
  const b = blank(f.data, r.ignore);
  if (sameJson(a, b)) return null;
  if (sameIgnoringKeyOrder(a, b)) return 'key order';
  return 'data';
}

// ------------------------------------------------------------------ main

const UNDO_NOTE = / \(Facet undid the changes already made to \d+ documents? \(no transactions on this server; --allow-non-atomic\)\.\)$/;

/** Runs a suite once per relation mode it lists in suite.json ("modes"), else once. */
async function runSuite(suite, mode) {
  const requests = suite.requests.filter((r) => applies(r, opts.db, mode) && (opts.only == null || r.line <= opts.only));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'prisma-compare-'));
  const schemaText = suite.schema.replaceAll('%PROVIDER%', opts.prismaDb).replaceAll('%MODE%', mode ?? 'foreignKeys');
  const schemaFile = path.join(work, 'schema.prisma');
  fs.writeFileSync(schemaFile, schemaText);
  // On MongoDB, Facet reads the suite's MongoDB twin of the schema (ids mapped to _id, id arrays for many-to-many).
  const facetSchemaFile = opts.db === 'mongodb' ? path.join(work, 'schema.mongodb.prisma') : schemaFile;
  if (opts.db === 'mongodb') fs.writeFileSync(facetSchemaFile, suite.mongoSchema);
  const dbP = await createDatabase(suite.name, work, 'prisma');
  const dbF = await createDatabase(suite.name, work, 'facet');
  try {
    push(schemaFile, dbP.url);
    push(facetSchemaFile, dbF.url);
    // With --baseline, another Facet jar takes Prisma's place and every answer must be the same to the byte: the guard
    // of a change that restructures code and must not change behaviour.
    const prismaOut = opts.baseline ? runFacet(schemaFile, dbP.url, requests, opts.baseline) : await runPrisma(suite.name, schemaText, dbP.url, requests);
    const sqlOnly = opts.db === 'mongodb' ? suite.meta.sqlOnlyFields ?? [] : [];
    const facetOut = runFacet(facetSchemaFile, dbF.url, requests, opts.facet, sqlOnly);
    const differences = [];
    const answers = [];
    // Fields only the MongoDB twin has (the id arrays of its many-to-many relations) are not in Prisma's answers.
    if (opts.db === 'mongodb') facetOut.forEach((o) => withoutFields(o, suite.meta.mongodbOnlyFields ?? []));
    // Fields only the SQL schema has (Decimal ones) are not in Facet's answers on MongoDB.
    prismaOut.forEach((o) => withoutFields(o, sqlOnly));
    // Without transactions (--allow-non-atomic) Facet undoes a failed write's changes and says so after Prisma's
    // message; on a replica set the write runs in a transaction and the message is Prisma's alone.
    if (opts.db === 'mongodb') facetOut.forEach((o) => {
      if (typeof o?.error?.message === 'string') o.error.message = o.error.message.replace(UNDO_NOTE, '');
    });
    requests.forEach((r, i) => {
      const reason = opts.baseline ? (sameJson(sameNames(blank(prismaOut[i], r.ignore)), sameNames(blank(facetOut[i], r.ignore))) ? null : 'not the baseline\'s answer')
        : compareOne(r, prismaOut[i], facetOut[i], suite.meta.validationWording === true);
      // A difference the suite documents for MongoDB (a MongoDB semantics Prisma documents) is reported with its reason.
      const documented = opts.db === 'mongodb' && reason ? suite.meta.mongodbDifferences?.[String(r.line)] : undefined;
      const entry = { line: r.line, model: r.model, action: r.action, args: r.args, reason: documented ? `${reason} (documented: ${documented})` : reason,
        documented: Boolean(documented), prisma: prismaOut[i], facet: facetOut[i] };
      if (reason) differences.push(entry);
      if (opts.all) answers.push(entry);
    });
    return { suite: suite.name + (mode ? '/' + mode : ''), total: requests.length, identical: requests.length - differences.length, differences,
      ...(opts.all ? { answers } : {}) };
  } finally {
    await dbP.drop().catch(() => {});
    await dbF.drop().catch(() => {});
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function suiteDirs() {
  const root = path.join(HERE, 'suites');
  const names = opts.suites.length ? opts.suites : fs.readdirSync(root).filter((n) => fs.existsSync(path.join(root, n, 'requests.jsonl'))).sort();
  return names.map((n) => (fs.existsSync(n) ? path.resolve(n) : path.join(root, n)));
}

const report = { db: opts.db, suites: [] };
let total = 0;
let identical = 0;
const results = [];
for (const dir of suiteDirs()) {
  const suite = loadSuite(dir);
  if (suite.meta.providers && !suite.meta.providers.includes(opts.db)) continue;
  if (opts.db === 'mongodb' && !suite.mongoSchema) continue;
  // MongoDB has one relation mode, Prisma's emulation: Prisma answers on PostgreSQL in relationMode "prisma" where the
  // suite has that mode, so that both sides emulate the referential actions.
  const mongoModes = (suite.meta.modes ?? []).includes('prisma') ? ['prisma'] : [null];
  for (const mode of opts.db === 'mongodb' ? mongoModes : suite.meta.modes ?? [null]) results.push(await runSuite(suite, mode));
}
for (const result of results) {
  report.suites.push(result);
  total += result.total;
  identical += result.identical;
  const documented = result.differences.filter((d) => d.documented).length;
  console.log(`${opts.db} ${result.suite}: ${result.identical}/${result.total} identical, ${result.differences.length} different`
    + (documented ? ` (${documented} of them documented MongoDB differences)` : ''));
  for (const d of result.differences) {
    console.log(`  line ${d.line} ${d.model}.${d.action}: ${d.reason}`);
    if (opts.verbose) {
      console.log('    args:   ' + JSON.stringify(d.args));
      console.log('    prisma: ' + JSON.stringify(d.prisma));
      console.log('    facet:  ' + JSON.stringify(d.facet));
    }
  }
}
report.total = total;
report.identical = identical;
console.log(`${opts.db} total: ${identical}/${total} identical, ${total - identical} different`);
if (opts.out) fs.writeFileSync(opts.out, JSON.stringify(report, null, 2) + '\n');
process.exit(0);
