/*
 * actions.h - code actions: rewrites of weak bullets, per-rule quick fixes,
 * fix-all, and suppression comments.
 *
 * Two layers, both pure (no I/O, no global state):
 *
 *   1. Plain-text rewrites. A rewrite takes a bullet's plain text (what a
 *      reader sees, model.h) and returns new plain text. Rewrites never
 *      invent a fact: every number, name and claim in the output comes from
 *      the input; a missing figure becomes a visible placeholder such as
 *      "[N]%" or "[metric]" (RLS_PLACEHOLDER_* below), never a digit.
 *
 *   2. Source actions. The rewritten plain text is written back through the
 *      bullet's source map as the smallest set of source edits: text that
 *      stays in place is never touched (its markup survives), moved text is
 *      copied from its source bytes (escapes survive), and inserted text is
 *      escaped for the document's format (LaTeX \% \$ \& \# \_ ...). Where an
 *      edit would cross markup it cannot preserve (half of "**bold**"), the
 *      action is not offered: an action never breaks a document.
 *
 * The language server turns an RlsAction into an LSP CodeAction: `title`
 * goes to the lightbulb menu, `rule` + `diag_span` link it to the
 * diagnostic it fixes (diagnostic code = rule id, range = diag_span),
 * `preferred` becomes isPreferred, `kind` picks the CodeActionKind.
 * The command line applies the preferred ones (rls_actions_fix_all).
 */
#ifndef RLS_ACTIONS_H_
#define RLS_ACTIONS_H_

#include "rls/buf.h"
#include "rls/diag.h"
#include "rls/model.h"

/* ---- Values ------------------------------------------------------------- */

/* Placeholders a rewrite leaves for the person to fill in. They contain no
 * digit, so no rewrite ever reads as a real figure. */
#define RLS_PLACEHOLDER_COUNT "[N]"
#define RLS_PLACEHOLDER_METRIC "[metric]"

/* Replace source bytes [span.start_byte, span.end_byte) with new_text
 * (owned, NUL-terminated, already escaped for the format). An empty span is
 * an insertion. */
typedef struct {
    RlsSpan span;
    char *new_text;
} RlsTextEdit;

typedef enum {
    RLS_ACTION_QUICKFIX = 0, /* fixes one diagnostic (LSP "quickfix") */
    RLS_ACTION_REWRITE,      /* restructures a bullet ("refactor.rewrite") */
    RLS_ACTION_FIX_ALL,      /* every preferred fix ("source.fixAll.resume-ls") */
    RLS_ACTION_SUPPRESS,     /* inserts a resume-ls-disable comment ("quickfix") */
} RlsActionKind;

/* The LSP CodeActionKind string for a kind ("quickfix", ...). Static. */
const char *rls_action_kind_name(RlsActionKind kind);

/* How sure a fix is, as compilers grade their suggestions (rustc's
 * MachineApplicable / MaybeIncorrect / HasPlaceholders, ESLint's fix versus
 * suggestion). Only SAFE fixes are applied without asking: `resume-ls fix`,
 * fix-all (source.fixAll.resume-ls) and isPreferred. */
typedef enum {
    /* Keeps the meaning and the strength of the claim: "Responsible for
     * migrating X" -> "Migrated X", "thirty percent" -> "30%", dropping "I". */
    RLS_APPLY_SAFE = 0,
    /* Inserts slots for the writer to fill ("[N]%", "[metric]"): applied by
     * `fix --placeholders`, otherwise only when picked from the menu. */
    RLS_APPLY_PLACEHOLDER,
    /* Says more than the source does, or picks one of several readings (a
     * verb for "Worked on X"): the writer must choose; never applied by fix
     * or fix-all, never preferred. */
    RLS_APPLY_CHOICE,
} RlsApplicability;

/* "safe", "placeholder" or "needs-choice". Static. */
const char *rls_applicability_name(RlsApplicability a);

typedef struct {
    char *title;       /* owned; what a person reads in a lightbulb menu */
    const char *rule;  /* static rule id this action answers, or NULL */
    RlsSpan diag_span; /* span of the diagnostic it answers ({0,0} if none) */
    int32_t bullet;    /* bullet index in the model, or -1 */
    RlsActionKind kind;
    bool preferred; /* the one fix to apply without asking (always a SAFE one) */
    RlsApplicability applicability;
    RlsTextEdit *edits; /* owned; sorted by span, never overlapping */
    size_t n_edits;
} RlsAction;

typedef struct {
    RlsAction *items;
    size_t len;
    size_t cap;
} RlsActionList;

void rls_action_list_init(RlsActionList *self);
/* Frees every action, its title and edits; the struct may be reused after
 * rls_action_list_init. */
