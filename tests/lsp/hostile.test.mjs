// hostile.test.mjs - documents built to hurt (issue 8): huge, deep,
// unterminated, binary. Each runs in a fresh server, so that its RSS (read
// from /proc) is the document's cost. What must hold: no crash, every
// request answered within the bound stated here, RSS under the bound, and
// the server still serving afterwards; it then ends cleanly (Client.kill).
//
// Bounds were measured on the 2-core CI machine shared with other builds
// (RelWithDebInfo), measured -> bound: 9 MB with a finding on every bullet:
// the whole case 30 s at load average 2 (58 s to open at load 6), bound
// 300 s to open and 120 s per request, RSS 0.9-1.8 GB -> 2.5 GB; 1 MB line
// 1.2 s (4.4 s at load 6) -> 30 s; 10 000 bullets 1.1 s -> 30 s; 200 nested
// lists 0.1 s -> 30 s; the rest 0.1-1.6 s -> 10 s. Under the sanitizer
// and valgrind builds (RESUME_LS_TIME_SCALE > 1) the sizes shrink by that
// factor and the bounds grow by it: those builds look for memory errors on
// the same paths, not for speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, docUri, frame, scaled, TIME_SCALE } from './client.mjs';

const MB = 1024 * 1024;
const shrink = (n) => Math.max(1, Math.floor(n / TIME_SCALE));

