/*
 * heading.c - recognising what a section heading means (model.h).
 *
 * Headings are normalised to lower-case ASCII words ("Skills & Tools" ->
 * "skills and tools") and looked up in a table of whole wordings first, then
 * by keyword, then (for non-English resumes) by substring.
 */
#include "rls/hash.h"
#include "rls/model.h"
#include "rls/text.h" /* rls_utf8_decode */
#include "rls/utf8.h"

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
    const char *words; /* lower-case letters, single spaces */
    RlsSectionKind kind;
    bool standard; /* a wording ATS parsers map to their own field */
} HeadingSynonym;

/* The standard wordings are the plain ones every ATS maps (Experience, Work
 * Experience, Education, Skills, Projects, ...); creative ones ("My
 * Journey", "Things I Built") still classify, from their keywords below, but
 * are not standard. */
static const HeadingSynonym heading__synonyms[] = {
    {"summary", RLS_SECTION_SUMMARY, true},
    {"professional summary", RLS_SECTION_SUMMARY, true},
    {"career summary", RLS_SECTION_SUMMARY, true},
    {"executive summary", RLS_SECTION_SUMMARY, true},
    {"summary of qualifications", RLS_SECTION_SUMMARY, true},
    {"qualifications summary", RLS_SECTION_SUMMARY, true},
    {"profile", RLS_SECTION_SUMMARY, true},
    {"professional profile", RLS_SECTION_SUMMARY, true},
    {"career profile", RLS_SECTION_SUMMARY, true},
    {"objective", RLS_SECTION_SUMMARY, true},
    {"career objective", RLS_SECTION_SUMMARY, true},
    {"about", RLS_SECTION_SUMMARY, false},
    {"about me", RLS_SECTION_SUMMARY, false},
    {"introduction", RLS_SECTION_SUMMARY, false},
    {"overview", RLS_SECTION_SUMMARY, false},
    {"experience", RLS_SECTION_EXPERIENCE, true},
    {"work experience", RLS_SECTION_EXPERIENCE, true},
    {"professional experience", RLS_SECTION_EXPERIENCE, true},
    {"relevant experience", RLS_SECTION_EXPERIENCE, true},
    {"employment", RLS_SECTION_EXPERIENCE, true},
    {"employment history", RLS_SECTION_EXPERIENCE, true},
    {"work history", RLS_SECTION_EXPERIENCE, true},
    {"career history", RLS_SECTION_EXPERIENCE, false},
    {"professional history", RLS_SECTION_EXPERIENCE, true},
    {"industry experience", RLS_SECTION_EXPERIENCE, true},
    {"technical experience", RLS_SECTION_EXPERIENCE, true},
    {"experience and employment", RLS_SECTION_EXPERIENCE, true},
    {"internships", RLS_SECTION_EXPERIENCE, true},
    {"internship experience", RLS_SECTION_EXPERIENCE, true},
    {"research experience", RLS_SECTION_EXPERIENCE, true},
    {"teaching experience", RLS_SECTION_EXPERIENCE, true},
    {"occupation", RLS_SECTION_EXPERIENCE, false},
    {"positions", RLS_SECTION_EXPERIENCE, false},
    {"projects", RLS_SECTION_PROJECTS, true},
    {"personal projects", RLS_SECTION_PROJECTS, true},
    {"selected projects", RLS_SECTION_PROJECTS, true},
    {"key projects", RLS_SECTION_PROJECTS, true},
    {"academic projects", RLS_SECTION_PROJECTS, true},
    {"technical projects", RLS_SECTION_PROJECTS, true},
    {"side projects", RLS_SECTION_PROJECTS, true},
    {"open source", RLS_SECTION_PROJECTS, false},
    {"open source projects", RLS_SECTION_PROJECTS, true},
    {"open source contributions", RLS_SECTION_PROJECTS, false},
    {"open source impact", RLS_SECTION_PROJECTS, false},
    {"education", RLS_SECTION_EDUCATION, true},
    {"education and training", RLS_SECTION_EDUCATION, true},
    {"education training", RLS_SECTION_EDUCATION, true},
    {"academic background", RLS_SECTION_EDUCATION, true},
    {"academic history", RLS_SECTION_EDUCATION, true},
    {"educational background", RLS_SECTION_EDUCATION, true},
    {"academics", RLS_SECTION_EDUCATION, true},
    {"qualifications", RLS_SECTION_EDUCATION, false},
    {"skills", RLS_SECTION_SKILLS, true},
    {"technical skills", RLS_SECTION_SKILLS, true},
    {"skills and tools", RLS_SECTION_SKILLS, true},
    {"tools and skills", RLS_SECTION_SKILLS, true},
    {"skills and technologies", RLS_SECTION_SKILLS, true},
    {"core skills", RLS_SECTION_SKILLS, true},
    {"key skills", RLS_SECTION_SKILLS, true},
    {"core competencies", RLS_SECTION_SKILLS, true},
    {"competencies", RLS_SECTION_SKILLS, true},
    {"technologies", RLS_SECTION_SKILLS, true},
    {"technical proficiencies", RLS_SECTION_SKILLS, true},
    {"areas of expertise", RLS_SECTION_SKILLS, true},
    {"expertise", RLS_SECTION_SKILLS, true},
    {"skills and expertise", RLS_SECTION_SKILLS, true},
    {"skills and abilities", RLS_SECTION_SKILLS, true},
    {"languages", RLS_SECTION_SKILLS, true},
    {"programming languages", RLS_SECTION_SKILLS, true},
    {"tech stack", RLS_SECTION_SKILLS, false},
    {"toolbox", RLS_SECTION_SKILLS, false},
    {"strengths", RLS_SECTION_SKILLS, false},
    {"certifications", RLS_SECTION_CERTIFICATIONS, true},
    {"certificates", RLS_SECTION_CERTIFICATIONS, true},
    {"certification", RLS_SECTION_CERTIFICATIONS, true},
    {"licenses and certifications", RLS_SECTION_CERTIFICATIONS, true},
    {"certifications and licenses", RLS_SECTION_CERTIFICATIONS, true},
    {"licenses", RLS_SECTION_CERTIFICATIONS, true},
    {"courses", RLS_SECTION_CERTIFICATIONS, false},
    {"training", RLS_SECTION_CERTIFICATIONS, false},
    {"awards", RLS_SECTION_AWARDS, true},
    {"honors", RLS_SECTION_AWARDS, true},
    {"honours", RLS_SECTION_AWARDS, true},
    {"honors and awards", RLS_SECTION_AWARDS, true},
    {"awards and honors", RLS_SECTION_AWARDS, true},
    {"honours and awards", RLS_SECTION_AWARDS, true},
    {"awards and honours", RLS_SECTION_AWARDS, true},
    {"achievements", RLS_SECTION_AWARDS, true},
    {"accomplishments", RLS_SECTION_AWARDS, true},
    /* AltaCV's sample section, kept by many of its users. */
    {"most proud of", RLS_SECTION_AWARDS, false},
    {"awards and achievements", RLS_SECTION_AWARDS, true},
    {"scholarships", RLS_SECTION_AWARDS, false},
    {"grants", RLS_SECTION_AWARDS, false},
    {"fellowships", RLS_SECTION_AWARDS, false},
    {"grants and fellowships", RLS_SECTION_AWARDS, false},
    {"fellowships and grants", RLS_SECTION_AWARDS, false},
    /* Service done in place of work is a post held. */
    {"military service", RLS_SECTION_EXPERIENCE, false},
    {"national service", RLS_SECTION_EXPERIENCE, false},
    {"publications", RLS_SECTION_PUBLICATIONS, true},
    {"selected publications", RLS_SECTION_PUBLICATIONS, true},
    {"papers", RLS_SECTION_PUBLICATIONS, true},
    {"research", RLS_SECTION_PUBLICATIONS, false},
    {"talks", RLS_SECTION_PUBLICATIONS, false},
    {"presentations", RLS_SECTION_PUBLICATIONS, false},
    {"talks and webinars", RLS_SECTION_PUBLICATIONS, false},
    {"patents", RLS_SECTION_PUBLICATIONS, false},
    {"volunteering", RLS_SECTION_VOLUNTEERING, true},
    {"volunteer experience", RLS_SECTION_VOLUNTEERING, true},
    {"volunteer work", RLS_SECTION_VOLUNTEERING, true},
    {"volunteer", RLS_SECTION_VOLUNTEERING, true},
    {"community involvement", RLS_SECTION_VOLUNTEERING, true},
    {"community service", RLS_SECTION_VOLUNTEERING, true},
    {"community", RLS_SECTION_VOLUNTEERING, false},
    {"community contributions", RLS_SECTION_VOLUNTEERING, false},
    {"outreach", RLS_SECTION_VOLUNTEERING, false},
    {"leadership", RLS_SECTION_VOLUNTEERING, false},
    {"extracurricular activities", RLS_SECTION_VOLUNTEERING, false},
    {"activities", RLS_SECTION_VOLUNTEERING, false},
    {"contact", RLS_SECTION_HEADER, true},
    {"contact information", RLS_SECTION_HEADER, true},
    {"contact info", RLS_SECTION_HEADER, true},
    {"contact details", RLS_SECTION_HEADER, true},
    {"personal information", RLS_SECTION_HEADER, true},
    {"personal details", RLS_SECTION_HEADER, true},
    /* Deedy's "Links" column: profile links, the contact block by another name. */
    {"links", RLS_SECTION_HEADER, false},
    {"social links", RLS_SECTION_HEADER, false},
    {"profiles", RLS_SECTION_HEADER, false},
};

