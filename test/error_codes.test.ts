// Every error code the database or the HTTP layer can answer with is in docs/error_codes.md, and
// the page lists no code that nothing raises. The database's codes are read from the function
// bodies in the catalog: app.fail(sqlstate, code, message) calls, `raise ... hint = 'code'`, and
// codes passed through a helper's parameter (app.require_text(p_name, 'invalid_name', 200)).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorCodes } from 'fastify';
import t from 'tap';
import { projectRoot } from '../scripts/lib/migrate.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);

interface Fn {
  name: string;
  inputs: string[];
  body: string;
}

const functions: Fn[] = (
  await db.admin.query<{ name: string; names: string[] | null; modes: string[] | null; body: string }>(`
    select n.nspname || '.' || p.proname as name, p.proargnames as names, p.proargmodes::text[] as modes, p.prosrc as body
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('app', 'audit', 'api', 'support')`)
).rows.map((row) => ({
  name: row.name,
  // proargnames also names OUT and TABLE columns; calls pass only the inputs.
  inputs: (row.names ?? []).filter((_, i) => !row.modes || ['i', 'b', 'v'].includes(row.modes[i])),
  body: row.body,
}));

/** The arguments of the call whose "(" is at `open`, split at top-level commas (quotes, parentheses and comments respected). */
function callArguments(body: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = open + 1; i < body.length; i++) {
    const ch = body[i];
    if (ch === "'") {
      const end = body.indexOf("'", i + 1);
      let close = end;
      while (close !== -1 && body[close + 1] === "'") close = body.indexOf("'", close + 2);
      current += body.slice(i, close + 1);
      i = close;
    } else if (ch === '-' && body[i + 1] === '-') {
      i = body.indexOf('\n', i) - 1;
      if (i < 0) break;
    } else if (ch === '(') {
      depth++;
      current += ch;
    } else if (ch === ')' && depth === 0) {
      args.push(current.trim());
      return args;
    } else if (ch === ')') {
      depth--;
      current += ch;
    } else if (ch === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  throw new Error(`unbalanced call at ${body.slice(open - 20, open + 40)}`);
}

/** Every call of `callee` in the catalog, with the argument at input position `index` (or named `name`). */
function argumentsOf(callee: string, index: number, name: string): Array<{ caller: Fn; expression: string }> {
  const found: Array<{ caller: Fn; expression: string }> = [];
  const pattern = new RegExp(`\\b${callee.replace('.', '\\.')}\\s*\\(`, 'g');
  for (const caller of functions) {
    for (const match of caller.body.matchAll(pattern)) {
      const args = callArguments(caller.body, match.index! + match[0].length - 1);
      const named = args.map((arg) => /^(\w+)\s*=>\s*([\s\S]*)$/.exec(arg)).find((m) => m?.[1] === name);
      const expression = named ? named[2] : args[index];
      if (expression !== undefined) found.push({ caller, expression: expression.trim() });
    }
  }
  return found;
}

const raised = new Map<string, Set<string>>(); // code -> functions that raise it
const unreadable: string[] = [];
const raise = (code: string, by: string) => raised.set(code, (raised.get(code) ?? new Set()).add(by));

// Helpers that raise the code they are given: [function, input position], from app.fail itself on.
const passThrough: Array<[string, number]> = [['app.fail', 1]];
for (let next = 0; next < passThrough.length; next++) {
  const [callee, index] = passThrough[next];
  const parameter = functions.find((fn) => fn.name === callee)?.inputs[index] ?? '';
  for (const { caller, expression } of argumentsOf(callee, index, parameter)) {
    const literal = /^'([^']*)'$/.exec(expression);
    if (literal) {
      raise(literal[1], caller.name);
    } else if (/^case\b[\s\S]*\bend$/i.test(expression)) {
      const results = [...expression.matchAll(/\b(?:then|else)\s+'([^']*)'/gi)].map((m) => m[1]);
      if (!results.length) unreadable.push(`${caller.name}: ${expression}`);
      for (const code of results) raise(code, caller.name);
    } else if (caller.inputs.includes(expression)) {
      if (!passThrough.some(([fn]) => fn === caller.name))
        passThrough.push([caller.name, caller.inputs.indexOf(expression)]);
    } else {
      unreadable.push(`${caller.name} passes ${callee} the code ${expression}`);
    }
  }
}
for (const fn of functions) {
  for (const match of fn.body.matchAll(/\braise\b[^;]*?\bhint\s*=\s*([^,;]+)/gi)) {
    const literal = /^'([^']*)'$/.exec(match[1].trim());
    if (literal) raise(literal[1], fn.name);
    else if (fn.name !== 'app.fail') unreadable.push(`${fn.name} raises with hint = ${match[1].trim()}`);
  }
}

// The HTTP layer's own codes: HttpProblem(status, 'code'), auth's unauthorized('code'), the SQLSTATE table.
async function typeScriptFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? typeScriptFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    ),
  );
  return nested.flat().filter((file) => file.endsWith('.ts'));
}
const httpCodes = new Set<string>();
for (const file of await typeScriptFiles(path.join(projectRoot, 'server'))) {
  const source = await readFile(file, 'utf8');
  for (const match of source.matchAll(
    /(?:HttpProblem\(\s*\d{3},|unauthorized\(|\bcode:|\bbase\(\d{3},)\s*'([a-z][a-z0-9_]*)'/g,
  ))
    httpCodes.add(match[1]);
}

// Fastify's own 4xx errors reach the client as their FST_ERR_ code in lower case (server/plugins/errors.ts).
const fastifyCodes = new Set(Object.keys(errorCodes).map((name) => name.replace(/^FST_(ERR_)?/, '').toLowerCase()));

const page = await readFile(path.join(projectRoot, 'docs', 'error_codes.md'), 'utf8');
const documented = new Set<string>();
for (const line of page.split('\n')) {
  const cells = line.split('|');
  if (cells.length < 5 || !/^\s*[0-9x]{3}\s*$/.test(cells[1])) continue;
  for (const match of cells[2].matchAll(/`([a-z][a-z0-9_]*)`/g)) documented.add(match[1]);
}

t.test('the error codes are read from the catalog and the HTTP layer', async (t) => {
  t.same(
    unreadable,
    [],
    'every code passed to app.fail or a raise is a literal, a CASE of literals or a parameter passed on',
  );
  t.ok(raised.size >= 100, `the database raises many codes (${raised.size})`);
  t.ok(raised.has('invalid_line1'), 'codes passed through app.require_text are found');
  t.ok(
    raised.has('asset_limit_reached') && raised.has('audit_log_append_only'),
    'codes of a CASE and of a raise with a hint are found',
  );
  t.ok(
    httpCodes.has('token_missing') && httpCodes.has('internal_error'),
    `the HTTP layer's codes are found (${httpCodes.size})`,
  );
});

t.test('every code the database raises is documented in docs/error_codes.md', async (t) => {
  const missing = [...raised.keys()]
    .filter((code) => !documented.has(code))
    .sort()
    .map((code) => `${code} (${[...raised.get(code)!].sort().join(', ')})`);
  t.same(missing, [], 'no undocumented database error code');
});

t.test('every code the HTTP layer answers with is documented in docs/error_codes.md', async (t) => {
  t.same([...httpCodes].filter((code) => !documented.has(code)).sort(), [], 'no undocumented HTTP error code');
});

t.test('docs/error_codes.md documents no code that nothing raises', async (t) => {
  t.same(
    [...documented].filter((code) => !raised.has(code) && !httpCodes.has(code) && !fastifyCodes.has(code)).sort(),
    [],
    'no stale code',
  );
});