function rssMB(c) {
  const status = fs.readFileSync(`/proc/${c.proc.pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024;
}

// Resolves with what fn resolves with, or fails once ms have passed.
async function within(ms, what, fn) {
  const t0 = performance.now();
  const out = await fn();
  const took = performance.now() - t0;
  assert.ok(took <= ms, `${what}: ${took.toFixed(0)} ms, bound ${ms} ms`);
  return out;
}

// A request whose answer may take up to ms (Client.request waits 5 s).
function slowRequest(c, method, params, ms) {
  const id = c.nextId++;
  c.send({ id, method, params });
  return c.waitFor((m) => m.id === id && !m.method, `the response to ${method}`, ms);
}

let opened = 0;
// Opens text in a fresh server and checks it is answered within bounds.
async function hostile(t, { name, text, lang = 'markdown', openMs, requestMs = openMs, rss = 512, edit = true, init = {} }) {
  const c = new Client();
  t.after(() => c.kill());
  await c.initialize({ textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } }, init);
  const uri = docUri(`hostile-${opened++}-${name}`);
  const bound = scaled(openMs), reqBound = scaled(requestMs);
  const from = c.messages.length;
  const pub = await within(bound, `${name}: diagnostics after open`, () => {
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: lang, version: 1, text } });
    return c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri,
      `diagnostics for ${name}`, bound, from);
  });
  assert.equal(pub.params.version, 1);
  const sym = await within(reqBound, `${name}: documentSymbol`, () =>
    slowRequest(c, 'textDocument/documentSymbol', { textDocument: { uri } }, reqBound));
  assert.equal(sym.error, undefined);
  const pos = { line: 3, character: 2 };
  for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/codeLens', 'textDocument/foldingRange']) {
    const res = await within(reqBound, `${name}: ${method}`, () =>
      slowRequest(c, method, { textDocument: { uri }, position: pos }, reqBound));
    assert.equal(res.error, undefined, method);
  }
  if (edit) {
    const at = { line: 2, character: 0 };
    await within(reqBound, `${name}: diagnostics after an edit`, () => {
      c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
      return c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 2,
        `diagnostics v2 for ${name}`, reqBound);
    });
  }
  const mem = rssMB(c);
  assert.ok(mem <= rss * (TIME_SCALE > 1 ? 4 : 1), `${name}: RSS ${mem.toFixed(0)} MB, bound ${rss} MB`);
  // Closing frees the document: the allocator's live count is back to
  // what an empty server holds.
  c.notify('textDocument/didClose', { textDocument: { uri } });
  const stats = await slowRequest(c, 'resume-ls/stats', undefined, reqBound);
  assert.equal(typeof stats.result.liveAllocations, 'number');
  return { c, pub, mem };
}

const entry = (i) => `### Engineer ${i}, Acme — 2019–Present\n\n- Worked on the billing system for many teams\n` +
  `- Built a cache that cut latency by 40% across 12 services\n- I helped migrate three services to Go\n\n`;

test('a 10 MB resume: answered, bounded', { timeout: scaled(400000) }, async (t) => {
  const n = shrink(Math.ceil(10 * MB / entry(0).length) * 0.88); // ~8.8 MB of dense findings
  const text = '# Jane Doe\n\n## Experience\n\n' + Array.from({ length: n }, (_, i) => entry(i)).join('');
  // The edit re-analyses all of it (44 s measured): left to the smaller documents.
  // Above the default size limit (4 MiB, which would refuse it at once):
  // this measures what analysing that much costs.
  const init = { initializationOptions: { thresholds: { 'not-analysed.maxBytes': 64 * MB } } };
  const { pub, mem } = await hostile(t, { name: 'big.md', text, openMs: 300000, requestMs: 120000, rss: 2560, edit: false, init });
  // Under valgrind (TIME_SCALE > 1) the parse runs tens of times slower than
  // the CPU-time parse budget assumes: the budget running out (one
  // not-analysed error, no crash, bounded memory) is then the right answer.
  const budgetRanOut = pub.params.diagnostics.some((d) => d.code === 'not-analysed');
  if (TIME_SCALE > 1 && budgetRanOut) t.diagnostic('the parse budget ran out under the instrumented build');
  else assert.ok(pub.params.diagnostics.length > n, 'every entry has findings');
  t.diagnostic(`${(text.length / MB).toFixed(1)} MB: RSS ${mem.toFixed(0)} MB`);
});

test('a single 1 MB line', async (t) => {
  const text = '# Jane Doe\n\n## Experience\n\n- ' + 'shipped '.repeat(shrink(MB / 8)) + '\n';
  await hostile(t, { name: 'line.md', text, openMs: 30000, rss: 1024 });
});

test('10 000 bullets', async (t) => {
  const text = '# Jane Doe\n\n## Experience\n\n' +
    Array.from({ length: shrink(10000) }, (_, i) => `- Worked on item ${i} for the team\n`).join('');
  const { pub } = await hostile(t, { name: 'bullets.md', text, openMs: 30000 });
  assert.ok(pub.params.diagnostics.length >= shrink(10000));
});

test('200 levels of nested lists and block quotes (Markdown)', async (t) => {
  const lists = '# Jane Doe\n\n## Experience\n\n' +
    Array.from({ length: 200 }, (_, i) => '  '.repeat(i) + `- Worked on level ${i}\n`).join('');
  await hostile(t, { name: 'nested.md', text: lists, openMs: 30000 });
  const quotes = '# Jane Doe\n\n## Experience\n\n' + '> '.repeat(200) + '- Worked on quotes\n' + '>'.repeat(200) + '\n';
  await hostile(t, { name: 'quotes.md', text: quotes, openMs: 10000 });
});

test('200 levels of LaTeX groups and of itemize', async (t) => {
  const groups = '\\section{Experience}\n\\begin{itemize}\n\\item ' + '{'.repeat(200) + 'Worked on groups' +
    '}'.repeat(200) + '\n\\end{itemize}\n';
  await hostile(t, { name: 'groups.tex', text: groups, lang: 'latex', openMs: 10000 });
  const lists = '\\section{Experience}\n' + '\\begin{itemize}\\item Worked on nesting\n'.repeat(200) +
    '\\end{itemize}\n'.repeat(200);
  const { pub } = await hostile(t, { name: 'itemize.tex', text: lists, lang: 'latex', openMs: 10000 });
  assert.ok(pub.params.diagnostics.some((d) => d.code === 'weak-opener'), 'nested bullets are still checked');
});

test('unterminated environments, braces, emphasis and fences', async (t) => {
  const tex = '\\section{Experience}\n\\begin{itemize}\n\\item \\textbf{Worked on ' +
    '\\begin{enumerate}\\item {'.repeat(50) + '$x^{' + '\\verb|abc';
  await hostile(t, { name: 'open.tex', text: tex, lang: 'latex', openMs: 10000 });
  const md = '# Jane\n\n## Experience\n\n- **Worked on *the [billing](http://x `system\n<!-- never closed\n```\n- I helped\n';
  await hostile(t, { name: 'open.md', text: md, openMs: 10000 });
});

test('binary garbage, as Markdown and as LaTeX', async (t) => {
  // A fixed pseudo-random stream (xorshift), so a failure reproduces.
  let x = 0x9e3779b9;
  const bytes = Buffer.alloc(shrink(256 * 1024));
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  for (const [name, lang] of [['garbage.md', 'markdown'], ['garbage.tex', 'latex']]) {
    const c = new Client();
    t.after(() => c.kill());
    await c.initialize({});
    const uri = docUri(name);
    // Raw bytes in the JSON string: invalid UTF-8, NULs (escaped), controls.
    const head = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: lang, version: 1, text: '@@' } } }));
    const at = head.indexOf('@@');
    const escaped = [];
    for (const b of bytes) {
      if (b === 0x22 || b === 0x5c) escaped.push(0x5c, b);
      else if (b < 0x20) escaped.push(...Buffer.from(`\\u${b.toString(16).padStart(4, '0')}`));
      else escaped.push(b);
    }
    c.raw(frame(Buffer.concat([head.subarray(0, at), Buffer.from(escaped), head.subarray(at + 2)])));
    await within(scaled(10000), `${name}: diagnostics`, () => c.diagnostics(uri, 1));
    for (const method of ['textDocument/documentSymbol', 'textDocument/codeLens', 'textDocument/foldingRange']) {
      const res = await within(scaled(10000), `${name}: ${method}`, () => c.request(method, { textDocument: { uri } }));
      assert.equal(res.error, undefined, method);
    }
    assert.ok(rssMB(c) < 512);
  }
});

