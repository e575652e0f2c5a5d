/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_TYPE_FRAMEWORK_DIMENSION (acr_framework_dimension_get_type ())

G_DECLARE_FINAL_TYPE (AcrFrameworkDimension, acr_framework_dimension, ACR, FRAMEWORK_DIMENSION,
                      GObject)

/* One column of a framework's descriptor grid ("knowledge", "skills", "autonomy"). It is
 * saved with its framework (acr_framework_save); it has no persistence of its own. */
AcrFrameworkDimension *acr_framework_dimension_new          (void);
/* A dimension with its code and titles set. */
AcrFrameworkDimension *acr_framework_dimension_new_full     (const char            *code,
                                                             const char            *title_de,
                                                             const char            *title_en);

/* The row id, set by loading or saving the framework (0 = not saved). Saving a framework
 * replaces its dimension rows, so the id changes with every save. */
gint64                 acr_framework_dimension_get_id       (AcrFrameworkDimension *self);
/* A short code, unique in the framework: letters, digits, '-' and '_' ("knowledge"). */
const char            *acr_framework_dimension_get_code     (AcrFrameworkDimension *self);
void                   acr_framework_dimension_set_code     (AcrFrameworkDimension *self,
                                                             const char            *code);
/* 1-based place among the framework's dimensions; saving sets it from the list order. */
int                    acr_framework_dimension_get_position (AcrFrameworkDimension *self);
void                   acr_framework_dimension_set_position (AcrFrameworkDimension *self,
                                                             int                    position);
const char            *acr_framework_dimension_get_title_de (AcrFrameworkDimension *self);
void                   acr_framework_dimension_set_title_de (AcrFrameworkDimension *self,
                                                             const char            *title_de);
const char            *acr_framework_dimension_get_title_en (AcrFrameworkDimension *self);
void                   acr_framework_dimension_set_title_en (AcrFrameworkDimension *self,
                                                             const char            *title_en);

G_END_DECLS
