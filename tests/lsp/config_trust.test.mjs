// config_trust.test.mjs - configuration is untrusted input (issue #17), seen
// from the editor: the search for .resume-ls.json ends at the workspace
// folder, a job description a configuration names must be a text file
// inside its folder (never a FIFO, a secret beside it or a system file),
// and the CLI's `score` reads the same configuration as the server's
// resume-ls.score, so both give the same number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, Client } from './client.mjs';

const RESUME = [
  '# Dana Reyes', 'dana@example.com', '', '## Experience', '',
  '### Engineer, Example Corp (2021 - Present)', '',
  '- Worked on the checkout service using Kafka and Go.',
  '- Responsible for the billing team.', '', '## Skills', '', 'Go, PostgreSQL', '',
  '## Education', '', 'B.S. Computer Science, State University, 2020', '',
].join('\n');
const SECRET = 'hunter2Xq9SecretZ';

function tempDir(t) {
  // realpath: the server resolves symbolic links (a /tmp that is a link).
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rls-trust-')));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function write(dir, rel, text) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

async function open(c, file) {
  const uri = pathToFileURL(file).href;
  const from = c.messages.length;
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: RESUME } });
  const pub = await c.diagnostics(uri, 1, from);
  return { uri, from, rules: pub.params.diagnostics.map((d) => d.code) };
}

test('a .resume-ls.json above the workspace folder is not used', async (t) => {
  const dir = tempDir(t);
  // Left by someone else in a shared folder above the project.
  write(dir, '.resume-ls.json', JSON.stringify({ rules: { 'weak-opener': 'off' } }));
  write(dir, 'ws/cv/resume.md', RESUME);
  write(dir, 'other/cv/resume.md', RESUME);
  const c = new Client();
  t.after(() => c.kill());
  await c.initialize({}, { rootUri: pathToFileURL(path.join(dir, 'ws')).href });
  const inside = await open(c, path.join(dir, 'ws/cv/resume.md'));
  assert.ok(inside.rules.includes('weak-opener'), `the file above the workspace applied: ${inside.rules}`);
  // Outside the workspace folder nothing stops the search before it (no
  // .git, not HOME), so the same file applies: the boundary is the folder.
  const outside = await open(c, path.join(dir, 'other/cv/resume.md'));
  assert.ok(!outside.rules.includes('weak-opener'), `sanity: ${outside.rules}`);
});

test('a job description that is a FIFO, hidden or outside the folder is refused, and nothing of it is shown', async (t) => {
  const dir = tempDir(t);
  const cases = [
    ['fifo', 'jd.txt', /jd\.txt': a named pipe \(FIFO\), not a regular file/],
    ['env', '.env', /not reading '.*\.env': hidden files and folders/],
    ['passwd', '/etc/passwd', /not reading '\/etc\/passwd': it is outside '/],
    ['sibling', '../elsewhere/job.txt', /it is outside '/],
  ];
  write(dir, 'elsewhere/job.txt', `Kafka ${SECRET}\n`);
  for (const [name, job] of cases) {
    write(dir, `${name}/resume.md`, RESUME);
    write(dir, `${name}/.env`, `PASSWORD=${SECRET}\n`);
    write(dir, `${name}/.resume-ls.json`, JSON.stringify({ jobDescription: job }));
  }
  fs.rmSync(path.join(dir, 'fifo/.env'));
  spawnSync('mkfifo', [path.join(dir, 'fifo/jd.txt')]);
  assert.ok(fs.statSync(path.join(dir, 'fifo/jd.txt')).isFIFO());

  const c = new Client();
  t.after(() => c.kill());
  await c.initialize({}, { rootUri: pathToFileURL(dir).href });
  for (const [name, , problem] of cases) {
    // Before the fix the server blocked here for ever on the FIFO.
    const { uri, from } = await open(c, path.join(dir, name, 'resume.md'));
    const score = await c.request('workspace/executeCommand', { command: 'resume-ls.score', arguments: [uri] });
    assert.equal(score.error, undefined, `${name}: score`);
    const lens = await c.request('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lens.error, undefined, `${name}: codeLens`);
    const seen = c.messages.slice(from);
    const shown = seen.filter((m) => m.method === 'window/showMessage').map((m) => m.params.message);
    assert.ok(shown.some((s) => problem.test(s)), `${name}: a message says why, got ${JSON.stringify(shown)}`);
    const all = JSON.stringify(seen);
    for (const leak of [SECRET, '/bin/bash', 'nologin'])
      assert.ok(!all.includes(leak), `${name}: ${leak} reached the editor`);
  }
});

test('resume-ls score and the server\'s resume-ls.score read the same configuration', async (t) => {
  const dir = tempDir(t);
  write(dir, 'cv/resume.md', RESUME);
  write(dir, 'cv/jobs/acme.txt', 'Frontend engineer: React, TypeScript, GraphQL, Storybook.\n');
  write(dir, 'cv/.resume-ls.json', JSON.stringify({
    role: 'frontend', jobDescription: 'jobs/acme.txt', rules: { 'weak-opener': 'off' },
  }));
  const file = path.join(dir, 'cv/resume.md');
  const cli = spawnSync(BIN, ['score', '--format', 'json', file], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const fromCli = JSON.parse(cli.stdout);

  const c = new Client();
  t.after(() => c.kill());
  await c.initialize({}, { rootUri: pathToFileURL(dir).href });
  const { uri } = await open(c, file);
  const res = await c.request('workspace/executeCommand', { command: 'resume-ls.score', arguments: [uri] });
  const fromServer = res.result;
  assert.equal(fromCli.role, 'frontend');
  assert.equal(fromCli.total, fromServer.total, `CLI ${fromCli.summary} vs editor ${fromServer.summary}`);
  assert.deepEqual(fromCli.components, fromServer.components);
});