// ---- Protocol abuse not covered by lifecycle.test.mjs -------------------------

// The symbols and diagnostics of uri equal those of a fresh document holding
// expected: the server's text is what the client thinks it is.
export async function sameAsFresh(c, uri, expected, languageId = 'markdown') {
  const fresh = `${uri}.fresh`;
  c.notify('textDocument/didOpen', { textDocument: { uri: fresh, languageId, version: 1, text: expected } });
  const get = (u) => Promise.all([
    c.request('textDocument/documentSymbol', { textDocument: { uri: u } }),
    c.request('textDocument/diagnostic', { textDocument: { uri: u } }),
  ]).then(([s, d]) => JSON.stringify([s.result, d.result.items]));
  const [a, b] = await Promise.all([get(uri), get(fresh)]);
  c.notify('textDocument/didClose', { textDocument: { uri: fresh } });
  assert.equal(a, b);
}

test('out-of-range and inverted ranges are clamped and reordered; backwards versions are followed', async (t) => {
  const c = new Client();
  t.after(() => c.kill());
  await c.initialize({});
  const uri = docUri('abuse.md');
  const text = '# Jane\n\n## Experience\n\n- Worked on billing\n- Built a cache\n';
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 5, text } });
  await c.diagnostics(uri, 5);
  const change = (version, range, newText) =>
    c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
  const pos = (line, character) => ({ line, character });
  // Past the end of a line: the line's end; past the last line: the end.
  change(6, { start: pos(4, 999), end: pos(4, 999) }, ' daily');
  change(7, { start: pos(999, 0), end: pos(999, 5) }, '- Led a team of 4\n');
  // Inverted: the same as the ordered range.
  change(8, { start: pos(5, 15), end: pos(5, 2) }, 'Cut');
  // Going backwards: a warning in the log, but the client's text is the truth.
  change(3, { start: pos(0, 2), end: pos(0, 6) }, 'Zoë');
  const pub = await c.diagnostics(uri, 3);
  assert.equal(pub.params.version, 3);
  await sameAsFresh(c, uri, '# Zoë\n\n## Experience\n\n- Worked on billing daily\n- Cut\n- Led a team of 4\n');
  // Malformed changes leave the document as it was, and are not answered
  // (notifications).
  const before = c.messages.length;
  c.notify('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ range: { start: pos(0, 0) }, text: 'x' }] });
  c.notify('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ range: { start: pos(0, 0), end: pos(0, 0) } }] });
  c.notify('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ range: { start: pos(-1, 0), end: pos(0, 0) }, text: 'x' }] });
  c.notify('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: 'x' }] });
  await sameAsFresh(c, uri, '# Zoë\n\n## Experience\n\n- Worked on billing daily\n- Cut\n- Led a team of 4\n');
  assert.ok(!c.messages.slice(before).some((m) => m.id === undefined && m.error), 'no error replies to notifications');
});

test('notifications for unopened documents are ignored; a second didOpen replaces the first', async (t) => {
  const c = new Client();
  t.after(() => c.kill());
  await c.initialize({});
  const ghost = docUri('ghost.md');
  c.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: '- Worked on x\n' }] });
  c.notify('textDocument/didClose', { textDocument: { uri: ghost } });
  c.notify('textDocument/didSave', { textDocument: { uri: ghost } });
  const res = await c.request('textDocument/documentSymbol', { textDocument: { uri: ghost } });
  assert.equal(res.error.code, -32602); // still not open: the change did not create it
  const uri = docUri('twice.md');
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '- Worked on one\n' } });
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '## Experience\n\n- Built two\n' } });
  await c.diagnostics(uri, 1);
  await sameAsFresh(c, uri, '## Experience\n\n- Built two\n');
});

