// client.mjs - a test client for the real resume-ls binary over pipes.
//
// Messages are framed and parsed by vscode-jsonrpc's own stream reader and
// writer (the code under VS Code's client), so the server is checked against
// the framing an editor uses, not against ours. `raw()` writes bytes as they
// are, for the tests of malformed input.
import { spawn } from 'node:child_process';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';

export const BIN = process.env.RESUME_LS_BIN;
if (!BIN) throw new Error('RESUME_LS_BIN is not set (CTest passes the built binary)');

// In the valgrind build the server runs under RESUME_LS_WRAPPER (a command
// line, words separated by spaces, that BIN and its arguments are appended
// to), and every time bound is multiplied by RESUME_LS_TIME_SCALE, since
// the server is then many times slower.
export const WRAPPER = (process.env.RESUME_LS_WRAPPER || '').split(' ').filter(Boolean);
export const TIME_SCALE = Number(process.env.RESUME_LS_TIME_SCALE || 1) || 1;
export const scaled = (ms) => ms * TIME_SCALE;

const WAIT_MS = scaled(5000);

export class Client {
  constructor({ args = ['--stdio'], env = {}, settings = null } = {}) {
    const argv = [...WRAPPER, BIN, ...args];
    this.proc = spawn(argv[0], argv.slice(1), {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, RESUME_LS_LOG: 'warn', ...env },
    });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => { this.stderr += d; });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stdin.on('error', () => {}); // EPIPE after the server ends is expected in some tests
    this.reader = new StreamMessageReader(this.proc.stdout);
    this.writer = new StreamMessageWriter(this.proc.stdin);
    this.messages = [];
    this.waiters = [];
    this.nextId = 1;
    this.settings = settings;
    this.reader.listen((msg) => this.#receive(msg));
  }

  #receive(msg) {
    this.messages.push(msg);
    // Answer the server's own requests as an editor would.
    if (msg.method && msg.id !== undefined) {
      let result = null;
      if (msg.method === 'workspace/configuration') result = msg.params.items.map(() => this.settings);
      this.send({ id: msg.id, result });
    }
    for (const w of [...this.waiters]) {
      if (w.pred(msg)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        clearTimeout(w.timer);
        w.resolve(msg);
      }
    }
  }

  // The first message (already received or still to come) matching pred.
  waitFor(pred, what = 'a message', ms = WAIT_MS, from = 0) {
    const seen = this.messages.slice(from).find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const w = { pred, resolve };
      w.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`timed out waiting for ${what}; stderr:\n${this.stderr}`));
      }, ms);
      this.waiters.push(w);
    });
  }

  // Write failures after the server has gone are what some tests cause.
  send(msg) { this.writer.write({ jsonrpc: '2.0', ...msg }).catch(() => {}); }
  notify(method, params) { return this.send(params === undefined ? { method } : { method, params }); }
  raw(bytes) { this.proc.stdin.write(bytes); }

  // Sends a request and resolves with the whole response message.
  request(method, params, id = this.nextId++) {
    const msg = { id, method };
    if (params !== undefined) msg.params = params;
    this.send(msg);
    return this.waitFor((m) => m.id === id && !m.method, `the response to ${method} #${id}`);
  }

  // The tests wait for the publish of each version they send, as a client
  // that interprets versions does; so unless a test says otherwise the
  // client advertises publishDiagnostics.versionSupport (without it, the
  // server does not push a set equal to the last one pushed).
  async initialize(capabilities = {}, extra = {}) {
    const td = capabilities.textDocument ?? {};
    if (!('publishDiagnostics' in td)) {
      capabilities = { ...capabilities, textDocument: { ...td, publishDiagnostics: { versionSupport: true } } };
    }
    const res = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities, ...extra });
    this.notify('initialized', {});
    return res;
  }

  // The next publishDiagnostics for uri (and version, when given) after
  // message index `from`.
  diagnostics(uri, version, from = 0) {
    return this.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri &&
        (version === undefined || m.params.version === version),
      `diagnostics for ${uri} v${version}`, WAIT_MS, from);
  }

  // Resolves once the server's English spelling dictionary is loaded (it
  // loads off the event loop after initialize): opens a one-typo document,
  // waits for its spelling finding, closes it. For tests that compare
  // servers or count allocations, which must not race the load.
  async spellingReady() {
    const uri = 'file:///tmp/resume-ls-tests/spelling-ready.md';
    const from = this.messages.length;
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1,
      text: '# A\n\n## Experience\n\n- Built a tool and recieved praise.\n' } });
    await this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri &&
      m.params.diagnostics.some((d) => d.code === 'spelling'), 'the spelling dictionary', scaled(60000), from);
    const closed = this.messages.length;
    this.notify('textDocument/didClose', { textDocument: { uri } });
    await this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri &&
      m.params.diagnostics.length === 0, 'the close of the spelling probe', scaled(60000), closed);
  }

  async shutdownAndExit() {
    const res = await this.request('shutdown');
    this.notify('exit');
    const end = await this.exitedWithin(2000);
    return { res, ...end };
  }

  async exitedWithin(ms) {
    ms = scaled(ms);
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(null), ms); });
    const end = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (!end) { this.proc.kill('SIGKILL'); throw new Error(`server did not exit within ${ms} ms`); }
    return end;
  }

  // Ends a server still running by closing its input, which must end it
  // cleanly (status 0): this is where a leak or memory error found at exit
  // by the sanitizers (status 1) or valgrind (status 99) fails the test.
  // Tests call it from t.after, which awaits it.
  async kill() {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.stdin.end();
    const end = await this.exitedWithin(5000);
    if (end.code !== 0 || end.signal !== null)
      throw new Error(`server ended with status ${end.code} (signal ${end.signal}) at end of input; stderr:\n${this.stderr.slice(-4000)}`);
  }
}

// Frames a body (string or Buffer) the way the base protocol does.
export function frame(body, header = 'Content-Length') {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`${header}: ${buf.length}\r\n\r\n`, 'ascii'), buf]);
}

// ---- Positions, computed here independently of the server ------------------

// Splits text into LSP lines (\n, \r\n and lone \r end a line).
export function lspLines(text) { return text.split(/\r\n|\r|\n/); }

// The LSP position of a JS string index in the given encoding.
export function positionAt(text, index, encoding = 'utf-16') {
  const before = text.slice(0, index);
  const lines = lspLines(before);
  const last = lines[lines.length - 1];
  const character = encoding === 'utf-8' ? Buffer.byteLength(last, 'utf8') : last.length;
  return { line: lines.length - 1, character };
}

// Applies LSP content changes to a string the way a client model does.
export function offsetAt(text, pos, encoding = 'utf-16') {
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let line = 0; line < pos.line; line++) {
    const m = re.exec(text);
    if (!m) return text.length;
    start = m.index + m[0].length;
  }
  const m = re.exec(text);
  const end = m ? m.index : text.length;
  const lineText = text.slice(start, end);
  if (encoding === 'utf-16') return start + Math.min(pos.character, lineText.length);
  let bytes = 0, i = 0;
  for (const ch of lineText) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > pos.character) break;
    bytes += n; i += ch.length;
  }
  return start + i;
}

export const docUri = (name) => `file:///tmp/resume-ls-tests/${encodeURIComponent(name)}`;
