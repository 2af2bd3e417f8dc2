'use strict';
/*
 * A stand-in for the `vscode` module, just large enough for
 * vscode-languageclient's node entry to start a real server, sync documents
 * and hand back diagnostics, hovers and code actions. Loaded in place of
 * `vscode` by install() below (a Module._resolveFilename hook), so the
 * extension's own client.ts runs unchanged.
 *
 * What the client calls and the shim does not model falls through to
 * `inert`, a callable, constructible object whose members are more of the
 * same; what the tests look at (documents, configuration, the diagnostic
 * collection, registered providers) is real.
 */
const Module = require('module');
const path = require('path');
const { URL, pathToFileURL, fileURLToPath } = require('url');

const inert = new Proxy(function () {}, {
    get: (_t, prop) => (prop === Symbol.toPrimitive ? () => '' : prop === 'then' ? undefined : inert),
    apply: () => inert,
    construct: () => inert,
});

class Disposable {
    constructor(fn) {
        this._fn = fn;
    }
    static from(...items) {
        return new Disposable(() => items.forEach((d) => d && typeof d.dispose === 'function' && d.dispose()));
    }
    dispose() {
        if (this._fn) this._fn();
        this._fn = undefined;
    }
}

class EventEmitter {
    constructor() {
        this._listeners = new Set();
        this.event = (listener, thisArg, disposables) => {
            const entry = (e) => listener.call(thisArg, e);
            this._listeners.add(entry);
            const d = new Disposable(() => this._listeners.delete(entry));
            if (Array.isArray(disposables)) disposables.push(d);
            return d;
        };
    }
    fire(e) {
        for (const l of [...this._listeners]) l(e);
    }
    dispose() {
        this._listeners.clear();
    }
}

