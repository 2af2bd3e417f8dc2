/*
 * cmd_outline.c - `resume-ls outline FILE [--format text|json]
 * [--lang markdown|latex]`: prints the resume model, so that what the rules
 * see can be inspected and tested (tests/golden/ compares the JSON).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/files.h"
#include "cli/outline.h"
#include "rls/alloc.h"
#include "rls/parse.h"

/* ---- Shared pieces ---------------------------------------------------------- */

static RlsLspPos outline__pos(const RlsText *text, uint32_t byte) {
    RlsLspPos p = rls_text_pos_at(text, byte, RLS_ENC_UTF32);
    p.line++;
    p.character++;
    return p;
}

static void outline__date(const RlsDate *d, char *buf, size_t cap) {
    if (d->present)
        snprintf(buf, cap, "present");
    else if (d->year && d->month && d->kind != RLS_DATE_SEASON)
        snprintf(buf, cap, "%04d-%02d", d->year, d->month); /* "Summer 2021" is no month */
    else if (d->year)
        snprintf(buf, cap, "%04d", d->year);
    else
        snprintf(buf, cap, "?");
}

static const char *outline__contact_kind(RlsContactKind k) {
    return k == RLS_CONTACT_EMAIL ? "email" : k == RLS_CONTACT_PHONE ? "phone" : "link";
}

static const char *outline__layout_kind(RlsLayoutKind k) {
    static const char *const names[] = {"table", "columns", "image", "icon", "header-footer"};
    return (unsigned)k < RLS_ARRAY_LEN(names) ? names[k] : "other";
}

static void outline__range(const RlsText *text, RlsSpan span, char *buf, size_t cap) {
    RlsLspPos a = outline__pos(text, span.start_byte), b = outline__pos(text, span.end_byte);
    snprintf(buf, cap, "%u:%u-%u:%u", a.line, a.character, b.line, b.character);
}

/* ---- JSON -------------------------------------------------------------------- */

static cJSON *outline__json_lines(const RlsText *text, RlsSpan span) {
    cJSON *a = cJSON_CreateArray();
    cJSON_AddItemToArray(a, cJSON_CreateNumber(outline__pos(text, span.start_byte).line));
    uint32_t end = span.end_byte > span.start_byte ? span.end_byte - 1 : span.start_byte;
    cJSON_AddItemToArray(a, cJSON_CreateNumber(outline__pos(text, end).line));
    return a;
}

static void outline__json_str(cJSON *obj, const char *key, const char *value) {
    if (value)
        cJSON_AddStringToObject(obj, key, value);
    else
        cJSON_AddNullToObject(obj, key);
}

/* {"start":{"line","character"},"end":{...}}: 0-based, as LSP. */
static cJSON *outline__json_lsp(const RlsText *text, RlsSpan span, RlsEncoding enc) {
    RlsLspRange r = rls_text_range_of(text, span, enc);
    cJSON *o = cJSON_CreateObject();
    RlsLspPos ends[2] = {r.start, r.end};
    const char *names[2] = {"start", "end"};
    for (int i = 0; i < 2; i++) {
        cJSON *p = cJSON_AddObjectToObject(o, names[i]);
        cJSON_AddNumberToObject(p, "line", ends[i].line);
        cJSON_AddNumberToObject(p, "character", ends[i].character);
    }
    return o;
}

/* "range" (1-based, for people) and, with opts->lsp, "lsp_range". */
static void outline__json_range(cJSON *obj, const RlsText *text, RlsSpan span,
                                const RlsOutlineOptions *opts) {
    char range[64];
    outline__range(text, span, range, sizeof(range));
    cJSON_AddStringToObject(obj, "range", range);
    if (opts && opts->lsp)
        cJSON_AddItemToObject(obj, "lsp_range", outline__json_lsp(text, span, opts->encoding));
}

/* Where a field's text sits in the entry's header: the first verbatim
 * occurrence inside the header span. Returns false when there is none
 * (a macro wrote it, or markup splits it). */
static bool outline__field_span(const RlsText *text, RlsSpan header, const char *field,
                                RlsSpan *out) {
    if (!field || !*field) return false;
    const char *src = rls_text_data(text);
    size_t fl = strlen(field);
    uint32_t end = RLS_MIN(header.end_byte, rls_text_len(text));
    for (uint32_t i = header.start_byte; i + fl <= end; i++)
        if (src[i] == field[0] && !memcmp(src + i, field, fl)) {
            *out = (RlsSpan){i, i + (uint32_t)fl};
            return true;
        }
    return false;
}

