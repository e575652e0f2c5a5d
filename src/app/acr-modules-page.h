/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "acr-list-page.h"

G_BEGIN_DECLS

#define ACR_TYPE_MODULES_PAGE (acr_modules_page_get_type ())

G_DECLARE_FINAL_TYPE (AcrModulesPage, acr_modules_page, ACR, MODULES_PAGE, AcrListPage)

/* Copies module @module_id, with its outcomes, level assignments and rubric, into a new
 * draft coded "<CODE>-COPY" (or "-COPY-2"…) in one transaction and opens it. Returns the
 * copy's id, 0 on error. */
gint64    acr_modules_page_duplicate_module (AcrModulesPage  *self,
                                             gint64           module_id,
                                             GError         **error);
/* Hides module @module_id from the list and offers to undo in a toast; the module is
 * deleted for real when the toast goes away without Undo. Fails at once, deleting nothing,
 * when the store would refuse the deletion. @out_toast (may be NULL) receives the toast
 * (owned by the window), NULL when the page is in no window and the module was deleted at
 * once. */
gboolean  acr_modules_page_delete_module    (AcrModulesPage  *self,
                                             gint64           module_id,
                                             AdwToast       **out_toast,
                                             GError         **error);

G_END_DECLS
