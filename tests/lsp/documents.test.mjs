// documents.test.mjs - text sync, position encodings, diagnostics (pushed
// with versions, pulled, cleared on close) and document symbols, against
// the real binary over pipes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client, docUri, offsetAt, positionAt } from './client.mjs';

const fixture = (name) => readFileSync(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)), 'utf8');
const RESUME_LF = fixture('resume.md');
const RESUME_CRLF = RESUME_LF.replace(/\n/g, '\r\n');
// Lone CR line ends are legal LSP line ends too (old Mac files).
const RESUME_CR = RESUME_LF.replace(/\n/g, '\r');

const ENC_CAPS = {
  'utf-16': {},
  'utf-8': { general: { positionEncodings: ['utf-8', 'utf-16'] } },
};

async function session(t, encoding, extraCaps = {}) {
  const c = new Client();
  t.after(() => c.kill());
  const init = await c.initialize({ ...ENC_CAPS[encoding], ...extraCaps });
  assert.equal(init.result.capabilities.positionEncoding, encoding);
  return c;
}

async function open(c, uri, text, languageId = 'markdown', version = 1) {
  const from = c.messages.length;
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  return (await c.diagnostics(uri, version, from)).params.diagnostics;
}

async function symbols(c, uri) {
  const res = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(res.error, undefined);
  assert.ok(Array.isArray(res.result));
  return res.result;
}

function flatten(list, out = []) {
  for (const s of list) { out.push(s); flatten(s.children || [], out); }
  return out;
}

const slice = (text, range, enc) => text.slice(offsetAt(text, range.start, enc), offsetAt(text, range.end, enc));
const inside = (inner, outer) =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

// Every symbol's ranges nest, and a bullet's selection range covers exactly
// its text (the fixtures' bullets have no markup, so name == source; long
// names are cut with an ellipsis).
// Returns how many bullets were checked; 0 while the model is a placeholder.
function checkSymbols(text, list, enc) {
  let bullets = 0;
  for (const s of flatten(list)) {
    assert.ok(s.name.length > 0);
    assert.ok(inside(s.selectionRange, s.range), `selectionRange inside range for ${s.name}`);
    for (const child of s.children || []) assert.ok(inside(child.range, s.range), `${child.name} inside ${s.name}`);
    if (s.kind === 15) {
      const source = slice(text, s.selectionRange, enc);
      if (s.name.endsWith('…')) assert.ok(source.startsWith(s.name.slice(0, -1)), `${source} / ${s.name}`);
      else assert.equal(source, s.name);
      bullets++;
    }
  }
  return bullets;
}

for (const enc of ['utf-16', 'utf-8']) {
  for (const [ending, text] of [['LF', RESUME_LF], ['CRLF', RESUME_CRLF], ['CR', RESUME_CR]]) {
    test(`symbol positions are counted in ${enc} on ${ending} text`, async (t) => {
      const c = await session(t, enc);
      const uri = docUri(`enc-${enc}-${ending}.md`);
      await open(c, uri, text);
      const list = await symbols(c, uri);
      const bullets = checkSymbols(text, list, enc);
      if (bullets === 0) t.diagnostic('no bullets in the model yet: only range nesting was checked');
      else assert.ok(bullets >= 5, `found ${bullets} bullets`);
    });
  }
}

// Random-but-fixed edits that touch the awkward places: after an emoji,
// inside CJK, across a CRLF, at the very end.
function edits(text, enc) {
  const at = (needle, delta = 0) => text.indexOf(needle) + delta;
  const plan = [
    [at('🚀'), at('🚀') + 2, '🎯 and 日本'],
    [at('北京'), at('北京') + 1, 'Ṃ'],
    [at('Worked on'), at('Worked on') + 'Worked on'.length, 'Shipped'],
    [at('38%') + 3, at('38%') + 3, ' (from 120 to 166 per week) 😀'],
    [text.length, text.length, '\n- Automated releases, cutting deploys from 2 h to 10 min\n'],
  ];
  // Sent as LSP changes, each computed on the text as it is after the ones before.
  const changes = [];
  let cur = text;
  for (const [s0, e0, insert] of plan) {
    // Re-find the spot in the current text (earlier edits moved it).
    const shift = cur.length - text.length;
    const s = Math.min(s0 + (s0 > plan[0][0] ? shift : 0), cur.length);
    const e = Math.min(e0 + (e0 > plan[0][0] ? shift : 0), cur.length);
    changes.push({ range: { start: positionAt(cur, s, enc), end: positionAt(cur, e, enc) }, text: insert });
    cur = cur.slice(0, s) + insert + cur.slice(e);
  }
  return { changes, result: cur };
}