/* Keywords for wordings not in the table ("Skills I'm Learning", "Selected
 * Open Source Work"): the first keyword found, in this order, decides. The
 * order matters: "Volunteer Experience" is volunteering, not experience. */
static const HeadingSynonym heading__keywords[] = {
    {"volunteer", RLS_SECTION_VOLUNTEERING, false},
    {"volunteering", RLS_SECTION_VOLUNTEERING, false},
    {"extracurricular", RLS_SECTION_VOLUNTEERING, false},
    {"certifications", RLS_SECTION_CERTIFICATIONS, false},
    {"certification", RLS_SECTION_CERTIFICATIONS, false},
    {"certificates", RLS_SECTION_CERTIFICATIONS, false},
    {"licenses", RLS_SECTION_CERTIFICATIONS, false},
    {"publications", RLS_SECTION_PUBLICATIONS, false},
    {"publication", RLS_SECTION_PUBLICATIONS, false},
    {"papers", RLS_SECTION_PUBLICATIONS, false},
    {"talks", RLS_SECTION_PUBLICATIONS, false},
    {"awards", RLS_SECTION_AWARDS, false},
    {"honors", RLS_SECTION_AWARDS, false},
    {"honours", RLS_SECTION_AWARDS, false},
    {"achievements", RLS_SECTION_AWARDS, false},
    {"skills", RLS_SECTION_SKILLS, false},
    {"competencies", RLS_SECTION_SKILLS, false},
    {"technologies", RLS_SECTION_SKILLS, false},
    {"tools", RLS_SECTION_SKILLS, false},
    {"education", RLS_SECTION_EDUCATION, false},
    {"projects", RLS_SECTION_PROJECTS, false},
    {"project", RLS_SECTION_PROJECTS, false},
    {"experience", RLS_SECTION_EXPERIENCE, false},
    {"employment", RLS_SECTION_EXPERIENCE, false},
    {"work", RLS_SECTION_EXPERIENCE, false},
    {"career", RLS_SECTION_EXPERIENCE, false},
    /* "Academic Appointments", "Academic Positions": posts held, before
     * "academic" reads them as schools. */
    {"appointments", RLS_SECTION_EXPERIENCE, false},
    {"positions", RLS_SECTION_EXPERIENCE, false},
    /* After the experience words: "Academic Research Experience" lists
     * posts, "Academic Background" schools. */
    {"academic", RLS_SECTION_EDUCATION, false},
    /* Courses taken, after the experience words ("Training Experience"
     * lists posts): "Professional Training (non-degree)". */
    {"training", RLS_SECTION_CERTIFICATIONS, false},
    {"courses", RLS_SECTION_CERTIFICATIONS, false},
    {"summary", RLS_SECTION_SUMMARY, false},
    {"profile", RLS_SECTION_SUMMARY, false},
    {"objective", RLS_SECTION_SUMMARY, false},
    /* Talks given and pieces written: records, not roles. Last, so that
     * "Writing Skills" stays skills and "Speaking Experience" a role list
     * does not turn into talks. */
    {"speeches", RLS_SECTION_PUBLICATIONS, false},
    {"speaking", RLS_SECTION_PUBLICATIONS, false},
    {"keynotes", RLS_SECTION_PUBLICATIONS, false},
    {"lectures", RLS_SECTION_PUBLICATIONS, false},
    {"presentations", RLS_SECTION_PUBLICATIONS, false},
    {"writing", RLS_SECTION_PUBLICATIONS, false},
    {"writings", RLS_SECTION_PUBLICATIONS, false},
    {"articles", RLS_SECTION_PUBLICATIONS, false},
};

