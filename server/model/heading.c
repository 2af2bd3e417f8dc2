/*
 * heading.c - recognising what a section heading means (model.h).
 * TODO(#3): grow the synonym table; this first version covers the common
 * English wordings.
 */
#include "rls/model.h"

#include <ctype.h>
#include <string.h>

static const char *const heading__kind_names[RLS_SECTION_KIND_COUNT] = {
    "header",         "summary", "experience",   "projects",     "education", "skills",
    "certifications", "awards",  "publications", "volunteering", "other",
};

const char *rls_section_kind_name(RlsSectionKind kind) {
    if ((unsigned)kind < RLS_SECTION_KIND_COUNT) return heading__kind_names[kind];
    return "other";
}

typedef struct {
    const char *words; /* lower-case, single spaces */
    RlsSectionKind kind;
} HeadingSynonym;

static const HeadingSynonym heading__synonyms[] = {
    {"summary", RLS_SECTION_SUMMARY},
    {"professional summary", RLS_SECTION_SUMMARY},
    {"profile", RLS_SECTION_SUMMARY},
    {"about me", RLS_SECTION_SUMMARY},
    {"objective", RLS_SECTION_SUMMARY},
    {"experience", RLS_SECTION_EXPERIENCE},
    {"work experience", RLS_SECTION_EXPERIENCE},
    {"professional experience", RLS_SECTION_EXPERIENCE},
    {"employment", RLS_SECTION_EXPERIENCE},
    {"employment history", RLS_SECTION_EXPERIENCE},
    {"work history", RLS_SECTION_EXPERIENCE},
    {"projects", RLS_SECTION_PROJECTS},
    {"education", RLS_SECTION_EDUCATION},
    {"skills", RLS_SECTION_SKILLS},
    {"technical skills", RLS_SECTION_SKILLS},
    {"certifications", RLS_SECTION_CERTIFICATIONS},
    {"awards", RLS_SECTION_AWARDS},
    {"publications", RLS_SECTION_PUBLICATIONS},
    {"volunteering", RLS_SECTION_VOLUNTEERING},
    {"volunteer experience", RLS_SECTION_VOLUNTEERING},
};

RlsSectionKind rls_section_classify(const char *heading, size_t len, bool *standard) {
    char norm[128];
    size_t n = 0;
    bool space = false;
    for (size_t i = 0; i < len && n + 1 < sizeof(norm); i++) {
        unsigned char c = (unsigned char)heading[i];
        if (isalpha(c)) {
            if (space && n) norm[n++] = ' ';
            space = false;
            norm[n++] = (char)tolower(c);
        } else {
            space = true;
        }
    }
    norm[n] = '\0';
    for (size_t i = 0; i < RLS_ARRAY_LEN(heading__synonyms); i++) {
        if (strcmp(norm, heading__synonyms[i].words) == 0) {
            if (standard) *standard = true;
            return heading__synonyms[i].kind;
        }
    }
    if (standard) *standard = false;
    return RLS_SECTION_OTHER;
}
