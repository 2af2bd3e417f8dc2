/* rpc dispatching into lsp: points up, and makes a cycle with lsp/server.h. */
#include "lsp/server.h"