/* Section words in other languages, lower case (the heading is folded
 * first: ASCII, Latin-1 and Cyrillic capitals lowered). A Latin or
 * Cyrillic word matches at the start of a word of the heading, so that
 * "Informationen" is not "formation" and "Berufserfahrung" needs its own
 * line; a CJK word matches anywhere. The first match in this order decides:
 * education before experience ("教育经历" holds "经历" too); a CJK
 * experience word before projects ("实习/项目经历", internships and
 * projects, lists roles); other projects and volunteering words before
 * experience ("Ehrenamtliche Erfahrung" is volunteering). */
static const struct {
    const char *text;
    RlsSectionKind kind;
} heading__foreign[] = {
    {"教育", RLS_SECTION_EDUCATION},
    {"学历", RLS_SECTION_EDUCATION},
    {"学歴", RLS_SECTION_EDUCATION},
    {"교육", RLS_SECTION_EDUCATION},
    {"학력", RLS_SECTION_EDUCATION},
    {"formação", RLS_SECTION_EDUCATION},
    {"educação", RLS_SECTION_EDUCATION},
    {"formation", RLS_SECTION_EDUCATION},
    {"études", RLS_SECTION_EDUCATION},
    {"diplômes", RLS_SECTION_EDUCATION},
    {"educación", RLS_SECTION_EDUCATION},
    {"formación", RLS_SECTION_EDUCATION},
    {"estudios", RLS_SECTION_EDUCATION},
    {"istruzione", RLS_SECTION_EDUCATION},
    {"formazione", RLS_SECTION_EDUCATION},
    {"ausbildung", RLS_SECTION_EDUCATION},
    {"studium", RLS_SECTION_EDUCATION},
    {"bildung", RLS_SECTION_EDUCATION},
    {"schulbildung", RLS_SECTION_EDUCATION},
    {"akademische laufbahn", RLS_SECTION_EDUCATION},
    {"akademischer werdegang", RLS_SECTION_EDUCATION},
    {"opleiding", RLS_SECTION_EDUCATION},
    {"uddannelse", RLS_SECTION_EDUCATION},
    {"utdanning", RLS_SECTION_EDUCATION},
    {"utbildning", RLS_SECTION_EDUCATION},
    {"wykształcenie", RLS_SECTION_EDUCATION},
    {"edukacja", RLS_SECTION_EDUCATION},
    {"образование", RLS_SECTION_EDUCATION},
    {"освіта", RLS_SECTION_EDUCATION},
    /* Talks given: before the experience words ("会议经历", conference
     * experience, lists talks, not roles). */
    {"会议", RLS_SECTION_PUBLICATIONS},
    {"會議", RLS_SECTION_PUBLICATIONS},
    {"学术报告", RLS_SECTION_PUBLICATIONS},
    {"演讲", RLS_SECTION_PUBLICATIONS},
    {"講演", RLS_SECTION_PUBLICATIONS},
    {"学会発表", RLS_SECTION_PUBLICATIONS},
    {"발표", RLS_SECTION_PUBLICATIONS},
    {"vorträge", RLS_SECTION_PUBLICATIONS},
    {"ponencias", RLS_SECTION_PUBLICATIONS},
    {"palestras", RLS_SECTION_PUBLICATIONS},
    {"доклады", RLS_SECTION_PUBLICATIONS},
    /* "项目经历" (project experience) lists projects; "实习/项目经历"
     * (internships and projects) lists roles. */
    {"实习", RLS_SECTION_EXPERIENCE},
    {"實習", RLS_SECTION_EXPERIENCE},
    {"项目经历", RLS_SECTION_PROJECTS},
    {"項目經歷", RLS_SECTION_PROJECTS},
    {"经历", RLS_SECTION_EXPERIENCE},
    {"經歷", RLS_SECTION_EXPERIENCE},
    {"经验", RLS_SECTION_EXPERIENCE},
    {"経歴", RLS_SECTION_EXPERIENCE},
    {"職歴", RLS_SECTION_EXPERIENCE},
    {"경력", RLS_SECTION_EXPERIENCE},
    {"項目", RLS_SECTION_PROJECTS},
    {"项目", RLS_SECTION_PROJECTS},
    {"프로젝트", RLS_SECTION_PROJECTS},
    {"오픈소스", RLS_SECTION_PROJECTS},
    {"projets", RLS_SECTION_PROJECTS},
    {"projetos", RLS_SECTION_PROJECTS},
    {"proyectos", RLS_SECTION_PROJECTS},
    {"progetti", RLS_SECTION_PROJECTS},
    {"projekte", RLS_SECTION_PROJECTS},
    {"projekterfahrung", RLS_SECTION_PROJECTS},
    {"projecten", RLS_SECTION_PROJECTS},
    {"projekter", RLS_SECTION_PROJECTS},
    {"projekty", RLS_SECTION_PROJECTS},
    {"проекты", RLS_SECTION_PROJECTS},
    {"вклад в проекты", RLS_SECTION_PROJECTS},
    {"bénévolat", RLS_SECTION_VOLUNTEERING},
    {"voluntariado", RLS_SECTION_VOLUNTEERING},
    {"volontariato", RLS_SECTION_VOLUNTEERING},
    {"ehrenamt", RLS_SECTION_VOLUNTEERING},
    /* Civilian and military service: posts held, dated, with an employer. */
    {"zivildienst", RLS_SECTION_EXPERIENCE},
    {"wehrdienst", RLS_SECTION_EXPERIENCE},
    {"grundwehrdienst", RLS_SECTION_EXPERIENCE},
    {"service militaire", RLS_SECTION_EXPERIENCE},
    {"service civique", RLS_SECTION_EXPERIENCE},
    {"servicio militar", RLS_SECTION_EXPERIENCE},
    {"serviço militar", RLS_SECTION_EXPERIENCE},
    {"servizio civile", RLS_SECTION_EXPERIENCE},
    {"servizio militare", RLS_SECTION_EXPERIENCE},
    {"военная служба", RLS_SECTION_EXPERIENCE},
    {"atividades", RLS_SECTION_VOLUNTEERING},
    {"工作", RLS_SECTION_EXPERIENCE},
    {"expérience", RLS_SECTION_EXPERIENCE},
    {"parcours professionnel", RLS_SECTION_EXPERIENCE},
    {"experiência", RLS_SECTION_EXPERIENCE},
    {"experiencia", RLS_SECTION_EXPERIENCE},
    {"esperienz", RLS_SECTION_EXPERIENCE},
    {"erfahrung", RLS_SECTION_EXPERIENCE},
    {"berufserfahrung", RLS_SECTION_EXPERIENCE},
    {"praxiserfahrung", RLS_SECTION_EXPERIENCE},
    {"arbeitserfahrung", RLS_SECTION_EXPERIENCE},
    {"beruflicher werdegang", RLS_SECTION_EXPERIENCE},
    {"werkervaring", RLS_SECTION_EXPERIENCE},
    {"ervaring", RLS_SECTION_EXPERIENCE},
    {"erfaring", RLS_SECTION_EXPERIENCE},
    {"erhvervserfaring", RLS_SECTION_EXPERIENCE},
    {"arbejdserfaring", RLS_SECTION_EXPERIENCE},
    {"arbeidserfaring", RLS_SECTION_EXPERIENCE},
    {"erfarenhet", RLS_SECTION_EXPERIENCE},
    {"arbetslivserfarenhet", RLS_SECTION_EXPERIENCE},
    {"yrkeserfarenhet", RLS_SECTION_EXPERIENCE},
    {"doświadczenie", RLS_SECTION_EXPERIENCE},
    {"опыт", RLS_SECTION_EXPERIENCE},
    {"досвід", RLS_SECTION_EXPERIENCE},
    {"技能", RLS_SECTION_SKILLS},
    {"기술", RLS_SECTION_SKILLS},
    {"スキル", RLS_SECTION_SKILLS},
    {"compétences", RLS_SECTION_SKILLS},
    {"competências", RLS_SECTION_SKILLS},
    {"conhecimentos", RLS_SECTION_SKILLS},
    {"habilidades", RLS_SECTION_SKILLS},
    {"conocimientos", RLS_SECTION_SKILLS},
    {"competenze", RLS_SECTION_SKILLS},
    {"kenntnisse", RLS_SECTION_SKILLS},
    {"fähigkeiten", RLS_SECTION_SKILLS},
    {"vaardigheden", RLS_SECTION_SKILLS},
    {"kompetencer", RLS_SECTION_SKILLS},
    {"færdigheder", RLS_SECTION_SKILLS},
    {"umiejętności", RLS_SECTION_SKILLS},
    {"idiomas", RLS_SECTION_SKILLS},
    {"langues", RLS_SECTION_SKILLS},
    {"lingue", RLS_SECTION_SKILLS},
    {"sprachen", RLS_SECTION_SKILLS},
    {"навыки", RLS_SECTION_SKILLS},
    {"навички", RLS_SECTION_SKILLS},
    {"языки", RLS_SECTION_SKILLS},
    {"获奖", RLS_SECTION_AWARDS},
    {"荣誉", RLS_SECTION_AWARDS},
    {"수상", RLS_SECTION_AWARDS},
    {"auszeichnungen", RLS_SECTION_AWARDS},
    {"premios", RLS_SECTION_AWARDS},
    {"prêmios", RLS_SECTION_AWARDS},
    {"награды", RLS_SECTION_AWARDS},
    {"veröffentlichungen", RLS_SECTION_PUBLICATIONS},
    {"publicaciones", RLS_SECTION_PUBLICATIONS},
    {"publicações", RLS_SECTION_PUBLICATIONS},
    {"pubblicazioni", RLS_SECTION_PUBLICATIONS},
    {"публикации", RLS_SECTION_PUBLICATIONS},
    {"证书", RLS_SECTION_CERTIFICATIONS},
    {"자격", RLS_SECTION_CERTIFICATIONS},
    {"資格", RLS_SECTION_CERTIFICATIONS},
    {"cursos", RLS_SECTION_CERTIFICATIONS},
    {"소개", RLS_SECTION_SUMMARY},
    {"简介", RLS_SECTION_SUMMARY},
    {"自我评价", RLS_SECTION_SUMMARY},
    {"sobre", RLS_SECTION_SUMMARY},
    {"о себе", RLS_SECTION_SUMMARY},
    {"contactos", RLS_SECTION_HEADER},
    {"contatos", RLS_SECTION_HEADER},
};

