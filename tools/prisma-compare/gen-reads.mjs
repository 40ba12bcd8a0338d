#!/usr/bin/env node
// Random-but-valid read requests for a suite's schema, for finding differences nobody thought of writing.
//
//   node tools/prisma-compare/gen-reads.mjs --from edge-reads --to fuzz-reads --count 300 --seed 7
//
// Copies the schema and the seed of suite --from (its lines up to the first "// ---- " comment after the seed) into
// suite --to and appends --count generated requests: findMany with random where trees (every scalar type's filters,
// relation filters some/every/none/is/isNot, AND/OR/NOT), orderBy on fields, relation fields and counts (always ending
// with the id, so that the order is defined), skip/take/cursor/distinct, select/include/omit with nested reads, and
// count/aggregate/groupBy. Values are drawn from the seed's own values, so that filters match something.
// The same --seed gives the same file.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const suites = path.join(path.dirname(fileURLToPath(import.meta.url)), 'suites');
const from = opt('from', 'edge-reads');
const to = opt('to', 'fuzz-reads');
const count = Number(opt('count', '300'));
let state = Number(opt('seed', '1')) >>> 0 || 1;

// xorshift32: reproducible without dependencies.
function rand() {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;

// ---- the schema: models, their scalar and relation fields (enough of Prisma's syntax for the suites' schemas)
const schemaText = fs.readFileSync(path.join(suites, from, 'schema.prisma'), 'utf8');
const enums = {};
for (const m of schemaText.matchAll(/enum\s+(\w+)\s*{([^}]*)}/g)) {
  enums[m[1]] = m[2].split('\n').map((l) => l.trim().split(/\s+/)[0]).filter((w) => w && !w.startsWith('//') && !w.startsWith('@'));
}
const models = {};
for (const m of schemaText.matchAll(/model\s+(\w+)\s*{([^}]*)}/g)) {
  const fields = [];
  const uniques = [];
  let compoundId = null;
  for (const line of m[2].split('\n')) {
    const t = line.trim();
    if (t.startsWith('@@id')) compoundId = /\[([^\]]*)\]/.exec(t)[1].split(',').map((x) => x.trim());
    if (t.startsWith('@@unique')) {
      const names = /\[([^\]]*)\]/.exec(t)[1].split(',').map((s) => s.trim());
      const custom = /name:\s*"(\w+)"/.exec(t);
      uniques.push({ fields: names, name: custom ? custom[1] : names.join('_') });
    }
    const f = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(t);
    if (!f || t.startsWith('@@') || t.startsWith('//')) continue;
    fields.push({ name: f[1], type: f[2], list: !!f[3], optional: !!f[4], id: /@id\b/.test(f[5]), unique: /@unique\b/.test(f[5]) });
  }
  for (const f of fields) if (compoundId?.includes(f.name)) f.id = true;
  models[m[1]] = { fields, uniques, compound: !!compoundId };
}
for (const model of Object.values(models)) {
  for (const f of model.fields) f.relation = !!models[f.type];
}
const SCALARS = ['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Bytes'];
const scalars = (model) => models[model].fields.filter((f) => (SCALARS.includes(f.type) || enums[f.type]) && !f.list);
const relations = (model) => models[model].fields.filter((f) => f.relation);
const idFields = (model) => models[model].fields.filter((f) => f.id);

// ---- the seed and the values it holds, per model and field
const seedLines = [];
for (const line of fs.readFileSync(path.join(suites, from, 'requests.jsonl'), 'utf8').split('\n')) {
  if (line.startsWith('// ----') && seedLines.some((l) => !l.startsWith('//'))) break;
  seedLines.push(line);
}
const seen = {};
const remember = (model, data) => {
  if (!data || typeof data !== 'object' || !models[model]) return;
  for (const d of Array.isArray(data) ? data : [data]) {
    for (const [k, v] of Object.entries(d)) {
      const f = models[model].fields.find((x) => x.name === k);
      if (!f) continue;
      if (f.relation && v && typeof v === 'object') {
        remember(f.type, v.create);
        if (v.createMany) remember(f.type, v.createMany.data);
      } else if (!f.relation) {
        ((seen[model] ??= {})[k] ??= []).push(v);
      }
    }
  }
};
for (const line of seedLines) {
  if (!line.trim() || line.startsWith('//')) continue;
  const r = JSON.parse(line);
  remember(r.model, r.args?.data);
}