/* The entry's provenance: which source each field was read from. */
static void outline__json_sources(cJSON *eo, const RlsText *text, const RlsEntry *e,
                                  const RlsOutlineOptions *opts) {
    cJSON *src = cJSON_AddObjectToObject(eo, "sources");
    const char *keys[] = {"title", "org", "location"};
    const char *vals[] = {e->title, e->org, e->location};
    for (size_t k = 0; k < RLS_ARRAY_LEN(keys); k++) {
        RlsSpan span;
        if (!outline__field_span(text, e->span, vals[k], &span)) {
            cJSON_AddNullToObject(src, keys[k]);
            continue;
        }
        outline__json_range(cJSON_AddObjectToObject(src, keys[k]), text, span, opts);
    }
    if (e->dates.valid && e->dates.span.end_byte > e->dates.span.start_byte)
        outline__json_range(cJSON_AddObjectToObject(src, "dates"), text, e->dates.span, opts);
    else
        cJSON_AddNullToObject(src, "dates");
}

static cJSON *outline__json_bullet(const RlsResume *m, const RlsText *text, uint32_t i,
                                   const RlsOutlineOptions *opts) {
    const RlsBullet *b = &m->bullets[i];
    cJSON *o = cJSON_CreateObject();
    outline__json_range(o, text, b->span, opts);
    cJSON_AddNumberToObject(o, "depth", b->depth);
    cJSON_AddStringToObject(o, "text", b->plain.text);
    return o;
}

/* Prose of a section (entry < 0) or of one entry. */
static void outline__json_paragraphs(const RlsResume *m, uint32_t si, int32_t entry, cJSON *obj) {
    cJSON *paras = cJSON_AddArrayToObject(obj, "paragraphs");
    for (uint32_t pi = 0; pi < m->n_paragraphs; pi++)
        if (m->paragraphs[pi].section == si && m->paragraphs[pi].entry == entry)
            cJSON_AddItemToArray(paras, cJSON_CreateString(m->paragraphs[pi].plain.text));
}

static void outline__json(const RlsResume *m, const RlsText *text, const char *name,
                          const RlsOutlineOptions *opts, RlsBuf *out) {
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "file", name);
    cJSON_AddStringToObject(root, "format", m->format == RLS_FORMAT_LATEX ? "latex" : "markdown");
    cJSON *sections = cJSON_AddArrayToObject(root, "sections");
    for (uint32_t si = 0; si < m->n_sections; si++) {
        const RlsSection *s = &m->sections[si];
        cJSON *so = cJSON_CreateObject();
        cJSON_AddStringToObject(so, "kind", rls_section_kind_name(s->kind));
        cJSON_AddStringToObject(so, "heading", s->heading.text);
        cJSON_AddBoolToObject(so, "standard", s->standard_heading);
        cJSON_AddItemToObject(so, "lines", outline__json_lines(text, s->span));
        if (opts && opts->lsp)
            cJSON_AddItemToObject(so, "lsp_range",
                                  outline__json_lsp(text, s->span, opts->encoding));
        cJSON *entries = cJSON_AddArrayToObject(so, "entries");
        for (uint32_t ei = s->first_entry; ei < s->first_entry + s->n_entries; ei++) {
            const RlsEntry *e = &m->entries[ei];
            cJSON *eo = cJSON_CreateObject();
            outline__json_str(eo, "title", e->title);
            outline__json_str(eo, "org", e->org);
            outline__json_str(eo, "location", e->location);
            if (e->dates.valid) {
                char a[16], b[16];
                outline__date(&e->dates.start, a, sizeof(a));
                outline__date(&e->dates.end, b, sizeof(b));
                cJSON *d = cJSON_AddObjectToObject(eo, "dates");
                cJSON_AddStringToObject(d, "start", a);
                cJSON_AddStringToObject(d, "end", b);
            } else {
                cJSON_AddNullToObject(eo, "dates");
            }
            cJSON_AddItemToObject(eo, "lines", outline__json_lines(text, e->span));
            if (opts && opts->lsp) {
                cJSON_AddItemToObject(eo, "lsp_range",
                                      outline__json_lsp(text, e->span, opts->encoding));
                outline__json_sources(eo, text, e, opts);
            }
            cJSON *bullets = cJSON_AddArrayToObject(eo, "bullets");
            for (uint32_t bi = e->first_bullet; bi < e->first_bullet + e->n_bullets; bi++)
                cJSON_AddItemToArray(bullets, outline__json_bullet(m, text, bi, opts));
            outline__json_paragraphs(m, si, (int32_t)ei, eo);
            cJSON_AddItemToArray(entries, eo);
        }
        /* Bullets outside any entry. */
        cJSON *loose = cJSON_AddArrayToObject(so, "bullets");
        for (uint32_t bi = s->first_bullet; bi < s->first_bullet + s->n_bullets; bi++)
            if (m->bullets[bi].entry < 0)
                cJSON_AddItemToArray(loose, outline__json_bullet(m, text, bi, opts));
        outline__json_paragraphs(m, si, -1, so);
        cJSON_AddItemToArray(sections, so);
    }
    cJSON *skills = cJSON_AddArrayToObject(root, "skills");
    for (uint32_t i = 0; i < m->n_skills; i++) {
        cJSON *o = cJSON_CreateObject();
        outline__json_str(o, "category", m->skills[i].category);
        cJSON_AddStringToObject(o, "text", m->skills[i].text);
        cJSON_AddItemToArray(skills, o);
    }
    cJSON *contacts = cJSON_AddArrayToObject(root, "contacts");
    for (uint32_t i = 0; i < m->n_contacts; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", outline__contact_kind(m->contacts[i].kind));
        cJSON_AddStringToObject(o, "text", m->contacts[i].text);
        cJSON_AddItemToArray(contacts, o);
    }
    cJSON *comments = cJSON_AddArrayToObject(root, "comments");
    for (uint32_t i = 0; i < m->n_comments; i++)
        cJSON_AddItemToArray(comments, cJSON_CreateString(m->comments[i].text));
    cJSON *layout = cJSON_AddArrayToObject(root, "layout");
    for (uint32_t i = 0; i < m->n_layout; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", outline__layout_kind(m->layout[i].kind));
        outline__json_range(o, text, m->layout[i].span, opts);
        cJSON_AddItemToArray(layout, o);
    }
    cJSON *errors = cJSON_AddArrayToObject(root, "errors");
    for (uint32_t i = 0; i < m->n_errors; i++) {
        char range[64];
        outline__range(text, m->errors[i], range, sizeof(range));
        cJSON_AddItemToArray(errors, cJSON_CreateString(range));
    }
    char *s = cJSON_Print(root);
    rls_buf_puts(out, s);
    rls_buf_putc(out, '\n');
    cJSON_free(s);
    cJSON_Delete(root);
}

