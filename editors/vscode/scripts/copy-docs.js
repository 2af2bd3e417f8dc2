'use strict';
// Copies the repository's rule documentation into the extension, so that
// "resume-ls: Open rule documentation" works offline. Missing docs are not
// an error: the command then says there is no page.
const fs = require('fs');
const path = require('path');
const repoDocs = path.resolve(__dirname, '../../../docs');
const out = path.resolve(__dirname, '../docs');
fs.rmSync(out, { recursive: true, force: true });
for (const name of ['rules.md', 'editors.md']) {
    const src = path.join(repoDocs, name);
    if (!fs.existsSync(src)) continue;
    fs.mkdirSync(out, { recursive: true });
    fs.copyFileSync(src, path.join(out, name));
}
