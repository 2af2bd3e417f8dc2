/*
 * fix_all.c - fix-all as the language server and `resume-ls fix`
 * apply it (see rls/fix_all.h).
 */
#include "rls/fix_all.h"

int rls_fix_all_actions(const RlsResume *model, const char *src, uint32_t src_len,
                        const RlsDiagList *diags, const RlsFixAllOptions *opts,
                        RlsActionList *out) {
    if (!model || !src || !out) return RLS_EINVAL;
    /* Which fixes go in is decided where each fix is graded (its
     * RlsApplicability): SAFE always, PLACEHOLDER on request, CHOICE never. */
    RlsFixOptions fo = {opts && opts->restructure, opts && opts->placeholders};
    return rls_actions_fix_all(model, src, src_len, diags, &fo, out);
}