void rls_action_list_close(RlsActionList *self);
/* Frees the actions but keeps the capacity. */
void rls_action_list_clear(RlsActionList *self);

/* ---- Source actions ------------------------------------------------------
 * All of these borrow model and src (the text the model was built from),
 * append to *out and return 0; RLS_EINVAL for a NULL argument or a model
 * that does not belong to src (src_len differs). An action that cannot be
 * written back safely is silently left out, so an empty list is normal. */

/* Quick fixes for one diagnostic, best first; at most one is preferred.
 * Diagnostics without a bullet (diag->bullet < 0) get fixes only where the
 * rule has a document-level fix (nonstandard-heading). */
int rls_actions_for_diag(const RlsResume *model, const char *src, uint32_t src_len,
                         const RlsDiag *diag, RlsActionList *out);

/* The outcome-first rewrite of one bullet (a REWRITE action), offered when
 * it differs from the bullet: every rule fix that applies to the bullet's
 * diagnostics in diags (may be NULL), then the result moved to the front
 * ("Added X, which cut Y by 40%" -> "Cut Y by 40% by adding X"). */
int rls_actions_for_bullet(const RlsResume *model, const char *src, uint32_t src_len,
                           uint32_t bullet, const RlsDiagList *diags, RlsActionList *out);

typedef struct {
    /* Also restructure every bullet outcome-first (what
     * rls_actions_for_bullet offers), not only fix diagnostics. */
    bool restructure;
    /* Also apply PLACEHOLDER fixes (SAFE ones are always applied; CHOICE
     * ones never are). */
    bool placeholders;
} RlsFixOptions;

/* One FIX_ALL action holding the SAFE fix (and, with opts->placeholders,
 * the PLACEHOLDER fix) of every diagnostic in diags, composed per bullet
 * (so "I was responsible for migrating X" gets both the first-person and
 * the weak-opener fix), with non-overlapping edits; never a CHOICE. opts
 * may be NULL (defaults). Appends nothing when there is nothing to fix.
 * Applying it and re-checking gives a document on which fix-all changes
 * nothing more (a fixed point). */
int rls_actions_fix_all(const RlsResume *model, const char *src, uint32_t src_len,
                        const RlsDiagList *diags, const RlsFixOptions *opts, RlsActionList *out);

/* Two SUPPRESS actions for diag: "Disable RULE for this line" (a
 * resume-ls-disable-next-line comment on its own line before the finding,
 * indented like it) and "Disable RULE for this file" (a resume-ls-disable
 * comment at the top, after any YAML front matter). Markdown gets
 * "<!-- ... -->", LaTeX "% ...". The line action is left out where a
 * comment line would split a Markdown paragraph (a finding on a
 * continuation line of a bullet). */
int rls_actions_suppress(const RlsResume *model, const char *src, uint32_t src_len,
                         const RlsDiag *diag, RlsActionList *out);

/* Applies edits (sorted or not) to src[0..src_len) and appends the result
 * to *out. Returns RLS_ERANGE when an edit leaves the document and
 * RLS_EINVAL when two edits overlap (two insertions at one point are
 * applied in array order); *out is untouched on error. */
int rls_edits_apply(const char *src, uint32_t src_len, const RlsTextEdit *edits, size_t n_edits,
                    RlsBuf *out);

/* ---- Plain-text rewrites -------------------------------------------------
 * Pure functions on a bullet's plain text, for tests, previews (hover) and
 * the source actions above. */

typedef struct {
    char *text;     /* owned; the whole rewritten bullet */
    char *title;    /* owned; e.g. "Replace “Responsible for migrating” with “Migrated”" */
    bool preferred; /* the first SAFE rewrite */
    RlsApplicability applicability;
} RlsRewrite;

typedef struct {
    RlsRewrite *items;
    size_t len;
    size_t cap;
} RlsRewriteList;

void rls_rewrite_list_init(RlsRewriteList *self);
void rls_rewrite_list_close(RlsRewriteList *self);

/* The rewrites that fix `rule` on plain[0..len), best first. The finding
 * is at plain bytes [plain_start, plain_end) (a hint; each rewrite finds
 * its words again, so 0/len is fine). Returns the number appended (0 when
 * the rule has no fix here; never negative for a known or unknown rule). */
int rls_rewrite_rule(const char *rule, const char *plain, size_t len, uint32_t plain_start,
                     uint32_t plain_end, RlsRewriteList *out);

/* The full rewrite of one bullet: first-person, weak openers, passive
 * voice, spelled-out numbers and vague quantifiers fixed, the outcome moved
 * to the front. No placeholder metric is appended. Returns an owned string
 * (free with rls_free), or NULL when the bullet is already in shape. */
char *rls_rewrite_bullet(const char *plain, size_t len);

#endif /* RLS_ACTIONS_H_ */
