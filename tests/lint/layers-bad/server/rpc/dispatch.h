/* the dispatcher. */
#include "rls/model.h"
