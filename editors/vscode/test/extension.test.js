'use strict';
/*
 * The shipped bundle (dist/extension.js, what the .vsix carries) activated
 * as VS Code would, with the shim in place of `vscode` and the real server:
 *
 * - in a workspace without resumes, activation starts nothing and says
 *   nothing, even when no server exists anywhere;
 * - "server not found" comes once, when a resume is opened;
 * - resumeLs.enable = false keeps everything off;
 * - with resumeLs.serverPath unset and no resume-ls on PATH, the binary a
 *   platform-specific package carries (server/<platform>-<arch>/) starts,
 *   and resumeLs.logLevel reaches it as --log-level;
 * - "Check this file as a resume" starts the server for any Markdown file;
 * - the score view is titled "Score of <file>" and shown as Markdown;
 * - "Open rule documentation" opens the bundled page in VS Code's Markdown
 *   preview and hands nothing to the operating system;
 * - issue 18's rules (spelling, tech-casing, date-invalid, timeline-order,
 *   timeline-gap) on a Markdown and a LaTeX resume with é, CJK and emoji:
 *   UTF-16 ranges, the bullet hover, and the spelling, tech-casing and
 *   "Move this entry" fixes applied through the client's provider.
 *
 * RLS_BIN is the server binary (CMake passes it; else build/resume-ls).
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');

const vscode = require('./vscode-shim.js').install();

const ROOT = path.resolve(__dirname, '..');
const REPO = path.resolve(ROOT, '../..');
const FIXTURES = path.join(REPO, 'tests/editors/fixtures');
const BIN = process.env.RLS_BIN || path.join(REPO, 'build/resume-ls');
const BUNDLE = path.join(ROOT, 'dist/extension.js');
const STEP_MS = 10000;

function waitFor(what, predicate, ms = STEP_MS) {
    return new Promise((resolve, reject) => {
        const t0 = Date.now();
        const tick = () => {
            const v = predicate();
            if (v) return resolve(v);
            if (Date.now() - t0 > ms) return reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
            setTimeout(tick, 25);
        };
        tick();
    });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const state = vscode.__test.state;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/* A fresh extension folder (package.json, docs/, and optionally the bundled
 * server), a fresh workspace, the shim emptied, the bundle loaded anew. */
function setup({ settings = {}, bundledServer = false, binMode = 0o755 } = {}) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rls-ext-'));
    const extDir = path.join(tmp, 'extension');
    const work = path.join(tmp, 'work');
    fs.mkdirSync(path.join(extDir, 'docs'), { recursive: true });
    fs.mkdirSync(work);
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(extDir, 'package.json'));
    fs.copyFileSync(path.join(REPO, 'docs/rules.md'), path.join(extDir, 'docs/rules.md'));
    let bundled;
    if (bundledServer) {
        bundled = path.join(extDir, 'server', `${process.platform}-${process.arch}`, 'resume-ls');
        fs.mkdirSync(path.dirname(bundled), { recursive: true });
        fs.copyFileSync(BIN, bundled);
        fs.chmodSync(bundled, binMode);
    }
    for (const k of ['documents', 'messages', 'collections', 'executed', 'external', 'shown', 'channels']) state[k].length = 0;
    state.settings = { resumeLs: settings };
    vscode.window.activeTextEditor = undefined;
    vscode.__test.setFolders([work]);
    delete require.cache[BUNDLE];
    const ext = require(BUNDLE);
    const memento = new Map();
    const context = {
        subscriptions: [],
        extensionPath: extDir,
        extensionUri: vscode.Uri.file(extDir),
        extension: { packageJSON: pkg },
        workspaceState: { get: (k, d) => (memento.has(k) ? memento.get(k) : d), update: async (k, v) => void memento.set(k, v) },
        globalState: { get: (_k, d) => d, update: async () => undefined },
    };
    const open = (name, rel = name, languageId = name.endsWith('.tex') ? 'latex' : 'markdown') => {
        const dest = path.join(work, rel);
        fs.copyFileSync(path.join(FIXTURES, name), dest);
        return vscode.__test.open(dest, languageId, fs.readFileSync(dest, 'utf8'));
    };
    const output = () => state.channels.filter((c) => c.name === 'resume-ls').flatMap((c) => c.lines).join('\n');
    const diagnosticsFor = (doc) => {
        for (const c of state.collections) {
            const d = c.get(doc.uri);
            if (d && d.length > 0) return d;
        }
        return undefined;
    };
    const cleanup = async () => {
        await ext.deactivate();
        for (const d of context.subscriptions) d.dispose?.();
        fs.rmSync(tmp, { recursive: true, force: true });
    };
    return { ext, context, work, extDir, bundled, open, output, diagnosticsFor, cleanup };
}

