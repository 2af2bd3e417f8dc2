// lifecycle.test.mjs - the lifecycle, every JSON-RPC error code the server
// owes, and framing abuse, against the real binary over pipes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCodes, LSPErrorCodes, TextDocumentSyncKind } from 'vscode-languageserver-protocol/node.js';
import { Client, frame, docUri } from './client.mjs';

const HOVER = (uri) => ({ textDocument: { uri }, position: { line: 0, character: 0 } });

// A server that has been initialised, with one open document.
async function started(t, caps = {}) {
  const c = new Client();
  t.after(() => c.kill());
  await c.initialize(caps);
  const uri = docUri('lifecycle.md');
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# Experience\n\n- Built things\n' } });
  await c.diagnostics(uri, 1);
  return { c, uri };
}

const errorOf = (res) => res.error && res.error.code;

test('initialize, shutdown and exit end with status 0', async (t) => {
  const c = new Client();
  t.after(() => c.kill());
  const init = await c.initialize({});
  const caps = init.result.capabilities;
  assert.equal(caps.textDocumentSync.change, TextDocumentSyncKind.Incremental);
  assert.equal(caps.textDocumentSync.openClose, true);
  assert.equal(caps.positionEncoding, 'utf-16');
  assert.equal(init.result.serverInfo.name, 'resume-ls');
  const end = await c.shutdownAndExit();
  assert.equal(end.res.result, null);
  assert.equal(end.res.error, undefined);
  assert.equal(end.code, 0);
});

test('exit without shutdown ends with status 1', async (t) => {
  const c = new Client();
  t.after(() => c.kill());
  await c.initialize({});
  c.notify('exit');
  const end = await c.exitedWithin(2000);
  assert.equal(end.code, 1);
});

test('end of input ends the server cleanly', async (t) => {
  const { c } = await started(t);
  c.proc.stdin.end();
  const end = await c.exitedWithin(2000);
  assert.equal(end.code, 0);
  assert.equal(end.signal, null);
});

test('a request before initialize gets ServerNotInitialized', async (t) => {
  const c = new Client();
  t.after(() => c.kill());
  const res = await c.request('textDocument/hover', HOVER(docUri('x.md')), 50);
  assert.equal(errorOf(res), ErrorCodes.ServerNotInitialized);
  assert.equal(res.id, 50);
  // ... and initialize still works afterwards.
  const init = await c.initialize({});
  assert.ok(init.result.capabilities);
});

test('requests after shutdown get InvalidRequest, and exit is then 0', async (t) => {
  const { c, uri } = await started(t);
  await c.request('shutdown');
  const res = await c.request('textDocument/hover', HOVER(uri), 61);
  assert.equal(errorOf(res), ErrorCodes.InvalidRequest);
  c.notify('exit');
  assert.equal((await c.exitedWithin(2000)).code, 0);
});

test('unknown requests get MethodNotFound, $/ requests too', async (t) => {
  const { c } = await started(t);
  assert.equal(errorOf(await c.request('resume/noSuchMethod', {})), ErrorCodes.MethodNotFound);
  assert.equal(errorOf(await c.request('$/noSuchRequest', {})), ErrorCodes.MethodNotFound);
});

test('unknown notifications are ignored', async (t) => {
  const { c, uri } = await started(t);
  const before = c.messages.length;
  c.notify('resume/noSuchNotification', {});
  c.notify('$/noSuchNotification', {});
  const res = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(res.error, undefined);
  // Nothing but the answer came back: no reply, no error for either
  // notification. (A publishDiagnostics of the opened document may still
  // arrive late on a slow machine, under valgrind; it answers nothing.)
  const replies = c.messages.slice(before).filter((m) => m.method === undefined);
  assert.deepEqual(replies.map((m) => m.id), [res.id]);
});

test('wrong parameter types get InvalidParams', async (t) => {
  const { c, uri } = await started(t);
  const bad = [
    ['textDocument/hover', { textDocument: 5 }],
    ['textDocument/hover', { textDocument: { uri }, position: { line: 'one', character: 0 } }],
    ['textDocument/documentSymbol', {}],
    ['textDocument/diagnostic', { textDocument: { uri: docUri('never-opened.md') } }],
    ['workspace/executeCommand', { command: 42 }],
  ];
  for (const [method, params] of bad)
    assert.equal(errorOf(await c.request(method, params)), ErrorCodes.InvalidParams, method);
});

test('a body that is not JSON gets ParseError with id null', async (t) => {
  const { c } = await started(t);
  const from = c.messages.length;
  c.raw(frame('this is not json'));
  const err = await c.waitFor((m) => m.error && m.id === null, 'a ParseError', 5000, from);
  assert.equal(err.error.code, ErrorCodes.ParseError);
});