/* ---- Text ---------------------------------------------------------------------- */

static void outline__text_bullet(const RlsResume *m, const RlsText *text, uint32_t bi,
                                 const char *indent, RlsBuf *out) {
    const RlsBullet *b = &m->bullets[bi];
    char range[64];
    outline__range(text, b->span, range, sizeof(range));
    rls_buf_printf(out, "%s%*s- [%s] %s\n", indent, 2 * b->depth, "", range, b->plain.text);
}

/* Where printing of one body (a section's own prose and loose bullets, or an
 * entry's) has got to. */
typedef struct {
    uint32_t paragraph;
    uint32_t bullet;
} OutlineBody;

/* The prose and bullets of one section (entry < 0) or one entry, in source
 * order, up to (not including) what starts at until_byte, so a description
 * prints where a reader meets it and a section's group label ("Patents")
 * prints between the entries it separates. */
static void outline__text_body(const RlsResume *m, const RlsText *text, uint32_t si, int32_t entry,
                               uint32_t bullets_end, uint32_t until_byte, const char *indent,
                               OutlineBody *at, RlsBuf *out) {
    for (;;) {
        while (at->paragraph < m->n_paragraphs && (m->paragraphs[at->paragraph].section != si ||
                                                   m->paragraphs[at->paragraph].entry != entry ||
                                                   !m->paragraphs[at->paragraph].plain.len))
            at->paragraph++;
        while (at->bullet < bullets_end && m->bullets[at->bullet].entry != entry)
            at->bullet++;
        const RlsParagraph *p =
            at->paragraph < m->n_paragraphs ? &m->paragraphs[at->paragraph] : NULL;
        const RlsBullet *b = at->bullet < bullets_end ? &m->bullets[at->bullet] : NULL;
        if (p && b && b->span.start_byte < p->span.start_byte) p = NULL;
        if (p && p->span.start_byte < until_byte) {
            rls_buf_printf(out, "%s| %s\n", indent, p->plain.text);
            at->paragraph++;
        } else if (!p && b && b->span.start_byte < until_byte) {
            outline__text_bullet(m, text, at->bullet, indent, out);
            at->bullet++;
        } else {
            return;
        }
    }
}

