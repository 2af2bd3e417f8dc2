/*
 * heading_reader.h - whether a heading below the top of a resume names a
 * section or something inside one, for every format (issue #13).
 *
 * A parser knows a heading's level and its words (markup gone, as
 * model.h rls_heading_words makes them: lower-case ASCII, single spaces;
 * other scripts kept). Whether those words name a section ("Awards",
 * "项目经历") or an entry ("Engineer, Acme (2021)", "Project Manager"),
 * and whether a heading holds any words at all, is decided here on the
 * words alone. The parser combines the answers with its levels: which
 * level holds the sections, where a section was met one level too deep.
 *
 * Every function borrows its text and allocates nothing.
 */
#ifndef RLS_MODEL_HEADING_READER_H_
#define RLS_MODEL_HEADING_READER_H_

#include <stdbool.h>
#include <stddef.h>

/* Whether words[0..len) holds a letter or digit (or a non-ASCII byte): a
 * heading of an icon or a photo alone holds nothing to read. */
bool rls_heading_reader_has_words(const char *words, size_t len);

/* A heading of a few words and nothing more: at most 24 bytes and three
 * words, no digit, separator or bracket that an entry heading carries
 * ("自动处方解析项目（...）2023.09", "Engineer, Acme (2021)"). */
bool rls_heading_reader_bare_words(const char *words, size_t len);

/* Whether words[0..len) (shorter than 80 bytes) name a section of a known
 * kind (model.h rls_section_classify). With `standard`, only a wording an
 * ATS recognises ("Awards", "Education") or a bare one in another language
 * ("项目经历", "Formation") counts, not words that only hold a section's
 * word ("Project Engineer | Wipro"). */
bool rls_heading_reader_names_section(const char *words, size_t len, bool standard);

/* At a level where a section already sat below the sections' own level
 * ("### Awards" after "### Engineer, Acme" roles), whether a sibling
 * heading's words[0..len) are a section wording and nothing more, standard
 * or not ("Speeches", "Public Speaking"): an entry heading there carries a
 * name, a date or a role ("Project Manager"). */
bool rls_heading_reader_deep_sibling_section(const char *words, size_t len);

#endif /* RLS_MODEL_HEADING_READER_H_ */