class Uri {
    constructor(scheme, authority, p, query, fragment) {
        this.scheme = scheme;
        this.authority = authority || '';
        this.path = p || '';
        this.query = query || '';
        this.fragment = fragment || '';
    }
    static file(p) {
        return new Uri('file', '', path.resolve(p));
    }
    static parse(s) {
        const u = new URL(s);
        const p = u.protocol === 'file:' ? fileURLToPath(u) : decodeURIComponent(u.pathname);
        return new Uri(u.protocol.slice(0, -1), u.host, p, u.search.replace(/^\?/, ''), u.hash.replace(/^#/, ''));
    }
    static from(c) {
        return new Uri(c.scheme, c.authority, c.path, c.query, c.fragment);
    }
    static joinPath(base, ...parts) {
        return base.with({ path: path.posix.join(base.path, ...parts) });
    }
    get fsPath() {
        return this.path;
    }
    with(c) {
        return new Uri(c.scheme ?? this.scheme, c.authority ?? this.authority, c.path ?? this.path, c.query ?? this.query, c.fragment ?? this.fragment);
    }
    toString() {
        if (this.scheme === 'file') return pathToFileURL(this.path).href;
        return `${this.scheme}:${this.path}${this.query ? '?' + this.query : ''}`;
    }
    toJSON() {
        return this.toString();
    }
}

class Position {
    constructor(line, character) {
        this.line = line;
        this.character = character;
    }
    isBefore(o) {
        return this.line < o.line || (this.line === o.line && this.character < o.character);
    }
    isEqual(o) {
        return this.line === o.line && this.character === o.character;
    }
}

class Range {
    constructor(a, b, c, d) {
        if (typeof a === 'number') {
            a = new Position(a, b);
            b = new Position(c, d);
        }
        this.start = a;
        this.end = b;
    }
    contains(p) {
        if (p instanceof Range) return this.contains(p.start) && this.contains(p.end);
        return !p.isBefore(this.start) && !this.end.isBefore(p);
    }
    get isEmpty() {
        return this.start.isEqual(this.end);
    }
}

class Diagnostic {
    constructor(range, message, severity) {
        this.range = range;
        this.message = message;
        this.severity = severity ?? 0;
    }
}

class MarkdownString {
    constructor(value = '', supportThemeIcons) {
        this.value = value;
        this.supportThemeIcons = supportThemeIcons;
    }
    appendMarkdown(v) {
        this.value += v;
        return this;
    }
    appendText(v) {
        this.value += v;
        return this;
    }
    appendCodeblock(v, lang = '') {
        this.value += '\n```' + lang + '\n' + v + '\n```\n';
        return this;
    }
}

class Hover {
    constructor(contents, range) {
        this.contents = Array.isArray(contents) ? contents : [contents];
        this.range = range;
    }
}

class CodeActionKind {
    constructor(value) {
        this.value = value;
    }
    append(part) {
        return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
    }
    contains(other) {
        return this.value === other.value || other.value.startsWith(this.value + '.');
    }
    intersects(other) {
        return this.contains(other) || other.contains(this);
    }
}
for (const [k, v] of Object.entries({
    Empty: '',
    QuickFix: 'quickfix',
    Refactor: 'refactor',
    RefactorExtract: 'refactor.extract',
    RefactorInline: 'refactor.inline',
    RefactorRewrite: 'refactor.rewrite',
    Source: 'source',
    SourceOrganizeImports: 'source.organizeImports',
    SourceFixAll: 'source.fixAll',
}))
    CodeActionKind[k] = new CodeActionKind(v);

class CodeAction {
    constructor(title, kind) {
        this.title = title;
        this.kind = kind;
    }
}

class TextEdit {
    constructor(range, newText) {
        this.range = range;
        this.newText = newText;
    }
}

class WorkspaceEdit {
    constructor() {
        this._edits = [];
    }
    replace(uri, range, newText) {
        this._edits.push({ uri, edit: new TextEdit(range, newText) });
    }
    insert(uri, pos, newText) {
        this.replace(uri, new Range(pos, pos), newText);
    }
    delete(uri, range) {
        this.replace(uri, range, '');
    }
    set(uri, edits) {
        for (const e of edits) this._edits.push({ uri, edit: e.edit ?? e });
    }
    entries() {
        const byUri = new Map();
        for (const { uri, edit } of this._edits) {
            const k = uri.toString();
            if (!byUri.has(k)) byUri.set(k, [uri, []]);
            byUri.get(k)[1].push(edit);
        }
        return [...byUri.values()];
    }
    get size() {
        return this.entries().length;
    }
}

class CancellationTokenSource {
    constructor() {
        const emitter = new EventEmitter();
        this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
        this._emitter = emitter;
    }
    cancel() {
        if (!this.token.isCancellationRequested) {
            this.token.isCancellationRequested = true;
            this._emitter.fire(undefined);
        }
    }
    dispose() {}
}

class CancellationError extends Error {}

/* A text document over a string, with the line arithmetic the client uses. */
class TextDocument {
    constructor(uri, languageId, text, version = 1) {
        this.uri = uri;
        this.languageId = languageId;
        this.version = version;
        this.isClosed = false;
        this.isDirty = false;
        this.isUntitled = uri.scheme === 'untitled';
        this.eol = 1;
        this._text = text;
    }
    get fileName() {
        return this.uri.fsPath;
    }
    _lines() {
        return this._text.split(/\r\n|\r|\n/);
    }
    get lineCount() {
        return this._lines().length;
    }
    offsetAt(pos) {
        const lines = this._text.split(/(?<=\r\n|\r(?!\n)|\n)/);
        let off = 0;
        for (let i = 0; i < pos.line && i < lines.length; i++) off += lines[i].length;
        return off + pos.character;
    }
    positionAt(off) {
        const before = this._text.slice(0, off);
        const lines = before.split(/\r\n|\r|\n/);
        return new Position(lines.length - 1, lines[lines.length - 1].length);
    }
    getText(range) {
        if (!range) return this._text;
        return this._text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    }
    lineAt(line) {
        const n = typeof line === 'number' ? line : line.line;
        const text = this._lines()[n] ?? '';
        return { lineNumber: n, text, range: new Range(n, 0, n, text.length) };
    }
    /* Applies edits (non-overlapping, any order) and bumps the version. */
    _apply(edits) {
        const sorted = [...edits].sort((a, b) => this.offsetAt(b.range.start) - this.offsetAt(a.range.start));
        for (const e of sorted) {
            this._text = this._text.slice(0, this.offsetAt(e.range.start)) + e.newText + this._text.slice(this.offsetAt(e.range.end));
        }
        this.version++;
    }
}

function matchSelector(selector, doc) {
    const filters = Array.isArray(selector) ? selector : [selector];
    let best = 0;
    for (const f of filters) {
        if (typeof f === 'string') {
            if (f === doc.languageId) best = Math.max(best, 10);
            continue;
        }
        if (f.language && f.language !== doc.languageId) continue;
        if (f.scheme && f.scheme !== doc.uri.scheme) continue;
        if (f.notebookType) continue;
        best = Math.max(best, 10);
    }
    return best;
}

function createShim() {
    const events = {};
    for (const n of [
        'open',
        'close',
        'change',
        'save',
        'willSave',
        'config',
        'folders',
        'activeEditor',
        'visibleEditors',
        'tabs',
        'tabGroups',
        'diagnostics',
    ])
        events[n] = new EventEmitter();

    const state = {
        settings: {},
        documents: [],
        folders: [],
        collections: [],
        providers: {},
        messages: [],
        commands: new Map(),
        appliedEdits: [],
        /* What the extension asked VS Code to do, for extension.test.js:
         * commands it executed that it did not register, links it handed
         * to the operating system, documents it showed. */
        executed: [],
        external: [],
        shown: [],
        contentProviders: new Map(),
    };

    const configuration = (section) => {
        const root = section ? section.split('.').reduce((o, k) => (o ? o[k] : undefined), state.settings) : state.settings;
        return {
            get: (key, def) => {
                const v = key.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), root);
                return v === undefined ? def : v;
            },
            has: (key) => root !== undefined && key in root,
            inspect: () => undefined,
            update: async () => undefined,
            ...(root && typeof root === 'object' ? JSON.parse(JSON.stringify(root)) : {}),
        };
    };