static void outline__text(const RlsResume *m, const RlsText *text, const char *name, RlsBuf *out) {
    rls_buf_printf(out, "%s (%s)\n", name, m->format == RLS_FORMAT_LATEX ? "latex" : "markdown");
    for (uint32_t si = 0; si < m->n_sections; si++) {
        const RlsSection *s = &m->sections[si];
        RlsLspPos a = outline__pos(text, s->span.start_byte);
        RlsLspPos b =
            outline__pos(text, s->span.end_byte > s->span.start_byte ? s->span.end_byte - 1
                                                                     : s->span.start_byte);
        rls_buf_printf(out, "\n%s \"%s\"%s  lines %u-%u\n", rls_section_kind_name(s->kind),
                       s->heading.text, s->standard_heading ? "" : " (non-standard heading)",
                       a.line, b.line);
        uint32_t bullets_end = s->first_bullet + s->n_bullets;
        OutlineBody own = {0, s->first_bullet};
        for (uint32_t ei = s->first_entry; ei < s->first_entry + s->n_entries; ei++) {
            const RlsEntry *e = &m->entries[ei];
            outline__text_body(m, text, si, -1, bullets_end, e->span.start_byte, "  ", &own, out);
            char da[16] = "", db[16] = "";
            if (e->dates.valid) {
                outline__date(&e->dates.start, da, sizeof(da));
                outline__date(&e->dates.end, db, sizeof(db));
            }
            rls_buf_printf(out, "  * %s", e->title ? e->title : "(no title)");
            if (e->org) rls_buf_printf(out, " @ %s", e->org);
            if (e->location) rls_buf_printf(out, " [%s]", e->location);
            if (e->dates.valid) rls_buf_printf(out, " (%s .. %s)", da, db);
            rls_buf_printf(out, "  line %u\n", outline__pos(text, e->span.start_byte).line);
            OutlineBody body = {0, e->first_bullet};
            outline__text_body(m, text, si, (int32_t)ei, e->first_bullet + e->n_bullets, UINT32_MAX,
                               "    ", &body, out);
        }
        outline__text_body(m, text, si, -1, bullets_end, UINT32_MAX, "  ", &own, out);
    }
    if (m->n_skills) {
        rls_buf_puts(out, "\nskills:\n");
        const char *cat = "";
        for (uint32_t i = 0; i < m->n_skills; i++) {
            const char *c = m->skills[i].category ? m->skills[i].category : "";
            if (i == 0 || strcmp(c, cat) != 0)
                rls_buf_printf(out, "%s  %s:", i ? "\n" : "", *c ? c : "(none)");
            cat = c;
            rls_buf_printf(out, " %s;", m->skills[i].text);
        }
        rls_buf_putc(out, '\n');
    }
    if (m->n_contacts) {
        rls_buf_puts(out, "\ncontacts:\n");
        for (uint32_t i = 0; i < m->n_contacts; i++)
            rls_buf_printf(out, "  %s %s\n", outline__contact_kind(m->contacts[i].kind),
                           m->contacts[i].text);
    }
    for (uint32_t i = 0; i < m->n_comments; i++)
        rls_buf_printf(out, "comment: %s\n", m->comments[i].text);
    for (uint32_t i = 0; i < m->n_layout; i++) {
        char range[64];
        outline__range(text, m->layout[i].span, range, sizeof(range));
        rls_buf_printf(out, "layout: %s at %s\n", outline__layout_kind(m->layout[i].kind), range);
    }
    for (uint32_t i = 0; i < m->n_errors; i++) {
        char range[64];
        outline__range(text, m->errors[i], range, sizeof(range));
        rls_buf_printf(out, "syntax error at %s\n", range);
    }
}

void rls_outline_render_with(const RlsResume *model, const RlsText *text, const char *name,
                             bool json, const RlsOutlineOptions *opts, RlsBuf *out) {
    if (json)
        outline__json(model, text, name, opts, out);
    else
        outline__text(model, text, name, out);
}

void rls_outline_render(const RlsResume *model, const RlsText *text, const char *name, bool json,
                        RlsBuf *out) {
    rls_outline_render_with(model, text, name, json, NULL, out);
}

/* ---- The command ---------------------------------------------------------------- */