/* No resume-ls on PATH for these tests: the bundled one or none. */
const savedPath = process.env.PATH;
test.before(() => {
    process.env.PATH = path.join(os.tmpdir(), 'rls-no-such-dir');
});
test.after(() => {
    process.env.PATH = savedPath;
});

test('the server binary the tests start exists', () => {
    assert.ok(
        fs.existsSync(BIN),
        `no resume-ls binary at ${BIN}: build it first (make build, or cmake --build build), or set RLS_BIN`,
    );
    assert.ok(fs.existsSync(BUNDLE), `no ${BUNDLE}: run npm run build in editors/vscode first`);
});

test('a workspace without resumes: activation starts nothing and shows nothing, even with no server installed', async () => {
    const s = setup();
    try {
        s.open('README.md');
        s.open('README.md', 'notes.md');
        await s.ext.activate(s.context);
        s.open('README.md', 'todo.md');
        await sleep(300);
        assert.deepEqual(state.messages, [], 'no message without a resume');
        assert.doesNotMatch(s.output(), /Starting|not-found/, 'nothing started or looked up');

        // Opening a resume is what asks for the server: one error, once.
        s.open('jane-resume.md');
        await waitFor('the not-found message', () => state.messages.length > 0);
        s.open('my-CV.tex');
        await sleep(300);
        assert.equal(state.messages.length, 1, JSON.stringify(state.messages));
        assert.equal(state.messages[0].level, 'error');
        assert.match(state.messages[0].msg, /"resume-ls" was not found on PATH/);

        // "Check this file as a resume" is an explicit request: it says why again.
        vscode.window.activeTextEditor = { document: state.documents[1], selection: new vscode.Range(0, 0, 0, 0) };
        await vscode.commands.executeCommand('resumeLs.checkAsResume');
        assert.equal(state.messages.length, 2, JSON.stringify(state.messages));
        assert.match(state.messages[1].msg, /was not found on PATH/);
    } finally {
        await s.cleanup();
    }
});

test('resumeLs.enable = false: a resume opens, no server, no message', async () => {
    const s = setup({ settings: { enable: false }, bundledServer: true });
    try {
        s.open('jane-resume.md');
        await s.ext.activate(s.context);
        s.open('my-CV.tex');
        await sleep(500);
        assert.deepEqual(state.messages, []);
        assert.doesNotMatch(s.output(), /Starting/);
        assert.equal(s.diagnosticsFor(state.documents[0]), undefined);
    } finally {
        await s.cleanup();
    }
});

test('serverPath unset, nothing on PATH: the bundled server starts, with --log-level from the settings', async (t) => {
    // 0644: the extension restores the executable bit a zip tool may drop.
    const s = setup({ settings: { logLevel: 'info' }, bundledServer: true, binMode: 0o644 });
    try {
        const notes = s.open('README.md', 'notes.md');
        await s.ext.activate(s.context);
        await sleep(300);
        assert.doesNotMatch(s.output(), /Starting/, 'no server before a resume is open');

        const md = s.open('jane-resume.md');
        await waitFor('the bundled server to start', () => /Starting /.test(s.output()));
        assert.ok(s.output().includes(`Starting ${s.bundled} --stdio --log-level info (bundled with the extension)`), s.output());
        assert.ok((fs.statSync(s.bundled).mode & 0o111) !== 0, 'bundled binary made executable');
        const diags = await waitFor('diagnostics from the bundled server', () => s.diagnosticsFor(md));
        t.diagnostic(`${diags.length} diagnostics from ${s.bundled}`);
        assert.ok(diags.every((d) => d.source === 'resume-ls'));
        assert.deepEqual(state.messages.filter((m) => m.level === 'error'), []);

        await t.test('"Check this file as a resume" checks a file the rule leaves out', async () => {
            assert.equal(s.diagnosticsFor(notes), undefined);
            vscode.window.activeTextEditor = { document: notes, selection: new vscode.Range(0, 0, 0, 0) };
            await vscode.commands.executeCommand('resumeLs.checkAsResume');
            await waitFor('diagnostics for notes.md', () => s.diagnosticsFor(notes));
        });

        await t.test('the score view is titled "Score of jane-resume.md" and shown as Markdown', async () => {
            vscode.window.activeTextEditor = { document: md, selection: new vscode.Range(0, 0, 0, 0) };
            await vscode.commands.executeCommand('resumeLs.showScore');
            const shown = await waitFor('the score page', () => state.shown.find((x) => x.document.uri.scheme === 'resume-ls-score'));
            assert.equal(path.posix.basename(shown.document.uri.path), 'Score of jane-resume.md');
            assert.equal(shown.document.languageId, 'markdown');
            assert.match(shown.document.getText(), /ATS score/);
        });

        await t.test('"Open rule documentation" opens the bundled page in the Markdown preview, nothing outside', async () => {
            // The cursor on a problem (with a codeDescription file:// link when
            // the server's docs are installed, none from a build tree): the
            // page opens in VS Code, nothing goes to the OS.
            const alone = (x) => !diags.some((y) => y !== x && y.range.contains(x.range.start));
            const d = diags.find((x) => x.code !== undefined && alone(x));
            assert.ok(d, 'a diagnostic with a rule id, alone under the cursor');
            if (typeof d.code === 'object' && d.code.target) t.diagnostic(`codeDescription: ${d.code.target.toString()}`);
            vscode.window.activeTextEditor = { document: md, selection: { active: d.range.start } };
            await vscode.commands.executeCommand('resumeLs.openRuleDocs');
            const preview = state.executed.find((e) => e.id === 'markdown.showPreview');
            assert.ok(preview, `executed: ${JSON.stringify(state.executed.map((e) => e.id))}`);
            assert.equal(preview.args[0].scheme, 'file');
            assert.equal(preview.args[0].fsPath, path.join(s.extDir, 'docs', 'rules.md'));
            assert.deepEqual(state.external, [], 'nothing handed to the operating system');
        });
    } finally {
        await s.cleanup();
    }
});

