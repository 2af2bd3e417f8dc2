/*
 * formats.h - the two format parsers behind rls_parser_* (parse.h).
 * Each owns its tree-sitter parser(s) and last tree(s) for one document.
 */
#ifndef RLS_PARSE_FORMATS_H_
#define RLS_PARSE_FORMATS_H_

#include <tree_sitter/api.h>

#include "rls/parse.h"

/* The tree-sitter form of an edit the text layer reports (parser.c). */
TSInputEdit rls_ts_input_edit(const RlsByteEdit *edit);

typedef struct RlsMdParser RlsMdParser;
RlsMdParser *rls_md_parser_new(void);
void rls_md_parser_delete(RlsMdParser *self);
void rls_md_parser_edit(RlsMdParser *self, const RlsByteEdit *edit);
RlsResume *rls_md_parser_parse(RlsMdParser *self, const char *src, uint32_t len,
                               const RlsParseOptions *opts);
/* The Markdown queries are compiled once per process, on first use; this
 * frees them (for leak checks at exit). Not thread-safe with parsing. */
void rls_md_queries_release(void);

typedef struct RlsTexParser RlsTexParser;
RlsTexParser *rls_tex_parser_new(void);
void rls_tex_parser_delete(RlsTexParser *self);
void rls_tex_parser_edit(RlsTexParser *self, const RlsByteEdit *edit);
RlsResume *rls_tex_parser_parse(RlsTexParser *self, const char *src, uint32_t len,
                                const RlsParseOptions *opts);

#endif /* RLS_PARSE_FORMATS_H_ */
