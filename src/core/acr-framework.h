/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-types.h"
#include "acr-framework-dimension.h"
#include "acr-framework-level.h"
#include "acr-paged-list.h"

G_BEGIN_DECLS

#define ACR_TYPE_FRAMEWORK (acr_framework_get_type ())

G_DECLARE_FINAL_TYPE (AcrFramework, acr_framework, ACR, FRAMEWORK, GObject)

AcrFramework          *acr_framework_new              (void);

gint64                 acr_framework_get_id           (AcrFramework           *self);
/* 1 to 32 uppercase letters, digits and '-' ("EQF", "DQR", "NQR-AT"); unique. */
const char            *acr_framework_get_code         (AcrFramework           *self);
void                   acr_framework_set_code         (AcrFramework           *self,
                                                       const char             *code);
const char            *acr_framework_get_title_de     (AcrFramework           *self);
void                   acr_framework_set_title_de     (AcrFramework           *self,
                                                       const char             *title_de);
const char            *acr_framework_get_title_en     (AcrFramework           *self);
void                   acr_framework_set_title_en     (AcrFramework           *self,
                                                       const char             *title_en);
/* ISO 3166 code of the framework's country; NULL for a European or custom framework. */
const char            *acr_framework_get_country      (AcrFramework           *self);
void                   acr_framework_set_country      (AcrFramework           *self,
                                                       const char             *country);
/* Free text, "1" for a new framework. */
const char            *acr_framework_get_version      (AcrFramework           *self);
void                   acr_framework_set_version      (AcrFramework           *self,
                                                       const char             *version);
/* An http(s) URI identifying the framework; NULL or "" = none. */
const char            *acr_framework_get_uri          (AcrFramework           *self);
void                   acr_framework_set_uri          (AcrFramework           *self,
                                                       const char             *uri);
/* TRUE for the EQF itself (at most one framework); its levels are their own EQF levels. */
gboolean               acr_framework_get_is_eqf       (AcrFramework           *self);
void                   acr_framework_set_is_eqf       (AcrFramework           *self,
                                                       gboolean                is_eqf);
const char            *acr_framework_get_created_at   (AcrFramework           *self);
const char            *acr_framework_get_updated_at   (AcrFramework           *self);

/* The dimensions in their order, a GListModel of AcrFrameworkDimension (transfer none). */
GListModel            *acr_framework_get_dimensions   (AcrFramework           *self);
/* The levels by number, a GListModel of AcrFrameworkLevel (transfer none). */
GListModel            *acr_framework_get_levels       (AcrFramework           *self);
/* Adds @dimension (the framework takes its own reference): before the first dimension whose
 * position is the same or greater, or at the end with the next position when its position
 * is 0. Saving renumbers the positions 1…n in list order. */
void                   acr_framework_add_dimension    (AcrFramework           *self,
                                                       AcrFrameworkDimension  *dimension);
/* Adds @level (the framework takes its own reference) in the order of level numbers. */
void                   acr_framework_add_level        (AcrFramework           *self,
                                                       AcrFrameworkLevel      *level);
/* Removes the dimension with @code and every level's descriptors for it; FALSE if none. */
gboolean               acr_framework_remove_dimension (AcrFramework           *self,
                                                       const char             *code);
/* Removes the level numbered @level; FALSE if none. */
gboolean               acr_framework_remove_level     (AcrFramework           *self,
                                                       int                     level);
/* The dimension with @code, or NULL (transfer none). */
AcrFrameworkDimension *acr_framework_get_dimension    (AcrFramework           *self,
                                                       const char             *code);
/* The level numbered @level, or NULL (transfer none). */
AcrFrameworkLevel     *acr_framework_get_level        (AcrFramework           *self,
                                                       int                     level);

gboolean               acr_framework_validate         (AcrFramework           *self,
                                                       GError                **error);
/* Saves the framework with all its dimensions, levels and descriptors in one transaction,
 * replacing the rows of its children. Refused (CONSTRAINT) while a module is assigned to a
 * level that the save would remove. */
gboolean               acr_framework_save             (AcrFramework           *self,
                                                       AcrStore               *store,
                                                       GError                **error);
AcrFramework          *acr_framework_load             (AcrStore               *store,
                                                       gint64                  id,
                                                       GError                **error);
/* Looks @code up case-insensitively ("dqr" finds "DQR"). NOT_FOUND if there is none. */
AcrFramework          *acr_framework_load_by_code     (AcrStore               *store,
                                                       const char             *code,
                                                       GError                **error);
/* Refused (CONSTRAINT) while modules are assigned to levels of the framework. */
gboolean               acr_framework_delete           (AcrStore               *store,
                                                       gint64                  id,
                                                       GError                **error);
/* The EQF first, then by code; @search matches code, titles and country. Items come with
 * their dimensions and levels. */
AcrPagedList          *acr_framework_list             (AcrStore               *store,
                                                       const char             *search);

/* The EQF level that @level of the framework @framework_code is referenced to, or 0 with
 * @error set: NOT_FOUND for an unknown framework, INVALID for a level it does not have or
 * one not referenced to the EQF. */
int                    acr_framework_eqf_level_for    (AcrStore               *store,
                                                       const char             *framework_code,
                                                       int                     level,
                                                       GError                **error);

G_END_DECLS