/* The heading lowered for heading__foreign: ASCII, Latin-1 (À-Þ) and
 * Cyrillic (А-Я, Ѐ-Џ) capitals become small letters; other bytes are
 * copied. Returns the folded length (at most cap - 1). */
static size_t heading__fold(const char *heading, size_t len, char *out, size_t cap) {
    size_t n = 0;
    for (size_t i = 0; i < len && n + 4 < cap;) {
        uint32_t cp = 0;
        uint32_t k = rls_utf8_decode((const unsigned char *)heading + i, (uint32_t)(len - i), &cp);
        if (k == 0) k = 1, cp = (unsigned char)heading[i];
        bool ascii = cp >= 'A' && cp <= 'Z';
        bool latin1 = cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
        bool cyrillic = cp >= 0x410 && cp <= 0x42F;
        if (ascii || latin1 || cyrillic)
            cp += 32;
        else if (cp >= 0x400 && cp <= 0x40F)
            cp += 80;
        if (k == 1) {
            out[n++] = cp < 0x80 ? (char)cp : heading[i]; /* an invalid byte is kept */
        } else if (cp < 0x800) {
            n += rls_utf8_encode(cp, out + n);
        } else {
            memcpy(out + n, heading + i, k);
            n += k;
        }
        i += k;
    }
    out[n] = '\0';
    return n;
}

