'use strict';
/*
 * The Helix file-types of docs/editors.md against the rule the VS Code
 * extension and the Neovim plugin apply (editors/vscode/src/files.ts, built
 * to out/src/files.js; tests/editors/fixtures/names.json is their shared
 * table).
 *
 * Helix matches each `{ glob = ... }` against the file's absolute path with
 * the globset library's defaults: case-sensitive, `*` and `?` also match
 * `/`, `[!...]` negates a class, `{a,b}` alternates, and a glob that is not
 * absolute and does not start with `*` gets "*" and a slash in front.
 * globToRegExp below
 * follows those rules.
 *
 * Known and documented differences, left out of the comparison: a folder
 * whose name matches makes the files in it match (`*` crosses `/`), and a
 * README is not excluded.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '../..');
const { isDefaultResumeName, isReadme } = require(path.join(REPO, 'editors/vscode/out/src/files.js'));
const DOC = fs.readFileSync(path.join(REPO, 'docs/editors.md'), 'utf8');
const TABLE = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures/names.json'), 'utf8')).cases;

/* The glob strings of one [[language]] of the Helix block. */
function globsOf(language) {
    const start = DOC.indexOf(`name = "${language}"`);
    assert.ok(start >= 0, `docs/editors.md has the ${language} language`);
    const block = DOC.slice(start, DOC.indexOf('language-servers', start));
    // TOML basic strings: their escapes (\u0301) are JSON's.
    return [...block.matchAll(/\{ glob = ("(?:[^"\\]|\\.)*") \}/g)].map((m) => JSON.parse(m[1]));
}

function globToRegExp(glob) {
    if (!glob.startsWith('/') && !glob.startsWith('*')) glob = '*/' + glob;
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*') re += '.*';
        else if (c === '?') re += '.';
        else if (c === '{') re += '(?:';
        else if (c === '}') re += ')';
        else if (c === ',') re += '|';
        else if (c === '[') {
            const close = glob.indexOf(']', i + 2);
            let cls = glob.slice(i + 1, close);
            if (cls.startsWith('!')) cls = '^' + cls.slice(1);
            re += '[' + cls + ']';
            i = close;
        } else re += c.replace(/[\\^$.|+()]/g, '\\$&');
    }
    return new RegExp('^' + re + '$', 'u');
}

const LANGS = { md: 'resume-markdown', markdown: 'resume-markdown', tex: 'resume-latex' };
const matchers = {};
for (const lang of new Set(Object.values(LANGS))) matchers[lang] = globsOf(lang).map(globToRegExp);

function helixMatches(file) {
    const ext = path.extname(file).slice(1).toLowerCase();
    const lang = LANGS[ext];
    if (!lang) return false;
    const full = '/home/jane/work/' + file;
    return matchers[lang].some((re) => re.test(full));
}

test('each Helix language has its globs', () => {
    assert.ok(matchers['resume-markdown'].length >= 2);
    assert.ok(matchers['resume-latex'].length >= 2);
});

test('the names the issue lists are resumes in Helix too', () => {
    for (const name of ['cv_2024.md', 'JaneDoeCV.md', 'Cv.md', 'resume.MD', 'my-CV.tex', 'Résumé.tex']) {
        assert.equal(isDefaultResumeName(name), true, `${name} is a resume for VS Code and Neovim`);
        assert.equal(helixMatches(name), true, `${name} should match the Helix globs`);
    }
});

test('the shared table of names: Helix agrees with VS Code and Neovim', () => {
    for (const [name, expected] of TABLE) {
        // Folder-name matches and READMEs are the documented differences.
        if (name.includes('/') && !expected) continue;
        if (isReadme(name)) continue;
        assert.equal(helixMatches(name), expected, name);
    }
});

test('every combination of name parts: Helix agrees with VS Code and Neovim', (t) => {
    const heads = ['', 'jane-', 'Jane', 'jane_', '2024', 'my.', 're', 'Doe', 'x'];
    const words = ['cv', 'CV', 'Cv', 'cV', 'cvs', 'recv', 'resume', 'Resume', 'RÉSUMÉ', 'résumé', 'Re\u0301sume\u0301', 'rsume', 'cover', 'CVTemplate', 'cvTemplate'];
    const tails = ['', '-2024', '_en', '2', 'Jane', 's', '.v2', '-final'];
    const exts = ['.md', '.MD', '.tex', '.markdown'];
    let n = 0;
    const wrong = [];
    for (const h of heads)
        for (const w of words)
            for (const tl of tails)
                for (const e of exts) {
                    const name = h + w + tl + e;
                    if (isReadme(name)) continue;
                    n++;
                    if (helixMatches(name) !== isDefaultResumeName(name)) wrong.push(`${name}: helix ${helixMatches(name)}, rule ${isDefaultResumeName(name)}`);
                }
    t.diagnostic(`${n} names compared`);
    assert.deepEqual(wrong, []);
});
