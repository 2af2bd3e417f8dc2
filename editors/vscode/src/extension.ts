/*
 * VS Code entry point: finds the server binary, starts the client from
 * client.ts, and adds the commands and the status bar item.
 *
 * VS Code activates extensions by language, not by file name, so this runs
 * as soon as any Markdown or LaTeX file opens. Activation itself does
 * nothing visible: the server starts (and "server not found" is said) only
 * once a document that is a resume by the rule is open, or on "Check this
 * file as a resume"; resumeLs.enable = false keeps it from starting at all.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

import { CONFIG_SECTION, ResumeClient, isResumeDocument } from './client';
import { ResumeMatcher } from './files';
import { oneLine, scoreErrorMessage, scoreMarkdown, statusText, summarizeScore } from './score';
import { ServerConfig, bundledServerPath, findServer, serverArgs, toServerConfig } from './settings';

const SCORE_SCHEME = 'resume-ls-score';

/** The score view's tab title: the resume's file name, once. */
export function scorePageTitle(resumeFileName: string): string {
    return `Score of ${resumeFileName}`;
}
const FORCED_KEY = 'resumeLs.forcedFiles';

let state: Extension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    state = new Extension(context);
    await state.startIfResumeOpen();
}

export async function deactivate(): Promise<void> {
    await state?.stopClient();
    state = undefined;
}

