/*
 * scope.c - which rules apply where: the kind of each section as the rules
 * see it (finer than the model's RlsSectionKind: talks, patents, courses,
 * languages, interests and leadership are kinds of their own), the language
 * of each section, and the table of rule -> section kinds.
 *
 * Achievement rules judge statements of work (experience, projects,
 * leadership, volunteering); the summary paragraph gets the rules about
 * self-description; lists of facts (publications, awards, courses, skills,
 * ...) get none of the bullet rules: "1st place, 2021" and a paper's title
 * are not achievement bullets. docs/rules.md gives this table per rule.
 */
#include <string.h>

#include "rules/rules_internal.h"

#define SCOPE_BIT(s) (1u << (s))
#define SCOPE_ACHIEVEMENT                                                                          \
    (SCOPE_BIT(RLS_SCOPE_EXPERIENCE) | SCOPE_BIT(RLS_SCOPE_PROJECTS) |                             \
     SCOPE_BIT(RLS_SCOPE_LEADERSHIP) | SCOPE_BIT(RLS_SCOPE_VOLUNTEERING))
#define SCOPE_SUMMARY SCOPE_BIT(RLS_SCOPE_SUMMARY)
/* Education and sections under a heading nobody lists: a bullet there may
 * be a statement (a thesis, a club), so the wording about the writer
 * applies, but not the demand for a result. */
#define SCOPE_LOOSE (SCOPE_BIT(RLS_SCOPE_EDUCATION) | SCOPE_BIT(RLS_SCOPE_OTHER))

typedef struct {
    const char *rule;
    uint32_t scopes; /* section kinds whose bullets the rule judges */
    bool english;    /* judged on English text only */
} ScopeRow;

/* The table docs/rules.md documents ("Where it applies"). A rule missing
 * here (document rules, keyword rules) is not judged per section. */
static const ScopeRow scope__table[] = {
    {RLS_RULE_ID(WEAK_OPENER), SCOPE_ACHIEVEMENT, true},
    {RLS_RULE_ID(NO_METRIC), SCOPE_ACHIEVEMENT, true},
    {RLS_RULE_ID(PASSIVE_VOICE), SCOPE_ACHIEVEMENT, true},
    {RLS_RULE_ID(BULLET_LENGTH), SCOPE_ACHIEVEMENT | SCOPE_SUMMARY, false},
    {RLS_RULE_ID(VAGUE_QUANTIFIER), SCOPE_ACHIEVEMENT | SCOPE_SUMMARY, true},
    {RLS_RULE_ID(TENSE_MISMATCH), SCOPE_ACHIEVEMENT, true},
    {RLS_RULE_ID(REPEATED_VERB), SCOPE_ACHIEVEMENT, true},
    {RLS_RULE_ID(FIRST_PERSON), SCOPE_ACHIEVEMENT | SCOPE_SUMMARY | SCOPE_LOOSE, true},
    {RLS_RULE_ID(BUZZWORD), SCOPE_ACHIEVEMENT | SCOPE_SUMMARY | SCOPE_LOOSE, true},
    {RLS_RULE_ID(SPELLED_OUT_NUMBER), SCOPE_ACHIEVEMENT | SCOPE_SUMMARY | SCOPE_LOOSE, true},
};

static const char *const scope__names[RLS_SCOPE_COUNT] = {
    "header",    "summary",      "experience", "projects",  "leadership", "volunteering",
    "education", "publications", "talks",      "patents",   "awards",     "certifications",
    "courses",   "skills",       "languages",  "interests", "other",
};

const char *rls_rules_scope_name(RlsScope scope) {
    return (unsigned)scope < RLS_SCOPE_COUNT ? scope__names[scope] : "other";
}

static const ScopeRow *scope__row(const char *rule) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(scope__table); i++)
        if (scope__table[i].rule == rule || strcmp(scope__table[i].rule, rule) == 0)
            return &scope__table[i];
    return NULL;
}

bool rls_rules_scope_applies(const char *rule, RlsScope scope, bool english) {
    const ScopeRow *r = rule ? scope__row(rule) : NULL;
    if (!r) return true;
    if (r->english && !english) return false;
    return (r->scopes & SCOPE_BIT(scope)) != 0;
}

/* ---- The kind of a section ---------------------------------------------------- */

