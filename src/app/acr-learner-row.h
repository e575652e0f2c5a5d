/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "acr-core.h"

G_BEGIN_DECLS

#define ACR_TYPE_LEARNER_ROW (acr_learner_row_get_type ())

G_DECLARE_FINAL_TYPE (AcrLearnerRow, acr_learner_row, ACR, LEARNER_ROW, GtkWidget)

GtkWidget  *acr_learner_row_new      (void);
AcrLearner *acr_learner_row_get_item (AcrLearnerRow *self);
/* Shows @learner (may be NULL, for a recycled row). */
void        acr_learner_row_set_item (AcrLearnerRow *self,
                                      AcrLearner    *learner);

G_END_DECLS
