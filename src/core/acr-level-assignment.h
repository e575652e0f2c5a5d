/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_TYPE_LEVEL_ASSIGNMENT (acr_level_assignment_get_type ())

G_DECLARE_FINAL_TYPE (AcrLevelAssignment, acr_level_assignment, ACR, LEVEL_ASSIGNMENT, GObject)

/* A module's level in one framework, as listed by acr_module_list_levels(). Change the
 * assignments with acr_module_assign_level() and acr_module_unassign_level(). */
AcrLevelAssignment *acr_level_assignment_new                (void);

gint64              acr_level_assignment_get_id             (AcrLevelAssignment *self);
gint64              acr_level_assignment_get_module_id      (AcrLevelAssignment *self);
void                acr_level_assignment_set_module_id      (AcrLevelAssignment *self,
                                                             gint64              module_id);
gint64              acr_level_assignment_get_framework_id   (AcrLevelAssignment *self);
void                acr_level_assignment_set_framework_id   (AcrLevelAssignment *self,
                                                             gint64              framework_id);
/* The framework's code ("DQR"), read with the assignment. */
const char         *acr_level_assignment_get_framework_code (AcrLevelAssignment *self);
int                 acr_level_assignment_get_level          (AcrLevelAssignment *self);
void                acr_level_assignment_set_level          (AcrLevelAssignment *self,
                                                             int                 level);
const char         *acr_level_assignment_get_rationale      (AcrLevelAssignment *self);
void                acr_level_assignment_set_rationale      (AcrLevelAssignment *self,
                                                             const char         *rationale);
/* The EQF level this assignment implies (the level itself for the EQF, the referenced EQF
 * level for a national framework), 0 when the framework has no EQF reference for it. */
int                 acr_level_assignment_get_eqf_level      (AcrLevelAssignment *self);

G_END_DECLS
