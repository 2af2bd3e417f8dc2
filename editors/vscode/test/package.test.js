'use strict';
/*
 * Builds the .vsix with scripts/package.js (what `npm run package` and `make
 * vsix` run), into a temporary folder, and checks what VS Code will load from
 * it: the manifest, one bundled script that needs nothing but `vscode` and
 * Node's own modules, the contributed commands and settings, the icon,
 * changelog and repository, no node_modules, sources or tests, and no vsce
 * warning. The platform-specific package must carry the server binary,
 * executable, where the extension looks for it.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');

/* A .vsix is a zip: read the central directory and inflate entries on demand. */
function readZip(file) {
    const buf = fs.readFileSync(file);
    let eocd = buf.length - 22;
    while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
    assert.ok(eocd >= 0, 'zip end-of-central-directory record');
    const count = buf.readUInt16LE(eocd + 10);
    let off = buf.readUInt32LE(eocd + 16);
    const entries = new Map();
    for (let i = 0; i < count; i++) {
        assert.equal(buf.readUInt32LE(off), 0x02014b50, 'central directory entry');
        const method = buf.readUInt16LE(off + 10);
        const csize = buf.readUInt32LE(off + 20);
        const nameLen = buf.readUInt16LE(off + 28);
        const extraLen = buf.readUInt16LE(off + 30);
        const commentLen = buf.readUInt16LE(off + 32);
        const local = buf.readUInt32LE(off + 42);
        const unixMode = buf.readUInt32LE(off + 38) >>> 16;
        const name = buf.toString('utf8', off + 46, off + 46 + nameLen);
        const read = () => {
            const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
            const data = buf.subarray(start, start + csize);
            return method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
        };
        read.mode = unixMode;
        entries.set(name, read);
        off += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
}

const PACKAGE = path.join(ROOT, 'scripts/package.js');
const BIN = process.env.RLS_BIN || path.resolve(ROOT, '../../build/resume-ls');

function buildPackage(tmp, ...args) {
    const out = path.join(tmp, 'resume-ls.vsix');
    // dist/ is built by `npm run build` (the CTest fixture, or `npm test`).
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/extension.js')), 'run npm run build first');
    const r = spawnSync(process.execPath, [PACKAGE, '--out', out, ...args], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `package.js failed:\n${r.stdout}\n${r.stderr}`);
    const said = `${r.stdout}\n${r.stderr}`;
    assert.doesNotMatch(said, /WARNING/, `vsce warned:\n${said}`);
    return { zip: readZip(out), said, size: fs.statSync(out).size };
}

test('npm run package builds a .vsix VS Code can load, without vsce warnings', { timeout: 120000 }, (t) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rls-vsix-'));
    try {
        const { zip, size } = buildPackage(tmp);
        const names = [...zip.keys()];
        t.diagnostic(`${names.length} entries, ${size} bytes: ${names.join(' ')}`);

        const vsixManifest = zip.get('extension.vsixmanifest')().toString('utf8');
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
        assert.match(vsixManifest, new RegExp(`<Identity[^>]*Id="${pkg.name}"[^>]*Version="${pkg.version.replace(/\./g, '\\.')}"[^>]*Publisher="${pkg.publisher}"`));
        assert.match(vsixManifest, /Microsoft\.VisualStudio\.Code/);
        assert.doesNotMatch(vsixManifest, /TargetPlatform/, 'the generic package has no target');

        const manifest = JSON.parse(zip.get('extension/package.json')().toString('utf8'));
        assert.equal(manifest.engines.vscode, '^1.82.0', 'vscode-languageclient 9 needs 1.82');
        assert.deepEqual(manifest.activationEvents.sort(), ['onLanguage:latex', 'onLanguage:markdown']);
        assert.deepEqual(
            manifest.contributes.commands.map((c) => c.command).sort(),
            ['resumeLs.checkAsResume', 'resumeLs.openRuleDocs', 'resumeLs.restartServer', 'resumeLs.showScore'],
        );
        const titles = manifest.contributes.commands.map((c) => `${c.category}: ${c.title}`);
        assert.ok(titles.includes('resume-ls: Check this file as a resume'), titles.join('; '));
        const props = manifest.contributes.configuration.properties;
        for (const key of ['enable', 'serverPath', 'files', 'rules', 'lexicons', 'thresholds', 'role', 'jobDescription', 'macros', 'logLevel', 'trace.server']) {
            assert.ok(props[`resumeLs.${key}`], `setting resumeLs.${key}`);
        }
        assert.equal(props['resumeLs.enable'].default, true);
        assert.equal(props['resumeLs.serverPath'].default, '', 'unset: PATH, then the bundled binary');
        assert.deepEqual(props['resumeLs.rules'].additionalProperties.enum, ['error', 'warning', 'info', 'hint', 'off']);
        // Every rule of docs/rules.md is offered by name in the settings UI
        // (not-analysed, reported in place of every other finding, never was).
        const documented = [...fs.readFileSync(path.join(ROOT, '../../docs/rules.md'), 'utf8').matchAll(/^## ([a-z]+(?:-[a-z0-9]+)*)$/gm)].map((m) => m[1]);
        assert.ok(documented.includes('spelling') && documented.includes('weak-opener'), documented.join(', '));
        const offered = Object.keys(props['resumeLs.rules'].properties);
        assert.deepEqual(documented.filter((id) => id !== 'not-analysed' && !offered.includes(id)), [], 'rules missing from resumeLs.rules');
        assert.deepEqual(props['resumeLs.macros'].additionalProperties.properties.role.enum, ['bullet', 'heading', 'entry']);
        assert.deepEqual(props['resumeLs.trace.server'].enum, ['off', 'messages', 'verbose']);

        // Every log level offered is one the server accepts, and the default
        // is the server's own.
        const levels = props['resumeLs.logLevel'].enum;
        assert.equal(props['resumeLs.logLevel'].default, 'warn');
        for (const level of levels) {
            const r = spawnSync(BIN, ['--stdio', '--log-level', level], { input: '', encoding: 'utf8' });
            assert.equal(r.status, 0, `resume-ls --log-level ${level}: ${r.stderr}`);
        }
        const bogus = spawnSync(BIN, ['--stdio', '--log-level', 'loud'], { input: '', encoding: 'utf8' });
        assert.notEqual(bogus.status, 0, 'the check above can fail');

        assert.equal(manifest.repository.type, 'git');
        assert.ok(names.includes(`extension/${manifest.icon}`), `icon ${manifest.icon} packaged`);
        const icon = zip.get(`extension/${manifest.icon}`)();
        assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
        assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, 'icon at least 128x128');
        assert.ok(names.some((n) => /^extension\/changelog\.md$/i.test(n)), 'CHANGELOG packaged');
        assert.ok(names.some((n) => /^extension\/readme\.md$/i.test(n)), 'README (install section) packaged');
        assert.ok(names.includes('extension/docs/rules.md'), 'rule documentation packaged');

        // One script: main, needing only `vscode` and Node's own modules.
        const main = path.posix.join('extension', manifest.main.replace(/^\.\//, ''));
        assert.equal(main, 'extension/dist/extension.js');
        const scripts = names.filter((x) => /\.(js|cjs|mjs)$/.test(x));
        assert.deepEqual(scripts, [main], 'one bundled script');
        const builtins = new Set(require('module').builtinModules);
        const required = [...zip.get(main)().toString('utf8').matchAll(/require\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]);
        for (const mod of required) {
            assert.ok(mod === 'vscode' || builtins.has(mod.replace(/^node:/, '')), `the bundle requires ${mod}`);
        }
        assert.ok(required.includes('vscode'));

        for (const n of names) {
            assert.ok(!/^extension\/(src|test|out|scripts|server|node_modules)\//.test(n), `${n} should not be packaged`);
        }
        assert.ok(names.length <= 12, `${names.length} files`);
        assert.ok(size < 1024 * 1024, `vsix is ${size} bytes`);
    } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
});

test('the linux-x64 package carries the server, executable, where the extension looks for it', { timeout: 120000 }, (t) => {
    assert.ok(fs.existsSync(BIN), `no resume-ls binary at ${BIN}: build it first (make build), or set RLS_BIN`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rls-vsix-'));
    try {
        const { zip, size } = buildPackage(tmp, 'linux-x64', BIN);
        t.diagnostic(`linux-x64 package: ${size} bytes`);
        const vsixManifest = zip.get('extension.vsixmanifest')().toString('utf8');
        assert.match(vsixManifest, /TargetPlatform="linux-x64"/);
        const entry = zip.get('extension/server/linux-x64/resume-ls');
        assert.ok(entry, 'server/linux-x64/resume-ls in the package');
        assert.ok(entry().equals(fs.readFileSync(BIN)), 'the binary of this build');
        assert.ok((entry.mode & 0o111) !== 0, `executable in the zip (mode ${entry.mode.toString(8)})`);
        assert.ok(!fs.existsSync(path.join(ROOT, 'server')), 'server/ removed after packaging');
    } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
});
