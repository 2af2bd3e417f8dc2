/* lsp on rpc: allowed alone. */
#include "rpc/dispatch.h"