test('Content-Length that is not a number, negative, or given twice', async (t) => {
  const c = new Client();
  t.after(() => c.kill());
  await c.initialize({});
  const stats = (id) => JSON.stringify({ jsonrpc: '2.0', id, method: 'resume-ls/stats' });
  c.raw('Content-Length: twelve\r\n\r\n');
  c.raw('Content-Length: -12\r\n\r\n');
  c.raw(frame(stats(501)));
  assert.equal((await c.waitFor((m) => m.id === 501, 'the answer after bad lengths')).error, undefined);
  const body = stats(502);
  c.raw(`Content-Length: 99999\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  c.raw(frame(stats(503)));
  assert.equal((await c.waitFor((m) => m.id === 503, 'the answer after a doubled header')).error, undefined);
});

// ---- Files: read, never executed, never written ----------------------------------

// Every file under dir with its size, mode and mtime.
function snapshot(dir) {
  const out = {};
  for (const name of fs.readdirSync(dir, { recursive: true })) {
    const st = fs.statSync(path.join(dir, name));
    out[name] = `${st.size} ${st.mode} ${st.mtimeMs}`;
  }
  return out;
}

test('configuration and job-description paths are read, never executed; the server writes nothing', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rls-hostile-files-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  // An executable "job description" that would leave a mark if run, and
  // paths that would if handed to a shell.
  fs.writeFileSync(path.join(dir, 'job.sh'), `#!/bin/sh\ntouch ${path.join(dir, 'ran-job')}\necho Kafka Redis\n`, { mode: 0o755 });
  const cases = [
    ['exec', { jobDescription: 'job.sh' }, null],
    ['shell', { jobDescription: `$(touch ${path.join(dir, 'ran-subst')}).txt` }, /job|description|read|no such/i],
    // Words with spaces and no file-like ending are the job description's
    // text itself (docs/configuration.md): read as words, not run.
    ['backticks', { jobDescription: `\`touch ${path.join(dir, 'ran-tick')}\`` }, null],
    ['missing', { jobDescription: 'nowhere/jd.txt' }, /job|description|read|no such/i],
    ['folder', { jobDescription: 'jd.txt' }, /job|description|read|directory/i],
  ];
  for (const [name, config, problem] of cases) {
    const sub = path.join(dir, name);
    fs.mkdirSync(sub);
    if (name === 'exec') fs.copyFileSync(path.join(dir, 'job.sh'), path.join(sub, 'job.sh'));
    if (name === 'folder') fs.mkdirSync(path.join(sub, 'jd.txt')); // a folder named like a file
    fs.writeFileSync(path.join(sub, '.resume-ls.json'), JSON.stringify(config));
    fs.writeFileSync(path.join(sub, 'resume.md'), '# Jane\n\n## Experience\n\n- Worked on Kafka\n');
  }
  // A configuration file that is a folder, and one that is not JSON.
  fs.mkdirSync(path.join(dir, 'cfg-folder', '.resume-ls.json'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'cfg-folder', 'resume.md'), '- Worked on x\n');
  fs.mkdirSync(path.join(dir, 'cfg-garbage'));
  fs.writeFileSync(path.join(dir, 'cfg-garbage', '.resume-ls.json'), Buffer.from([0x7b, 0xff, 0x00, 0x22]));
  fs.writeFileSync(path.join(dir, 'cfg-garbage', 'resume.md'), '- Worked on x\n');
  const before = snapshot(dir);

  const c = new Client();
  t.after(() => c.kill());
  await c.initialize({}, { rootUri: `file://${dir}` });
  const docs = [...cases.map(([name]) => name), 'cfg-folder', 'cfg-garbage'];
  for (const name of docs) {
    const file = path.join(dir, name, 'resume.md');
    const uri = `file://${file}`;
    const from = c.messages.length;
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(file, 'utf8') } });
    await c.diagnostics(uri, 1, from);
    for (const method of ['textDocument/hover', 'textDocument/codeLens']) {
      const res = await c.request(method, { textDocument: { uri }, position: { line: 4, character: 14 } });
      assert.equal(res.error, undefined, `${name}: ${method}`);
    }
    const score = await c.request('workspace/executeCommand', { command: 'resume-ls.score', arguments: [uri] });
    assert.equal(score.error, undefined, `${name}: score`);
    c.notify('textDocument/didSave', { textDocument: { uri } });
    const problem = cases.find(([n]) => n === name)?.[2];
    if (problem) {
      const shown = c.messages.slice(from).filter((m) => m.method === 'window/showMessage').map((m) => m.params.message);
      assert.ok(shown.some((s) => problem.test(s)), `${name}: a message says why, got ${JSON.stringify(shown)}`);
    }
  }
  await c.request('shutdown');
  c.notify('exit');
  assert.equal((await c.exitedWithin(5000)).code, 0);
  for (const mark of ['ran-job', 'ran-subst', 'ran-tick'])
    assert.ok(!fs.existsSync(path.join(dir, mark)), `${mark}: a path was executed`);
  assert.deepEqual(snapshot(dir), before, 'the server wrote, moved or touched a file');
});
