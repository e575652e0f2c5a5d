/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "acr-core.h"

G_BEGIN_DECLS

#define ACR_TYPE_CURRICULUM_EDITOR (acr_curriculum_editor_get_type ())

G_DECLARE_FINAL_TYPE (AcrCurriculumEditor, acr_curriculum_editor, ACR, CURRICULUM_EDITOR, GtkWidget)

/* An editor of curricula of @store; shows nothing until acr_curriculum_editor_load(). It emits
 * "close" when the user goes back. */
GtkWidget     *acr_curriculum_editor_new            (AcrStore             *store);
AcrStore      *acr_curriculum_editor_get_store      (AcrCurriculumEditor  *self);
/* The curriculum shown (owned by the editor, replaced after a failed save by what the
 * database holds), NULL before the first load. */
AcrCurriculum *acr_curriculum_editor_get_curriculum (AcrCurriculumEditor  *self);
/* Reads curriculum @curriculum_id from the store and shows it. */
gboolean       acr_curriculum_editor_load           (AcrCurriculumEditor  *self,
                                                     gint64                curriculum_id,
                                                     GError              **error);

G_END_DECLS
