/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "acr-core.h"

G_BEGIN_DECLS

#define ACR_TYPE_FRAMEWORK_VIEW (acr_framework_view_get_type ())

G_DECLARE_FINAL_TYPE (AcrFrameworkView, acr_framework_view, ACR, FRAMEWORK_VIEW, GtkWidget)

GtkWidget    *acr_framework_view_new           (void);
/* The framework shown, or NULL (transfer none). */
AcrFramework *acr_framework_view_get_framework (AcrFrameworkView *self);
/* Shows @framework (with its dimensions and levels, as acr_framework_list () and
 * acr_framework_load () give them); the view keeps a reference. NULL empties the view. */
void          acr_framework_view_set_framework (AcrFrameworkView *self,
                                                AcrFramework     *framework);

G_END_DECLS
