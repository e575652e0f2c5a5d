/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_TYPE_FRAMEWORK_LEVEL (acr_framework_level_get_type ())

G_DECLARE_FINAL_TYPE (AcrFrameworkLevel, acr_framework_level, ACR, FRAMEWORK_LEVEL, GObject)

/* Called for each descriptor of a level, ordered by dimension code, then language. */
typedef void (*AcrFrameworkDescriptorFunc) (const char *dimension_code,
                                            const char *lang,
                                            const char *text,
                                            gpointer    user_data);

/* One level of a framework with its descriptors per dimension and language. It is saved
 * with its framework (acr_framework_save); it has no persistence of its own. */
AcrFrameworkLevel *acr_framework_level_new                (void);
/* A level with its number, label and EQF level set (@label NULL: the number). */
AcrFrameworkLevel *acr_framework_level_new_full           (int                         level,
                                                           const char                 *label,
                                                           int                         eqf_level);

/* The row id, set by loading or saving the framework (0 = not saved). Saving a framework
 * replaces its level rows, so the id changes with every save. */
gint64             acr_framework_level_get_id             (AcrFrameworkLevel          *self);
/* 1 to 8 (0 = unset). */
int                acr_framework_level_get_level          (AcrFrameworkLevel          *self);
void               acr_framework_level_set_level          (AcrFrameworkLevel          *self,
                                                           int                         level);
/* How the framework writes the level ("4", "IV"); saving sets an unset label to the number. */
const char        *acr_framework_level_get_label          (AcrFrameworkLevel          *self);
void               acr_framework_level_set_label          (AcrFrameworkLevel          *self,
                                                           const char                 *label);
/* The EQF level (1 to 8) this level is referenced to; for the EQF itself, the level. */
int                acr_framework_level_get_eqf_level      (AcrFrameworkLevel          *self);
void               acr_framework_level_set_eqf_level      (AcrFrameworkLevel          *self,
                                                           int                         eqf_level);
/* Typical qualifications at this level, free text; NULL or "" = none. */
const char        *acr_framework_level_get_examples_de    (AcrFrameworkLevel          *self);
void               acr_framework_level_set_examples_de    (AcrFrameworkLevel          *self,
                                                           const char                 *examples);
const char        *acr_framework_level_get_examples_en    (AcrFrameworkLevel          *self);
void               acr_framework_level_set_examples_en    (AcrFrameworkLevel          *self,
                                                           const char                 *examples);

/* The descriptor for the dimension code @dimension in @lang, else in "en", else in "de";
 * NULL when there is none. @lang NULL asks for "en" first. */
const char        *acr_framework_level_get_descriptor     (AcrFrameworkLevel          *self,
                                                           const char                 *dimension,
                                                           const char                 *lang);
/* Sets the descriptor for the dimension code @dimension in @lang ("de", "en"); @text NULL
 * or "" removes it. */
void               acr_framework_level_set_descriptor     (AcrFrameworkLevel          *self,
                                                           const char                 *dimension,
                                                           const char                 *lang,
                                                           const char                 *text);
guint              acr_framework_level_get_n_descriptors  (AcrFrameworkLevel          *self);
void               acr_framework_level_foreach_descriptor (AcrFrameworkLevel          *self,
                                                           AcrFrameworkDescriptorFunc  func,
                                                           gpointer                    user_data);

G_END_DECLS