/* Whether folded[k] starts a word: the text start, or after a byte that is
 * no letter (ASCII other than a letter or digit). A UTF-8 continuation byte
 * before k means a letter of another script. */
static bool heading__word_start(const char *folded, size_t k) {
    if (k == 0) return true;
    unsigned char c = (unsigned char)folded[k - 1];
    return c < 0x80 && !isalnum(c);
}

bool rls_heading_has_word(const char *norm, const char *word) {
    size_t wn = strlen(word);
    for (const char *p = strstr(norm, word); p; p = strstr(p + 1, word)) {
        bool starts = p == norm || p[-1] == ' ';
        bool ends = p[wn] == '\0' || p[wn] == ' ';
        if (starts && ends) return true;
    }
    return false;
}

#define RLS_HEADING_NORM_LEN 128

size_t rls_heading_words(const char *heading, size_t len, char *norm, size_t cap) {
    size_t n = 0;
    bool space = false;
    if (cap == 0) return 0;
    for (size_t i = 0; i < len && n + 2 < cap; i++) {
        unsigned char c = (unsigned char)heading[i];
        if (isalpha(c)) {
            if (space && n) norm[n++] = ' ';
            space = false;
            norm[n++] = (char)tolower(c);
        } else if (c == '\'' && i + 1 < len && heading[i + 1] == 'm') {
            /* "I'm" stays one word */
        } else if ((c == '&' || c == '+') && n && n + 5 < cap) {
            memcpy(norm + n, " and", 4);
            n += 4;
            space = true;
        } else {
            space = true;
        }
    }
    norm[n] = '\0';
    return n;
}

