/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "acr-core.h"

G_BEGIN_DECLS

#define ACR_TYPE_CURRICULUM_ROW (acr_curriculum_row_get_type ())

G_DECLARE_FINAL_TYPE (AcrCurriculumRow, acr_curriculum_row, ACR, CURRICULUM_ROW, GtkWidget)

GtkWidget     *acr_curriculum_row_new      (void);
AcrCurriculum *acr_curriculum_row_get_item (AcrCurriculumRow *self);
/* Shows @curriculum (may be NULL, for a recycled row). */
void           acr_curriculum_row_set_item (AcrCurriculumRow *self,
                                            AcrCurriculum    *curriculum);

G_END_DECLS
