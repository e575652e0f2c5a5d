/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "acr-core.h"

G_BEGIN_DECLS

#define ACR_TYPE_MODULE_ROW (acr_module_row_get_type ())

G_DECLARE_FINAL_TYPE (AcrModuleRow, acr_module_row, ACR, MODULE_ROW, GtkWidget)

GtkWidget *acr_module_row_new      (void);
AcrModule *acr_module_row_get_item (AcrModuleRow *self);
/* Shows @module (may be NULL, for a recycled row). */
void       acr_module_row_set_item (AcrModuleRow *self,
                                    AcrModule    *module);

G_END_DECLS
