/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "acr-core.h"

G_BEGIN_DECLS

#define ACR_TYPE_RUBRIC_EDITOR (acr_rubric_editor_get_type ())

G_DECLARE_FINAL_TYPE (AcrRubricEditor, acr_rubric_editor, ACR, RUBRIC_EDITOR, AdwBin)

/* An editor of the rubric of module @module_id (0 = none yet) in @store. */
GtkWidget *acr_rubric_editor_new           (AcrStore         *store,
                                            gint64            module_id);
AcrStore  *acr_rubric_editor_get_store     (AcrRubricEditor  *self);
gint64     acr_rubric_editor_get_module_id (AcrRubricEditor  *self);
/* Saves what is pending for the old module, then loads the rubric of @module_id. */
void       acr_rubric_editor_set_module_id (AcrRubricEditor  *self,
                                            gint64            module_id);
/* The rubric shown (owned by the editor), NULL while the module has none. */
AcrRubric *acr_rubric_editor_get_rubric    (AcrRubricEditor  *self);
/* Saves pending changes at once instead of after the pause; TRUE when nothing was pending.
 * On failure the error is also shown in the editor. */
gboolean   acr_rubric_editor_save_now      (AcrRubricEditor  *self,
                                            GError          **error);
/* Drops unsaved changes and shows the rubric as the database has it. */
void       acr_rubric_editor_reload        (AcrRubricEditor  *self);

G_END_DECLS
