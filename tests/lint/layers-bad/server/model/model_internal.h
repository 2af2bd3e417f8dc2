/* the model's own. */
#include "rls/model.h"