// ---- values and filters per type
function value(model, f) {
  const known = seen[model]?.[f.name]?.filter((v) => v !== null && v !== undefined) ?? [];
  if (known.length && chance(0.8)) return pick(known);
  if (enums[f.type]) return pick(enums[f.type]);
  switch (f.type) {
    case 'String': return pick(['a', 'Dune', 'x', '', 'é', 'A']);
    case 'Int': return Math.floor(rand() * 7) - 1;
    case 'BigInt': return pick(['0', '1', '-3', 42, '9007199254740993']);
    case 'Float': return pick([0, 0.5, 1, 2.25, -1]);
    case 'Decimal': return pick(['0.1', '7', 1, '-1.5', '100']);
    case 'Boolean': return chance(0.5);
    case 'DateTime': return pick(['2024-01-01T10:00:00.000Z', '2024-03-15T09:30:00+01:00', '2023-12-31T23:59:59.999Z']);
    case 'Bytes': return { $type: 'Bytes', value: pick(['AAE=', 'AAI=', '/w==']) };
  }
  return null;
}

function scalarFilter(model, f) {
  const v = () => value(model, f);
  const ordered = !['Boolean', 'Bytes'].includes(f.type) && !enums[f.type];
  const ops = [() => v(), () => ({ equals: v() }), () => ({ not: v() }), () => ({ in: [v(), v()] }), () => ({ notIn: [v()] })];
  if (f.type === 'Boolean') ops.splice(3, 2);
  if (ordered) ops.push(() => ({ gt: v() }), () => ({ lte: v() }), () => ({ gte: v(), lt: v() }));
  if (f.type === 'String') {
    ops.push(() => ({ contains: pick(['u', 'e', 'Z', '%']) }), () => ({ startsWith: pick(['D', 'a', 'é']) }), () => ({ endsWith: pick(['e', 'a']) }));
  }
  if (f.optional) ops.push(() => null, () => ({ not: null }), () => ({ equals: null }));
  const filter = pick(ops)();
  if (chance(0.1) && filter && typeof filter === 'object' && !Array.isArray(filter) && !filter.$type) return { not: filter };
  return filter;
}

function where(model, depth) {
  const parts = {};
  const n = 1 + Math.floor(rand() * 2);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.55) {
      const f = pick(scalars(model));
      parts[f.name] = scalarFilter(model, f);
    } else if (r < 0.8 && depth < 3 && relations(model).length) {
      const f = pick(relations(model));
      const inner = chance(0.2) ? {} : where(f.type, depth + 1);
      if (f.list) parts[f.name] = { [pick(['some', 'every', 'none'])]: inner };
      else parts[f.name] = chance(0.2) ? null : chance(0.5) ? inner : { [pick(['is', 'isNot'])]: inner };
    } else if (depth < 3) {
      const k = pick(['AND', 'OR', 'NOT']);
      parts[k] = k === 'NOT' && chance(0.5) ? where(model, depth + 1) : [where(model, depth + 1), where(model, depth + 1)];
    }
  }
  return parts;
}

function orderBy(model) {
  const out = [];
  const n = Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const r = rand();
    const dir = pick(['asc', 'desc']);
    if (r < 0.6) {
      const f = pick(scalars(model).filter((x) => x.type !== 'Bytes'));
      out.push({ [f.name]: f.optional && chance(0.3) ? { sort: dir, nulls: pick(['first', 'last']) } : dir });
    } else if (relations(model).length) {
      const f = pick(relations(model));
      if (f.list) out.push({ [f.name]: { _count: dir } });
      else {
        const g = pick(scalars(f.type).filter((x) => x.type !== 'Bytes'));
        out.push({ [f.name]: { [g.name]: dir } });
      }
    }
  }
  for (const f of idFields(model)) out.push({ [f.name]: pick(['asc', 'desc']) });
  return out;
}

