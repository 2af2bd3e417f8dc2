/*
 * The language client: how the server is started, which documents it sees,
 * and how settings reach it. extension.ts wires it to the UI; the client
 * test in test/ runs this same module against the real server with a small
 * stand-in for the `vscode` module, so that what is tested is what ships.
 *
 * Which documents: the selector asks for every Markdown and LaTeX file, and
 * the middleware below lets through only those the ResumeMatcher accepts
 * (default name rule, resumeLs.files, or "Check this file as a resume").
 * Filtering in middleware rather than in the selector keeps one client for
 * the whole session: adding a file or changing the globs sends didOpen or
 * didClose for that file instead of restarting the server.
 */
import * as vscode from 'vscode';
import {
    DidChangeConfigurationNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    LanguageClient,
    LanguageClientOptions,
    Middleware,
    ServerOptions,
} from 'vscode-languageclient/node';

import { RESUME_LANGUAGES, ResumeMatcher } from './files';
import { SCORE_COMMAND } from './score';
import { ServerConfig } from './settings';

export const CLIENT_ID = 'resumeLs';
export const CLIENT_NAME = 'resume-ls';
export const CONFIG_SECTION = 'resumeLs';

export interface ClientDeps {
    matcher: ResumeMatcher;
    /** The server's view of the settings, for a resource (or the window). */
    serverConfig: (scope?: vscode.Uri) => ServerConfig;
    /** Called with the server's answer when a code lens or anything else
     *  runs the server's "resume-ls.score" command. */
    onScore?: (args: unknown[] | undefined, result: unknown) => void;
    outputChannel?: vscode.OutputChannel;
}

export function serverOptions(binary: string, args: string[] = ['--stdio']): ServerOptions {
    // No `transport` on purpose: with TransportKind.stdio the client would
    // append its own "--stdio"; the server takes it as written here.
    return { command: binary, args, options: { env: process.env } };
}

/* Provider middleware whose first argument is the document. Requests for a
 * Markdown file that is not a resume never reach the server (it has not
 * seen the file), they get the empty answer. */
const DOCUMENT_PROVIDERS = [
    'provideHover',
    'provideCodeActions',
    'provideCodeLenses',
    'provideDocumentSymbols',
    'provideFoldingRanges',
    'provideCompletionItem',
    'provideDocumentLinks',
    'provideDocumentHighlights',
    'provideSignatureHelp',
    'provideDefinition',
    'provideReferences',
    'provideRenameEdits',
    'prepareRename',
    'provideSelectionRanges',
    'provideInlayHints',
    'provideDocumentFormattingEdits',
    'provideDocumentRangeFormattingEdits',
    'provideOnTypeFormattingEdits',
    'provideDocumentColors',
    'provideLinkedEditingRange',
] as const;

/** The documents the server currently has open, by URI string. */
export class OpenSet {
    readonly uris = new Set<string>();
}

export interface ResumeClientParts {
    options: LanguageClientOptions;
    open: OpenSet;
    /** Whether a document is a resume by the current rule. */
    isResume: (doc: vscode.TextDocument) => boolean;
}

export function isResumeDocument(matcher: ResumeMatcher, doc: vscode.TextDocument): boolean {
    return matcher.isResume(doc.uri.toString(), doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.path, doc.languageId);
}

