/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_TYPE_CURRICULUM_ENTRY (acr_curriculum_entry_get_type ())

G_DECLARE_FINAL_TYPE (AcrCurriculumEntry, acr_curriculum_entry, ACR, CURRICULUM_ENTRY, GObject)

/* Entries are made by acr_curriculum_add_module() and belong to that curriculum; their module
 * and position change only through the curriculum (acr_curriculum_move_module()). */
gint64       acr_curriculum_entry_get_module_id       (AcrCurriculumEntry *self);
/* 1 for the first module of the curriculum. */
guint        acr_curriculum_entry_get_position        (AcrCurriculumEntry *self);
/* TRUE for a required module, FALSE for an optional one. */
gboolean     acr_curriculum_entry_get_required        (AcrCurriculumEntry *self);
void         acr_curriculum_entry_set_required        (AcrCurriculumEntry *self,
                                                       gboolean            required);
/* The module's code, title and version as read from the database when the curriculum was
 * loaded or saved; NULL / 0 for an entry added since. */
const char  *acr_curriculum_entry_get_module_code     (AcrCurriculumEntry *self);
const char  *acr_curriculum_entry_get_module_title    (AcrCurriculumEntry *self);
guint        acr_curriculum_entry_get_module_version  (AcrCurriculumEntry *self);

G_END_DECLS
