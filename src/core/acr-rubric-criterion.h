/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_TYPE_RUBRIC_CRITERION (acr_rubric_criterion_get_type ())

G_DECLARE_FINAL_TYPE (AcrRubricCriterion, acr_rubric_criterion, ACR, RUBRIC_CRITERION, GObject)

/* Criteria are made by acr_rubric_add_criterion() and belong to that rubric. */
gint64       acr_rubric_criterion_get_id             (AcrRubricCriterion *self);
/* 1 for the first criterion; changed by acr_rubric_move_criterion(). */
guint        acr_rubric_criterion_get_position       (AcrRubricCriterion *self);
const char  *acr_rubric_criterion_get_description    (AcrRubricCriterion *self);
void         acr_rubric_criterion_set_description    (AcrRubricCriterion *self,
                                                      const char         *description);
double       acr_rubric_criterion_get_weight         (AcrRubricCriterion *self);
void         acr_rubric_criterion_set_weight         (AcrRubricCriterion *self,
                                                      double              weight);
/* The learning outcomes (ids) this criterion assesses, in the order added: a GArray of
 * gint64, owned by the criterion. */
GArray      *acr_rubric_criterion_get_outcome_ids    (AcrRubricCriterion *self);
void         acr_rubric_criterion_set_outcome_ids    (AcrRubricCriterion *self,
                                                      const gint64       *ids,
                                                      guint               n_ids);
/* Adds @outcome_id unless the criterion already has it. */
void         acr_rubric_criterion_add_outcome_id     (AcrRubricCriterion *self,
                                                      gint64              outcome_id);
void         acr_rubric_criterion_remove_outcome_id  (AcrRubricCriterion *self,
                                                      gint64              outcome_id);

G_END_DECLS
