/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "acr-core.h"

G_BEGIN_DECLS

#define ACR_TYPE_FRAMEWORK_ROW (acr_framework_row_get_type ())

G_DECLARE_FINAL_TYPE (AcrFrameworkRow, acr_framework_row, ACR, FRAMEWORK_ROW, GtkWidget)

GtkWidget    *acr_framework_row_new      (void);
AcrFramework *acr_framework_row_get_item (AcrFrameworkRow *self);
/* Shows @framework (may be NULL, for a recycled row). */
void          acr_framework_row_set_item (AcrFrameworkRow *self,
                                          AcrFramework    *framework);

G_END_DECLS