/* The kind of a heading from its English wordings only (the table, then
 * the keywords); OTHER when none matches. */
static RlsSectionKind heading__english(const char *heading, size_t len, bool *standard) {
    char norm[RLS_HEADING_NORM_LEN];
    if (standard) *standard = false;
    rls_heading_words(heading, len, norm, sizeof(norm));
    for (size_t i = 0; i < RLS_ARRAY_LEN(heading__synonyms); i++) {
        /* The first byte first: most headings meet no wording, and each
         * strcmp is a call (an intercepted one under the sanitizers). */
        if (norm[0] == heading__synonyms[i].words[0] &&
            strcmp(norm, heading__synonyms[i].words) == 0) {
            if (standard) *standard = heading__synonyms[i].standard;
            return heading__synonyms[i].kind;
        }
    }
    for (size_t i = 0; i < RLS_ARRAY_LEN(heading__keywords); i++)
        if (rls_heading_has_word(norm, heading__keywords[i].words))
            return heading__keywords[i].kind;
    return RLS_SECTION_OTHER;
}

bool rls_section_foreign_wording(const char *heading, size_t len) {
    return heading__english(heading, len, NULL) == RLS_SECTION_OTHER &&
           rls_section_classify(heading, len, NULL) != RLS_SECTION_OTHER;
}

