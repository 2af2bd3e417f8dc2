/*
 * actions_internal.h - what the files of server/actions/ share, and what the
 * unit tests reach (tests/unit/morph_test.c, rewrite_test.c). Verb forms
 * come from the core's verb table (rls/verbs.h).
 *
 *   words.c    tokens, word classes and number words
 *   tracked.c  a string whose every byte remembers where it came from
 *   rewrite.c  outcome-first and weak-opener rewrites
 *   fixes.c    the other per-rule fixes
 *   edits.c    tracked strings -> minimal, escaped source edits
 *   actions.c  the public API (rls/actions.h)
 */
#ifndef RLS_ACTIONS_INTERNAL_H_
#define RLS_ACTIONS_INTERNAL_H_

#include "rls/actions.h"
#include "rls/buf.h"
#include "rls/verbs.h"

/* ---- Words (words.c) ------------------------------------------------------ */

typedef struct {
    uint32_t start; /* byte offsets into the text */
    uint32_t end;
} RlsTok;

typedef struct {
    RlsTok *items;
    size_t len, cap;
} RlsToks;

/* Splits text into words: runs of letters, digits, and the joiners
 * ' ’ - . _ / + # & inside a word ("orders.created_at", "CI/CD", "C++",
 * "don't"). Everything else (spaces, commas, a final period) separates. */
void rls_words_split(const char *text, size_t len, RlsToks *out);
void rls_toks_close(RlsToks *self);

/* Case-insensitive comparison of text[tok] with a NUL-terminated word. */
bool rls_tok_is(const char *text, RlsTok tok, const char *word);
/* Same, against any of a NULL-terminated list. */
bool rls_tok_in(const char *text, RlsTok tok, const char *const *words);
/* Whether the token holds a digit. */
bool rls_tok_has_digit(const char *text, RlsTok tok);

/* Reads a number written in words starting at word w of toks ("thirty",
 * "twenty-five", "one hundred and twenty", "two million", "a dozen").
 * Returns the number of words consumed (0 if none) and sets *value. The
 * words "a"/"an" count only before hundred/thousand/dozen. */
size_t rls_number_words(const char *text, const RlsToks *toks, size_t w, uint64_t *value);

/* ---- Tracked strings (tracked.c) -------------------------------------------
 * A rewrite is a chain of steps, each copying runs of its input and
 * inserting new words. Every byte carries the offset of the original plain
 * byte it was copied from (or -1 when inserted), so the final text can be
 * written back as minimal source edits: runs that stayed in order are left
 * alone, moved runs are copied from their source, new words are escaped. */
typedef struct {
    RlsBuf text;
    int32_t *origin;
    size_t cap;
} RlsTracked;

void rls_tracked_init(RlsTracked *self);
/* Initialises to plain[0..len) with origins 0..len-1. */
void rls_tracked_init_plain(RlsTracked *self, const char *plain, size_t len);
void rls_tracked_close(RlsTracked *self);
void rls_tracked_clear(RlsTracked *self);
/* Appends src bytes [start, end) with their origins. */
void rls_tracked_copy(RlsTracked *self, const RlsTracked *src, size_t start, size_t end);
/* Appends new text (origin -1). */
void rls_tracked_lit(RlsTracked *self, const char *s, size_t len);
void rls_tracked_puts(RlsTracked *self, const char *s);
/* Moves src into self (self's old content is freed; src is left empty). */
void rls_tracked_move(RlsTracked *self, RlsTracked *src);
/* Byte range in self whose origins fall in [plain_start, plain_end), as
 * [*start, *end); false when none of those bytes survive. */
bool rls_tracked_find(const RlsTracked *self, uint32_t plain_start, uint32_t plain_end,
                      uint32_t *start, uint32_t *end);

