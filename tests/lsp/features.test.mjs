// features.test.mjs - hover, completion, code lens and the resume-ls.score
// command (issue #6), against the real binary over pipes. The documents put
// é, CJK and emoji before the hovered or completed words and use CRLF line
// ends, so every range is checked in UTF-16 (and once in UTF-8) against
// positions computed here, independently of the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BIN, Client, docUri, offsetAt, positionAt } from './client.mjs';

const JD_PATH = fileURLToPath(new URL('../jd/backend-platform.txt', import.meta.url));
const TESTS_DIR = fileURLToPath(new URL('..', import.meta.url));

const RESUME = [
  '# Zoë Martín-Li',
  '',
  'zoe.martin@example.com · +1 555 0100',
  '',
  '## Experience',
  '',
  '### Senior Engineer, Nordlicht GmbH — Jan 2021 – Present',
  '',
  '- Cut the 北京 café team\'s 🚀 p95 latency by 40% by moving billing from MySQL to Postgres',
  '- Worked on various tools for the Zürich 北京 office 🚀',
  '- Built a Kafka pipeline processing 12M events/day on Kubernetes with 99.95% uptime',
  '',
  '## Skills 🛠',
  '',
  'Languages: Français 🇫🇷, 日本語, Go, Python, Terraform',
  '',
].join('\r\n');

const HOVER_CAPS = { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } };
const UTF8 = { general: { positionEncodings: ['utf-8', 'utf-16'] } };

async function session(t, caps = HOVER_CAPS, extra = {}, settings = null) {
  const c = new Client({ settings });
  t.after(() => c.kill());
  await c.initialize(caps, extra);
  return c;
}

async function open(c, uri, text, languageId = 'markdown', version = 1) {
  const from = c.messages.length;
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  await c.diagnostics(uri, version, from);
}

