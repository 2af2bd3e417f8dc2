// fix_cli.test.mjs - `resume-ls fix`, the server's twin: the configuration it
// reads (like `check`), placeholders only on request, and the same text as
// the server's source.fixAll.resume-ls applied by a client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, Client, offsetAt } from './client.mjs';

const RESUME = [
  '# Zoë Martín-Li',
  '',
  'zoe.martin@example.com',
  '',
  '## Experience',
  '',
  '### Engineer, Nordlicht GmbH — 2018 – 2020',
  '',
  '- Responsible for migrating the billing service to Go, cutting costs by 20%',
  '- Built the Zürich 北京 🚀 portal for various teams',
  '- Increased sign-ups by thirty percent with a new onboarding flow',
  '',
  '## Education',
  '',
  '### B.Sc. Computer Science, Universität Wien — 2014 – 2018',
  '',
  '## Skills',
  '',
  'Go, Python',
  '',
].join('\n');

function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'rls-fix-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function fix(args) {
  const r = spawnSync(BIN, ['fix', ...args], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const line = (text, needle) => text.split('\n').find((l) => l.includes(needle));

test('fix leaves placeholder fixes out unless --placeholders', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'resume.md');
  writeFileSync(path, RESUME);
  const plain = fix(['--no-config', path]);
  assert.equal(plain.status, 0, plain.err);
  assert.equal(line(plain.out, 'billing'), '- Migrated the billing service to Go, cutting costs by 20%');
  assert.equal(line(plain.out, 'sign-ups'), '- Increased sign-ups by 30% with a new onboarding flow');
  assert.equal(line(plain.out, 'portal'), line(RESUME, 'portal'), 'no [N] for "various", no [metric] clause');
  assert.ok(!plain.out.includes('['), plain.out);
  const filled = fix(['--no-config', '--placeholders', path]);
  assert.equal(filled.status, 0, filled.err);
  assert.match(line(filled.out, 'portal'), /\[N\] teams/);
  assert.equal(line(filled.out, 'billing'), line(plain.out, 'billing'));
  // Either way, running it again changes nothing.
  for (const [args, first] of [[[], plain.out], [['--placeholders'], filled.out]]) {
    writeFileSync(path, first);
    assert.equal(fix(['--no-config', ...args, path]).out, first, `fixed point ${args}`);
  }
});

test('fix reads the nearest .resume-ls.json, --config FILE, or none with --no-config', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'resume.md');
  writeFileSync(path, RESUME);
  writeFileSync(join(dir, '.resume-ls.json'), JSON.stringify({ rules: { 'weak-opener': 'off' } }));
  const other = join(dir, 'other.json');
  writeFileSync(other, JSON.stringify({ rules: { 'spelled-out-number': 'off' } }));

  const nearest = fix([path]);
  assert.equal(nearest.status, 0, nearest.err);
  assert.equal(line(nearest.out, 'billing'), line(RESUME, 'billing'), 'weak-opener is off: not fixed');
  assert.equal(line(nearest.out, 'sign-ups'), '- Increased sign-ups by 30% with a new onboarding flow');

  const explicit = fix(['--config', other, path]);
  assert.equal(explicit.status, 0, explicit.err);
  assert.equal(line(explicit.out, 'billing'), '- Migrated the billing service to Go, cutting costs by 20%');
  assert.equal(line(explicit.out, 'sign-ups'), line(RESUME, 'sign-ups'), 'spelled-out-number is off');

  const none = fix(['--no-config', path]);
  assert.equal(line(none.out, 'billing'), '- Migrated the billing service to Go, cutting costs by 20%');
  assert.equal(line(none.out, 'sign-ups'), '- Increased sign-ups by 30% with a new onboarding flow');

  const missing = fix(['--config', join(dir, 'nope.json'), path]);
  assert.equal(missing.status, 2);
  assert.match(missing.err, /nope\.json/);
  const both = fix(['--config', other, '--no-config', path]);
  assert.equal(both.status, 2);
  assert.match(both.err, /cannot be used together/);

  // A broken nearest file is reported; the fix goes on with the defaults.
  writeFileSync(join(dir, '.resume-ls.json'), '{ "rules": ');
  const broken = fix([path]);
  assert.equal(broken.status, 0);
  assert.match(broken.err, /resume-ls\.json/);
  assert.equal(line(broken.out, 'billing'), '- Migrated the billing service to Go, cutting costs by 20%');
  assert.equal(readFileSync(path, 'utf8'), RESUME, 'without --write the file is untouched');
});

test('fix prints what the server\'s fix-all gives an editor', async (t) => {
  const dir = tempDir(t);
  for (const [name, languageId, text] of [
    ['resume.md', 'markdown', RESUME.replace(/\n/g, '\r\n')],
    ['resume.tex', 'latex', [
      '\\documentclass{article}', '\\begin{document}', '\\section{Experience}',
      '\\textbf{Engineer, Acme} \\hfill 2018 -- 2020', '\\begin{itemize}',
      '  \\item I helped cut build times by thirty percent for the Zürich team',
      '  \\item Responsible for migrating the billing service to Go',
      '\\end{itemize}', '\\end{document}', ''].join('\n')],
  ]) {
    const path = join(dir, name);
    writeFileSync(path, text);
    const cli = fix(['--no-config', path]);
    assert.equal(cli.status, 0, cli.err);
    assert.notEqual(cli.out, text, `${name}: something to fix`);

    const c = new Client();
    t.after(() => c.kill());
    await c.initialize({ textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['source'] } } } } });
    const uri = pathToFileURL(path).href;
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await c.diagnostics(uri, 1);
    const res = await c.request('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(res.result.length, 1);
    const edits = res.result[0].edit.changes[uri]
      .map((e) => ({ s: offsetAt(text, e.range.start), e: offsetAt(text, e.range.end), t: e.newText }))
      .sort((a, b) => b.s - a.s);
    let out = text;
    for (const e of edits) out = out.slice(0, e.s) + e.t + out.slice(e.e);
    assert.equal(out, cli.out, name);
    c.kill();
  }
});