for (const enc of ['utf-16', 'utf-8']) {
  for (const [ending, text] of [['LF', RESUME_LF], ['CRLF', RESUME_CRLF]]) {
    test(`incremental edits in ${enc} on ${ending} text equal a fresh open`, async (t) => {
      const c = await session(t, enc);
      const uri = docUri(`inc-${enc}-${ending}.md`);
      await open(c, uri, text);
      const { changes, result } = edits(text, enc);
      // One change per message, then several in one message.
      let version = 1;
      for (const change of changes.slice(0, 2)) {
        version++;
        c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      }
      version++;
      const from = c.messages.length;
      c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes.slice(2) });
      const pushed = (await c.diagnostics(uri, version, from)).params.diagnostics;

      const fresh = docUri(`inc-${enc}-${ending}-fresh.md`);
      const freshDiags = await open(c, fresh, result);
      assert.deepEqual(pushed, freshDiags);
      const edited = await symbols(c, uri);
      assert.deepEqual(edited, await symbols(c, fresh));
      checkSymbols(result, edited, enc);
    });
  }
}

test('a full-text change replaces the document', async (t) => {
  const c = await session(t, 'utf-16');
  const uri = docUri('full.md');
  await open(c, uri, '# Skills\n\nGo\n');
  const from = c.messages.length;
  c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: RESUME_LF }] });
  const pushed = (await c.diagnostics(uri, 2, from)).params.diagnostics;
  assert.deepEqual(pushed, await open(c, docUri('full-fresh.md'), RESUME_LF));
  assert.deepEqual(await symbols(c, uri), await symbols(c, docUri('full-fresh.md')));
});

test('diagnostics are pushed per version, pulled alike, and cleared on close', async (t) => {
  const c = await session(t, 'utf-16', { textDocument: { publishDiagnostics: { versionSupport: true }, diagnostic: {} } });
  const uri = docUri('versions.md');
  await open(c, uri, RESUME_LF);
  let text = RESUME_LF;
  for (let version = 2; version <= 6; version++) {
    const at = positionAt(text, text.indexOf('- Worked'), 'utf-16');
    c.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
    });
    text = text.replace('- Worked', 'x- Worked');
    await c.diagnostics(uri, version);
  }
  // Versions only go up.
  const published = c.messages.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  const versions = published.map((m) => m.params.version);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  assert.equal(versions[versions.length - 1], 6);

  const pull = await c.request('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(pull.result.kind, 'full');
  assert.deepEqual(pull.result.items, published[published.length - 1].params.diagnostics);

  const from = c.messages.length;
  c.notify('textDocument/didClose', { textDocument: { uri } });
  const cleared = await c.diagnostics(uri, undefined, from);
  assert.deepEqual(cleared.params.diagnostics, []);
  const after = await c.request('textDocument/diagnostic', { textDocument: { uri } });
  assert.ok(after.error, 'a closed document is no longer known');
});

// A client that does not interpret versions (VS Code's) is not sent a set
// equal to the one it shows: typing a line break after the last line and
// deleting it again changes no finding, so nothing is pushed for either
// version, and a pull with the last resultId is answered "unchanged".
// Checked over real pipes: a request sent after the change is answered
// after the change's batch, so a push would have come before the answer.
test('an edit that changes no finding pushes nothing; pull answers unchanged', async (t) => {
  for (const text of [RESUME_LF, RESUME_CRLF]) {
    const c = await session(t, 'utf-16', { textDocument: { publishDiagnostics: {}, diagnostic: {} } });
    const uri = docUri(text === RESUME_LF ? 'noop-lf.md' : 'noop-crlf.md');
    const first = await open(c, uri, text);
    assert.ok(first.length > 0);
    const pull = await c.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(pull.result.kind, 'full');
    assert.deepEqual(pull.result.items, first);
    const eol = text === RESUME_LF ? '\n' : '\r\n';
    const end = positionAt(text, text.length, 'utf-16');
    const afterEol = positionAt(text + eol, text.length + eol.length, 'utf-16');
    const from = c.messages.length;
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: end, end }, text: eol }] });
    const again = await c.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: pull.result.resultId });
    assert.deepEqual(again.result, { kind: 'unchanged', resultId: pull.result.resultId });
    c.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: end, end: afterEol }, text: '' }] });
    const third = await c.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: pull.result.resultId });
    assert.equal(third.result.kind, 'unchanged');
    // An edit that does change a finding is pushed.
    const at = positionAt(text, text.indexOf('- Worked'), 'utf-16');
    c.notify('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
    const moved = await c.diagnostics(uri, 4, from);
    assert.notDeepEqual(moved.params.diagnostics, first);
    const pushes = c.messages.slice(from).filter((m) => m.method === 'textDocument/publishDiagnostics');
    assert.deepEqual(pushes.map((m) => m.params.version), [4]);
  }
});

test('many documents stay separate', async (t) => {
  const c = await session(t, 'utf-16');
  const uris = Array.from({ length: 20 }, (_, i) => docUri(`many-${i}.md`));
  for (const [i, uri] of uris.entries()) await open(c, uri, `# Experience\n\n- Item ${i}\n`);
  for (const [i, uri] of uris.entries()) {
    const bullets = flatten(await symbols(c, uri)).filter((s) => s.kind === 15);
    if (bullets.length) assert.equal(bullets[0].name, `Item ${i}`);
  }
});

