// code_actions.test.mjs - textDocument/codeAction and codeAction/resolve
// (issue #5) against the real binary over pipes. Edits are applied here, by
// this file's own WorkspaceEdit code and position arithmetic (client.mjs),
// and the result is sent back with didChange, so each test checks what an
// editor would end up with and what the server says about it afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, docUri, offsetAt, positionAt } from './client.mjs';

// CRLF, and é / CJK / emoji before the words the fixes touch.
const RESUME = [
  '# Zoë Martín-Li',
  '',
  'zoe.martin@example.com · +1 555 0100',
  '',
  '## Experience',
  '',
  '### Engineer, Nordlicht GmbH — 2018 – 2020',
  '',
  '- Built the Zürich 北京 🚀 café portal for various teams, used by 3000 people',
  '- Increased sign-ups by thirty percent with a new onboarding flow',
  '- Responsible for migrating the billing service to Go, cutting costs by 20%',
  '',
  '## Education',
  '',
  '### B.Sc. Computer Science, Universität Wien — 2014 – 2018',
  '',
  '## Skills',
  '',
  'Go, Python, PostgreSQL',
  '',
].join('\r\n');

const LATEX = [
  '\\documentclass{article}',
  '\\begin{document}',
  '\\section{Experience}',
  '\\textbf{Engineer, Acme} \\hfill 2018 -- 2020',
  '\\begin{itemize}',
  '  \\item Increased sign-ups by thirty percent with a new onboarding flow',
  '  \\item Responsible for migrating the billing service to Go, cutting costs by 20\\%',
  '\\end{itemize}',
  '\\end{document}',
  '',
].join('\n');

const LITERALS = { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } };
const BASIC = { textDocument: { codeAction: { ...LITERALS, isPreferredSupport: true } } };
const LAZY = {
  textDocument: { codeAction: { ...LITERALS, isPreferredSupport: true, dataSupport: true, resolveSupport: { properties: ['edit'] } } },
};
const VERSIONED = { ...BASIC, workspace: { workspaceEdit: { documentChanges: true } } };
const UTF8 = { general: { positionEncodings: ['utf-8'] } };

async function session(t, caps = BASIC) {
  const c = new Client();
  t.after(() => c.kill());
  const init = await c.initialize(caps);
  c.encoding = init.result.capabilities.positionEncoding ?? 'utf-16';
  return c;
}

// Opens text and resolves with its published diagnostics.
async function open(c, uri, text, languageId = 'markdown') {
  const from = c.messages.length;
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return (await c.diagnostics(uri, 1, from)).params.diagnostics;
}

// Replaces the whole text (version v) and resolves with the new diagnostics.
async function change(c, uri, text, version) {
  const from = c.messages.length;
  c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  return (await c.diagnostics(uri, version, from)).params.diagnostics;
}

async function actions(c, uri, range, diagnostics = [], only) {
  const context = { diagnostics };
  if (only) context.only = only;
  const res = await c.request('textDocument/codeAction', { textDocument: { uri }, range, context });
  assert.equal(res.error, undefined, JSON.stringify(res.error));
  assert.ok(Array.isArray(res.result), 'CodeAction[]');
  return res.result;
}

// The TextEdits of a WorkspaceEdit for uri, in either shape.
function editsOf(edit, uri) {
  if (edit.documentChanges) {
    const docs = edit.documentChanges.filter((d) => d.textDocument.uri === uri);
    assert.equal(docs.length, 1, 'one TextDocumentEdit for the document');
    return docs[0].edits;
  }
  return edit.changes[uri];
}

// Applies the edits the way a client does: every range refers to the text
// before any edit; ranges must not overlap.
function apply(text, edits, encoding = 'utf-16') {
  const spans = edits.map((e) => ({
    start: offsetAt(text, e.range.start, encoding),
    end: offsetAt(text, e.range.end, encoding),
    newText: e.newText,
  })).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++)
    assert.ok(spans[i].start >= spans[i - 1].end, `edits overlap: ${JSON.stringify(spans)}`);
  let out = text;
  for (const s of [...spans].reverse()) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