    const register = (kind) => (selector, provider) => {
        (state.providers[kind] ??= []).push({ selector, provider });
        return new Disposable(() => {
            state.providers[kind] = state.providers[kind].filter((p) => p.provider !== provider);
        });
    };

    const languages = new Proxy(
        {
            match: matchSelector,
            createDiagnosticCollection: (name) => {
                const map = new Map();
                const c = {
                    name,
                    set: (uri, diags) => {
                        if (Array.isArray(uri)) {
                            for (const [u, d] of uri) c.set(u, d);
                            return;
                        }
                        map.set(uri.toString(), diags ?? []);
                        events.diagnostics.fire({ uris: [uri], uri, diagnostics: diags ?? [] });
                    },
                    get: (uri) => map.get(uri.toString()),
                    has: (uri) => map.has(uri.toString()),
                    delete: (uri) => {
                        map.delete(uri.toString());
                        events.diagnostics.fire({ uris: [uri], uri, diagnostics: [] });
                    },
                    clear: () => map.clear(),
                    forEach: (fn) => map.forEach((d, u) => fn(Uri.parse(u), d, c)),
                    dispose: () => map.clear(),
                };
                state.collections.push(c);
                return c;
            },
            getDiagnostics: (uri) => {
                for (const c of state.collections) {
                    const d = uri ? c.get(uri) : undefined;
                    if (d) return d;
                }
                return [];
            },
            setTextDocumentLanguage: async (doc, languageId) => {
                doc.languageId = languageId;
                return doc;
            },
            onDidChangeDiagnostics: events.diagnostics.event,
        },
        {
            get: (t, prop) => (prop in t ? t[prop] : typeof prop === 'string' && prop.startsWith('register') ? register(prop.slice(8)) : inert),
        },
    );

    const workspace = new Proxy(
        {
            get textDocuments() {
                return state.documents.filter((d) => !d.isClosed);
            },
            get workspaceFolders() {
                return state.folders.length ? state.folders : undefined;
            },
            getWorkspaceFolder: (uri) => state.folders.find((f) => uri.fsPath.startsWith(f.uri.fsPath + path.sep)),
            getConfiguration: (section) => configuration(section),
            onDidOpenTextDocument: events.open.event,
            onDidCloseTextDocument: events.close.event,
            onDidChangeTextDocument: events.change.event,
            onDidSaveTextDocument: events.save.event,
            onWillSaveTextDocument: events.willSave.event,
            onDidChangeConfiguration: events.config.event,
            onDidChangeWorkspaceFolders: events.folders.event,
            registerTextDocumentContentProvider: (scheme, provider) => {
                state.contentProviders.set(scheme, provider);
                return new Disposable(() => state.contentProviders.delete(scheme));
            },
            /* A virtual document from a registered provider; its language is
             * plaintext unless the extension sets one, as in VS Code. */
            openTextDocument: async (uri) => {
                const known = state.documents.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
                if (known) return known;
                const provider = state.contentProviders.get(uri.scheme);
                if (!provider) throw new Error(`shim: cannot open ${uri.toString()}`);
                const doc = new TextDocument(uri, 'plaintext', provider.provideTextDocumentContent(uri) ?? '');
                state.documents.push(doc);
                return doc;
            },
            createFileSystemWatcher: () => ({
                onDidCreate: new EventEmitter().event,
                onDidChange: new EventEmitter().event,
                onDidDelete: new EventEmitter().event,
                dispose() {},
            }),
            applyEdit: async (edit) => {
                state.appliedEdits.push(edit);
                for (const [uri, edits] of edit.entries()) {
                    const doc = state.documents.find((d) => d.uri.toString() === uri.toString());
                    if (doc) doc._apply(edits);
                }
                return true;
            },
        },
        { get: (t, prop) => (prop in t ? t[prop] : inert) },
    );

