/*
 * latex.c - PLACEHOLDER LaTeX parser: returns an empty model.
 * TODO(#3): the tree-sitter LaTeX parser.
 */
#include "parse/formats.h"

#include "model/builder.h"
#include "rls/alloc.h"

struct RlsTexParser {
    int unused;
};

RlsTexParser *rls_tex_parser_new(void) {
    return rls_calloc(1, sizeof(RlsTexParser));
}

void rls_tex_parser_delete(RlsTexParser *self) {
    rls_free(self);
}

void rls_tex_parser_edit(RlsTexParser *self, const RlsByteEdit *edit) {
    (void)self;
    (void)edit;
}

RlsResume *rls_tex_parser_parse(RlsTexParser *self, const char *src, uint32_t len,
                                const RlsParseOptions *opts) {
    (void)self;
    (void)src;
    (void)opts;
    RlsModelBuilder mb;
    rls_model_builder_init(&mb, RLS_FORMAT_LATEX, len);
    return rls_model_builder_finish(&mb);
}