test('a resumeLs.serverPath that does not exist is an error, not a fallback to the bundled server', async () => {
    const s = setup({ settings: { serverPath: '/nonexistent/resume-ls' }, bundledServer: true });
    try {
        s.open('jane-resume.md');
        await s.ext.activate(s.context);
        await waitFor('the not-found message', () => state.messages.length > 0);
        assert.match(state.messages[0].msg, /"\/nonexistent\/resume-ls" does not exist/);
        assert.doesNotMatch(s.output(), /Starting/);
    } finally {
        await s.cleanup();
    }
});

/* Issue 18's rules through the shipped bundle: the findings on a Markdown
 * and a LaTeX resume whose lines put é, CJK and emoji before them, at their
 * UTF-16 ranges (what a JavaScript string index is); the bullet hover; and
 * the quick fixes asked for and applied as VS Code does (the client's code
 * action provider with the diagnostic under the cursor, resolve when the
 * edit is lazy, workspace.applyEdit, then the change event). */
const codeOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);

/* The range of needle on the first line holding it, in VS Code's terms. */
function rangeOf(doc, needle) {
    const lines = doc.getText().split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    assert.ok(line >= 0, `the fixture has ${needle}`);
    const ch = lines[line].indexOf(needle);
    return { line, start: ch, end: ch + needle.length };
}

function findingOn(diags, rule, doc, needle) {
    const r = rangeOf(doc, needle);
    const d = diags.find((x) => codeOf(x) === rule && x.range.start.line === r.line && x.range.start.character === r.start);
    const same = diags.filter((x) => codeOf(x) === rule).map((x) => `${x.range.start.line}:${x.range.start.character}-${x.range.end.character}`);
    assert.ok(d, `${rule} on "${needle}" at ${r.line}:${r.start}; ${rule} found at: ${same.join(', ') || 'none'}`);
    assert.deepEqual([d.range.end.line, d.range.end.character], [r.line, r.end], `${rule} ends after "${needle}"`);
    return d;
}

async function codeActions(doc, d) {
    const [{ provider }] = state.providers.CodeActionsProvider;
    const token = new vscode.CancellationTokenSource().token;
    const context = { diagnostics: [d], triggerKind: vscode.CodeActionTriggerKind.Invoke, only: undefined };
    return (await provider.provideCodeActions(doc, d.range, context, token)) ?? [];
}

/* Applies an action's edit (resolving it first when the server sent it
 * lazily) and tells the client, as VS Code's onDidChangeTextDocument would. */
async function apply(doc, action) {
    const [{ provider }] = state.providers.CodeActionsProvider;
    if (!action.edit && provider.resolveCodeAction)
        action = await provider.resolveCodeAction(action, new vscode.CancellationTokenSource().token);
    assert.ok(action.edit, `"${action.title}" has an edit`);
    const before = doc.getText();
    const lines = before.split('\n');
    await vscode.workspace.applyEdit(action.edit);
    const whole = new vscode.Range(0, 0, lines.length - 1, lines[lines.length - 1].length);
    vscode.__test.events.change.fire({
        document: doc,
        contentChanges: [{ range: whole, rangeOffset: 0, rangeLength: before.length, text: doc.getText() }],
        reason: undefined,
    });
}