const slice = (text, range, enc) => text.slice(offsetAt(text, range.start, enc), offsetAt(text, range.end, enc));
const lineOf = (text, needle) => text.split(/\r\n|\n/).find((l) => l.includes(needle));
const linked = (list, d) => list.filter((a) => a.diagnostics?.some((x) => x.code === d.code &&
  JSON.stringify(x.range) === JSON.stringify(d.range)));

test('initialize advertises quickfix, refactor.rewrite and source.fixAll.resume-ls with resolve', async (t) => {
  const c = new Client();
  t.after(() => c.kill());
  const res = await c.initialize(BASIC);
  const cap = res.result.capabilities.codeActionProvider;
  assert.deepEqual([...cap.codeActionKinds].sort(), ['quickfix', 'refactor.rewrite', 'source.fixAll.resume-ls']);
  assert.equal(cap.resolveProvider, true);
});

test('weak-opener quick fix: preferred, linked, applied; the re-published diagnostics drop it', async (t) => {
  const c = await session(t);
  const uri = docUri('code-actions weak.md');
  const diags = await open(c, uri, RESUME);
  const d = diags.find((x) => x.code === 'weak-opener');
  assert.ok(d, 'the fixture has a weak opener');
  const list = await actions(c, uri, d.range, [d]);
  const fixes = linked(list, d).filter((a) => a.kind === 'quickfix');
  const preferred = fixes.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1, 'exactly one preferred fix');
  assert.equal(fixes[0], preferred[0], 'the preferred fix comes first');
  assert.deepEqual(preferred[0].diagnostics, [d], 'linked to the client diagnostic as sent');
  assert.ok(preferred[0].edit.changes, 'no documentChanges support: `changes`');
  const fixed = apply(RESUME, editsOf(preferred[0].edit, uri));
  assert.equal(lineOf(fixed, 'billing'), '- Migrated the billing service to Go, cutting costs by 20%');
  // Only the bullet changed.
  assert.equal(fixed.replace('Migrated the', 'Responsible for migrating the'), RESUME);
  const after = await change(c, uri, fixed, 2);
  assert.equal(after.filter((x) => x.code === 'weak-opener').length, 0, JSON.stringify(after));
  assert.ok(after.some((x) => x.code === 'vague-quantifier'), 'other findings stay');
  // Suppressions are quick fixes too, never preferred, after the real fixes.
  const suppress = fixes.filter((a) => a.title.startsWith('Disable '));
  assert.equal(suppress.length, 2);
  assert.ok(suppress.every((a) => !a.isPreferred));
  assert.ok(fixes.indexOf(suppress[0]) > fixes.indexOf(preferred[0]));
});

test('isPreferred only for clients that support it', async (t) => {
  const c = await session(t, { textDocument: { codeAction: LITERALS } });
  const uri = docUri('code-actions nopref.md');
  const d = (await open(c, uri, RESUME)).find((x) => x.code === 'weak-opener');
  const list = await actions(c, uri, d.range, [d]);
  assert.ok(linked(list, d).length > 2, 'fixes are offered');
  assert.ok(list.every((a) => !('isPreferred' in a)), JSON.stringify(list));
});

test('clients without code action literals get an empty list', async (t) => {
  const c = await session(t, {});
  const uri = docUri('code-actions noliteral.md');
  const d = (await open(c, uri, RESUME)).find((x) => x.code === 'weak-opener');
  assert.deepEqual(await actions(c, uri, d.range, [d]), []);
});