/* ---- Rewrite steps (rewrite.c, fixes.c) ------------------------------------
 * A step reads in->text, and for alternative number in->alt (0 = the best)
 * writes the rewritten text to *out (empty on entry) and an owned title to
 * *title, returning true; false when it has nothing (more) to offer,
 * leaving *out and *title untouched. [hint_start, hint_end) is where the
 * finding is in the text; a hint covering the whole text means "fix every
 * occurrence". present: the bullet's role is written in the present
 * (rls_actions_entry_present), so verbs go to the base form ("Reduce")
 * rather than the past ("Reduced"). */
typedef struct {
    const RlsTracked *text;
    uint32_t hint_start;
    uint32_t hint_end;
    int alt;
    bool present;
    /* The whole resume, or NULL (plain-text rewrites): steps that must not
     * repeat what other bullets say (repeated-verb) look here. */
    const RlsResume *model;
} RlsStepIn;

typedef struct {
    RlsTracked *text;
    char *title; /* owned by the caller after a true return */
    /* SAFE: fix-all may apply it; PLACEHOLDER: only when placeholders are
     * asked for; CHOICE: only when the writer picks it (rls/actions.h). */
    RlsApplicability applicability;
} RlsStepOut;

typedef bool (*RlsRewriteStep)(const RlsStepIn *in, RlsStepOut *out);

/* The step that fixes a rule, or NULL. */
RlsRewriteStep rls_rewrite_step_for(const char *rule);

bool rls_rewrite_first_person(const RlsStepIn *in, RlsStepOut *out);
bool rls_rewrite_weak_opener(const RlsStepIn *in, RlsStepOut *out);
bool rls_rewrite_passive(const RlsStepIn *in, RlsStepOut *out);
bool rls_rewrite_numbers(const RlsStepIn *in, RlsStepOut *out);
bool rls_rewrite_vague(const RlsStepIn *in, RlsStepOut *out);
bool rls_rewrite_buzzword(const RlsStepIn *in, RlsStepOut *out);
bool rls_rewrite_no_metric(const RlsStepIn *in, RlsStepOut *out);
bool rls_rewrite_tense(const RlsStepIn *in, RlsStepOut *out);
bool rls_rewrite_repeated_verb(const RlsStepIn *in, RlsStepOut *out);
/* Moves a buried result to the front (no rule: offered on any bullet). */
bool rls_rewrite_outcome_first(const RlsStepIn *in, RlsStepOut *out);

/* One finding to fix in a pipeline: a rule and its plain-text range in the
 * text the pipeline starts from. */
typedef struct {
    const char *rule;
    uint32_t plain_start;
    uint32_t plain_end;
} RlsFixRequest;

/* The whole-bullet pipeline behind rls_rewrite_bullet, the REWRITE action
 * and fix-all: applies the first alternative of each request in rule order
 * (passive, first person, tense, weak opener, numbers, vague words,
 * buzzwords), then outcome-first when `restructure`, then a no-metric
 * placeholder if requested, each only when it is SAFE (or, when
 * `placeholders`, a PLACEHOLDER fix). Returns true when the text changed. */
bool rls_rewrite_pipeline(const RlsTracked *in, const RlsFixRequest *reqs, size_t n_reqs,
                          bool restructure, bool present, bool placeholders, RlsTracked *out);

/* ---- Claim strength (strength.c, data/verb-strength.tsv) ---------------------
 * How much a verb or a duty phrase claims, in five ordered classes. A SAFE
 * fix never writes a verb of a higher class than the phrase it replaces
 * ("Worked on" is participation, "Built" execution: a choice, never safe);
 * a choice never offers leadership for less than an ownership phrase. */
typedef enum {
    RLS_STRENGTH_UNKNOWN = 0,
    RLS_STRENGTH_PARTICIPATION = 1, /* worked on, participated in, part of */
    RLS_STRENGTH_CONTRIBUTION = 2,  /* helped, assisted, contributed to, partnered */
    RLS_STRENGTH_EXECUTION = 3,     /* built, migrated, wrote, used, tasked with */
    RLS_STRENGTH_OWNERSHIP = 4,     /* owned, drove, delivered, responsible for */
    RLS_STRENGTH_LEADERSHIP = 5,    /* led, managed, directed, headed */
} RlsStrength;

