/*
 * The score breakdown returned by workspace/executeCommand "resume-ls.score"
 * ([uri] -> JSON), turned into the status bar text and a Markdown page.
 * Pure, so it is tested without VS Code.
 *
 * The reader is lenient on purpose: the total may be called total, score or
 * overall; components may be an array of {name, score, max} or an object
 * keyed by name. Anything it does not recognise still shows, as the raw
 * JSON at the end of the page.
 */

export const SCORE_COMMAND = 'resume-ls.score';

export interface ScoreComponent {
    name: string;
    score: number;
    max?: number;
    notes: string[];
}

export interface ScoreSummary {
    total: number;
    max: number;
    components: ScoreComponent[];
}

const TOTAL_KEYS = ['total', 'score', 'overall', 'value', 'points'];
const MAX_KEYS = ['max', 'outOf', 'out_of', 'maximum', 'weight'];
const NAME_KEYS = ['title', 'name', 'label', 'id', 'component'];
const LIST_KEYS = ['components', 'breakdown', 'parts', 'categories'];
const NOTE_KEYS = ['deductions', 'notes', 'reasons', 'details', 'suggestions', 'findings', 'tips'];

function obj(v: unknown): Record<string, unknown> | undefined {
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function firstNumber(o: Record<string, unknown>, keys: string[]): number | undefined {
    for (const k of keys) if (typeof o[k] === 'number' && Number.isFinite(o[k])) return o[k] as number;
    return undefined;
}

function notesOf(o: Record<string, unknown>): string[] {
    const out: string[] = [];
    for (const k of NOTE_KEYS) {
        const v = o[k];
        if (Array.isArray(v)) {
            for (const item of v) {
                if (typeof item === 'string') out.push(item);
                else if (obj(item) && typeof obj(item)!.message === 'string') out.push(obj(item)!.message as string);
                // resume-ls: {"reason": "...", "points": 2.5} (points deducted)
                else if (obj(item) && typeof obj(item)!.reason === 'string') {
                    const pts = obj(item)!.points;
                    out.push(typeof pts === 'number' ? `${obj(item)!.reason as string} (−${fmt(pts)})` : (obj(item)!.reason as string));
                }
            }
        } else if (typeof v === 'string') {
            out.push(v);
        }
    }
    return out;
}

function component(name: string, v: unknown): ScoreComponent | undefined {
    if (typeof v === 'number') return { name, score: v, notes: [] };
    const o = obj(v);
    if (!o) return undefined;
    const score = firstNumber(o, TOTAL_KEYS);
    if (score === undefined) return undefined;
    return { name, score, max: firstNumber(o, MAX_KEYS), notes: notesOf(o) };
}

/** The summary, or undefined when the JSON has no total we can find. */
export function summarizeScore(json: unknown): ScoreSummary | undefined {
    if (typeof json === 'number') return { total: json, max: 100, components: [] };
    const o = obj(json);
    if (!o) return undefined;
    let total = firstNumber(o, TOTAL_KEYS);
    // {"score": {"total": 72, ...}} nests the whole thing one level down.
    if (total === undefined) {
        for (const k of TOTAL_KEYS) if (obj(o[k])) return summarizeScore(o[k]);
        return undefined;
    }
    const components: ScoreComponent[] = [];
    for (const k of LIST_KEYS) {
        const list = o[k];
        if (Array.isArray(list)) {
            list.forEach((item, i) => {
                const io = obj(item);
                const nameKey = io && NAME_KEYS.find((nk) => typeof io[nk] === 'string');
                const c = component(nameKey ? (io![nameKey] as string) : `#${i + 1}`, item);
                if (c) components.push(c);
            });
        } else if (obj(list)) {
            for (const [name, v] of Object.entries(obj(list)!)) {
                const c = component(name, v);
                if (c) components.push(c);
            }
        }
        if (components.length > 0) break;
    }
    return { total, max: firstNumber(o, MAX_KEYS.filter((k) => k !== 'weight')) ?? 100, components };
}

function fmt(n: number): string {
    return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** "ATS 72/100", the status bar text. */
export function statusText(s: ScoreSummary): string {
    return `ATS ${fmt(s.total)}/${fmt(s.max)}`;
}

/** One line for a tooltip or a notification. */
export function oneLine(s: ScoreSummary): string {
    const parts = s.components.map((c) => `${c.name} ${fmt(c.score)}${c.max !== undefined ? '/' + fmt(c.max) : ''}`);
    return [`ATS score ${fmt(s.total)}/${fmt(s.max)}`, ...parts].join(' · ');
}

function escapeMd(s: string): string {
    return s.replace(/([\\`*_[\]|<>])/g, '\\$1');
}

/** The breakdown page. `raw` is appended verbatim as JSON. */
export function scoreMarkdown(fileName: string, raw: unknown): string {
    const s = summarizeScore(raw);
    const lines: string[] = [`# Score of ${escapeMd(fileName)}`, ''];
    if (!s) {
        lines.push('The server answered, but not with a score this extension can read. Its answer:', '');
    } else {
        lines.push(`**ATS score: ${fmt(s.total)} / ${fmt(s.max)}**`, '');
        if (s.components.length > 0) {
            lines.push('| Component | Score |', '| --- | --- |');
            for (const c of s.components) {
                lines.push(`| ${escapeMd(c.name)} | ${fmt(c.score)}${c.max !== undefined ? ' / ' + fmt(c.max) : ''} |`);
            }
            lines.push('');
            for (const c of s.components) {
                if (c.notes.length === 0) continue;
                lines.push(`## ${escapeMd(c.name)}`, '');
                for (const n of c.notes) lines.push(`- ${escapeMd(n)}`);
                lines.push('');
            }
        }
        lines.push('The full answer from the server:', '');
    }
    lines.push('```json', JSON.stringify(raw, null, 2), '```', '');
    return lines.join('\n');
}

/** JSON-RPC MethodNotFound, also what a client-side "unknown command" maps to. */
export const METHOD_NOT_FOUND = -32601;

/** The message for a failed score request: absence is normal while the
 *  server has no score, so it says so plainly instead of showing a stack. */
export function scoreErrorMessage(err: unknown, advertised: boolean): string {
    const code = (obj(err) && typeof obj(err)!.code === 'number' ? obj(err)!.code : undefined) as number | undefined;
    if (!advertised || code === METHOD_NOT_FOUND) {
        return 'resume-ls: this version of the server does not compute a score (the "resume-ls.score" command is not available). Update resume-ls to see the score breakdown.';
    }
    const msg = obj(err) && typeof obj(err)!.message === 'string' ? (obj(err)!.message as string) : String(err);
    return `resume-ls: the server could not compute the score: ${msg}`;
}
