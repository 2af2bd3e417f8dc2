/*
 * kw_internal.h - what the files of server/keywords/ share beyond the public
 * header (the catalogue's character classes come with catalogue/tokens.h).
 */
#ifndef RLS_KEYWORDS_KW_INTERNAL_H_
#define RLS_KEYWORDS_KW_INTERNAL_H_

#include "catalogue/tokens.h"
#include "rls/keyword_report.h"

/* True when a broader listed term names this one: "AWS" listed covers
 * "AWS Lambda" used in a bullet. */
bool rls_kw__listed_via_parent(const RlsKwReport *report, uint32_t term);

#endif /* RLS_KEYWORDS_KW_INTERNAL_H_ */