// Position of the `nth` occurrence of needle, plus delta characters.
function at(text, needle, delta = 0, enc = 'utf-16') {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture has ${needle}`);
  return positionAt(text, i + delta, enc);
}
const slice = (text, range, enc = 'utf-16') =>
  text.slice(offsetAt(text, range.start, enc), offsetAt(text, range.end, enc));

async function hover(c, uri, position) {
  const res = await c.request('textDocument/hover', { textDocument: { uri }, position });
  assert.equal(res.error, undefined, JSON.stringify(res.error));
  return res.result;
}

async function complete(c, uri, position) {
  const res = await c.request('textDocument/completion', { textDocument: { uri }, position });
  assert.equal(res.error, undefined, JSON.stringify(res.error));
  return res.result;
}

// `resume-ls score --format json` on the same text, from a file.
function cliScore(text, args = []) {
  const dir = mkdtempSync(join(tmpdir(), 'rls-kw-'));
  try {
    const path = join(dir, 'resume.md');
    writeFileSync(path, text);
    const out = JSON.parse(execFileSync(BIN, ['score', '--format', 'json', ...args, path], { encoding: 'utf8' }));
    delete out.file;
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const LENS_TITLE = /^ATS score (\d+)\/100 · impact (\d+)\/30 · keywords (\d+)\/30 · formatting (\d+)\/20 · skills (\d+)\/20$/;

test('capabilities: hover, completion, code lens and the resume-ls.score command', async (t) => {
  const c = new Client();
  t.after(() => c.kill());
  const caps = (await c.initialize({})).result.capabilities;
  assert.equal(caps.hoverProvider, true);
  assert.ok(caps.completionProvider.triggerCharacters.includes(','));
  assert.ok(caps.codeLensProvider);
  assert.deepEqual(caps.executeCommandProvider.commands, ['resume-ls.score', 'resume-ls.addToDictionary']);
});

test('hover on a keyword after é, CJK and emoji (CRLF): term, alias, hits, range in UTF-16', async (t) => {
  const c = await session(t);
  const uri = docUri('kw-hover.md');
  await open(c, uri, RESUME);
  // "Postgres" is an alias of PostgreSQL, after 北京, café and 🚀 on its line.
  const h = await hover(c, uri, at(RESUME, 'Postgres', 3));
  assert.equal(h.contents.kind, 'markdown');
  assert.equal(slice(RESUME, h.range), 'Postgres');
  const line = RESUME.split('\r\n')[8];
  assert.equal(h.range.start.line, 8);
  assert.equal(h.range.start.character, line.indexOf('Postgres')); // UTF-16 units: 🚀 counts 2
  assert.equal(h.range.end.character, line.indexOf('Postgres') + 'Postgres'.length);
  const v = h.contents.value;
  assert.match(v, /\*\*PostgreSQL\*\* · database/);
  assert.match(v, /`Postgres`, an alias of PostgreSQL/);
  assert.match(v, /\*\*1 hit\*\*: 1 in bullets/);
  assert.match(v, /Experience, line 9 \(bullet\)/);
  assert.match(v, /Backed by a bullet/);

  // Listed in Skills only, after a flag emoji and CJK on the same line.
  const tf = await hover(c, uri, at(RESUME, 'Terraform', 9)); // end of the word counts
  assert.equal(slice(RESUME, tf.range), 'Terraform');
  assert.match(tf.contents.value, /\*\*Terraform\*\*/);
  assert.match(tf.contents.value, /Only listed/);
  assert.match(tf.contents.value, /line 15 \(skills list\)/);
});

test('hover ranges in UTF-8 when negotiated', async (t) => {
  const c = await session(t, { ...HOVER_CAPS, ...UTF8 });
  const uri = docUri('kw-hover-utf8.md');
  await open(c, uri, RESUME);
  const h = await hover(c, uri, at(RESUME, 'Kafka', 2, 'utf-8'));
  assert.equal(slice(RESUME, h.range, 'utf-8'), 'Kafka');
  const b = await hover(c, uri, at(RESUME, 'various', 0, 'utf-8'));
  assert.equal(slice(RESUME, b.range, 'utf-8'), RESUME.split('\r\n')[9]);
});

test('hover on a bullet: rules failed and passed, with the score it earns', async (t) => {
  const c = await session(t);
  const uri = docUri('bullet-hover.md');
  await open(c, uri, RESUME);
  const weakLine = RESUME.split('\r\n')[9];
  const h = await hover(c, uri, at(RESUME, 'various', 2));
  assert.equal(slice(RESUME, h.range), weakLine, 'the range is the whole bullet, without CR');
  assert.equal(h.range.start.line, 9);
  assert.equal(h.range.end.line, 9);
  const v = h.contents.value;
  const [fails, passes] = v.split('**Passes**');
  assert.match(fails, /\*\*Fails\*\*/);
  assert.match(fails, /`weak-opener`: "Worked on"/);
  assert.match(fails, /`vague-quantifier`/);
  assert.match(fails, /`no-metric`/);
  assert.match(passes, /`passive-voice`/);
  assert.doesNotMatch(passes, /`weak-opener`/);
  assert.match(v, /\*\*Score\*\*: this bullet earns 0\.0 of the 25 impact points its 3 bullets share; fixing it is worth \+\d/);

  // A strong bullet passes every content rule and earns its full share;
  // what it fails is about the document (its tools are not in Skills).
  const s = await hover(c, uri, at(RESUME, 'processing', 0));
  const [sFails, sPasses] = s.contents.value.split('**Passes**');
  for (const rule of ['weak-opener', 'no-metric', 'vague-quantifier', 'passive-voice', 'first-person', 'buzzword'])
    assert.ok(sPasses.includes(`\`${rule}\``), rule);
  assert.deepEqual([...sFails.matchAll(/- `([a-z-]+)`/g)].map((x) => x[1]), ['skill-unlisted', 'skill-unlisted']);
  assert.match(s.contents.value, /\*\*Keywords\*\*: Kafka, Kubernetes/);
  assert.match(s.contents.value, /the most a bullet can/);
});

test('hover on a heading lists the keywords of its section', async (t) => {
  const c = await session(t);
  const uri = docUri('heading-hover.md');
  await open(c, uri, RESUME);
  const h = await hover(c, uri, at(RESUME, 'Skills 🛠', 2));
  assert.equal(slice(RESUME, h.range).trimEnd(), '## Skills 🛠');
  const v = h.contents.value;
  assert.match(v, /skills section/);
  assert.match(v, /\*\*Keywords here\*\*: Go \(1\), Python \(1\), Terraform \(1\)/);
  assert.match(v, /\*\*Listed, never shown in a bullet\*\*: Go, Python, Terraform/);

  const e = await hover(c, uri, at(RESUME, '## Experience', 4));
  assert.match(e.contents.value, /experience section/);
  for (const kw of ['PostgreSQL', 'MySQL', 'Kafka', 'Kubernetes']) assert.match(e.contents.value, new RegExp(kw));
});

