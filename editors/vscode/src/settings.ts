/*
 * Settings -> what the server reads. Pure (no `vscode` import): the
 * extension passes a getter over workspace.getConfiguration('resumeLs').
 *
 * The server reads section "resumeLs" with keys rules, lexicons,
 * thresholds, role, jobDescription, macros and logLevel, both from
 * initializationOptions and from workspace/configuration. serverPath, files
 * and trace.server are the client's own and are not sent.
 */
import * as path from 'path';

export type Severity = 'error' | 'warning' | 'info' | 'hint' | 'off';

export interface MacroSpec {
    role: 'bullet' | 'heading' | 'entry';
    text?: number;
    title?: number;
    org?: number;
    location?: number;
    dates?: number;
}

export interface ServerConfig {
    rules?: Record<string, Severity>;
    lexicons?: Record<string, { add?: string[]; remove?: string[] }>;
    thresholds?: Record<string, number>;
    role?: string;
    jobDescription?: string;
    macros?: Record<string, MacroSpec>;
    logLevel?: string;
}

export const SERVER_KEYS = ['rules', 'lexicons', 'thresholds', 'role', 'jobDescription', 'macros', 'logLevel'] as const;

export interface PathContext {
    /** The workspace folder of the resource, if any. */
    workspaceFolder?: string;
    home?: string;
    /** Whether a file exists (injected so tests need no disk). */
    exists?: (p: string) => boolean;
}

/** Expands a leading "~" and ${workspaceFolder}; makes a relative path
 *  absolute against the workspace folder. Returns the input unchanged when
 *  there is nothing to anchor it to. */
export function expandPath(p: string, ctx: PathContext): string {
    let out = p;
    if (ctx.workspaceFolder !== undefined) out = out.split('${workspaceFolder}').join(ctx.workspaceFolder);
    if (ctx.home !== undefined && (out === '~' || out.startsWith('~/'))) out = ctx.home + out.slice(1);
    if (!path.isAbsolute(out) && ctx.workspaceFolder !== undefined) out = path.join(ctx.workspaceFolder, out);
    return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/*
 * jobDescription is "a path or inline text". Text pasted into settings has
 * spaces and usually newlines; a path is one line. A one-line value that
 * names an existing file (after expansion) is sent as an absolute path, so
 * that the server need not guess which folder it was relative to; anything
 * else goes as written and the server decides.
 */
export function mapJobDescription(value: string, ctx: PathContext): string {
    const v = value.trim();
    if (v.includes('\n') || ctx.exists === undefined) return v;
    const expanded = expandPath(v, ctx);
    return ctx.exists(expanded) ? expanded : v;
}

/**
 * Builds the object sent as initializationOptions and as the answer to
 * workspace/configuration for section "resumeLs". Empty values (the
 * defaults of the contributed schema) are left out so that the server's
 * own defaults and .resume-ls.json apply; the server validates the rest
 * and reports what it rejects.
 */
export function toServerConfig(get: (key: string) => unknown, ctx: PathContext = {}): ServerConfig {
    const out: Record<string, unknown> = {};
    for (const key of SERVER_KEYS) {
        let v = get(key);
        if (v === undefined || v === null) continue;
        // workspace.getConfiguration hands out frozen proxies; send plain JSON.
        v = JSON.parse(JSON.stringify(v));
        if (typeof v === 'string') {
            if (v.trim() === '') continue;
            if (key === 'jobDescription') v = mapJobDescription(v as string, ctx);
        } else if (isPlainObject(v)) {
            if (Object.keys(v).length === 0) continue;
        }
        out[key] = v;
    }
    return out as ServerConfig;
}

export type ServerPathResult = { path: string } | { error: 'not-found' | 'not-executable'; tried: string[] };

/**
 * Where the server binary is. A bare name ("resume-ls") is looked up on
 * PATH as a shell would; anything with a separator is a path (expanded as
 * in expandPath). isExecutable is injected for tests.
 */
export function resolveServerPath(
    setting: string | undefined,
    env: { PATH?: string; PATHEXT?: string },
    ctx: PathContext & { isExecutable: (p: string) => boolean | 'not-executable'; platform?: string },
): ServerPathResult {
    const name = setting && setting.trim() !== '' ? setting.trim() : 'resume-ls';
    const win = (ctx.platform ?? process.platform) === 'win32';
    const exts = win ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').map((e) => e.toLowerCase())] : [''];
    const check = (candidates: string[]): ServerPathResult => {
        let sawNonExec = false;
        for (const c of candidates) {
            const r = ctx.isExecutable(c);
            if (r === true) return { path: c };
            if (r === 'not-executable') sawNonExec = true;
        }
        return { error: sawNonExec ? 'not-executable' : 'not-found', tried: candidates };
    };
    const hasSep = name.includes('/') || (win && name.includes('\\')) || name.startsWith('~') || name.includes('${');
    if (hasSep) return check(exts.map((e) => expandPath(name, ctx) + e));
    const dirs = (env.PATH ?? '').split(win ? ';' : ':').filter((d) => d !== '');
    const candidates: string[] = [];
    for (const d of dirs) for (const e of exts) candidates.push(path.join(d, name + e));
    return check(candidates);
}

/** The folder of the binary a platform-specific package carries
 *  (`vsce package --target linux-x64` with server/linux-x64/resume-ls). */
export function bundledServerPath(extensionPath: string, platform: string = process.platform, arch: string = process.arch): string {
    return path.join(extensionPath, 'server', `${platform}-${arch}`, platform === 'win32' ? 'resume-ls.exe' : 'resume-ls');
}

export type ServerSource = 'setting' | 'path' | 'bundled';

/**
 * The server to start. resumeLs.serverPath, when set to anything but the
 * default name, is the only candidate: a person who pointed it somewhere
 * wants that binary or an error, not a silent substitute. Unset (or the bare
 * default name): `resume-ls` on PATH, then the binary bundled in a
 * platform-specific package, so that installing that package alone works.
 */
export function findServer(
    setting: string | undefined,
    env: { PATH?: string; PATHEXT?: string },
    ctx: PathContext & { isExecutable: (p: string) => boolean | 'not-executable'; platform?: string; bundled?: string },
): (ServerPathResult & { source?: ServerSource }) {
    const name = setting?.trim() ?? '';
    if (name !== '' && name !== 'resume-ls') return { ...resolveServerPath(name, env, ctx), source: 'setting' };
    const onPath = resolveServerPath('resume-ls', env, ctx);
    if ('path' in onPath) return { ...onPath, source: 'path' };
    if (ctx.bundled !== undefined) {
        const r = ctx.isExecutable(ctx.bundled);
        if (r === true) return { path: ctx.bundled, source: 'bundled' };
        return { error: r === 'not-executable' ? 'not-executable' : onPath.error, tried: [...onPath.tried, ctx.bundled] };
    }
    return onPath;
}

/** The values the server's --log-level accepts (server/config/log.c; it also
 *  takes the aliases warning, information and verbose). */
export const LOG_LEVELS = ['off', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/** The server's command line: --stdio, and --log-level when the setting is
 *  one the server accepts (the server's default is warn). */
export function serverArgs(logLevel: unknown): string[] {
    const args = ['--stdio'];
    if (typeof logLevel === 'string' && (LOG_LEVELS as readonly string[]).includes(logLevel)) args.push('--log-level', logLevel);
    return args;
}