test('ranges in UTF-16 and UTF-8 after é, CJK and emoji on a CRLF line', async (t) => {
  for (const caps of [BASIC, { ...BASIC, ...UTF8 }]) {
    const c = await session(t, caps);
    const enc = c.encoding;
    assert.equal(enc, caps.general ? 'utf-8' : 'utf-16');
    const uri = docUri(`code-actions ${enc}.md`);
    const d = (await open(c, uri, RESUME)).find((x) => x.code === 'vague-quantifier');
    assert.ok(d, 'the fixture has a vague quantifier');
    assert.equal(slice(RESUME, d.range, enc), 'various');
    const i = RESUME.indexOf('various');
    assert.deepEqual(d.range.start, positionAt(RESUME, i, enc));
    // A placeholder fix: offered, never preferred (only safe fixes are).
    const fix = linked(await actions(c, uri, d.range, [d]), d).find((a) => a.title.includes('[N]'));
    assert.ok(!fix.isPreferred, 'a placeholder fix is not preferred');
    const edits = editsOf(fix.edit, uri);
    assert.equal(edits.length, 1);
    assert.equal(slice(RESUME, edits[0].range, enc), 'various', `${enc}: the edit replaces exactly the word`);
    assert.equal(edits[0].newText, '[N]', 'a placeholder, as text in Markdown');
    const fixed = apply(RESUME, edits, enc);
    assert.equal(lineOf(fixed, 'portal'), '- Built the Zürich 北京 🚀 café portal for [N] teams, used by 3000 people');
    const after = await change(c, uri, fixed, 2);
    assert.ok(!after.some((x) => x.code === 'vague-quantifier'), JSON.stringify(after));
    c.kill();
  }
});

test('documentChanges: a versioned TextDocumentEdit when the client supports it', async (t) => {
  const c = await session(t, VERSIONED);
  const uri = docUri('code-actions versioned.md');
  await open(c, uri, RESUME);
  const diags = await change(c, uri, RESUME, 7);
  const d = diags.find((x) => x.code === 'weak-opener');
  const fix = linked(await actions(c, uri, d.range, [d]), d).find((a) => a.isPreferred);
  assert.equal(fix.edit.changes, undefined);
  assert.equal(fix.edit.documentChanges.length, 1);
  assert.deepEqual(fix.edit.documentChanges[0].textDocument, { uri, version: 7 });
  assert.equal(lineOf(apply(RESUME, editsOf(fix.edit, uri)), 'billing'),
    '- Migrated the billing service to Go, cutting costs by 20%');
});

test('resolve: edit-less actions with data; resolve fills the edit; stale resolve is refused', async (t) => {
  const eager = await session(t, VERSIONED);
  const lazy = await session(t, { ...LAZY, workspace: { workspaceEdit: { documentChanges: true } } });
  const uri = docUri('code-actions lazy.md');
  const d0 = (await open(eager, uri, RESUME)).find((x) => x.code === 'weak-opener');
  const d = (await open(lazy, uri, RESUME)).find((x) => x.code === 'weak-opener');
  assert.deepEqual(d, d0);
  const want = await actions(eager, uri, d.range, [d]);
  const got = await actions(lazy, uri, d.range, [d]);
  assert.deepEqual(got.map((a) => [a.title, a.kind]), want.map((a) => [a.title, a.kind]), 'same actions either way');
  for (const a of got) {
    assert.equal(a.edit, undefined, `${a.title}: no edit before resolve`);
    assert.equal(a.data.uri, uri);
    assert.equal(a.data.version, 1);
  }
  for (let i = 0; i < got.length; i++) {
    const res = await lazy.request('codeAction/resolve', got[i]);
    assert.equal(res.error, undefined, JSON.stringify(res.error));
    assert.deepEqual(res.result.edit, want[i].edit, `${got[i].title}: resolved edit equals the eager one`);
    assert.equal(res.result.title, got[i].title);
  }
  // The document changes: an old action is not resolved against new text.
  await change(lazy, uri, RESUME.replace('Responsible for migrating', 'Responsible for moving'), 2);
  const res = await lazy.request('codeAction/resolve', got[0]);
  assert.ok(res.error, 'stale resolve is an error');
  assert.match(res.error.message, /changed since/);
  // A fresh request on the new version resolves again.
  const d2 = (await lazy.request('textDocument/diagnostic', { textDocument: { uri } })).result.items
    .find((x) => x.code === 'weak-opener');
  const fresh = linked(await actions(lazy, uri, d2.range, [d2]), d2).find((a) => a.isPreferred);
  assert.equal(fresh.data.version, 2);
  const ok = await lazy.request('codeAction/resolve', fresh);
  assert.equal(ok.error, undefined);
  assert.equal(editsOf(ok.result.edit, uri)[0].newText, 'Moved');
});