test('hover outside anything is null; plaintext when the client has no markdown', async (t) => {
  const c = await session(t, {});
  const uri = docUri('hover-null.md');
  await open(c, uri, RESUME);
  assert.equal(await hover(c, uri, at(RESUME, 'example.com', 1)), null);
  assert.equal(await hover(c, uri, { line: 1, character: 0 }), null); // blank line
  assert.equal(await hover(c, uri, { line: 999, character: 999 }), null); // clamped past the end
  const h = await hover(c, uri, at(RESUME, 'Kafka', 1));
  assert.equal(h.contents.kind, 'plaintext');
  assert.doesNotMatch(h.contents.value, /\*|`/);
  assert.match(h.contents.value, /^Kafka · messaging/);
  const unopened = await c.request('textDocument/hover', { textDocument: { uri: docUri('nope.md') }, position: { line: 0, character: 0 } });
  assert.equal(unopened.error.code, -32602);
});

test('hover says whether the job description (a path relative to the workspace) asks for a keyword', async (t) => {
  const c = await session(t, HOVER_CAPS, {
    rootUri: pathToFileURL(TESTS_DIR).href,
    initializationOptions: { jobDescription: 'jd/backend-platform.txt' },
  });
  const uri = docUri('jd-hover.md');
  await open(c, uri, RESUME);
  const k = await hover(c, uri, at(RESUME, 'Kafka', 1));
  assert.match(k.contents.value, /The job description asks for it \(\d+ mentions?\)/);
  const m = await hover(c, uri, at(RESUME, 'MySQL', 1));
  assert.match(m.contents.value, /The job description does not mention it/);
  const s = await hover(c, uri, at(RESUME, '## Skills', 3));
  assert.match(s.contents.value, /The resume covers \d+ of \d+ job-description keywords\. Missing: .*Redis/);
});

test('completion at the start of a bullet: action verbs ranked by the rest of the bullet', async (t) => {
  const c = await session(t, { textDocument: { completion: { completionItem: { insertReplaceSupport: true } } } });
  const uri = docUri('verbs.md');
  const text = RESUME.replace('- Cut the', '- Re the');
  await open(c, uri, text);
  const list = await complete(c, uri, at(text, '- Re the', 4));
  assert.equal(list.isIncomplete, true);
  assert.ok(list.items.length > 1);
  for (const it of list.items) {
    assert.match(it.label, /^Re/i);
    assert.equal(it.kind, 14);
    assert.equal(it.textEdit.newText, it.label);
    assert.equal(slice(text, it.textEdit.insert), 'Re');
    assert.equal(slice(text, it.textEdit.replace), 'Re');
  }
  assert.equal(list.items[0].label, 'Reduced');
  assert.match(list.items[0].detail, /fits "latency"/);
  // sortText keeps the server's ranking.
  const sorted = [...list.items].sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.deepEqual(sorted.map((i) => i.label), list.items.map((i) => i.label));

  // No prefix: the whole word after the marker is replaced, the verb that
  // fits a team bullet comes before one that fits latency.
  const team = 'Led a team of 5 engineers';
  const text2 = RESUME.replace('- Worked on various tools', `- Worked ${team}`);
  await open(c, docUri('verbs2.md'), text2);
  const l2 = await complete(c, docUri('verbs2.md'), at(text2, `- Worked ${team}`, 2));
  assert.equal(slice(text2, l2.items[0].textEdit.insert), '');
  assert.equal(slice(text2, l2.items[0].textEdit.replace), 'Worked');
  assert.equal(l2.items[0].label, 'Led');

  // In the middle of a bullet there is nothing to offer.
  const mid = await complete(c, uri, at(text, 'latency', 3));
  assert.deepEqual(mid.items, []);
});

test('completion in Skills after a comma: unlisted terms, ranges in UTF-16 past emoji and CJK', async (t) => {
  const c = await session(t, { textDocument: { completion: { completionItem: { insertReplaceSupport: true } } } }, {
    initializationOptions: { jobDescription: { text: 'We use Rust and Redis. Rust services, Redis caches, Kubernetes everywhere.' } },
  });
  const uri = docUri('skills.md');
  const text = RESUME.replace('Go, Python, Terraform', 'Go, Python, Terraform, Re');
  await open(c, uri, text);
  const cursor = at(text, 'Terraform, Re', 'Terraform, Re'.length);
  const list = await complete(c, uri, cursor);
  const labels = list.items.map((i) => i.label);
  assert.ok(labels.includes('Redis'), labels.join(', '));
  assert.match(list.items.find((i) => i.label === 'Redis').detail, /asked by the job description/);
  for (const it of list.items) {
    assert.ok([1, 12].includes(it.kind));
    assert.equal(slice(text, it.textEdit.insert), 'Re');
    assert.deepEqual(it.textEdit.insert.end, cursor);
    // The line holds 🇫🇷 (4 UTF-16 units) and 日本語 before the cursor.
    assert.equal(it.textEdit.insert.start.character, text.split('\r\n')[14].indexOf(', Re') + 2);
  }

  // "k8" finds Kubernetes through its alias, and says so in filterText so
  // that the client does not filter it out.
  const text2 = RESUME.replace('Go, Python, Terraform', 'Go, k8');
  await open(c, docUri('skills2.md'), text2);
  const l2 = await complete(c, docUri('skills2.md'), at(text2, ', k8', 4));
  const kube = l2.items.find((i) => i.label === 'Kubernetes');
  assert.ok(kube, l2.items.map((i) => i.label).join(', '));
  assert.match(kube.filterText, /^k8/i);
  assert.equal(kube.kind, 12);

  // Already listed terms are not offered again.
  const text3 = RESUME.replace('Go, Python, Terraform', 'Go, Python, Terraform, Py');
  await open(c, docUri('skills3.md'), text3);
  const l3 = await complete(c, docUri('skills3.md'), at(text3, 'Terraform, Py', 13));
  assert.ok(!l3.items.some((i) => i.label === 'Python'));
});

test('completion uses a plain TextEdit without insertReplaceSupport', async (t) => {
  const c = await session(t, {});
  const uri = docUri('plain-edit.md');
  const text = RESUME.replace('- Cut the', '- Redthe');
  await open(c, uri, text);
  const list = await complete(c, uri, at(text, '- Redthe', 5));
  assert.ok(list.items.some((i) => i.label === 'Reduced'));
  for (const it of list.items) {
    assert.equal(it.textEdit.insert, undefined);
    assert.equal(slice(text, it.textEdit.range), 'Redthe'); // the whole word under the cursor
  }
});

test('code lens on the first line: the score summary, equal to `resume-ls score --format json`', async (t) => {
  const c = await session(t);
  const uri = docUri('lens.md');
  await open(c, uri, RESUME);
  const res = await c.request('textDocument/codeLens', { textDocument: { uri } });
  assert.equal(res.error, undefined);
  assert.equal(res.result.length, 1);
  const lens = res.result[0];
  assert.equal(lens.range.start.line, 0);
  assert.equal(lens.range.end.line, 0);
  assert.equal(lens.command.command, 'resume-ls.score');
  assert.deepEqual(lens.command.arguments, [uri]);
  const m = lens.command.title.match(LENS_TITLE);
  assert.ok(m, lens.command.title);
  const [total, ...parts] = m.slice(1).map(Number);
  assert.equal(total, parts.reduce((a, b) => a + b, 0));

  const cli = cliScore(RESUME);
  assert.equal(total, cli.total);
  assert.deepEqual(parts, cli.components.map((x) => x.points));
  assert.equal(lens.command.title, cli.summary);

  // The lens's own command returns the same breakdown as the CLI.
  const exec = await c.request('workspace/executeCommand', { command: lens.command.command, arguments: lens.command.arguments });
  assert.equal(exec.error, undefined);
  assert.equal(exec.result.uri, uri);
  delete exec.result.uri;
  assert.deepEqual(exec.result, cli);

  // Fixing the weak bullet raises impact, and the lens follows the edit.
  const line = RESUME.split('\r\n')[9];
  const fixed = 'Shipped 4 internal tools for the Zürich 北京 office 🚀, saving 6 hours a week';
  c.notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 9, character: 2 }, end: { line: 9, character: line.length } }, text: fixed }],
  });
  const after = (await c.request('textDocument/codeLens', { textDocument: { uri } })).result[0].command.title.match(LENS_TITLE);
  assert.ok(Number(after[2]) > parts[0], `impact ${parts[0]} -> ${after[2]}`);
  assert.deepEqual(after.slice(1).map(Number), [cliScore(RESUME.replace(line.slice(2), fixed)).total,
    ...cliScore(RESUME.replace(line.slice(2), fixed)).components.map((x) => x.points)]);
});

test('resume-ls.score with a job description from .resume-ls.json equals the CLI with --job', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rls-kw-cfg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'jd.txt'), execFileSync('cat', [JD_PATH]));
  // Relative to the config file's folder, not the server's working directory.
  writeFileSync(join(dir, '.resume-ls.json'), JSON.stringify({ role: 'backend', jobDescription: 'jd.txt' }));
  const path = join(dir, 'resume.md');
  writeFileSync(path, RESUME);
  const c = await session(t);
  const uri = pathToFileURL(path).href;
  await open(c, uri, RESUME);
  const exec = await c.request('workspace/executeCommand', { command: 'resume-ls.score', arguments: [uri] });
  assert.equal(exec.error, undefined, JSON.stringify(exec.error));
  assert.equal(exec.result.role, 'backend');
  assert.equal(exec.result.roleInferred, false);
  assert.ok(exec.result.job.keywords > 5);
  assert.ok(exec.result.job.missing.includes('Redis'));
  delete exec.result.uri;
  assert.deepEqual(exec.result, cliScore(RESUME, ['--role', 'backend', '--job', JD_PATH]));
});

test('workspace/executeCommand errors: unknown command, unopened uri, missing argument', async (t) => {
  const c = await session(t);
  const uri = docUri('exec.md');
  await open(c, uri, RESUME);
  const unknown = await c.request('workspace/executeCommand', { command: 'resume-ls.nope', arguments: [uri] });
  assert.equal(unknown.error.code, -32602);
  assert.match(unknown.error.message, /resume-ls\.nope/);
  const closed = docUri('never-opened.md');
  const notOpen = await c.request('workspace/executeCommand', { command: 'resume-ls.score', arguments: [closed] });
  assert.equal(notOpen.error.code, -32602);
  assert.ok(notOpen.error.message.includes(closed), notOpen.error.message);
  const noArg = await c.request('workspace/executeCommand', { command: 'resume-ls.score' });
  assert.equal(noArg.error.code, -32602);
  const badArg = await c.request('workspace/executeCommand', { command: 'resume-ls.score', arguments: [42] });
  assert.equal(badArg.error.code, -32602);
  const noCommand = await c.request('workspace/executeCommand', { arguments: [uri] });
  assert.equal(noCommand.error.code, -32602);
  // After a close the uri is unknown again.
  c.notify('textDocument/didClose', { textDocument: { uri } });
  const afterClose = await c.request('workspace/executeCommand', { command: 'resume-ls.score', arguments: [uri] });
  assert.equal(afterClose.error.code, -32602);
  // And the server still answers.
  const ok = await c.request('workspace/executeCommand', { command: 'resume-ls.score', arguments: [{ uri: closed }] });
  assert.equal(ok.error.code, -32602);
  assert.equal((await c.shutdownAndExit()).code, 0);
});

test('LaTeX: hover on a keyword inside markup, bullet hover, verb completion after \\item', async (t) => {
  const c = await session(t, { textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { insertReplaceSupport: true } } } });
  const uri = docUri('resume.tex');
  const text = [
    '\\documentclass{article}',
    '\\begin{document}',
    '\\section{Experience}',
    '\\begin{itemize}',
    '  \\item Cut Zürich 北京 🚀 checkout latency by 40\\% by moving billing to \\textbf{Postgres}',
    '  \\item Re the deployment scripts',
    '\\end{itemize}',
    '\\section{Skills}',
    'Go, Python, Terraform',
    '\\end{document}',
    '',
  ].join('\r\n');
  await open(c, uri, text, 'latex');
  const h = await hover(c, uri, at(text, 'Postgres}', 4));
  assert.equal(slice(text, h.range), 'Postgres');
  assert.match(h.contents.value, /an alias of PostgreSQL/);
  const b = await hover(c, uri, at(text, 'checkout', 2));
  assert.match(b.contents.value, /^\*\*Bullet\*\* · Experience/);
  assert.ok(slice(text, b.range).includes('checkout latency by 40\\%'));
  const list = await complete(c, uri, at(text, '\\item Re the', 8));
  assert.ok(list.items.length > 1);
  for (const it of list.items) assert.equal(slice(text, it.textEdit.replace), 'Re');
});
