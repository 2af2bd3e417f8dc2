/* the shell reaching a core folder instead of include/rls/. */
#include "model/builder.h"