/* Words of a heading that name a kind the model files under a broader one
 * ("Invited Talks" is a publications section to an ATS, but its lines are
 * titles, not papers). The first word found, in this order, decides. */
static const struct {
    const char *word;
    RlsScope scope;
} scope__words[] = {
    /* An academic's roles: "Academic Positions", "Appointments". */
    {"appointments", RLS_SCOPE_EXPERIENCE},
    {"positions", RLS_SCOPE_EXPERIENCE},
    {"patent", RLS_SCOPE_PATENTS},
    {"patents", RLS_SCOPE_PATENTS},
    {"talks", RLS_SCOPE_TALKS},
    {"talk", RLS_SCOPE_TALKS},
    {"presentations", RLS_SCOPE_TALKS},
    {"speaking", RLS_SCOPE_TALKS},
    {"lectures", RLS_SCOPE_TALKS},
    {"webinars", RLS_SCOPE_TALKS},
    {"conferences", RLS_SCOPE_TALKS},
    {"courses", RLS_SCOPE_COURSES},
    {"coursework", RLS_SCOPE_COURSES},
    {"training", RLS_SCOPE_COURSES},
    {"trainings", RLS_SCOPE_COURSES},
    {"interests", RLS_SCOPE_INTERESTS},
    {"hobbies", RLS_SCOPE_INTERESTS},
    {"leadership", RLS_SCOPE_LEADERSHIP},
    {"activities", RLS_SCOPE_LEADERSHIP},
    {"extracurricular", RLS_SCOPE_LEADERSHIP},
    {"references", RLS_SCOPE_INTERESTS},
    {"memberships", RLS_SCOPE_AWARDS},
    {"affiliations", RLS_SCOPE_AWARDS},
    {"grants", RLS_SCOPE_AWARDS},
    {"fellowships", RLS_SCOPE_AWARDS},
    {"service", RLS_SCOPE_AWARDS},
    {"reviewing", RLS_SCOPE_AWARDS},
};

RlsScope rls_rules_scope_of(const RlsResume *m, uint32_t section) {
    if (section >= m->n_sections) return RLS_SCOPE_OTHER;
    const RlsSection *s = &m->sections[section];
    char norm[128];
    size_t n = s->heading.text
                   ? rls_heading_words(s->heading.text, s->heading.len, norm, sizeof(norm))
                   : 0;
    /* "Programming Languages" is a skills list; "Languages" alone lists the
     * languages the writer speaks. Either way: a list, not statements. */
    if (n && rls_heading_has_word(norm, "languages"))
        return s->kind == RLS_SECTION_SKILLS && !rls_heading_has_word(norm, "programming")
                   ? RLS_SCOPE_LANGUAGES
                   : RLS_SCOPE_SKILLS;
    /* A field word refined to experience ("Research" over dated roles)
     * stays experience: the model read its entries as roles. */
    if (n && s->kind != RLS_SECTION_EXPERIENCE && s->kind != RLS_SECTION_PROJECTS)
        for (size_t i = 0; i < RLS_ARRAY_LEN(scope__words); i++)
            if (rls_heading_has_word(norm, scope__words[i].word)) return scope__words[i].scope;
    switch (s->kind) {
    case RLS_SECTION_HEADER:
        return RLS_SCOPE_HEADER;
    case RLS_SECTION_SUMMARY:
        return RLS_SCOPE_SUMMARY;
    case RLS_SECTION_EXPERIENCE:
        return RLS_SCOPE_EXPERIENCE;
    case RLS_SECTION_PROJECTS:
        return RLS_SCOPE_PROJECTS;
    case RLS_SECTION_EDUCATION:
        return RLS_SCOPE_EDUCATION;
    case RLS_SECTION_SKILLS:
        return RLS_SCOPE_SKILLS;
    case RLS_SECTION_CERTIFICATIONS:
        return RLS_SCOPE_CERTIFICATIONS;
    case RLS_SECTION_AWARDS:
        return RLS_SCOPE_AWARDS;
    case RLS_SECTION_PUBLICATIONS:
        return RLS_SCOPE_PUBLICATIONS;
    case RLS_SECTION_VOLUNTEERING:
        return RLS_SCOPE_VOLUNTEERING;
    case RLS_SECTION_OTHER:
    case RLS_SECTION_KIND_COUNT:
        break;
    }
    return RLS_SCOPE_OTHER;
}