for (const [file, dates] of [
    ['zoe-resume.md', { invalid: 'Nov 2022 – Mar 2021', order: 'Jan 2016 – Dec 2019' }],
    ['zoe-CV.tex', { invalid: 'Nov 2022 -- Mar 2021', order: 'Jan 2016 -- Dec 2019' }],
]) {
    test(`${file}: spelling, tech-casing and the timeline through the extension`, { timeout: 90000 }, async (t) => {
        const s = setup({ settings: { serverPath: BIN } });
        try {
            const doc = s.open(file);
            await s.ext.activate(s.context);
            // Spelling findings follow the dictionary, loaded after initialize.
            const diags = await waitFor(
                'the spelling findings',
                () => {
                    const d = s.diagnosticsFor(doc);
                    return d && d.filter((x) => codeOf(x) === 'spelling').length >= 2 ? d : undefined;
                },
                20000,
            );
            t.diagnostic(`${diags.length} diagnostics: ${[...new Set(diags.map(codeOf))].join(', ')}`);

            const recieved = findingOn(diags, 'spelling', doc, 'Recieved');
            const goverment = findingOn(diags, 'spelling', doc, 'goverment');
            const javascript = findingOn(diags, 'tech-casing', doc, 'Javascript');
            findingOn(diags, 'date-invalid', doc, dates.invalid);
            const order = findingOn(diags, 'timeline-order', doc, dates.order);
            findingOn(diags, 'timeline-gap', doc, dates.order);
            assert.equal(diags.filter((x) => codeOf(x) === 'spelling').length, 2, 'no spelling finding on names, tools or CJK');

            await t.test('the bullet hover lists the finding', async () => {
                const [{ provider }] = state.providers.HoverProvider;
                const token = new vscode.CancellationTokenSource().token;
                const hover = await provider.provideHover(doc, new vscode.Position(recieved.range.start.line, recieved.range.start.character + 1), token);
                const text = hover.contents.map((c) => c.value ?? c).join('\n');
                const fails = text.split('**Passes**')[0];
                assert.match(fails, /`spelling`: 'Recieved'/, text);
            });

            await t.test('spelling: several suggestions for Recieved, none preferred; the one for goverment is, and applies', async () => {
                const forRecieved = (await codeActions(doc, recieved)).filter((a) => a.title.startsWith("Replace 'Recieved' with "));
                assert.ok(forRecieved.some((a) => a.title === "Replace 'Recieved' with 'Received'"), forRecieved.map((a) => a.title).join(' | '));
                assert.ok(forRecieved.length > 1 && forRecieved.every((a) => !a.isPreferred));
                const actions = await codeActions(doc, goverment);
                const replace = actions.filter((a) => a.title.startsWith("Replace 'goverment' with "));
                assert.deepEqual(replace.map((a) => [a.title, a.isPreferred]), [["Replace 'goverment' with 'government'", true]]);
                const line = doc.lineAt(goverment.range.start.line).text;
                await apply(doc, replace[0]);
                assert.equal(doc.lineAt(goverment.range.start.line).text, line.replace('goverment', 'government'));
                await waitFor('the server to drop the goverment finding', () => {
                    const d = s.diagnosticsFor(doc) ?? [];
                    return d.some((x) => codeOf(x) === 'spelling') && !d.some((x) => codeOf(x) === 'spelling' && x.message.includes('goverment'));
                });
            });

            await t.test('tech-casing: the official name, preferred, applies', async () => {
                const actions = await codeActions(doc, javascript);
                const fix = actions.find((a) => a.title === 'Write “Javascript” as “JavaScript”');
                assert.ok(fix, actions.map((a) => a.title).join(' | '));
                assert.equal(fix.isPreferred, true);
                const line = doc.lineAt(javascript.range.start.line).text;
                await apply(doc, fix);
                assert.equal(doc.lineAt(javascript.range.start.line).text, line.replace('Javascript', 'JavaScript'));
                await waitFor('the server to drop tech-casing', () => {
                    const d = s.diagnosticsFor(doc) ?? [];
                    return d.length > 0 && !d.some((x) => codeOf(x) === 'tech-casing');
                });
            });

            await t.test('timeline-order: "Move this entry" moves its lines, markup kept', async () => {
                const actions = await codeActions(doc, order);
                const move = actions.find((a) => a.title === 'Move this entry above “Backend Engineer”');
                assert.ok(move, actions.map((a) => a.title).join(' | '));
                const prose = (text) => text.split('\n').filter((l) => l.trim() !== '');
                const before = prose(doc.getText());
                const header = before.findIndex((l) => l.includes(dates.order));
                const next = before.findIndex((l, i) => i > header && /^(## |\\section)/.test(l));
                const target = before.findIndex((l) => l.includes('Backend Engineer'));
                const entry = before.slice(header, next);
                const want = [...before.slice(0, target), ...entry, ...before.slice(target, header), ...before.slice(next)];
                await apply(doc, move);
                assert.deepEqual(prose(doc.getText()), want);
                await waitFor('the server to drop timeline-order', () => {
                    const d = s.diagnosticsFor(doc) ?? [];
                    return d.length > 0 && !d.some((x) => codeOf(x) === 'timeline-order');
                });
            });
        } finally {
            await s.cleanup();
        }
    });
}
