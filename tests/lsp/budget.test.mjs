// budget.test.mjs - inputs that froze or crashed the server (issue 17),
// through a real client: a keystroke beside a bullet of bracket soup,
// binary text, LaTeX nested deep enough to crash the parser. Inputs are
// generated here.
//
// Bounds: measured on the 2-core machine shared with other builds
// (RelWithDebInfo, load average 10-14) -> bound. A keystroke beside a
// 12 KB "![[" bullet: 4 s idle before (20 s loaded), 10-15 ms after -> 3 s;
// the rest answer in well under a second -> 10 s. Scaled by
// RESUME_LS_TIME_SCALE for the sanitizer and valgrind builds, whose sizes
// shrink by the same factor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, docUri, scaled, TIME_SCALE } from './client.mjs';

const shrink = (n) => Math.max(1, Math.floor(n / TIME_SCALE));
let opened = 0;

async function open(t, name, text, lang = 'markdown', caps = {}, extra = {}) {
  const c = new Client();
  t.after(() => c.kill());
  await c.initialize(caps, extra);
  const uri = docUri(`budget-${opened++}-${name}`);
  const from = c.messages.length;
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: lang, version: 1, text } });
  const pub = await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri,
    `diagnostics for ${name}`, scaled(30000), from);
  return { c, uri, pub };
}

async function timed(ms, what, fn) {
  const t0 = performance.now();
  const out = await fn();
  const took = performance.now() - t0;
  assert.ok(took <= ms, `${what}: ${took.toFixed(0)} ms, bound ${ms} ms`);
  return { out, took };
}

test('a keystroke beside a bullet of bracket soup is answered in time', async (t) => {
  const soup = '![['.repeat(shrink(4000));
  const text = '# Jane Doe\n\n## Experience\n\n- Responsible for ' + soup + '\n- Responsible for billing\n';
  const { c, uri } = await open(t, 'soup.md', text);
  for (let v = 2; v <= 4; v++) {
    const at = { line: 0, character: 2 };
    const { took } = await timed(scaled(3000), `diagnostics after keystroke ${v - 1}`, () => {
      const from = c.messages.length;
      c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
      return c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === v,
        `diagnostics v${v}`, scaled(30000), from);
    });
    t.diagnostic(`keystroke ${v - 1}: ${took.toFixed(0)} ms`);
  }
});

test('text that is not UTF-8, and LaTeX nested too deep to parse, get one error on line 1 and the server keeps serving', async (t) => {
  const cases = [
    ['binary.md', 'markdown', '\ufffd'.repeat(100) + 'abc', 'not valid UTF-8'],
    ['groups.tex', 'latex', '\\begin{enumerate}\\item {'.repeat(16383) + '$x^{', 'nested more than 2000 levels'],
  ];
  for (const [name, lang, text, words] of cases) {
    const { c, uri, pub } = await timed(scaled(10000), name, () => open(t, name, text, lang)).then((r) => r.out);
    const d = pub.params.diagnostics;
    assert.equal(d.length, 1, `${name}: one finding, got ${JSON.stringify(d.slice(0, 3))}`);
    assert.equal(d[0].code, 'not-analysed');
    assert.equal(d[0].severity, 1);
    assert.equal(d[0].range.start.line, 0);
    assert.ok(d[0].message.includes(words), `${name}: ${d[0].message}`);
    const sym = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(sym.error, undefined);
    // Fixed, the document is analysed again.
    const fixed = lang === 'latex'
      ? '\\section{Experience}\n\\begin{itemize}\n\\item Responsible for billing\n\\end{itemize}\n'
      : '# Jane\n\n## Experience\n\n- Responsible for billing\n';
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const again = await c.diagnostics(uri, 2);
    assert.ok(again.params.diagnostics.some((x) => x.code === 'weak-opener'), `${name}: analysed once it is text`);
  }
});

test('the size limit is a threshold the editor can set', async (t) => {
  const text = '# Jane\n\n## Experience\n\n' + '- Responsible for billing\n'.repeat(10);
  const init = { initializationOptions: { thresholds: { 'not-analysed.maxBytes': 100 } } };
  const { pub } = await open(t, 'limit.md', text, 'markdown', {}, init);
  const d = pub.params.diagnostics;
  assert.equal(d.length, 1, JSON.stringify(d.slice(0, 3)));
  assert.equal(d[0].code, 'not-analysed');
  assert.ok(d[0].message.includes('too large'), d[0].message);
  const { pub: fine } = await open(t, 'limit.md', text, 'markdown', {},
    { initializationOptions: { thresholds: { 'not-analysed.maxBytes': 1000 } } });
  assert.ok(fine.params.diagnostics.some((x) => x.code === 'weak-opener'));
});