test('JSON that is not a request object gets InvalidRequest', async (t) => {
  const { c } = await started(t);
  // The id is echoed when one can be read (JSON-RPC 2.0, section 5), else null.
  for (const [body, id] of [['42', null], ['[1,2]', null], ['{"jsonrpc":"1.0","id":3,"method":"x"}', 3],
    ['{"jsonrpc":"2.0","id":4,"method":"x","params":"text"}', 4], ['{"jsonrpc":"2.0","id":{},"method":"x"}', null]]) {
    const from = c.messages.length;
    c.raw(frame(body));
    const err = await c.waitFor((m) => m.error && m.id === id, 'an InvalidRequest', 5000, from);
    assert.equal(err.error.code, ErrorCodes.InvalidRequest, body);
  }
});

test('a pending request can be cancelled', async (t) => {
  const { c, uri } = await started(t);
  // Both messages in one write: the request is still queued when the
  // cancellation is read.
  const req = { jsonrpc: '2.0', id: 77, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } };
  const cancel = { jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 77 } };
  c.raw(Buffer.concat([frame(JSON.stringify(req)), frame(JSON.stringify(cancel))]));
  const res = await c.waitFor((m) => m.id === 77, 'the cancelled response');
  assert.equal(errorOf(res), LSPErrorCodes.RequestCancelled);
  // Cancelling a request that was already answered is harmless.
  const done = await c.request('textDocument/documentSymbol', { textDocument: { uri } }, 78);
  assert.equal(done.error, undefined);
  c.notify('$/cancelRequest', { id: 78 });
  assert.equal((await c.request('textDocument/documentSymbol', { textDocument: { uri } })).error, undefined);
});

// ---- Framing -------------------------------------------------------------------

const symbolsBody = (id, uri) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });

test('a message written one byte at a time is answered', async (t) => {
  const { c, uri } = await started(t);
  const bytes = frame(symbolsBody(90, uri));
  for (let i = 0; i < bytes.length; i++) {
    c.raw(bytes.subarray(i, i + 1));
    if (i % 16 === 0) await new Promise((r) => setImmediate(r));
  }
  assert.equal((await c.waitFor((m) => m.id === 90, 'the answer')).error, undefined);
});

test('two messages in one write are both answered, lowercase headers too', async (t) => {
  const { c, uri } = await started(t);
  c.raw(Buffer.concat([
    frame(symbolsBody(91, uri)),
    frame(symbolsBody(92, uri), 'content-length'),
    Buffer.from(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n`),
    frame(symbolsBody(93, uri)),
  ]));
  for (const id of [91, 92, 93]) assert.equal((await c.waitFor((m) => m.id === id, `answer ${id}`)).error, undefined);
});

test('a huge Content-Length is refused and the server keeps serving', async (t) => {
  const { c, uri } = await started(t);
  const from = c.messages.length;
  c.raw('Content-Length: 10737418240\r\n\r\n{}');
  const err = await c.waitFor((m) => m.error && m.id === null, 'the refusal', 5000, from);
  assert.equal(typeof err.error.code, 'number');
  c.raw(frame(symbolsBody(94, uri)));
  assert.equal((await c.waitFor((m) => m.id === 94, 'the next answer')).error, undefined);
});

test('wrong Content-Lengths cost only the damaged message', async (t) => {
  const { c, uri } = await started(t);
  const body = symbolsBody(95, uri);
  // 7 bytes short: a parse error, then the next message is still read.
  c.raw(`Content-Length: ${Buffer.byteLength(body) - 7}\r\n\r\n${body}`);
  c.raw(frame(symbolsBody(96, uri)));
  assert.equal((await c.waitFor((m) => m.id === 96, 'the message after a short length')).error, undefined);
  // Missing Content-Length: the block is dropped, the next message is read.
  c.raw('Content-Type: text/plain\r\n\r\n');
  c.raw(frame(symbolsBody(97, uri)));
  assert.equal((await c.waitFor((m) => m.id === 97, 'the message after a missing length')).error, undefined);
});

test('invalid UTF-8 and NUL in a document are tolerated', async (t) => {
  const { c, uri } = await started(t);
  const head = Buffer.from(JSON.stringify({
    jsonrpc: '2.0', method: 'textDocument/didChange',
    params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'XX' }] },
  }));
  // Replace the placeholder text with bytes that are not UTF-8 and an escaped NUL.
  const at = head.indexOf('XX');
  const body = Buffer.concat([head.subarray(0, at), Buffer.from([0xc3, 0x28, 0x20, 0xff, 0x20, 0xed, 0xa0, 0x80]),
    Buffer.from('\\u0000- Built\\n'), head.subarray(at + 2)]);
  c.raw(frame(body));
  const pub = await c.diagnostics(uri, 2);
  assert.ok(Array.isArray(pub.params.diagnostics));
  const res = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(res.error, undefined);
});
