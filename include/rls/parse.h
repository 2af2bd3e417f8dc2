/*
 * parse.h - from Markdown or LaTeX source to the resume model (model.h).
 *
 * An RlsParser belongs to one document. It keeps that document's tree-sitter
 * tree(s) between versions so that each change reparses incrementally:
 * call rls_parser_edit for every replacement applied to the text, then
 * rls_parser_parse with the new text.
 */
#ifndef RLS_PARSE_H_
#define RLS_PARSE_H_

#include "rls/macro.h"
#include "rls/model.h"
#include "rls/text.h"

typedef struct {
    const RlsMacroSpec *macros; /* borrowed */
    size_t n_macros;
} RlsParseOptions;

typedef struct RlsParser RlsParser;

/* Returns an owned parser for one format; free with rls_parser_delete. */
RlsParser *rls_parser_new(RlsFormat format);
void rls_parser_delete(RlsParser *self);
RlsFormat rls_parser_format(const RlsParser *self);

/* Records one edit already applied to the text, so that the next parse can
 * reuse the unchanged parts of the old tree. */
void rls_parser_edit(RlsParser *self, const RlsByteEdit *edit);

/* Frees what the parser keeps between parses to make the next one
 * incremental (the last tree, caches of unchanged text): for a document
 * that is open but not being edited. The next parse is a full one. */
void rls_parser_trim(RlsParser *self);

/* Parses src[0..len) (the whole current text) and returns an owned model;
 * free with rls_resume_delete. opts may be NULL. Never fails on bad syntax:
 * broken markup becomes model.errors. */
RlsResume *rls_parser_parse(RlsParser *self, const char *src, uint32_t len,
                            const RlsParseOptions *opts);

/* How long the grammars may take over one rls_parser_parse call, all
 * tree-sitter parses of it together (microseconds of the thread's CPU
 * time): a base, plus a share per MiB of text so that a large but ordinary
 * document still parses. A real resume parses in milliseconds; past
 * this the input is pathological (a line of brackets, binary read as text).
 * RLS_PARSE_SLOW (parse/formats.h) says the base in words. */
#define RLS_PARSE_BUDGET_MICROS 1000000u
#define RLS_PARSE_BUDGET_MICROS_PER_MIB 1000000u

/* Why the last rls_parser_parse gave up and returned an empty model (a
 * static phrase: "reading its markup took longer than 2 s", "it is nested
 * more than 2000 levels deep"), or NULL. The document should then be
 * reported as not analysed. A Markdown paragraph whose inline markup runs
 * out of budget is read as plain text instead and does not count. */
const char *rls_parser_gave_up(const RlsParser *self);

/* Format from a path's extension: .md/.markdown -> Markdown, .tex/.latex/.ltx
 * -> LaTeX. Returns false when the extension is neither (then *out is
 * Markdown). */
bool rls_format_from_path(const char *path, RlsFormat *out);
/* Format from an LSP languageId ("markdown", "latex", "tex"). */
bool rls_format_from_language_id(const char *language_id, RlsFormat *out);

/* Builds the process-wide state the parsers create lazily (compiled
 * queries), so that threads started afterwards only read it. Call once
 * before parsing on several threads; harmless to call again. */
void rls_parse_init_globals(void);

/* Frees the process-wide compiled tree-sitter queries (built lazily on
 * first parse). Call only at exit, when no parser is in use: it exists so
 * that a clean shutdown leaves no allocation behind. */
void rls_parse_release_globals(void);

#endif /* RLS_PARSE_H_ */
