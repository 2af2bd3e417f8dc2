'use strict';
// The resume-file rule (src/files.ts): default names, README, globs, forced files.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const fs = require('fs');
const files = require('../out/src/files.js');

const table = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../tests/editors/fixtures/names.json'), 'utf8'));

test('default rule on the shared table of file names', () => {
    for (const [name, want] of table.cases) {
        assert.equal(files.isDefaultResumeName(name), want, `${JSON.stringify(name)} should ${want ? '' : 'not '}be a resume`);
    }
});

test('accents and case are folded, also in NFD file names (macOS)', () => {
    assert.equal(files.foldName('Résumé'), 'resume');
    assert.equal(files.foldName('Re\u0301sume\u0301'), 'resume');
    assert.equal(files.foldName('RÉSUMÉ'), 'resume');
});

test('cv counts only as a word of its own', () => {
    assert.deepEqual(files.nameWords('JaneDoeCV'), ['Jane', 'Doe', 'CV']);
    assert.deepEqual(files.nameWords('cv2024-final'), ['cv', '2024', 'final']);
    assert.equal(files.isDefaultResumeName('/home/u/src/recv.md'), false);
    assert.equal(files.isDefaultResumeName('C:\\Users\\me\\my-cv.md'), true);
});

test('globToRegExp: *, **, ?, braces and classes', () => {
    const cases = [
        ['*.md', 'a.md', true],
        ['*.md', 'dir/a.md', false],
        ['**/*.md', 'a.md', true],
        ['**/*.md', 'x/y/a.md', true],
        ['docs/**/me.tex', 'docs/me.tex', true],
        ['docs/**/me.tex', 'docs/a/b/me.tex', true],
        ['docs/**/me.tex', 'other/docs/me.tex', false],
        ['me.{md,tex}', 'me.tex', true],
        ['me.{md,tex}', 'me.txt', false],
        ['v?.md', 'v1.md', true],
        ['v?.md', 'v10.md', false],
        ['[!a]*.md', 'b.md', true],
        ['[!a]*.md', 'a.md', false],
        ['a+b (1).md', 'a+b (1).md', true],
    ];
    for (const [glob, p, want] of cases) assert.equal(files.globToRegExp(glob).test(p), want, `${glob} vs ${p}`);
});

test('globs without a slash match the file name, with a slash the folder-relative path', () => {
    const folders = ['/w/site'];
    assert.equal(files.globMatches('profile.md', '/w/site/about/profile.md', folders), true);
    assert.equal(files.globMatches('about/*.md', '/w/site/about/profile.md', folders), true);
    assert.equal(files.globMatches('about/*.md', '/elsewhere/about/profile.md', folders), false);
    assert.equal(files.globMatches('**/about/*.md', '/elsewhere/about/profile.md', []), true);
    assert.equal(files.globMatches('/w/site/**/*.tex', '/w/site/x/y.tex', []), true);
    assert.equal(files.globMatches('  ', '/w/site/x.md', folders), false);
});

test('matcher: language first, then forced, default name, globs; README only when a glob names it', () => {
    const m = new files.ResumeMatcher({ globs: ['about/*.md', '**/*.tex'], folders: ['/w'] });
    assert.equal(m.isResume('file:///w/resume.md', '/w/resume.md', 'markdown'), true);
    assert.equal(m.isResume('file:///w/resume.md', '/w/resume.md', 'plaintext'), false, 'not Markdown or LaTeX');
    assert.equal(m.isResume('file:///w/about/me.md', '/w/about/me.md', 'markdown'), true, 'glob');
    assert.equal(m.isResume('file:///w/notes.md', '/w/notes.md', 'markdown'), false);
    assert.equal(m.isResume('file:///w/README.tex', '/w/README.tex', 'latex'), false, 'a broad glob leaves README alone');
    m.force('file:///w/notes.md');
    assert.equal(m.isResume('file:///w/notes.md', '/w/notes.md', 'markdown'), true, 'forced');
    m.forget('file:///w/notes.md');
    assert.equal(m.isResume('file:///w/notes.md', '/w/notes.md', 'markdown'), false);
    const r = new files.ResumeMatcher({ globs: ['README.md'], folders: ['/w'] });
    assert.equal(r.isResume('file:///w/README.md', '/w/README.md', 'markdown'), true, 'a glob naming README includes it');
    const d = new files.ResumeMatcher({ globs: [], folders: [] });
    assert.equal(d.isResume('file:///w/README.md', '/w/README.md', 'markdown'), false);
});
