'use strict';
// Bundles the extension and vscode-languageclient into one file,
// dist/extension.js, so that the package carries one script instead of a
// node_modules tree (and VS Code loads one file at activation). `vscode` is
// provided by VS Code itself. tsc (npm run build) has type-checked src/
// before this runs.
const path = require('path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
esbuild
    .build({
        entryPoints: [path.join(root, 'src/extension.ts')],
        outfile: path.join(root, 'dist/extension.js'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node18',
        external: ['vscode'],
        sourcemap: false,
        minify: true,
        logLevel: 'warning',
    })
    .catch(() => process.exit(1));