/* The class of a lower- or mixed-case phrase ("in charge of") or verb in any
 * form ("led", "leads", "leading", "lead"); RLS_STRENGTH_UNKNOWN when the
 * lexicon does not list it. */
RlsStrength rls_strength_of(const char *words, size_t len);
/* The class of a verb a fix writes: unlisted verbs do something
 * (RLS_STRENGTH_EXECUTION). Takes a past or base form, optionally followed
 * by a preposition ("contributed to", "partnered with"). */
RlsStrength rls_strength_of_written(const char *verb);
/* "participation", "contribution", ... Static. */
const char *rls_strength_name(RlsStrength s);

/* Whether verbs of the bullets of entry go to the present (base form):
 * the role is current and most of its bullets open in the present tense.
 * False for a past role, a role without dates, or entry < 0. */
bool rls_actions_entry_present(const RlsResume *model, int32_t entry);

/* Rule ids with a plain-text fix (NULL-terminated). */
extern const char *const rls_rewrite_rules[];

/* Shared by the steps (rewrite.c). The verb form a bullet opens with:
 * base when present, else past. */
const char *rls_verb_out(const RlsVerb *v, bool present);
/* Whether the word at tok is a verb in the past tense (or, guessing, looks
 * like one); fills *v. */
bool rls_word_past(const char *text, RlsTok tok, bool guess, RlsVerb *v);
/* Appends a title "Replace “old” with “new”" style to a buffer, shortening
 * long quotes. Returns owned. */
char *rls_title_replace(const char *old, size_t old_len, const char *new_text, size_t new_len);
/* Appends the tail of in from byte `from`, fixing a leading lower-case
 * letter when `cap` (start of the bullet). */
void rls_tracked_copy_cap(RlsTracked *out, const RlsTracked *in, size_t start, size_t end,
                          bool cap);

/* Small shared helpers. */
/* Appends word with its first letter upper-cased (ASCII). */
void rls_tracked_lit_cap(RlsTracked *self, const char *word, bool cap);

/* ---- Source edits (edits.c) ---------------------------------------------- */

/* Turns the rewritten bullet `t` (origins into plain) into source edits
 * appended to *edits (owned items), escaped for `format`. Returns 0, or
 * RLS_EREFUSED when a changed or moved range crosses markup. */
int rls_edits_from_tracked(const RlsPlain *plain, const char *src, uint32_t src_len,
                           RlsFormat format, const RlsTracked *t, RlsTextEdit **edits,
                           size_t *n_edits);

/* Whether source bytes [start, end) of src, inside the bullet spanning
 * [from, to), touch text that is not the writer's prose: a quoted or
 * emphasised title ("..." “...” *...* _..._ \emph{} \textit{} ``...''),
 * a code span (`...`, \texttt{}, \verb), link text or a URL ([..](..),
 * <http..>, bare http(s):// and www., \href{}{}, \url{}). An insertion
 * (start == end) touches a span when it falls strictly inside it. An edit
 * that replaces a whole span with text holding it verbatim (new_text, may
 * be NULL) only moves it, and does not touch it. Fixes never edit such
 * text. */
bool rls_edits_touch_protected(const char *src, uint32_t from, uint32_t to, RlsFormat format,
                               uint32_t start, uint32_t end, const char *new_text);
/* Appends text escaped for format (LaTeX specials; Markdown emphasis and
 * code markers). at_item_start: the text begins right after a LaTeX \item,
 * where a "[" would start an optional argument. */
void rls_escape_append(RlsBuf *out, RlsFormat format, const char *text, size_t len,
                       bool at_item_start);

#endif /* RLS_ACTIONS_INTERNAL_H_ */
