/*
 * markdown.c - PLACEHOLDER Markdown parser: returns an empty model.
 * TODO(#3): the tree-sitter Markdown parser.
 */
#include "parse/formats.h"

#include "model/builder.h"
#include "rls/alloc.h"

struct RlsMdParser {
    int unused;
};

RlsMdParser *rls_md_parser_new(void) {
    return rls_calloc(1, sizeof(RlsMdParser));
}

void rls_md_parser_delete(RlsMdParser *self) {
    rls_free(self);
}

void rls_md_parser_edit(RlsMdParser *self, const RlsByteEdit *edit) {
    (void)self;
    (void)edit;
}

RlsResume *rls_md_parser_parse(RlsMdParser *self, const char *src, uint32_t len,
                               const RlsParseOptions *opts) {
    (void)self;
    (void)src;
    (void)opts;
    RlsModelBuilder mb;
    rls_model_builder_init(&mb, RLS_FORMAT_MARKDOWN, len);
    return rls_model_builder_finish(&mb);
}
