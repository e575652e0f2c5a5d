/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "acr-core.h"

G_BEGIN_DECLS

#define ACR_TYPE_MODULE_EDITOR (acr_module_editor_get_type ())

G_DECLARE_FINAL_TYPE (AcrModuleEditor, acr_module_editor, ACR, MODULE_EDITOR, GtkWidget)

/* An editor of module versions of @store; shows nothing until acr_module_editor_load(). It
 * emits "close" when the user goes back (or deletes the version shown). */
GtkWidget *acr_module_editor_new            (AcrStore         *store);
AcrStore  *acr_module_editor_get_store      (AcrModuleEditor  *self);
/* The module version shown (owned by the editor), NULL before the first load and after
 * deleting it. */
AcrModule *acr_module_editor_get_module     (AcrModuleEditor  *self);
/* Reads module version @module_id from the store and shows it; clears the undo history. */
gboolean   acr_module_editor_load           (AcrModuleEditor  *self,
                                             gint64            module_id,
                                             GError          **error);
/* Moves the keyboard focus to the row of module property @property ("title",
 * "workload-hours", "organisation-id"…) or to the part "outcomes" or "levels", scrolling
 * it into view; FALSE when the editor has no such row. */
gboolean   acr_module_editor_focus_property (AcrModuleEditor  *self,
                                             const char       *property);

G_END_DECLS