test('fix-all: offered for source kinds, no placeholders, a fixed point on the second run', async (t) => {
  const c = await session(t);
  const uri = docUri('code-actions fixall.md');
  await open(c, uri, RESUME);
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (const only of [['source'], ['source.fixAll'], ['source.fixAll.resume-ls'], undefined]) {
    const all = (await actions(c, uri, top, [], only)).filter((a) => a.kind === 'source.fixAll.resume-ls');
    assert.equal(all.length, 1, `only ${JSON.stringify(only)}`);
  }
  assert.deepEqual(await actions(c, uri, top, [], ['quickfix']), [], 'quickfix only: nothing without diagnostics');
  const [fix] = await actions(c, uri, top, [], ['source.fixAll']);
  assert.equal(fix.isPreferred, undefined, 'a source action is not a preferred quick fix');
  const fixed = apply(RESUME, editsOf(fix.edit, uri));
  assert.equal(lineOf(fixed, 'billing'), '- Migrated the billing service to Go, cutting costs by 20%');
  assert.equal(lineOf(fixed, 'sign-ups'), '- Increased sign-ups by 30% with a new onboarding flow');
  assert.ok(!/\[N\]|\[metric\]/.test(fixed.replace(/\\/g, '')), 'fix-all inserts no placeholder');
  assert.equal(lineOf(fixed, 'portal'), lineOf(RESUME, 'portal'), 'the vague quantifier is left to the person');
  const after = await change(c, uri, fixed, 2);
  assert.ok(!after.some((x) => ['weak-opener', 'spelled-out-number'].includes(x.code)));
  const again = await actions(c, uri, top, [], ['source.fixAll']);
  const twice = again.length ? apply(fixed, editsOf(again[0].edit, uri)) : fixed;
  assert.equal(twice, fixed, 'the second run changes nothing');
});

test('disable-next-line inserts the comment with the document\'s CRLF and the diagnostic disappears', async (t) => {
  const c = await session(t);
  const uri = docUri('code-actions suppress.md');
  const d = (await open(c, uri, RESUME)).find((x) => x.code === 'weak-opener');
  const line = linked(await actions(c, uri, d.range, [d]), d).find((a) => a.title === 'Disable weak-opener for this line');
  assert.ok(line);
  assert.equal(line.kind, 'quickfix');
  const fixed = apply(RESUME, editsOf(line.edit, uri));
  const bullet = lineOf(RESUME, 'billing');
  assert.ok(fixed.includes(`<!-- resume-ls-disable-next-line weak-opener -->\r\n${bullet}`), fixed);
  const after = await change(c, uri, fixed, 2);
  assert.ok(!after.some((x) => x.code === 'weak-opener'), JSON.stringify(after));
  assert.ok(after.some((x) => x.code === 'spelled-out-number'), 'other rules still report');
});

test('the same finding asked about twice gets each action once', async (t) => {
  const c = await session(t);
  const uri = docUri('code-actions twice.md');
  const d = (await open(c, uri, RESUME)).find((x) => x.code === 'weak-opener');
  const once = await actions(c, uri, d.range, [d]);
  const twice = await actions(c, uri, d.range, [d, { ...d }]);
  assert.deepEqual(twice.map((a) => a.title), once.map((a) => a.title));
  assert.equal(twice.filter((a) => a.title === 'Disable weak-opener for this file').length, 1);
});

