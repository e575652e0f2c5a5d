/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_TYPE_COMPLETENESS (acr_completeness_get_type ())

G_DECLARE_FINAL_TYPE (AcrCompleteness, acr_completeness, ACR, COMPLETENESS, GObject)

/* Which of the 11 mandatory elements of Annex I of the EU recommendation on
 * micro-credentials the module @self has. Learner and date of issuing are supplied at
 * issuance and count as present. Outcomes and levels are read for the saved module (none for
 * an unsaved one), the other elements from @self as it is. */
AcrCompleteness *acr_module_check_completeness      (AcrModule        *self,
                                                     AcrStore         *store,
                                                     GError          **error);

/* 11. */
guint            acr_completeness_get_n_total       (AcrCompleteness  *self);
guint            acr_completeness_get_n_present     (AcrCompleteness  *self);
gboolean         acr_completeness_is_complete       (AcrCompleteness  *self);
guint            acr_completeness_get_n_missing     (AcrCompleteness  *self);
/* The @index-th missing element, in Annex I order: its stable id ("learning-outcomes"),
 * what to do ("Add at least one learning outcome.", translated) and the module property or
 * part to change ("workload-hours", "organisation-id", "outcomes", "levels"). Each out
 * argument may be NULL; the strings are static. FALSE when @index is out of range. */
gboolean         acr_completeness_get_missing       (AcrCompleteness  *self,
                                                     guint             index,
                                                     const char      **element,
                                                     const char      **message,
                                                     const char      **property);
/* TRUE when @element (a stable id) is missing. */
gboolean         acr_completeness_is_missing        (AcrCompleteness  *self,
                                                     const char       *element);

/* The stable id of the @index-th Annex I element (0 … 10), NULL beyond. */
const char      *acr_completeness_get_element       (guint             index);
/* The translated label of @element ("Learning outcomes"), NULL for an unknown id. */
const char      *acr_completeness_get_element_label (const char       *element);

G_END_DECLS