function folderPaths(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

function isExecutable(p: string): boolean | 'not-executable' {
    try {
        if (!fs.statSync(p).isFile()) return false;
    } catch {
        return false;
    }
    try {
        fs.accessSync(p, fs.constants.X_OK);
        return true;
    } catch {
        return 'not-executable';
    }
}

/* A zip tool or a copy may drop the executable bit of the bundled binary;
 * the extension's own folder is ours to fix. */
function makeExecutable(p: string): void {
    try {
        const st = fs.statSync(p);
        if (st.isFile() && (st.mode & 0o111) === 0 && process.platform !== 'win32') fs.chmodSync(p, st.mode | 0o755);
    } catch {
        // absent: not a platform-specific package
    }
}

class Extension {
    private rc: ResumeClient | undefined;
    private readonly output = vscode.window.createOutputChannel('resume-ls');
    private readonly matcher: ResumeMatcher;
    private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
    private readonly pages = new Map<string, string>();
    private readonly pageChanged = new vscode.EventEmitter<vscode.Uri>();
    private statusTimer: NodeJS.Timeout | undefined;
    private statusSeq = 0;
    private starting: Promise<void> | undefined;
    /* "server not found" is said once per reason until the setting or the
     * install changes (a restart), not on every resume opened. */
    private missingShown = false;

    constructor(private readonly context: vscode.ExtensionContext) {
        this.matcher = new ResumeMatcher({ globs: this.globs(), folders: folderPaths() });
        for (const uri of context.workspaceState.get<string[]>(FORCED_KEY, [])) this.matcher.force(uri);
        this.status.command = 'resumeLs.showScore';
        const sub = context.subscriptions;
        sub.push(this.output, this.status, this.pageChanged);
        sub.push(
            vscode.workspace.registerTextDocumentContentProvider(SCORE_SCHEME, {
                onDidChange: this.pageChanged.event,
                provideTextDocumentContent: (uri) => this.pages.get(uri.toString()) ?? '',
            }),
            vscode.commands.registerCommand('resumeLs.showScore', () => this.showScore()),
            vscode.commands.registerCommand('resumeLs.restartServer', () => this.restart()),
            vscode.commands.registerCommand('resumeLs.openRuleDocs', () => this.openRuleDocs()),
            vscode.commands.registerCommand('resumeLs.checkAsResume', () => this.checkAsResume()),
            vscode.workspace.onDidChangeConfiguration((e) => this.configChanged(e)),
            vscode.workspace.onDidChangeWorkspaceFolders(() => {
                this.matcher.options = { globs: this.globs(), folders: folderPaths() };
                void this.rc?.reconcile(vscode.workspace.textDocuments);
            }),
            vscode.window.onDidChangeActiveTextEditor(() => this.scheduleStatus(0)),
            vscode.workspace.onDidOpenTextDocument((doc) => {
                if (!this.rc && this.enabled() && isResumeDocument(this.matcher, doc)) void this.ensureStarted();
            }),
            vscode.languages.onDidChangeDiagnostics((e) => {
                const active = vscode.window.activeTextEditor?.document.uri.toString();
                if (active && e.uris.some((u) => u.toString() === active)) this.scheduleStatus(400);
            }),
        );
    }

    private enabled(): boolean {
        return vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('enable', true) !== false;
    }

    /** Starts the server when some open document is a resume. */
    async startIfResumeOpen(): Promise<void> {
        if (!this.enabled()) return;
        if (vscode.workspace.textDocuments.some((d) => isResumeDocument(this.matcher, d))) await this.ensureStarted();
    }

    /** One start at a time: several resumes opening together start one server. */
    ensureStarted(): Promise<void> {
        if (this.rc) return Promise.resolve();
        if (!this.starting) this.starting = this.start().finally(() => (this.starting = undefined));
        return this.starting;
    }

    private globs(): string[] {
        return vscode.workspace.getConfiguration(CONFIG_SECTION).get<string[]>('files', []);
    }

    private serverConfig(scope?: vscode.Uri): ServerConfig {
        const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : vscode.workspace.workspaceFolders?.[0];
        const cfg = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
        return toServerConfig((key) => cfg.get(key), {
            workspaceFolder: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
            home: os.homedir(),
            exists: (p) => fs.existsSync(p),
        });
    }

    private async start(): Promise<void> {
        if (!this.enabled()) return;
        const cfg = vscode.workspace.getConfiguration(CONFIG_SECTION);
        const setting = cfg.get<string>('serverPath', '') ?? '';
        const bundled = bundledServerPath(this.context.extensionPath);
        makeExecutable(bundled);
        const found = findServer(setting, { PATH: process.env.PATH, PATHEXT: process.env.PATHEXT }, {
            workspaceFolder: folderPaths()[0],
            home: os.homedir(),
            isExecutable,
            bundled,
        });
        if ('error' in found) {
            this.missingServer(setting, found.error);
            return;
        }
        const args = serverArgs(cfg.get<string>('logLevel'));
        this.output.appendLine(`Starting ${found.path} ${args.join(' ')}${found.source === 'bundled' ? ' (bundled with the extension)' : ''}`);
        this.rc = new ResumeClient(found.path, {
            matcher: this.matcher,
            serverConfig: (scope) => this.serverConfig(scope),
            onScore: (args, result) => {
                const uri = typeof args?.[0] === 'string' ? vscode.Uri.parse(args[0]) : undefined;
                if (uri) void this.showPage(uri, result);
            },
            outputChannel: this.output,
        }, args);
        try {
            await this.rc.start();
        } catch (err) {
            this.rc = undefined;
            void vscode.window.showErrorMessage(`resume-ls: the server at ${found.path} did not start: ${String(err)}`);
            return;
        }
        this.scheduleStatus(0);
    }

    async stopClient(): Promise<void> {
        const rc = this.rc;
        this.rc = undefined;
        if (rc) await rc.stop().catch(() => undefined);
    }

    private async restart(): Promise<void> {
        await this.stopClient();
        this.status.hide();
        this.missingShown = false;
        await this.startIfResumeOpen();
        if (this.rc) void vscode.window.setStatusBarMessage('resume-ls: server restarted', 3000);
    }

    private missingServer(setting: string, why: 'not-found' | 'not-executable'): void {
        this.output.appendLine(`resume-ls: server ${why} (resumeLs.serverPath = "${setting}")`);
        if (this.missingShown) return;
        this.missingShown = true;
        setting = setting.trim() === '' ? 'resume-ls' : setting;
        const what =
            why === 'not-executable'
                ? `"${setting}" is not executable`
                : setting.includes('/') || setting.includes('\\')
                  ? `"${setting}" does not exist`
                  : `"${setting}" was not found on PATH`;
        const guide = 'Install guide';
        const settings = 'Set resumeLs.serverPath';
        void vscode.window
            .showErrorMessage(`resume-ls: the language server ${what}. Install resume-ls, or point resumeLs.serverPath at the binary.`, guide, settings)
            .then((pick) => {
                if (pick === guide) {
                    // The extension's README carries the install section, so
                    // the link works offline and matches this version.
                    // (vsce stores it as readme.md, the source tree as README.md)
                    const readme = ['readme.md', 'README.md']
                        .map((n) => vscode.Uri.joinPath(this.context.extensionUri, n))
                        .find((u) => fs.existsSync(u.fsPath));
                    if (readme) void vscode.commands.executeCommand('markdown.showPreview', readme);
                } else if (pick === settings) {
                    void vscode.commands.executeCommand('workbench.action.openSettings', 'resumeLs.serverPath');
                }
            });
    }

    private configChanged(e: vscode.ConfigurationChangeEvent): void {
        if (!e.affectsConfiguration(CONFIG_SECTION)) return;
        if (e.affectsConfiguration(`${CONFIG_SECTION}.enable`) && !this.enabled()) {
            void this.stopClient();
            this.status.hide();
            return;
        }
        // The log level is a command-line option of the server: a restart.
        if (
            e.affectsConfiguration(`${CONFIG_SECTION}.enable`) ||
            e.affectsConfiguration(`${CONFIG_SECTION}.serverPath`) ||
            e.affectsConfiguration(`${CONFIG_SECTION}.logLevel`)
        ) {
            void this.restart();
            return;
        }
        if (e.affectsConfiguration(`${CONFIG_SECTION}.files`)) {
            this.matcher.options = { globs: this.globs(), folders: folderPaths() };
            if (this.rc) void this.rc.reconcile(vscode.workspace.textDocuments);
            else void this.startIfResumeOpen();
        }
        void this.rc?.pushConfig();
        this.scheduleStatus(400);
    }

    private async checkAsResume(): Promise<void> {
        const doc = vscode.window.activeTextEditor?.document;
        if (!doc || !['markdown', 'latex'].includes(doc.languageId)) {
            void vscode.window.showWarningMessage('resume-ls: open a Markdown or LaTeX file first.');
            return;
        }
        const key = doc.uri.toString();
        this.matcher.force(key);
        const forced = new Set(this.context.workspaceState.get<string[]>(FORCED_KEY, []));
        forced.add(key);
        await this.context.workspaceState.update(FORCED_KEY, [...forced]);
        if (!this.enabled()) {
            void vscode.window.showWarningMessage('resume-ls is turned off (resumeLs.enable).');
            return;
        }
        // Asked for in so many words: say again why there is no server.
        this.missingShown = false;
        if (!this.rc) await this.ensureStarted();
        await this.rc?.reconcile([doc]);
        this.scheduleStatus(400);
        void vscode.window.setStatusBarMessage(`resume-ls: checking ${path.basename(doc.uri.path)} as a resume`, 3000);
    }

    private activeResume(): vscode.TextDocument | undefined {
        const doc = vscode.window.activeTextEditor?.document;
        if (!doc || !this.rc || !isResumeDocument(this.matcher, doc) || !this.rc.isOpen(doc)) return undefined;
        return doc;
    }

    private scheduleStatus(delayMs: number): void {
        if (this.statusTimer) clearTimeout(this.statusTimer);
        this.statusTimer = setTimeout(() => void this.updateStatus(), delayMs);
    }

    /* The status bar shows the score only when there is one to show: no
     * active resume, a server without the score command or a failed request
     * all hide it, so it never displays a stale or made-up number. */
    private async updateStatus(): Promise<void> {
        const seq = ++this.statusSeq;
        const doc = this.activeResume();
        if (!doc || !this.rc || !this.rc.advertisesScore()) {
            this.status.hide();
            return;
        }
        try {
            const result = await this.rc.score(doc.uri);
            if (seq !== this.statusSeq) return;
            const s = summarizeScore(result);
            if (!s) {
                this.status.hide();
                return;
            }
            this.status.text = `$(checklist) ${statusText(s)}`;
            this.status.tooltip = `${oneLine(s)}\nClick for the breakdown`;
            this.status.show();
        } catch {
            if (seq === this.statusSeq) this.status.hide();
        }
    }

    private async showScore(): Promise<void> {
        const doc = vscode.window.activeTextEditor?.document;
        if (!this.rc) {
            void vscode.window.showWarningMessage('resume-ls: the server is not running (see the resume-ls output).');
            return;
        }
        if (!doc || !this.activeResume()) {
            void vscode.window.showInformationMessage(
                'resume-ls: this file is not checked as a resume. Run "resume-ls: Check this file as a resume" to include it.',
            );
            return;
        }
        if (!this.rc.advertisesScore()) {
            void vscode.window.showWarningMessage(scoreErrorMessage(undefined, false));
            return;
        }
        try {
            await this.showPage(doc.uri, await this.rc.score(doc.uri));
        } catch (err) {
            void vscode.window.showWarningMessage(scoreErrorMessage(err, true));
        }
    }

    private async showPage(resume: vscode.Uri, result: unknown): Promise<void> {
        const name = path.basename(resume.path);
        // The tab shows the last path segment: the title alone, and the
        // language set below rather than by a ".md" on the title.
        const page = vscode.Uri.from({ scheme: SCORE_SCHEME, path: `/${scorePageTitle(name)}`, query: resume.toString() });
        this.pages.set(page.toString(), scoreMarkdown(name, result));
        this.pageChanged.fire(page);
        let shown = await vscode.workspace.openTextDocument(page);
        if (shown.languageId !== 'markdown') shown = await vscode.languages.setTextDocumentLanguage(shown, 'markdown');
        await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }

    /* The rule under the cursor, else one picked from those in the file, else
     * from every rule. The page opens inside VS Code, in the Markdown preview:
     * the rules page packaged with the extension (it matches this version),
     * else the local file the diagnostic's codeDescription names. Only a web
     * link goes to the browser. A file:// link is never handed to the
     * operating system, which would open it in whatever owns .md there. */
    private async openRuleDocs(): Promise<void> {
        const editor = vscode.window.activeTextEditor;
        const diags = editor
            ? vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'resume-ls')
            : [];
        const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''));
        const targetOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.target : undefined);
        const here = editor ? diags.filter((d) => d.range.contains(editor.selection.active)) : [];
        let rule: string | undefined;
        let target: vscode.Uri | undefined;
        if (here.length === 1) {
            rule = codeOf(here[0]);
            target = targetOf(here[0]);
        } else {
            const inFile = [...new Set((here.length > 0 ? here : diags).map(codeOf).filter((c) => c !== ''))];
            const all = Object.keys(
                this.context.extension.packageJSON.contributes.configuration.properties['resumeLs.rules'].properties ?? {},
            );
            rule = await vscode.window.showQuickPick([...inFile, ...all.filter((r) => !inFile.includes(r))], {
                placeHolder: 'Which rule?',
            });
            if (!rule) return;
            target = diags.filter((d) => codeOf(d) === rule).map(targetOf).find((t) => t !== undefined);
        }
        const bundled = vscode.Uri.joinPath(this.context.extensionUri, 'docs', 'rules.md');
        const page = fs.existsSync(bundled.fsPath)
            ? bundled
            : target?.scheme === 'file' && fs.existsSync(target.fsPath)
              ? target.with({ fragment: '' })
              : undefined;
        if (page) {
            await vscode.commands.executeCommand('markdown.showPreview', page.with({ fragment: rule ?? '' }));
        } else if (target && (target.scheme === 'https' || target.scheme === 'http')) {
            await vscode.env.openExternal(target);
        } else {
            void vscode.window.showInformationMessage(`resume-ls: no documentation for rule "${rule}".`);
        }
    }
}
