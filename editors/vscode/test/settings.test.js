'use strict';
// Settings -> server configuration (src/settings.ts) and finding the binary.
const test = require('node:test');
const assert = require('node:assert/strict');
const settings = require('../out/src/settings.js');

const getter = (obj) => (key) => obj[key];

test('only the server keys are sent; client-only keys and empty defaults are left out', () => {
    const raw = {
        serverPath: '/opt/resume-ls',
        files: ['**/*.md'],
        trace: { server: 'verbose' },
        rules: { 'passive-voice': 'hint', buzzword: 'off' },
        lexicons: {},
        thresholds: { 'bullet-length.maxWords': 40 },
        role: '',
        jobDescription: '   ',
        macros: { myitem: { role: 'bullet', text: 1 } },
        logLevel: 'debug',
    };
    assert.deepEqual(settings.toServerConfig(getter(raw)), {
        rules: { 'passive-voice': 'hint', buzzword: 'off' },
        thresholds: { 'bullet-length.maxWords': 40 },
        macros: { myitem: { role: 'bullet', text: 1 } },
        logLevel: 'debug',
    });
});

test('values are plain JSON copies, not the objects the settings hold', () => {
    const rules = { 'weak-opener': 'error' };
    const out = settings.toServerConfig(getter({ rules, role: 'backend' }));
    assert.notEqual(out.rules, rules);
    assert.deepEqual(out, { rules: { 'weak-opener': 'error' }, role: 'backend' });
});

test('jobDescription: an existing file becomes an absolute path, text stays text', () => {
    const ctx = { workspaceFolder: '/w', home: '/home/u', exists: (p) => p === '/w/jobs/acme.txt' || p === '/home/u/jd.md' };
    const map = (v) => settings.toServerConfig(getter({ jobDescription: v }), ctx).jobDescription;
    assert.equal(map('jobs/acme.txt'), '/w/jobs/acme.txt');
    assert.equal(map('${workspaceFolder}/jobs/acme.txt'), '/w/jobs/acme.txt');
    assert.equal(map('~/jd.md'), '/home/u/jd.md');
    assert.equal(map('jobs/missing.txt'), 'jobs/missing.txt', 'the server reports a missing file itself');
    const text = 'We need a backend engineer.\nGo, Kafka, PostgreSQL.';
    assert.equal(map(text), text);
});

test('serverPath: a bare name is searched on PATH, a path is expanded', () => {
    const exe = new Set(['/usr/local/bin/resume-ls', '/w/build/resume-ls', '/home/u/bin/rls']);
    const ctx = { workspaceFolder: '/w', home: '/home/u', platform: 'linux', isExecutable: (p) => exe.has(p) || (p === '/w/notexec' ? 'not-executable' : false) };
    assert.deepEqual(settings.resolveServerPath('resume-ls', { PATH: '/usr/bin:/usr/local/bin' }, ctx), { path: '/usr/local/bin/resume-ls' });
    assert.deepEqual(settings.resolveServerPath('', { PATH: '/usr/local/bin' }, ctx), { path: '/usr/local/bin/resume-ls' });
    assert.deepEqual(settings.resolveServerPath('build/resume-ls', {}, ctx), { path: '/w/build/resume-ls' });
    assert.deepEqual(settings.resolveServerPath('${workspaceFolder}/build/resume-ls', {}, ctx), { path: '/w/build/resume-ls' });
    assert.deepEqual(settings.resolveServerPath('~/bin/rls', {}, ctx), { path: '/home/u/bin/rls' });
    const missing = settings.resolveServerPath('resume-ls', { PATH: '/usr/bin:/bin' }, ctx);
    assert.equal(missing.error, 'not-found');
    assert.deepEqual(missing.tried, ['/usr/bin/resume-ls', '/bin/resume-ls']);
    assert.equal(settings.resolveServerPath('/w/notexec', {}, ctx).error, 'not-executable');
});

test('serverPath on Windows tries PATHEXT', () => {
    const ctx = { platform: 'win32', isExecutable: (p) => p.toLowerCase().endsWith('resume-ls.exe') && p.startsWith('C:') };
    const r = settings.resolveServerPath('resume-ls', { PATH: 'C:\\tools', PATHEXT: '.COM;.EXE' }, ctx);
    assert.ok('path' in r && r.path.toLowerCase().endsWith('resume-ls.exe'), JSON.stringify(r));
});

test('findServer: serverPath unset or the default name -> PATH, then the binary bundled in the package', () => {
    const bundled = '/ext/server/linux-x64/resume-ls';
    const exe = new Set(['/usr/local/bin/resume-ls', bundled]);
    const ctx = { platform: 'linux', isExecutable: (p) => exe.has(p), bundled };
    assert.deepEqual(settings.findServer('', { PATH: '/usr/local/bin' }, ctx), { path: '/usr/local/bin/resume-ls', source: 'path' });
    assert.deepEqual(settings.findServer(undefined, { PATH: '/usr/bin' }, ctx), { path: bundled, source: 'bundled' });
    assert.deepEqual(settings.findServer('resume-ls', { PATH: '/usr/bin' }, ctx), { path: bundled, source: 'bundled' });
    const none = settings.findServer('', { PATH: '/usr/bin' }, { ...ctx, bundled: '/elsewhere/resume-ls' });
    assert.equal(none.error, 'not-found');
    assert.deepEqual(none.tried, ['/usr/bin/resume-ls', '/elsewhere/resume-ls']);
    // A path the person chose is the only candidate.
    assert.equal(settings.findServer('/opt/rls', { PATH: '/usr/local/bin' }, ctx).error, 'not-found');
});

test('bundledServerPath is server/<platform>-<arch>/, as vsce --target names it', () => {
    assert.equal(settings.bundledServerPath('/ext', 'linux', 'x64'), '/ext/server/linux-x64/resume-ls');
    assert.equal(settings.bundledServerPath('/ext', 'darwin', 'arm64'), '/ext/server/darwin-arm64/resume-ls');
    assert.match(settings.bundledServerPath('C:\\ext', 'win32', 'x64'), /server[\\/]win32-x64[\\/]resume-ls\.exe$/);
});

test('serverArgs passes a log level the server accepts, and only those', () => {
    assert.deepEqual(settings.serverArgs('info'), ['--stdio', '--log-level', 'info']);
    assert.deepEqual(settings.serverArgs('off'), ['--stdio', '--log-level', 'off']);
    assert.deepEqual(settings.serverArgs(undefined), ['--stdio']);
    assert.deepEqual(settings.serverArgs('loud'), ['--stdio']);
    assert.deepEqual([...settings.LOG_LEVELS], ['off', 'error', 'warn', 'info', 'debug', 'trace']);
});
