/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_TYPE_RUBRIC_LEVEL (acr_rubric_level_get_type ())

G_DECLARE_FINAL_TYPE (AcrRubricLevel, acr_rubric_level, ACR, RUBRIC_LEVEL, GObject)

/* Levels are made by acr_rubric_add_level() and belong to that rubric. */
gint64       acr_rubric_level_get_id        (AcrRubricLevel *self);
/* 1 for the first level; changed by acr_rubric_move_level(). */
guint        acr_rubric_level_get_position  (AcrRubricLevel *self);
const char  *acr_rubric_level_get_name      (AcrRubricLevel *self);
void         acr_rubric_level_set_name      (AcrRubricLevel *self,
                                             const char     *name);
double       acr_rubric_level_get_points    (AcrRubricLevel *self);
void         acr_rubric_level_set_points    (AcrRubricLevel *self,
                                             double          points);

G_END_DECLS