static const char outline__help[] =
    "Usage: resume-ls outline [options] FILE\n"
    "\n"
    "Shows the resume as resume-ls reads it, which is what every rule, fix and\n"
    "score stands on: each section with its kind and lines, each entry as\n"
    "\"title @ organisation [place] (start .. end)\", each bullet with its\n"
    "range (line:column, 1-based, columns in characters) and text, and prose\n"
    "(\"| ...\") where a reader meets it. When a finding looks wrong, look here\n"
    "first: a role read as prose, or bullets under the wrong role, mean the\n"
    "structure was misread, and the `macros` setting (LaTeX) can teach it.\n"
    "\"-\" reads standard input.\n"
    "\n"
    "Options:\n"
    "  --format text|json        output format (default: text); json gives every\n"
    "                            range as an LSP object (0-based) beside the\n"
    "                            \"L:C-L:C\" string, and the source of each\n"
    "                            entry's title, organisation and dates\n"
    "  --lang markdown|latex     read FILE as this format, whatever its name\n"
    "  --encoding utf-16|utf-8|utf-32\n"
    "                            what the JSON's LSP characters count\n"
    "                            (default: utf-16, as the protocol does)\n"
    "  -h, --help                show this help\n"
    "\n"
    "Exit status: 0 when the outline is printed, 2 for a usage error or a file\n"
    "that cannot be read.\n"
    "\n"
    "Examples:\n"
    "  resume-ls outline resume.md\n"
    "  resume-ls outline --format json cv.tex | jq '.sections[].entries[].title'\n"
    "  pandoc cv.docx -t gfm | resume-ls outline -\n";

/* A usage error: what was wrong, and where the options are. */
static int outline__usage(const char *fmt, const char *arg) {
    fputs("resume-ls outline: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nRun 'resume-ls outline --help' for the options.\n", stderr);
    return 2;
}

typedef struct {
    const char *path;
    bool json;
    bool lang_given;
    RlsFormat format;
    RlsOutlineOptions opts;
} OutlineArgs;

/* Reads one option at argv[*i] into args. Returns -1 to go on, else the
 * exit status. */
static int outline__option(int argc, char **argv, int *i, OutlineArgs *args) {
    const char *a = argv[*i];
    const char *v;
    bool missing = false;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
        fputs(outline__help, stdout);
        return 0;
    }
    if ((v = rls_cli_option_value(argc, argv, i, "--format", &missing))) {
        if (strcmp(v, "json") != 0 && strcmp(v, "text") != 0)
            return outline__usage("--format expects text or json; got '%s'", v);
        args->json = !strcmp(v, "json");
    } else if ((v = rls_cli_option_value(argc, argv, i, "--encoding", &missing))) {
        if (!strcmp(v, "utf-16"))
            args->opts.encoding = RLS_ENC_UTF16;
        else if (!strcmp(v, "utf-8"))
            args->opts.encoding = RLS_ENC_UTF8;
        else if (!strcmp(v, "utf-32"))
            args->opts.encoding = RLS_ENC_UTF32;
        else
            return outline__usage("--encoding expects utf-16, utf-8 or utf-32; got '%s'", v);
    } else if ((v = rls_cli_option_value(argc, argv, i, "--lang", &missing))) {
        if (!rls_format_from_language_id(v, &args->format))
            return outline__usage("--lang expects markdown or latex; got '%s'", v);
        args->lang_given = true;
    } else if (missing) {
        return outline__usage("%s expects a value", a);
    } else {
        return outline__usage("unknown option '%s'", a);
    }
    return -1;
}

static int outline__parse(int argc, char **argv, OutlineArgs *args) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] == '-' && a[1]) {
            int status = outline__option(argc, argv, &i, args);
            if (status >= 0) return status;
        } else if (args->path) {
            return outline__usage("one FILE at a time; '%s' is a second one", a);
        } else {
            args->path = a;
        }
    }
    if (!args->path) return outline__usage("%s", "no FILE given");
    if (!args->lang_given) rls_format_from_path(args->path, &args->format);
    return -1;
}

int rls_cmd_outline(int argc, char **argv) {
    OutlineArgs args = {.format = RLS_FORMAT_MARKDOWN,
                        .opts = {.lsp = true, .encoding = RLS_ENC_UTF16}};
    int status = outline__parse(argc, argv, &args);
    if (status >= 0) return status;
    const char *path = args.path;
    RlsFormat format = args.format;
    char *src = NULL;
    uint32_t src_len = 0;
    RlsBuf err;
    rls_buf_init(&err);
    if (rls_cli_read_resume(path, &src, &src_len, &err) != 0) {
        fprintf(stderr, "resume-ls outline: %s", err.data);
        rls_buf_close(&err);
        return 2;
    }
    rls_buf_close(&err);
    RlsText *text = rls_text_new(src, src_len);
    RlsParser *parser = rls_parser_new(format);
    RlsResume *model = rls_parser_parse(parser, rls_text_data(text), rls_text_len(text), NULL);
    RlsBuf out;
    rls_buf_init(&out);
    rls_outline_render_with(model, text, path, args.json, &args.opts, &out);
    fwrite(out.data ? out.data : "", 1, out.len, stdout);
    rls_buf_close(&out);
    rls_resume_delete(model);
    rls_parser_delete(parser);
    rls_text_delete(text);
    rls_free(src);
    return 0;
}