/* The last answers of rls_section_classify, by text. A parse asks for every
 * heading and entry line several times, and again on every keystroke; the
 * answer depends on the text alone. One table per thread (the command line
 * checks files on several), direct-mapped; a longer text is not kept. */
#define HEADING_MEMO_SLOTS 256
#define HEADING_MEMO_TEXT 80
typedef struct {
    uint64_t hash; /* 0: empty */
    uint8_t len;
    uint8_t kind;
    bool standard;
    char text[HEADING_MEMO_TEXT];
} HeadingMemo;
static _Thread_local HeadingMemo heading__memo[HEADING_MEMO_SLOTS];

static RlsSectionKind heading__classify(const char *heading, size_t len, bool *standard);

RlsSectionKind rls_section_classify(const char *heading, size_t len, bool *standard) {
    if (len > HEADING_MEMO_TEXT) return heading__classify(heading, len, standard);
    uint64_t h = rls_hash_key(rls_hash_mix(RLS_HASH_SEED, heading, len));
    HeadingMemo *m = &heading__memo[h & (HEADING_MEMO_SLOTS - 1)];
    if (m->hash != h || m->len != len || memcmp(m->text, heading, len) != 0) {
        bool std = false;
        m->kind = (uint8_t)heading__classify(heading, len, &std);
        m->standard = std;
        m->hash = h;
        m->len = (uint8_t)len;
        memcpy(m->text, heading, len);
    }
    if (standard) *standard = m->standard;
    return (RlsSectionKind)m->kind;
}

