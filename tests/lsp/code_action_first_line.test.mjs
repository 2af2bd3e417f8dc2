// code_action_first_line.test.mjs - a "disable" comment is offered for a
// document-level finding on the first line exactly when applying it
// silences the finding (issue #17). The server decides this from the
// suppression rules without analysing the document again; this test checks
// that answer against the analysis itself: for each such finding it builds
// both comments the server may offer ("for this line" above the first line,
// "for this file" at the top, after front matter), applies each with
// didChange and compares "silenced" with "offered". The shapes are the ones
// where the answer turns: the comment taking the finding's place (no model
// at all), an indented first line read as code, front matter, a comment
// already on the first line, LaTeX, CRLF and non-ASCII text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, docUri } from './client.mjs';

const CAPS = {
  textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } } },
};

const BODY = ['# Zoë Martín-Li 北京', '', 'zoe@example.com', '', '## Experience', '',
  '### Engineer, Nordlicht GmbH — 2018 – 2020', '', '- Responsible for the café portal 🚀', ''];
const CASES = [
  ['no Education, Skills: the finding moves down with the heading', 'md', BODY.join('\n')],
  ['CRLF', 'md', BODY.join('\r\n')],
  ['only a paragraph', 'md', 'Résumé of a person who writes prose only.\n'],
  ['nothing but blanks: the comment takes the place', 'md', '\n  \n'],
  ['an empty document', 'md', ''],
  ['indented four columns: the comment would be code', 'md', '    ' + BODY.join('\n')],
  ['a tab before the first line', 'md', '\t# Zoë\n\nText.\n'],
  ['two spaces before the first line', 'md', '  # Zoë\n\nText.\n'],
  ['front matter and nothing else', 'md', '---\nlayout: cv\n---\n'],
  ['front matter, CRLF, then a paragraph', 'md', '---\r\nlayout: cv\r\n---\r\n\r\nSome text here.\r\n'],
  ['a comment on the first line before the heading', 'md', '<!-- note --> ' + BODY.join('\n')],
  ['an enable comment on the first line', 'md', '<!-- resume-ls-enable missing-section --> ' + BODY.join('\n')],
  ['a code block only', 'md', '```\n# Zoë\n```\n'],
  ['LaTeX, a section on the first line', 'tex', '\\begin{document}\\section{Experience}\nSome text.\n\\end{document}\n'],
  ['LaTeX, indented', 'tex', '    \\begin{document}\\section{Expérience}\nText 北京.\n\\end{document}\n'],
  ['LaTeX, an empty document body: the comment takes the place', 'tex', '\\begin{document}\n\\end{document}\n'],
  ['LaTeX, CRLF and a comment after the section', 'tex', '\\begin{document}\\section{Experience} % note\r\nText.\r\n\\end{document}\r\n'],
  ['LaTeX, a comment before the section', 'tex', '\\begin{document}% resume-ls-enable missing-section\n\\section{Experience}\nText.\n\\end{document}\n'],
];

// The byte offset of a UTF-16 position (the tests' documents are small).
function offsetAt(text, pos) {
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  let off = 0;
  for (let i = 0; i < pos.line && i < lines.length; i++) off += lines[i].length;
  return off + pos.character;
}

function frontMatterEnd(text) {
  const m = /^(---|\+\+\+)\r?\n[\s\S]*?\r?\n(\1|\.\.\.)[ \t]*(\r?\n|$)/.exec(text);
  return m && text.startsWith(m[1] === '+++' ? '+++' : '---') ? m[0].length : 0;
}

// The two comments the server can offer for finding d, as {title, text}.
function candidates(text, d, tex) {
  const eol = /\r\n/.test(text.split('\n')[0] + '\n') && text.includes('\r\n') ? '\r\n' : '\n';
  const top = tex ? 0 : frontMatterEnd(text);
  const out = [];
  if (!(top > 0)) {
    const indent = /^[ \t]*/.exec(text)[0];
    const c = tex ? `% resume-ls-disable-next-line ${d.code}` : `<!-- resume-ls-disable-next-line ${d.code} -->`;
    out.push({ title: `Disable ${d.code} for this line`, text: indent + c + eol + text });
  }
  const before = top === text.length && top > 0 && !text.endsWith('\n') ? eol : '';
  const c = tex ? `% resume-ls-disable ${d.code}` : `<!-- resume-ls-disable ${d.code} -->`;
  out.push({ title: `Disable ${d.code} for this file`, text: text.slice(0, top) + before + c + eol + text.slice(top) });
  return out;
}

const like = (list, d) => list.filter((x) => x.code === d.code && x.message === d.message).length;

for (const [name, lang, text] of CASES) {
  test(`first-line suppressions offered exactly when they silence: ${name}`, async (t) => {
    const c = new Client();
    t.after(() => c.kill());
    await c.initialize(CAPS);
    const tex = lang === 'tex';
    const uri = docUri(`first-line ${name}.${tex ? 'tex' : 'md'}`);
    let from = c.messages.length;
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: tex ? 'latex' : 'markdown', version: 1, text } });
    const diags = (await c.diagnostics(uri, 1, from)).params.diagnostics;
    const res = await c.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } },
      context: { diagnostics: diags },
    });
    assert.equal(res.error, undefined);
    const first = diags.filter((d) => d.range.start.line === 0);
    let version = 1, checked = 0;
    for (const d of first) {
      for (const cand of candidates(text, d, tex)) {
        // Offered for d, or for a like finding before it (offered once).
        const offered = res.result.some((a) => a.title === cand.title &&
          a.edit && (() => {
            const edits = a.edit.changes?.[uri] ?? a.edit.documentChanges?.[0]?.edits ?? [];
            if (edits.length !== 1) return false;
            const at = offsetAt(text, edits[0].range.start);
            return text.slice(0, at) + edits[0].newText + text.slice(at) === cand.text;
          })());
        from = c.messages.length;
        c.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: cand.text }] });
        const after = (await c.diagnostics(uri, version, from)).params.diagnostics;
        const silenced = like(after, d) < like(diags, d);
        assert.equal(offered, silenced, `${cand.title} on ${JSON.stringify(d.message)}: offered ${offered}, silences ${silenced}`);
        checked++;
      }
    }
    t.diagnostic(`${first.length} first-line findings, ${checked} comments checked`);
  });
}
