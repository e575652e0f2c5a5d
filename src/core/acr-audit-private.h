/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Recording changes in the audit log from the domain types' write paths. */

#pragma once

#include "acr-audit.h"

G_BEGIN_DECLS

/* acr_audit_append() without detail, the summary formatted like printf. Call it inside the
 * transaction of the change, before the commit; on failure roll the change back. */
gboolean  _acr_audit_appendf  (AcrStore    *store,
                               const char  *action,
                               const char  *object_type,
                               gint64       object_id,
                               GError     **error,
                               const char  *format,
                               ...) G_GNUC_PRINTF (6, 7);

G_END_DECLS
