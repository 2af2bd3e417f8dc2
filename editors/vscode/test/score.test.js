'use strict';
// Reading the resume-ls.score answer (src/score.ts).
const test = require('node:test');
const assert = require('node:assert/strict');
const score = require('../out/src/score.js');

test('components as an array with max and notes', () => {
    const s = score.summarizeScore({
        total: 72,
        components: [
            { name: 'impact', score: 20, max: 30, notes: ['3 bullets lack a metric'] },
            { name: 'keywords', score: 22, max: 30 },
        ],
    });
    assert.equal(score.statusText(s), 'ATS 72/100');
    assert.equal(score.oneLine(s), 'ATS score 72/100 · impact 20/30 · keywords 22/30');
    assert.deepEqual(s.components[0].notes, ['3 bullets lack a metric']);
});

test('components as an object, nested score object, fractional values', () => {
    const s = score.summarizeScore({ score: { overall: 64.5, max: 100, breakdown: { formatting: { value: 18, outOf: 20 }, skills: 12 } } });
    assert.equal(s.total, 64.5);
    assert.equal(score.statusText(s), 'ATS 64.5/100');
    assert.deepEqual(s.components.map((c) => [c.name, c.score, c.max]), [['formatting', 18, 20], ['skills', 12, undefined]]);
});

test('no recognisable total: no summary, and the page still shows the raw answer', () => {
    assert.equal(score.summarizeScore({ hello: 'world' }), undefined);
    assert.equal(score.summarizeScore(null), undefined);
    const page = score.scoreMarkdown('cv.md', { hello: 'world' });
    assert.match(page, /"hello": "world"/);
    assert.match(page, /not with a score/);
});

test('the page has a table and escapes Markdown in names', () => {
    const page = score.scoreMarkdown('my_cv.md', { total: 50, components: [{ name: 'a|b', score: 5, max: 10 }] });
    assert.match(page, /# Score of my\\_cv\.md/);
    assert.match(page, /\| a\\\|b \| 5 \/ 10 \|/);
    assert.match(page, /\*\*ATS score: 50 \/ 100\*\*/);
});

test('error messages: missing command versus a server failure', () => {
    assert.match(score.scoreErrorMessage(undefined, false), /does not compute a score/);
    assert.match(score.scoreErrorMessage({ code: -32601, message: 'Unhandled method' }, true), /does not compute a score/);
    assert.match(score.scoreErrorMessage({ code: -32603, message: 'boom' }, true), /could not compute the score: boom/);
});

// The exact shape `resume-ls score --format json` and resume-ls.score return.
test('the resume-ls score JSON: component titles, points and deductions', () => {
    const s = score.summarizeScore({
        total: 81,
        summary: 'ATS score 81/100 · impact 15/30 · keywords 30/30',
        components: [
            { id: 'impact', title: 'Content and impact', points: 15, max: 30, raw: 15,
              deductions: [{ reason: '9 of 16 bullets carry no measurable result', points: 5.63 }] },
            { id: 'keywords', title: 'Keyword match', points: 30, max: 30, raw: 30, deductions: [] },
        ],
    });
    assert.equal(s.total, 81);
    assert.deepEqual(s.components.map((c) => [c.name, c.score, c.max]),
                     [['Content and impact', 15, 30], ['Keyword match', 30, 30]]);
    assert.deepEqual(s.components[0].notes, ['9 of 16 bullets carry no measurable result (−5.6)']);
});