test('a diagnostic that no longer matches the document gets no fixes', async (t) => {
  const c = await session(t);
  const uri = docUri('code-actions stale.md');
  const d = (await open(c, uri, RESUME)).find((x) => x.code === 'weak-opener');
  await change(c, uri, RESUME.replace('- Responsible for migrating', '- Migrated'), 2);
  const list = await actions(c, uri, d.range, [d], ['quickfix']);
  assert.deepEqual(linked(list, d), []);
  // Someone else's diagnostic is not ours either.
  const other = { ...d, source: 'cspell' };
  await change(c, uri, RESUME, 3);
  assert.deepEqual(await actions(c, uri, d.range, [other], ['quickfix']), []);
});

test('the outcome-first rewrite on the bullet under the cursor, and `only` filtering', async (t) => {
  const c = await session(t);
  const text = RESUME.replace('- Increased sign-ups by thirty percent with a new onboarding flow',
    '- Added a Redis cache, which cut p95 latency from 800 ms to 120 ms');
  const uri = docUri('code-actions rewrite.md');
  await open(c, uri, text);
  const at = positionAt(text, text.indexOf('Redis'));
  const list = await actions(c, uri, { start: at, end: at }, [], ['refactor']);
  assert.equal(list.length, 1, JSON.stringify(list));
  assert.equal(list[0].kind, 'refactor.rewrite');
  const fixed = apply(text, editsOf(list[0].edit, uri));
  assert.equal(lineOf(fixed, 'Redis'), '- Cut p95 latency from 800 ms to 120 ms by adding a Redis cache');
  // Off any bullet: no rewrite.
  const head = positionAt(text, text.indexOf('Experience'));
  assert.deepEqual(await actions(c, uri, { start: head, end: head }, [], ['refactor.rewrite']), []);
});

test('positions beyond the document are clamped, not refused', async (t) => {
  const c = await session(t);
  const uri = docUri('code-actions clamp.md');
  const diags = await open(c, uri, RESUME);
  const far = { start: { line: 9999, character: 9999 }, end: { line: 99999, character: 0 } };
  const list = await actions(c, uri, far, [], ['refactor', 'quickfix']);
  assert.deepEqual(list, []);
  const bogus = { ...diags[0], range: { start: { line: 9999, character: 1 }, end: { line: 0, character: 99999 } } };
  assert.deepEqual(await actions(c, uri, far, [bogus], ['quickfix']), []);
});

test('LaTeX: a fix that inserts "%" escapes it, and the result re-checks clean', async (t) => {
  const c = await session(t);
  const uri = docUri('code-actions resume.tex');
  const diags = await open(c, uri, LATEX, 'latex');
  const d = diags.find((x) => x.code === 'spelled-out-number');
  assert.ok(d, JSON.stringify(diags));
  assert.equal(slice(LATEX, d.range, 'utf-16'), 'thirty percent');
  const fix = linked(await actions(c, uri, d.range, [d]), d).find((a) => a.isPreferred);
  const edits = editsOf(fix.edit, uri);
  assert.equal(edits.map((e) => e.newText).join(''), '30\\%');
  const fixed = apply(LATEX, edits);
  assert.equal(lineOf(fixed, 'sign-ups'), '  \\item Increased sign-ups by 30\\% with a new onboarding flow');
  const after = await change(c, uri, fixed, 2);
  assert.ok(!after.some((x) => x.code === 'spelled-out-number'), JSON.stringify(after));
  // The bullet is still one whole bullet (a bare % would comment out its end).
  const symbols = (await c.request('textDocument/documentSymbol', { textDocument: { uri } })).result;
  const names = JSON.stringify(symbols);
  assert.ok(names.includes('Increased sign-ups by 30% with a new onboarding flow'), names);
  // The LaTeX suppression comment is a % line, indented like the item.
  const w = after.find((x) => x.code === 'weak-opener');
  const line = linked(await actions(c, uri, w.range, [w]), w).find((a) => a.title.endsWith('for this line'));
  assert.equal(editsOf(line.edit, uri)[0].newText, '  % resume-ls-disable-next-line weak-opener\n');
});

