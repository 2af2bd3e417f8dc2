'use strict';
/*
 * Builds the .vsix from the compiled out/ with the pinned vsce (as `npm run
 * package` does, into a temporary folder) and checks what VS Code will load from it: the
 * manifest, that `main` and every module it requires are inside, that the
 * contributed commands and settings are there, and that sources, tests and
 * build tools are not.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

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
        const name = buf.toString('utf8', off + 46, off + 46 + nameLen);
        entries.set(name, () => {
            const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
            const data = buf.subarray(start, start + csize);
            return method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
        });
        off += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
}

test('npm run package builds a .vsix VS Code can load', { timeout: 120000 }, () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rls-vsix-'));
    const out = path.join(tmp, 'resume-ls.vsix');
    try {
        // out/ is compiled by `npm run build` (the CTest fixture, or `npm test`).
        assert.ok(fs.existsSync(path.join(ROOT, 'out/src/extension.js')), 'run npm run build first');
        const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
        execFileSync(process.execPath, [vsce, 'package', '--skip-license', '--allow-missing-repository', '--out', out], {
            cwd: ROOT,
            stdio: 'pipe',
        });
        const zip = readZip(out);
        const names = [...zip.keys()];

        const vsixManifest = zip.get('extension.vsixmanifest')().toString('utf8');
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
        assert.match(vsixManifest, new RegExp(`<Identity[^>]*Id="${pkg.name}"[^>]*Version="${pkg.version.replace(/\./g, '\\.')}"[^>]*Publisher="${pkg.publisher}"`));
        assert.match(vsixManifest, /Microsoft\.VisualStudio\.Code/);

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
        for (const key of ['serverPath', 'files', 'rules', 'lexicons', 'thresholds', 'role', 'jobDescription', 'macros', 'logLevel']) {
            assert.ok(props[`resumeLs.${key}`], `setting resumeLs.${key}`);
        }
        assert.deepEqual(props['resumeLs.rules'].additionalProperties.enum, ['error', 'warning', 'info', 'hint', 'off']);
        assert.deepEqual(props['resumeLs.macros'].additionalProperties.properties.role.enum, ['bullet', 'heading', 'entry']);

        // main and everything it pulls in are inside the package.
        const main = path.posix.join('extension', manifest.main.replace(/^\.\//, ''));
        assert.ok(names.includes(main), `${main} in the vsix`);
        const required = new Set();
        for (const n of names.filter((x) => /^extension\/out\/.*\.js$/.test(x))) {
            for (const m of zip.get(n)().toString('utf8').matchAll(/require\("([^".][^"]*)"\)/g)) required.add(m[1]);
        }
        const builtins = new Set(require('module').builtinModules);
        for (const mod of required) {
            if (mod === 'vscode' || builtins.has(mod) || mod.startsWith('node:')) continue;
            const pkgDir = mod.startsWith('@') ? mod.split('/').slice(0, 2).join('/') : mod.split('/')[0];
            assert.ok(names.includes(`extension/node_modules/${pkgDir}/package.json`), `${mod} is packaged`);
        }
        assert.ok(required.has('vscode-languageclient/node'));
        assert.ok(names.some((n) => /^extension\/readme\.md$/i.test(n)), 'README (install section) packaged');

        // Nothing of the build: no sources, tests, compilers or packagers.
        for (const n of names) {
            assert.ok(!/^extension\/(src|test)\//.test(n), `${n} should not be packaged`);
            assert.ok(!/node_modules\/(typescript|@vscode\/vsce|@types)\//.test(n), `${n} should not be packaged`);
        }
        const size = fs.statSync(out).size;
        assert.ok(size < 2 * 1024 * 1024, `vsix is ${size} bytes`);
    } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
});
