/*
 * methods.h - the language server's side of the dispatcher: the one table of
 * the LSP methods resume-ls answers, and the server's callbacks, handed to
 * rpc/dispatch.h (which includes nothing of lsp/).
 */
#ifndef RLS_LSP_METHODS_H_
#define RLS_LSP_METHODS_H_

#include "lsp/server.h"
#include "rpc/dispatch.h"

/* Initialises dispatch (caller-owned; close with rls_dispatch_close) to route
 * every message to srv, which is borrowed and must outlive it. */
void rls_lsp_dispatch_init(RlsDispatch *dispatch, RlsServer *srv);

/* The method table, for tests and documentation. */
const RlsMethod *rls_lsp_methods(size_t *count);

#endif /* RLS_LSP_METHODS_H_ */