function selection(model, depth) {
  const sel = {};
  for (const f of idFields(model)) sel[f.name] = true;
  for (const f of scalars(model)) if (chance(0.3)) sel[f.name] = true;
  if (depth < 2) {
    for (const f of relations(model)) {
      if (!chance(0.3)) continue;
      if (f.list) {
        const nested = { select: selection(f.type, depth + 1), orderBy: orderBy(f.type) };
        if (chance(0.4)) nested.where = where(f.type, 2);
        if (chance(0.3)) nested.take = pick([1, 2, -1]);
        if (chance(0.2)) nested.skip = 1;
        sel[f.name] = nested;
      } else {
        sel[f.name] = { select: selection(f.type, depth + 1) };
      }
    }
    const lists = relations(model).filter((f) => f.list);
    if (lists.length && chance(0.3)) {
      const f = pick(lists);
      sel._count = { select: { [f.name]: chance(0.5) ? true : { where: where(f.type, 2) } } };
    }
  }
  return sel;
}

function request(model) {
  const r = rand();
  if (r < 0.65) {
    const a = { where: where(model, 0), orderBy: orderBy(model), select: selection(model, 0) };
    if (chance(0.3)) a.take = pick([1, 2, 3, -2]);
    if (chance(0.2)) a.skip = pick([1, 2]);
    const id = idFields(model);
    if (id.length === 1 && chance(0.15)) a.cursor = { [id[0].name]: pick(seen[model]?.[id[0].name] ?? [1, 2, 3]) };
    if (chance(0.1)) a.distinct = [pick(scalars(model)).name];
    return { model, action: 'findMany', args: a };
  }
  if (r < 0.75) return { model, action: 'count', args: { where: where(model, 0) } };
  const numeric = scalars(model).filter((f) => ['Int', 'Float', 'Decimal', 'BigInt'].includes(f.type));
  const any = scalars(model).filter((f) => f.type !== 'Bytes' && f.type !== 'Boolean');
  if (r < 0.87 || !any.length) {
    const a = { where: where(model, 1), _count: { _all: true } };
    if (numeric.length) {
      const n = pick(numeric).name;
      a._sum = { [n]: true };
      a._avg = { [n]: true };
    }
    if (any.length) a._min = { [pick(any).name]: true };
    return { model, action: 'aggregate', args: a };
  }
  const by = pick(any).name;
  const a = { by: [by], _count: { _all: true }, orderBy: [{ [by]: 'asc' }] };
  if (numeric.length) {
    const n = pick(numeric).name;
    a._max = { [n]: true };
    if (chance(0.5)) a.having = { [n]: { [pick(['_sum', '_max', '_min', '_avg'])]: { [pick(['gt', 'lte', 'not'])]: value(model, numeric.find((f) => f.name === n)) } } };
  }
  return { model, action: 'groupBy', args: a };
}

const out = [...seedLines, `// ---- ${count} generated by gen-reads.mjs --from ${from} --seed ${opt('seed', '1')}`];
const names = Object.keys(models);
for (let i = 0; i < count; i++) out.push(JSON.stringify(request(pick(names))));
fs.mkdirSync(path.join(suites, to), { recursive: true });
fs.copyFileSync(path.join(suites, from, 'schema.prisma'), path.join(suites, to, 'schema.prisma'));
for (const extra of ['suite.json']) {
  if (fs.existsSync(path.join(suites, from, extra))) fs.copyFileSync(path.join(suites, from, extra), path.join(suites, to, extra));
}
fs.writeFileSync(path.join(suites, to, 'requests.jsonl'), out.join('\n') + '\n');
console.log(`${to}: ${seedLines.length} seed lines and ${count} generated requests`);
