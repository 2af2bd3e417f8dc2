/*
 * Which files are resumes. Pure (no `vscode` import) so that node's test
 * runner can check it directly; the Neovim plugin implements the same rule
 * in lua/resume_ls/files.lua, and tests/editors checks both on one table.
 *
 * The default rule: a Markdown or LaTeX file whose name contains "resume"
 * (accents and case ignored, so "Résumé.md" and "RESUME.tex" count) or has
 * "cv" as a word of its own ("my-CV.tex", "cv_2024.md", "JaneDoeCV.md").
 * "cv" must stand alone because as a bare substring it would catch
 * "recv-notes.md" or "cvs-howto.md", and a false alarm on a file that is
 * not a resume costs the person's trust. A README is never a resume by
 * default, whatever folder it sits in.
 */

export const RESUME_LANGUAGES = ['markdown', 'latex'] as const;

/** Lower case with accents removed ("Résumé" -> "resume"). */
export function foldName(s: string): string {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The last path component, for both separators. */
export function baseName(path: string): string {
    const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return cut >= 0 ? path.slice(cut + 1) : path;
}

/** Words of a file stem: split on anything not a letter or digit, on
 *  lower-to-upper case changes ("janeDoeCV") and between letters and
 *  digits ("cv2024"). */
export function nameWords(stem: string): string[] {
    return stem
        .normalize('NFC')
        .split(/[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)
        .filter((w) => w.length > 0);
}

export function isReadme(path: string): boolean {
    return /^readme(\.[^.]*)*$/i.test(baseName(path));
}

/** The default rule on a file name (the extension is not looked at). */
export function isDefaultResumeName(path: string): boolean {
    const base = baseName(path);
    if (isReadme(base)) return false;
    const dot = base.lastIndexOf('.');
    const stem = dot > 0 ? base.slice(0, dot) : base;
    if (foldName(stem).includes('resume')) return true;
    return nameWords(stem).some((w) => foldName(w) === 'cv');
}

/*
 * Globs, as in VS Code's files.exclude: `*` and `?` stay inside one path
 * segment, `**` spans segments, `{a,b}` alternates, `[...]` is a class.
 * Written here rather than taken from a package so that the Neovim plugin
 * can mirror it line for line.
 */
export function globToRegExp(glob: string): RegExp {
    let re = '';
    let inGroup = 0;
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                // "**/" matches zero or more whole segments; a trailing "**" anything.
                if (glob[i + 2] === '/') {
                    re += '(?:[^/]*/)*';
                    i += 2;
                } else {
                    re += '.*';
                    i += 1;
                }
            } else {
                re += '[^/]*';
            }
        } else if (c === '?') {
            re += '[^/]';
        } else if (c === '{') {
            inGroup++;
            re += '(?:';
        } else if (c === '}' && inGroup > 0) {
            inGroup--;
            re += ')';
        } else if (c === ',' && inGroup > 0) {
            re += '|';
        } else if (c === '[') {
            const close = glob.indexOf(']', i + 1);
            if (close < 0) {
                re += '\\[';
            } else {
                let cls = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
                if (cls.startsWith('!')) cls = '^' + cls.slice(1);
                re += '[' + cls + ']';
                i = close;
            }
        } else if ('\\^$.|+()'.includes(c) || c === '}' || c === ']') {
            re += '\\' + c;
        } else {
            re += c;
        }
    }
    return new RegExp('^' + re + '$');
}

function toSlashes(p: string): string {
    return p.replace(/\\/g, '/');
}

/** Does a user glob match this file? `folders` are the workspace folders
 *  (absolute paths); a glob without "/" matches the file name, a glob with
 *  "/" the path relative to a folder that contains the file, or the
 *  absolute path when the glob itself is absolute. */
export function globMatches(glob: string, filePath: string, folders: readonly string[]): boolean {
    const g = toSlashes(glob.trim());
    if (g.length === 0) return false;
    const path = toSlashes(filePath);
    const re = globToRegExp(g);
    if (!g.includes('/')) return re.test(baseName(path));
    if (g.startsWith('/') || /^[A-Za-z]:\//.test(g)) return re.test(path);
    for (const folder of folders) {
        const f = toSlashes(folder).replace(/\/+$/, '') + '/';
        if (path.startsWith(f) && re.test(path.slice(f.length))) return true;
    }
    // Not inside any folder (or no folder open): "**/x" still makes sense.
    return g.startsWith('**/') && re.test(path.replace(/^\/+/, ''));
}

export interface ResumeRuleOptions {
    /** resumeLs.files */
    globs: readonly string[];
    /** workspace folder paths */
    folders: readonly string[];
}

/** The whole rule: language, then forced files, then default name or globs
 *  (a README only when a glob names it). */
export class ResumeMatcher {
    private forced = new Set<string>();

    constructor(public options: ResumeRuleOptions) {}

    /** "Check this file as a resume": key is the document URI string. */
    force(key: string): void {
        this.forced.add(key);
    }

    isForced(key: string): boolean {
        return this.forced.has(key);
    }

    forget(key: string): void {
        this.forced.delete(key);
    }

    isResume(key: string, filePath: string, languageId: string): boolean {
        if (!(RESUME_LANGUAGES as readonly string[]).includes(languageId)) return false;
        if (this.forced.has(key)) return true;
        if (isDefaultResumeName(filePath)) return true;
        // A broad glob such as "**/*.md" still leaves a README alone unless
        // the glob names it.
        const readme = isReadme(filePath);
        return this.options.globs.some(
            (g) => (!readme || /readme/i.test(g)) && globMatches(g, filePath, this.options.folders),
        );
    }
}
