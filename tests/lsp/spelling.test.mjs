// spelling.test.mjs - the `spelling` rule in the server (issue 18): the
// dictionary loads off the event loop, findings arrive once it is ready
// (first diagnostics never wait for it), positions hold across CRLF, é, CJK
// and emoji in UTF-16 and UTF-8, and the quick fixes are right: hunspell's
// suggestion replaces the word, "Add to the resume dictionary" sends a
// workspace/applyEdit creating .resume-ls.json beside the resume.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, offsetAt } from './client.mjs';

const RESUME = [
  '# Zoë Martín-Li',
  '',
  'zoe.martin@example.com',
  '',
  '## Experience',
  '',
  '### Engineer, Nordlicht GmbH — 2018 – 2020',
  '',
  '- Built the Zürich 北京 🚀 café portal, and recieved an award from 3 teams',
  '- Cut the managment overhead of Kubernetes deploys by 20% at Nordlicht',
  '',
].join('\r\n');

const CAPS = {
  textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true } },
  workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
};

function tempUri(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rls-spell-'));
  return { dir, uri: `file://${dir}/${name}` };
}

// The first publishDiagnostics for uri that holds a spelling finding.
function spelled(c, uri) {
  return c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri &&
    m.params.diagnostics.some((d) => d.code === 'spelling'), `spelling findings for ${uri}`, 20000);
}

for (const enc of ['utf-16', 'utf-8']) {
  test(`spelling findings arrive once the dictionary loads, at the right ${enc} positions`, async (t) => {
    const c = new Client();
    t.after(() => c.kill());
    const caps = enc === 'utf-8' ? { ...CAPS, general: { positionEncodings: ['utf-8'] } } : CAPS;
    await c.initialize(caps);
    const { dir, uri } = tempUri('resume.md');
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: RESUME } });
    const msg = await spelled(c, uri);
    const words = msg.params.diagnostics.filter((d) => d.code === 'spelling')
      .map((d) => RESUME.slice(offsetAt(RESUME, d.range.start, enc), offsetAt(RESUME, d.range.end, enc)));
    assert.deepEqual(words.sort(), ['managment', 'recieved']);
    // Names, tools and non-Latin words are not flagged.
    for (const w of ['Zürich', 'Kubernetes', 'Nordlicht', '北京', 'café'])
      assert.ok(!words.includes(w), w);
  });
}

test('a suggestion replaces the word, and "Add to the resume dictionary" writes .resume-ls.json', async (t) => {
  const c = new Client();
  t.after(() => c.kill());
  await c.initialize(CAPS);
  const { dir, uri } = tempUri('resume.md');
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: RESUME } });
  const msg = await spelled(c, uri);
  const d = msg.params.diagnostics.find((x) => x.code === 'spelling' && x.message.includes('recieved'));
  const res = await c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  const list = res.result;
  const replace = list.find((a) => a.title === "Replace 'recieved' with 'received'");
  assert.ok(replace, JSON.stringify(list.map((a) => a.title)));
  const edits = replace.edit.documentChanges[0].edits;
  assert.equal(edits.length, 1);
  const start = offsetAt(RESUME, edits[0].range.start), end = offsetAt(RESUME, edits[0].range.end);
  assert.equal(RESUME.slice(start, end), 'recieved');
  assert.equal(edits[0].newText, 'received');
  // Only a single suggestion one edit away is preferred: hunspell offers
  // several here, so none is.
  assert.ok(list.every((a) => !a.isPreferred || a.title.startsWith("Replace 'recieved' with 'received'")));
  assert.ok(list.some((a) => a.title.startsWith('Disable spelling')), 'the disable actions of every rule');

  const add = list.find((a) => a.title === "Add 'recieved' to the resume dictionary");
  assert.ok(add && add.command, 'a command');
  const from = c.messages.length;
  const done = await c.request('workspace/executeCommand', { command: add.command.command, arguments: add.command.arguments });
  assert.equal(done.error, undefined, JSON.stringify(done.error));
  const apply = await c.waitFor((m) => m.method === 'workspace/applyEdit', 'workspace/applyEdit', 5000, from);
  const changes = apply.params.edit.documentChanges;
  const cfgUri = `file://${dir}/.resume-ls.json`;
  assert.deepEqual(changes[0], { kind: 'create', uri: cfgUri, options: { ignoreIfExists: true } });
  assert.equal(changes[1].textDocument.uri, cfgUri);
  assert.deepEqual(JSON.parse(changes[1].edits[0].newText), { dictionary: ['recieved'] });
});

test('an existing .resume-ls.json keeps its keys and gains the word; the word is then accepted', async (t) => {
  const { dir, uri } = tempUri('cv.md');
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, '.resume-ls.json'), '{"rules": {"no-metric": "off"}, "dictionary": ["Zoe"]}\n');
  const c = new Client();
  t.after(() => c.kill());
  await c.initialize(CAPS);
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: RESUME } });
  const msg = await spelled(c, uri);
  const from = c.messages.length;
  await c.request('workspace/executeCommand', { command: 'resume-ls.addToDictionary', arguments: [uri, 'managment'] });
  const apply = await c.waitFor((m) => m.method === 'workspace/applyEdit', 'workspace/applyEdit', 5000, from);
  const tde = apply.params.edit.documentChanges;
  assert.equal(tde.length, 1, 'no create: the file exists');
  assert.deepEqual(JSON.parse(tde[0].edits[0].newText),
    { rules: { 'no-metric': 'off' }, dictionary: ['Zoe', 'managment'] });
  // The configuration file on disk, as the editor would save it: reopening
  // reads it, and the word is accepted.
  fs.writeFileSync(path.join(dir, '.resume-ls.json'), tde[0].edits[0].newText);
  c.notify('textDocument/didClose', { textDocument: { uri } });
  const from2 = c.messages.length;
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 2, text: RESUME } });
  const after = await c.diagnostics(uri, 2, from2);
  const spellingWords = after.params.diagnostics.filter((d) => d.code === 'spelling').map((d) => d.message);
  assert.ok(spellingWords.every((m) => !m.includes('managment')), JSON.stringify(spellingWords));
  assert.ok(msg.params.diagnostics.some((d) => d.message.includes('managment')));
});