static RlsSectionKind heading__classify(const char *heading, size_t len, bool *standard) {
    RlsSectionKind english = heading__english(heading, len, standard);
    if (english != RLS_SECTION_OTHER) return english;
    char folded[4 * RLS_HEADING_NORM_LEN];
    size_t fn = heading__fold(heading, len, folded, sizeof(folded));
    /* Every heading that names no English section comes here, entry
     * headings too: a wording is looked for only where its first byte is,
     * and not at all when the heading has no such byte (most of the 121). */
    bool has[256] = {false};
    for (size_t k = 0; k < fn; k++)
        has[(unsigned char)folded[k]] = true;
    for (size_t i = 0; i < RLS_ARRAY_LEN(heading__foreign); i++) {
        const char *t = heading__foreign[i].text;
        if (!has[(unsigned char)t[0]]) continue;
        size_t tn = strlen(t);
        bool anywhere = (unsigned char)t[0] >= 0xE0; /* CJK, Hangul, kana */
        for (const char *p = folded; tn <= fn && p + tn <= folded + fn; p++) {
            p = memchr(p, t[0], (size_t)(folded + fn - tn - p) + 1);
            if (!p) break;
            if (memcmp(p, t, tn) == 0 &&
                (anywhere || heading__word_start(folded, (size_t)(p - folded))))
                return heading__foreign[i].kind;
        }
    }
    return RLS_SECTION_OTHER;
}

/* Words a lead-in ends with: the list below it is their object. */
static const char *const heading__prepositions[] = {
    "with", "in", "on", "of", "to", "for", "at", "from", "by", "including", "using",
};

/* Subject pronouns that make the words before a final preposition a
 * relative clause ("Tools We Build With"): then the line is a noun phrase
 * with a head, which a heading is. */
static const char *const heading__pronouns[] = {"i", "im", "we"};

bool rls_section_is_lead_in(const char *text, size_t len) {
    char norm[RLS_HEADING_NORM_LEN];
    rls_heading_words(text, len, norm, sizeof(norm));
    const char *last = strrchr(norm, ' ');
    if (!last) return false; /* one word ("About") is a heading or nothing */
    last++;
    bool prep = false;
    for (size_t i = 0; i < RLS_ARRAY_LEN(heading__prepositions) && !prep; i++)
        prep = !strcmp(last, heading__prepositions[i]);
    if (!prep) return false;
    for (size_t i = 0; i < RLS_ARRAY_LEN(heading__pronouns); i++)
        if (rls_heading_has_word(norm, heading__pronouns[i])) return false;
    return true;
}

/* Wordings that name a field of work rather than a kind of section: what
 * the section holds decides. */
static const char *const heading__field_words[] = {"research", "research work",
                                                   "academic research"};

RlsSectionKind rls_section_refine(RlsSectionKind kind, const char *heading, size_t len,
                                  uint32_t n_entries, uint32_t n_dated_roles) {
    if (kind != RLS_SECTION_PUBLICATIONS || n_entries == 0 || n_dated_roles * 2 < n_entries)
        return kind;
    char norm[RLS_HEADING_NORM_LEN];
    rls_heading_words(heading, len, norm, sizeof(norm));
    for (size_t i = 0; i < RLS_ARRAY_LEN(heading__field_words); i++)
        if (!strcmp(norm, heading__field_words[i])) return RLS_SECTION_EXPERIENCE;
    return kind;
}
