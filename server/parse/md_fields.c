/*
 * md_fields.c - what the Markdown parser takes out of a text besides its
 * structure: contact items (emails, phones, links) and skills lists, and
 * where a text's lines break (md_internal.h).
 */
#include <ctype.h>
#include <string.h>

#include "model/lines.h"
#include "model/skill_reader.h"
#include "parse/md_internal.h"
#include "rls/alloc.h"
#include "rls/common.h"
#include "rls/text.h"

/* ---- Contacts -------------------------------------------------------------- */

static bool md_fields__contact_known(const Md *md, const char *text, size_t len) {
    const RlsResume *m = md->mb.model;
    for (uint32_t i = 0; i < m->n_contacts; i++)
        if (strlen(m->contacts[i].text) == len && !memcmp(m->contacts[i].text, text, len))
            return true;
    return false;
}

static void md_fields__contact(Md *md, RlsContactKind kind, RlsSpan span, const char *text,
                               size_t len) {
    if (len == 0 || md_fields__contact_known(md, text, len)) return;
    rls_model_builder_contact(&md->mb, kind, span, text, len);
}

/* Contact items in a text: everything in the header; elsewhere only emails
 * and phones (a closing "<me@x.org> • +1 555 ..." line), plus the links that
 * sit beside them. */
void rls_md_contacts(Md *md, const MdText *t, bool header) {
    RlsContactHit hits[16];
    size_t n = rls_contacts_scan(t->plain.text, t->plain.len, hits, RLS_ARRAY_LEN(hits));
    bool personal = false;
    for (size_t i = 0; i < n; i++) {
        if (hits[i].kind == RLS_CONTACT_LINK && !header) continue;
        personal = true;
        RlsSpan span =
            rls_plain_cover(&t->plain, (uint32_t)hits[i].start_byte, (uint32_t)hits[i].end_byte);
        md_fields__contact(md, hits[i].kind, span, t->plain.text + hits[i].start_byte,
                           hits[i].end_byte - hits[i].start_byte);
    }
    if (!header && !personal) return;
    for (uint32_t i = 0; i < t->n_links; i++) {
        const char *p = md->src + t->links[i].start_byte;
        size_t len = t->links[i].end_byte - t->links[i].start_byte;
        if (len > 7 && !strncmp(p, "mailto:", 7)) {
            md_fields__contact(md, RLS_CONTACT_EMAIL, t->links[i], p + 7, len - 7);
        } else if (len > 4 && !strncmp(p, "tel:", 4)) {
            md_fields__contact(md, RLS_CONTACT_PHONE, t->links[i], p + 4, len - 4);
        } else if (memchr(p, '@', len) && !memchr(p, '/', len)) {
            md_fields__contact(md, RLS_CONTACT_EMAIL, t->links[i], p, len);
        } else if ((len > 4 && (!strncmp(p, "http", 4) || !strncmp(p, "www.", 4)))) {
            md_fields__contact(md, RLS_CONTACT_LINK, t->links[i], p, len);
        }
    }
}

/* ---- Skills ------------------------------------------------------------------ */

/* Whether plain byte i of p is a space that stands for a line break in
 * the source. */
bool rls_md_breaks_line(const Md *md, const RlsPlain *p, uint32_t i) {
    if (p->text[i] != ' ') return false;
    for (uint32_t b = p->src_start[i]; b < p->src_end[i]; b++) {
        if (md->src[b] == '\n') return true;
        /* "<br>", "<br/>", "<BR />": a line break as HTML writes it. */
        if (md->src[b] == '<' && b + 3 <= p->src_end[i] &&
            tolower((unsigned char)md->src[b + 1]) == 'b' &&
            tolower((unsigned char)md->src[b + 2]) == 'r' &&
            (b + 3 == p->src_end[i] || !isalnum((unsigned char)md->src[b + 3])))
            return true;
    }
    return false;
}

/* A skills text split at its source line breaks. */
void rls_md_skills(Md *md, const MdText *t) {
    const RlsPlain *p = &t->plain;
    uint32_t start = 0;
    for (uint32_t i = 0; i <= p->len; i++) {
        if (i < p->len && !rls_md_breaks_line(md, p, i)) continue;
        if (i > start) rls_skill_reader_range(&md->mb, p, start, i, md->skill_category);
        start = i + 1;
    }
}