test('disable for this line also silences keyword findings listed before the bullets', async (t) => {
  // Skills first: its findings sort before the bullets' ones, which once let
  // them slip past the suppression comments.
  const text = [
    '# Jo Lee', '', 'jo@example.com', '', '## Skills', '', 'Go, Rust, TypeScript', '',
    '## Experience', '', '### Engineer, Acme — 2018 – 2020', '',
    '- Worked on a Go service', '- Responsible for the Go build', '',
    '## Education', '', '### B.Sc., Uni — 2014 – 2018', '',
  ].join('\n');
  const c = await session(t);
  const uri = docUri('code-actions skills-first.md');
  const diags = await open(c, uri, text);
  const unbacked = diags.filter((x) => x.code === 'skill-unbacked');
  assert.ok(unbacked.length >= 2, JSON.stringify(diags));
  const d = unbacked[0];
  const line = linked(await actions(c, uri, d.range, [d]), d).find((a) => a.title === 'Disable skill-unbacked for this line');
  const fixed = apply(text, editsOf(line.edit, uri));
  const after = await change(c, uri, fixed, 2);
  assert.deepEqual(after.filter((x) => x.code === 'skill-unbacked'), [], JSON.stringify(after));
  assert.equal(after.filter((x) => x.code === 'weak-opener').length, 2, 'the bullets are still checked');
});

test('a document-level finding sits on the name line, and each suppression offered silences it', async (t) => {
  // No Education section: the finding is placed on the first line a reader
  // sees (the name), so a comment above that line silences it like any other.
  const text = RESUME.replace(/## Education\r\n\r\n### B\.Sc\.[^\r]*\r\n\r\n/, '');
  const c = await session(t);
  const uri = docUri('code-actions doc-level.md');
  const diags = await open(c, uri, text);
  const d = diags.find((x) => x.code === 'missing-section');
  assert.ok(d, JSON.stringify(diags));
  assert.equal(d.range.start.line, 0);
  const offered = linked(await actions(c, uri, d.range, [d]), d).filter((a) => a.title.startsWith('Disable'));
  assert.deepEqual(offered.map((a) => a.title).sort(),
    ['Disable missing-section for this file', 'Disable missing-section for this line'], JSON.stringify(offered));
  let v = 1;
  for (const a of offered) {
    const after = await change(c, uri, apply(text, editsOf(a.edit, uri)), ++v);
    assert.ok(!after.some((x) => x.code === 'missing-section'), `${a.title}: ${JSON.stringify(after)}`);
  }
  // A finding on a bullet keeps its line action.
  const w = diags.find((x) => x.code === 'weak-opener');
  await change(c, uri, text, ++v);
  const wt = linked(await actions(c, uri, w.range, [w]), w).map((a) => a.title);
  assert.ok(wt.includes('Disable weak-opener for this line'), JSON.stringify(wt));
});

test('with YAML front matter, a document-level finding sits after it and every suppression offered silences it', async (t) => {
  const text = '---\r\nlayout: cv\r\n---\r\n' + RESUME.replace(/## Education\r\n\r\n### B\.Sc\.[^\r]*\r\n\r\n/, '');
  const c = await session(t);
  const uri = docUri('code-actions front-matter.md');
  const d = (await open(c, uri, text)).find((x) => x.code === 'missing-section');
  assert.ok(d);
  assert.equal(d.range.start.line, 3, 'on the name line, not inside the front matter');
  let v = 1;
  const offered = linked(await actions(c, uri, d.range, [d]), d).filter((x) => x.title.startsWith('Disable'));
  assert.equal(offered.length, 2, JSON.stringify(offered.map((a) => a.title)));
  for (const a of offered) {
    const after = await change(c, uri, apply(text, editsOf(a.edit, uri)), ++v);
    assert.ok(!after.some((x) => x.code === 'missing-section'), `${a.title}: ${JSON.stringify(after)}`);
    await change(c, uri, text, ++v);
  }
});
