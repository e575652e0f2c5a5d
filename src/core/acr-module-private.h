/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Internals shared by the module and its children (outcomes, level assignments). */

#pragma once

#include "acr-module.h"
#include "acr-store-private.h"

G_BEGIN_DECLS

/* Checks that the module @module_id exists (else sets @missing_code with a sentence) and is
 * not frozen (else ACR_STORE_ERROR_READ_ONLY). Call inside the transaction of the change. */
gboolean  _acr_module_check_editable  (AcrStore  *store,
                                       gint64     module_id,
                                       int        missing_code,
                                       GError   **error);
/* Records a change of the module's children: updated-at and last-editor. */
gboolean  _acr_module_touch           (AcrStore  *store,
                                       gint64     module_id,
                                       GError   **error);
/* Sets a READ_ONLY error naming version @version of @code in @status. */
void      _acr_module_set_frozen_error (GError    **error,
                                        const char *code,
                                        int         version,
                                        AcrStatus   status);

G_END_DECLS
