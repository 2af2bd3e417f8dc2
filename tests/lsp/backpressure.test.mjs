// backpressure.test.mjs - a client that sends requests and does not read the
// replies (a stalled editor, a client stuck writing) must not make the
// server grow without bound: while more than a few MB of replies wait to be
// written, the server stops running requests and stops reading input
// (server/transport/stdio.c), and it goes on once the client reads.
//
// Measured (RelWithDebInfo, 2-core machine under load): 150 document
// symbol requests of ~140 kB each (21 MB of replies); the server's peak RSS
// was 28.5 MB before the bound (539 MB for 1000 larger replies), 12.6-13.1
// MB with it (about 8 MB for the document, plus the 4 MB backlog) -> bound
// 20 MB. The spelling dictionary (loaded off the loop after initialize)
// adds its own ~8-10 MB, which says nothing of the backlog: the bound is on
// the growth over the RSS before the client stops reading, with the
// dictionary loaded (about 5 MB measured with the bound; without it the
// growth is the unread replies, 20 MB and more) -> 10 MB. Under the sanitizer and valgrind builds (RESUME_LS_TIME_SCALE > 1)
// RSS says nothing of the bound (ASan keeps freed memory in quarantine: 119
// MB with the bound), so there the test checks only that the held replies
// all arrive and the server serves on, under the sanitizers' eyes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Client, docUri, scaled, TIME_SCALE } from './client.mjs';

const RESUME = fs.readFileSync(new URL('../../examples/resume.md', import.meta.url), 'utf8');

function procStatus(c, field) {
  const status = fs.readFileSync(`/proc/${c.proc.pid}/status`, 'utf8');
  return Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))[1]) / 1024;
}

// The CPU time the server has used, in clock ticks.
function cpuTicks(c) {
  const stat = fs.readFileSync(`/proc/${c.proc.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Resolves once the server has used no CPU for `quiet` ms: it has run all
// it could (all the requests, or up to its backlog bound).
async function untilIdle(c, quiet, max) {
  const t0 = performance.now();
  let last = cpuTicks(c), still = 0;
  while (performance.now() - t0 < max) {
    await sleep(100);
    const now = cpuTicks(c);
    still = now === last ? still + 100 : 0;
    last = now;
    if (still >= quiet) return;
  }
  throw new Error(`the server was still busy after ${max} ms`);
}

test('a client that does not read its replies cannot grow the server without bound', { timeout: scaled(120000) }, async (t) => {
  const c = new Client();
  // Read again before ending it, or its last replies could never be written.
  t.after(() => { c.proc.stdout.resume(); return c.kill(); });
  await c.initialize({ textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } });
  await c.spellingReady();
  const uri = docUri('backpressure.md');
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: RESUME.repeat(20) } });
  await c.diagnostics(uri, 1);
  const one = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
  const replyBytes = JSON.stringify(one).length;
  assert.ok(replyBytes > 100000, `each reply is large (${replyBytes} bytes)`);

  // Stop reading the server's output, then ask for N replies.
  const before = procStatus(c, 'VmRSS');
  c.proc.stdout.pause();
  const n = 150;
  const first = c.nextId;
  for (let i = 0; i < n; i++) c.send({ id: c.nextId++, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
  await untilIdle(c, scaled(1000), scaled(60000));
  const peak = procStatus(c, 'VmHWM');
  const bound = TIME_SCALE > 1 ? Infinity : 10;
  t.diagnostic(`peak RSS ${peak.toFixed(1)} MB (${before.toFixed(1)} MB before), ${n} replies of ${replyBytes} bytes unread`);
  assert.ok(peak - before <= bound,
    `RSS grew ${(peak - before).toFixed(0)} MB (to ${peak.toFixed(0)} MB) with ${(n * replyBytes / 1e6).toFixed(0)} MB of replies unread, bound ${bound} MB`);

  // Once the client reads, every reply comes, in full, and the server serves on.
  c.proc.stdout.resume();
  for (let id = first; id < first + n; id++) {
    const res = await c.waitFor((m) => m.id === id && !m.method, `the reply to #${id}`, scaled(60000));
    assert.equal(res.error, undefined);
    assert.equal(JSON.stringify(res.result), JSON.stringify(one.result));
  }
  const after = await c.request('resume-ls/stats');
  assert.equal(after.error, undefined);
  assert.ok(procStatus(c, 'VmHWM') - before <= bound, 'still bounded after the backlog drained');
});