    state.channels = [];
    const channel = (name) => {
        const c = makeChannel(name);
        state.channels.push(c);
        return c;
    };
    const makeChannel = (name) => ({
        name,
        lines: [],
        append(v) {
            this.lines.push(v);
        },
        appendLine(v) {
            this.lines.push(v);
        },
        replace() {},
        clear() {},
        show() {},
        hide() {},
        dispose() {},
    });
    const message = (level) => async (msg) => {
        state.messages.push({ level, msg });
        return undefined;
    };
    const window = new Proxy(
        {
            activeTextEditor: undefined,
            visibleTextEditors: [],
            tabGroups: { all: [], activeTabGroup: { tabs: [] }, onDidChangeTabs: events.tabs.event, onDidChangeTabGroups: events.tabGroups.event },
            createOutputChannel: channel,
            showErrorMessage: message('error'),
            showWarningMessage: message('warning'),
            showInformationMessage: message('info'),
            onDidChangeActiveTextEditor: events.activeEditor.event,
            onDidChangeVisibleTextEditors: events.visibleEditors.event,
            withProgress: async (_o, task) => task({ report() {} }, new CancellationTokenSource().token),
            createStatusBarItem: () => ({ text: '', tooltip: '', command: undefined, visible: false, show() { this.visible = true; }, hide() { this.visible = false; }, dispose() {} }),
            setStatusBarMessage: () => new Disposable(() => undefined),
            showQuickPick: async (items) => (await items)[0],
            showTextDocument: async (doc, options) => {
                state.shown.push({ document: doc, options });
                return { document: doc, selection: new Range(0, 0, 0, 0) };
            },
        },
        { get: (t, prop) => (prop in t ? t[prop] : inert) },
    );

    const commands = {
        registerCommand: (id, fn) => {
            state.commands.set(id, fn);
            return new Disposable(() => state.commands.delete(id));
        },
        executeCommand: async (id, ...args) => {
            const own = state.commands.get(id);
            if (own) return own(...args);
            state.executed.push({ id, args });
            return undefined;
        },
        getCommands: async () => [...state.commands.keys()],
    };

    const exportsObj = {
        version: '1.82.0',
        Disposable,
        EventEmitter,
        Uri,
        Position,
        Range,
        Selection: Range,
        Location: class Location {
            constructor(uri, range) {
                this.uri = uri;
                this.range = range;
            }
        },
        Diagnostic,
        DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
        DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
        DiagnosticRelatedInformation: class {
            constructor(location, message) {
                this.location = location;
                this.message = message;
            }
        },
        MarkdownString,
        Hover,
        CodeAction,
        CodeActionKind,
        CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
        CodeLens: class CodeLens {
            constructor(range, command) {
                this.range = range;
                this.command = command;
            }
        },
        TextEdit,
        WorkspaceEdit,
        CancellationTokenSource,
        CancellationError,
        ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
        TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
        StatusBarAlignment: { Left: 1, Right: 2 },
        ViewColumn: { Active: -1, Beside: -2, One: 1 },
        workspace,
        languages,
        window,
        commands,
        env: {
            appName: 'vscode-shim',
            language: 'en',
            machineId: 'shim',
            openExternal: async (uri) => {
                state.external.push(uri);
                return true;
            },
        },
        extensions: { getExtension: () => undefined, all: [] },
        __test: {
            state,
            events,
            TextDocument,
            /* Opens a document as VS Code would: it joins textDocuments, then
             * onDidOpenTextDocument fires. */
            open(filePath, languageId, text) {
                const doc = new TextDocument(Uri.file(filePath), languageId, text);
                state.documents.push(doc);
                events.open.fire(doc);
                return doc;
            },
            close(doc) {
                doc.isClosed = true;
                events.close.fire(doc);
            },
            setSettings(settings) {
                state.settings = settings;
                events.config.fire({ affectsConfiguration: () => true });
            },
            setFolders(paths) {
                state.folders = paths.map((p, index) => ({ uri: Uri.file(p), name: path.basename(p), index }));
            },
        },
    };
    return new Proxy(exportsObj, { get: (t, prop) => (prop in t ? t[prop] : typeof prop === 'string' && /^[A-Z]/.test(prop) ? inert : undefined) });
}

/** Makes require('vscode') return the shim; returns it. */
function install() {
    const shimPath = __filename;
    if (!Module._rlsShimInstalled) {
        const original = Module._resolveFilename;
        Module._resolveFilename = function (request, ...rest) {
            if (request === 'vscode') return shimPath;
            return original.call(this, request, ...rest);
        };
        Module._rlsShimInstalled = true;
    }
    return require(shimPath);
}

module.exports = createShim();
module.exports.install = install;
