/*
 * parser.c - PLACEHOLDER until the resume-model work (issue 3) lands: it
 * returns a model with no sections, so that the shell links and runs.
 * TODO(#3): replace with the tree-sitter parser.
 */
#include "rls/parse.h"

#include <string.h>
#include <strings.h>

#include "rls/alloc.h"

struct RlsParser {
    RlsFormat format;
};

RlsParser *rls_parser_new(RlsFormat format)
{
    RlsParser *self = rls_calloc(1, sizeof(*self));
    self->format = format;
    return self;
}

void rls_parser_delete(RlsParser *self)
{
    rls_free(self);
}

RlsFormat rls_parser_format(const RlsParser *self)
{
    return self->format;
}

void rls_parser_edit(RlsParser *self, const RlsByteEdit *edit)
{
    (void)self;
    (void)edit;
}

RlsResume *rls_parser_parse(RlsParser *self, const char *src, uint32_t len,
                            const RlsParseOptions *opts)
{
    (void)src;
    (void)opts;
    RlsResume *model = rls_calloc(1, sizeof(*model));
    model->format = self->format;
    model->src_len = len;
    return model;
}

bool rls_format_from_path(const char *path, RlsFormat *out)
{
    const char *dot = strrchr(path, '.');
    *out = RLS_FORMAT_MARKDOWN;
    if (!dot) return false;
    if (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown")) return true;
    if (!strcasecmp(dot, ".tex") || !strcasecmp(dot, ".latex") || !strcasecmp(dot, ".ltx")) {
        *out = RLS_FORMAT_LATEX;
        return true;
    }
    return false;
}

bool rls_format_from_language_id(const char *language_id, RlsFormat *out)
{
    *out = RLS_FORMAT_MARKDOWN;
    if (!strcmp(language_id, "markdown")) return true;
    if (!strcmp(language_id, "latex") || !strcmp(language_id, "tex")) {
        *out = RLS_FORMAT_LATEX;
        return true;
    }
    return false;
}
