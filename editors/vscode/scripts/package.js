'use strict';
/*
 * Builds the .vsix with the pinned vsce.
 *
 *   node scripts/package.js [--out FILE]             generic package: resume-ls.vsix
 *   node scripts/package.js [--out FILE] linux-x64 path/to/resume-ls
 *        platform-specific package: the binary goes in server/linux-x64/ and
 *        the extension starts it when resumeLs.serverPath is unset and no
 *        resume-ls is on PATH.
 *
 * Targets are VS Code's (linux-x64, linux-arm64, darwin-x64, darwin-arm64,
 * win32-x64, ...); the folder name is the one the extension computes from
 * process.platform and process.arch. server/ is a build artefact: it is
 * emptied before and after, so that a generic package never carries a
 * binary left over from a platform build.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
let outArg;
if (argv[0] === '--out') {
    outArg = argv[1];
    argv.splice(0, 2);
}
const [target, binary] = argv;
const serverDir = path.join(root, 'server');
const out = path.resolve(outArg ?? (target ? `resume-ls-${target}.vsix` : 'resume-ls.vsix'));

if (target && !binary) {
    console.error('usage: node scripts/package.js [--out FILE] [TARGET BINARY]');
    process.exit(2);
}
fs.rmSync(serverDir, { recursive: true, force: true });
try {
    const args = ['package', '--no-dependencies', '--skip-license', '--out', out];
    if (target) {
        const dir = path.join(serverDir, target);
        fs.mkdirSync(dir, { recursive: true });
        const name = target.startsWith('win32') ? 'resume-ls.exe' : 'resume-ls';
        fs.copyFileSync(binary, path.join(dir, name));
        fs.chmodSync(path.join(dir, name), 0o755);
        args.push('--target', target);
    }
    // vsce prints its warnings (" WARNING ...") and goes on; test/package.test.js
    // fails on any.
    execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
} finally {
    fs.rmSync(serverDir, { recursive: true, force: true });
}