test('every diagnostic names its rule, source, docs and bullet', async (t) => {
  const c = await session(t, 'utf-16');
  for (const [name, text, lang] of [['shape.md', RESUME_LF, 'markdown'], ['shape.tex', fixture('resume.tex'), 'latex']]) {
    const diags = await open(c, docUri(name), text, lang);
    for (const d of diags) {
      assert.equal(d.source, 'resume-ls');
      assert.match(d.code, /^[a-z]+(-[a-z]+)*$/);
      // The installed docs (file:///...); a build that is not installed has
      // no URI to give (href must be one), so no codeDescription: never a
      // build path, never a relative path.
      if (d.codeDescription !== undefined) {
        assert.ok(d.codeDescription.href.startsWith('file:///'), d.codeDescription.href);
        assert.ok(d.codeDescription.href.endsWith(`rules.md#${d.code}`));
      }
      assert.ok([1, 2, 3, 4].includes(d.severity));
      assert.equal(typeof d.message, 'string');
      assert.equal(typeof d.data.bullet, 'number');
      assert.ok(d.data.plainStart <= d.data.plainEnd);
    }
  }
});

// The fixtures' weak bullets, found through the whole pipeline.
test('a weak opener is reported on the bullet that has it', async (t) => {
  const c = await session(t, 'utf-16');
  const diags = await open(c, docUri('weak.md'), RESUME_LF);
  const weak = diags.filter((d) => d.code === 'weak-opener');
  const lines = weak.map((d) => RESUME_LF.split('\n')[d.range.start.line]);
  assert.ok(lines.some((l) => l.includes('Responsible for maintaining')), 'Responsible for ... is weak');
  assert.ok(lines.some((l) => l.includes('Worked on various')), 'Worked on ... is weak');
  assert.ok(!lines.some((l) => l.includes('Cut checkout latency')), 'a strong bullet is not');
});

test('sections and entries fold', async (t) => {
  const c = await session(t, 'utf-16');
  for (const [name, text] of [['fold.md', RESUME_LF], ['fold-crlf.md', RESUME_CRLF]]) {
    const uri = docUri(name);
    await open(c, uri, text);
    const res = await c.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.equal(res.error, undefined);
    const lines = text.split(/\r\n|\r|\n/);
    for (const r of res.result) {
      assert.ok(r.startLine < r.endLine && r.endLine < lines.length, JSON.stringify(r));
    }
    assert.ok((await symbols(c, uri)).length > 0, 'the model has sections');
    const starts = new Set(res.result.map((r) => lines[r.startLine]));
    assert.ok(starts.has('## Experience'), 'the Experience section folds');
    assert.ok([...starts].some((l) => l.startsWith('### Senior Software Engineer')), 'an entry folds');
    // A section ends before the next heading, not on it.
    const exp = res.result.find((r) => lines[r.startLine] === '## Experience');
    assert.ok(!lines[exp.endLine].startsWith('## '), `section ends on "${lines[exp.endLine]}"`);
  }
});

test('LaTeX sub-sections nest under their section in documentSymbol and fold with it', async (t) => {
  const c = await session(t, 'utf-16', { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } });
  const uri = docUri('subsections.tex');
  const text = [
    '\\documentclass{article}', '\\begin{document}', '{\\Large Zoë 李}', '',
    '\\section{Experience}', '\\subsection{Vocational}', '\\begin{itemize}',
    '\\item Cut p99 latency from 1.2s to 240ms 🚀.', '\\end{itemize}',
    '\\subsection{Volunteering}', '\\begin{itemize}', '\\item Taught 30 students Python.', '\\end{itemize}',
    '\\section{Education}', 'B.Sc., 2019', '\\end{document}', '',
  ].join('\r\n');
  await open(c, uri, text, 'latex');
  const list = await symbols(c, uri);
  checkSymbols(text, list, 'utf-16');
  const names = list.map((s) => s.name);
  assert.ok(names.includes('Experience') && names.includes('Education'), JSON.stringify(names));
  assert.ok(!names.includes('Vocational') && !names.includes('Volunteering'), JSON.stringify(names));
  const exp = list.find((s) => s.name === 'Experience');
  const subs = exp.children.filter((s) => s.kind === 3).map((s) => s.name);
  assert.deepEqual(subs, ['Vocational', 'Volunteering']);
  assert.equal(exp.range.end.line, 13, 'Experience spans its sub-sections, up to Education');
  const folds = (await c.request('textDocument/foldingRange', { textDocument: { uri } })).result;
  assert.ok(folds.some((f) => f.startLine === 4 && f.endLine >= 12), JSON.stringify(folds));
});