export function clientParts(deps: ClientDeps): ResumeClientParts {
    const open = new OpenSet();
    const isResume = (doc: vscode.TextDocument) => isResumeDocument(deps.matcher, doc);
    const known = (doc: vscode.TextDocument | vscode.Uri) =>
        open.uris.has(('uri' in doc ? doc.uri : doc).toString());

    const middleware: Middleware = {
        didOpen: (doc, next) => {
            if (!isResume(doc)) return Promise.resolve();
            open.uris.add(doc.uri.toString());
            return next(doc);
        },
        didChange: (event, next) => (known(event.document) ? next(event) : Promise.resolve()),
        didClose: (doc, next) => {
            if (!open.uris.delete(doc.uri.toString())) return Promise.resolve();
            return next(doc);
        },
        didSave: (doc, next) => (known(doc) ? next(doc) : Promise.resolve()),
        willSave: (event, next) => (known(event.document) ? next(event) : Promise.resolve()),
        willSaveWaitUntil: (event, next) => (known(event.document) ? next(event) : Promise.resolve([])),
        provideDiagnostics: (doc, previousResultId, token, next) =>
            known(doc) ? next(doc, previousResultId, token) : { kind: 'full', items: [] } as never,
        executeCommand: async (command, args, next) => {
            const result = await next(command, args);
            if (command === SCORE_COMMAND && deps.onScore) deps.onScore(args, result);
            return result;
        },
        workspace: {
            // Answer workspace/configuration for our section with the mapped
            // settings (client-only keys left out); other sections as usual.
            configuration: async (params, token, next) => {
                const generic = await next(params, token);
                if (!Array.isArray(generic)) return generic;
                return params.items.map((item, i) =>
                    item.section === CONFIG_SECTION
                        ? deps.serverConfig(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
                        : generic[i],
                );
            },
        },
    };
    const loose = middleware as Record<string, unknown>;
    for (const name of DOCUMENT_PROVIDERS) {
        loose[name] = (doc: vscode.TextDocument, ...rest: unknown[]) => {
            const next = rest.pop() as (...a: unknown[]) => unknown;
            return known(doc) ? next(doc, ...rest) : undefined;
        };
    }

    const selector = RESUME_LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
    ]);
    const options: LanguageClientOptions = {
        documentSelector: selector,
        initializationOptions: () => deps.serverConfig(),
        diagnosticCollectionName: CLIENT_NAME,
        outputChannel: deps.outputChannel,
        outputChannelName: CLIENT_NAME,
        middleware,
    };
    return { options, open, isResume };
}

/**
 * One client with its open-set bookkeeping. reconcile() brings the server's
 * open documents in line with the rule after it changed (a forced file, new
 * globs); pushConfig() sends didChangeConfiguration with the mapped settings
 * so the server re-reads them live.
 */
export class ResumeClient {
    readonly client: LanguageClient;
    readonly parts: ResumeClientParts;

    constructor(binary: string, readonly deps: ClientDeps, args?: string[]) {
        this.parts = clientParts(deps);
        this.client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions(binary, args), this.parts.options);
    }

    start(): Promise<void> {
        return this.client.start();
    }

    stop(): Promise<void> {
        return this.client.stop();
    }

    isOpen(doc: vscode.TextDocument): boolean {
        return this.parts.open.uris.has(doc.uri.toString());
    }

    async reconcile(docs: readonly vscode.TextDocument[]): Promise<void> {
        if (!this.client.isRunning()) return;
        const c2p = this.client.code2ProtocolConverter;
        for (const doc of docs) {
            const key = doc.uri.toString();
            const want = this.parts.isResume(doc);
            const has = this.parts.open.uris.has(key);
            if (want && !has && !doc.isClosed) {
                this.parts.open.uris.add(key);
                await this.client.sendNotification(DidOpenTextDocumentNotification.type, c2p.asOpenTextDocumentParams(doc));
            } else if (!want && has) {
                this.parts.open.uris.delete(key);
                await this.client.sendNotification(DidCloseTextDocumentNotification.type, c2p.asCloseTextDocumentParams(doc));
            }
        }
    }

    async pushConfig(): Promise<void> {
        if (!this.client.isRunning()) return;
        await this.client.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { [CONFIG_SECTION]: this.deps.serverConfig() },
        });
    }

    /** Whether the server said it runs "resume-ls.score". */
    advertisesScore(): boolean {
        const cmds = this.client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
        return cmds.includes(SCORE_COMMAND);
    }

    /** workspace/executeCommand "resume-ls.score" [uri]; throws the
     *  ResponseError when the server refuses. */
    score(uri: vscode.Uri): Promise<unknown> {
        return this.client.sendRequest('workspace/executeCommand', {
            command: SCORE_COMMAND,
            arguments: [uri.toString()],
        });
    }
}
