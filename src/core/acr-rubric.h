/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-types.h"
#include "acr-rubric-criterion.h"
#include "acr-rubric-level.h"

G_BEGIN_DECLS

#define ACR_TYPE_RUBRIC (acr_rubric_get_type ())

G_DECLARE_FINAL_TYPE (AcrRubric, acr_rubric, ACR, RUBRIC, GObject)

AcrRubric          *acr_rubric_new                     (void);

gint64              acr_rubric_get_id                  (AcrRubric           *self);
gint64              acr_rubric_get_module_id           (AcrRubric           *self);
void                acr_rubric_set_module_id           (AcrRubric           *self,
                                                        gint64               module_id);
const char         *acr_rubric_get_title               (AcrRubric           *self);
void                acr_rubric_set_title               (AcrRubric           *self,
                                                        const char          *title);
/* The least total that passes; 0 = no such rule. */
double              acr_rubric_get_pass_min_total      (AcrRubric           *self);
void                acr_rubric_set_pass_min_total      (AcrRubric           *self,
                                                        double               pass_min_total);
/* The least points every criterion must reach; 0 = no such rule. */
double              acr_rubric_get_pass_min_points     (AcrRubric           *self);
void                acr_rubric_set_pass_min_points     (AcrRubric           *self,
                                                        double               pass_min_points);

/* The levels (AcrRubricLevel) and criteria (AcrRubricCriterion) in position order; the
 * models belong to the rubric and follow its changes. */
GListModel         *acr_rubric_get_levels              (AcrRubric           *self);
GListModel         *acr_rubric_get_criteria            (AcrRubric           *self);

/* Appends a level or criterion; returns it (owned by the rubric). */
AcrRubricLevel     *acr_rubric_add_level               (AcrRubric           *self,
                                                        const char          *name,
                                                        double               points);
AcrRubricCriterion *acr_rubric_add_criterion           (AcrRubric           *self,
                                                        const char          *description,
                                                        double               weight);
/* Removes a level or criterion and its cells; saving then deletes its row. */
void                acr_rubric_remove_level            (AcrRubric           *self,
                                                        AcrRubricLevel      *level);
void                acr_rubric_remove_criterion        (AcrRubric           *self,
                                                        AcrRubricCriterion  *criterion);
/* Moves to @position (1 = first, clamped to the last); positions stay dense. */
void                acr_rubric_move_level              (AcrRubric           *self,
                                                        AcrRubricLevel      *level,
                                                        guint                position);
void                acr_rubric_move_criterion          (AcrRubric           *self,
                                                        AcrRubricCriterion  *criterion,
                                                        guint                position);

/* Look-ups, NULL when there is none; results are owned by the rubric. Positions start at 1;
 * names compare without case and surrounding space. */
AcrRubricLevel     *acr_rubric_find_level              (AcrRubric           *self,
                                                        gint64               level_id);
AcrRubricLevel     *acr_rubric_find_level_by_name      (AcrRubric           *self,
                                                        const char          *name);
AcrRubricCriterion *acr_rubric_find_criterion          (AcrRubric           *self,
                                                        gint64               criterion_id);
AcrRubricCriterion *acr_rubric_get_criterion_at        (AcrRubric           *self,
                                                        guint                position);

/* The descriptor of one cell (what @criterion looks like at @level); NULL or "" removes it. */
void                acr_rubric_set_cell                (AcrRubric           *self,
                                                        AcrRubricCriterion  *criterion,
                                                        AcrRubricLevel      *level,
                                                        const char          *descriptor);
const char         *acr_rubric_get_cell                (AcrRubric           *self,
                                                        AcrRubricCriterion  *criterion,
                                                        AcrRubricLevel      *level);

/* Σ weight × the highest level's points. */
double              acr_rubric_get_max_total           (AcrRubric           *self);
/* Scores one level per criterion (ids of a saved rubric, @n pairs): every criterion exactly
 * once. Sets @total (Σ weight × points) and @passed (the pass rules). INVALID otherwise. */
gboolean            acr_rubric_score                   (AcrRubric           *self,
                                                        const gint64        *criterion_ids,
                                                        const gint64        *level_ids,
                                                        guint                n,
                                                        double              *total,
                                                        gboolean            *passed,
                                                        GError             **error);

gboolean            acr_rubric_validate                (AcrRubric           *self,
                                                        GError             **error);
/* Saves the rubric with its levels, criteria, cells and outcome links in one transaction;
 * existing levels and criteria keep their ids. READ_ONLY when the module is approved or
 * retired; CONSTRAINT when a removed level or criterion is used by an assessment. */
gboolean            acr_rubric_save                    (AcrRubric           *self,
                                                        AcrStore            *store,
                                                        GError             **error);
AcrRubric          *acr_rubric_load                    (AcrStore            *store,
                                                        gint64               id,
                                                        GError             **error);
/* The rubric of a module; NOT_FOUND when the module has none. */
AcrRubric          *acr_rubric_load_for_module         (AcrStore            *store,
                                                        gint64               module_id,
                                                        GError             **error);
gboolean            acr_rubric_delete                  (AcrStore            *store,
                                                        gint64               id,
                                                        GError             **error);
/* All rubrics, by title; @search matches the title, the module code or title. */
AcrPagedList       *acr_rubric_list                    (AcrStore            *store,
                                                        const char          *search);
/* Copies the rubric of @from_module_id (levels, criteria, cells, and outcome links mapped to
 * the outcomes at the same positions) to @to_module_id, which must not have one. A module
 * without a rubric copies nothing and succeeds. One transaction. */
gboolean            acr_rubric_copy_to_module          (AcrStore            *store,
                                                        gint64               from_module_id,
                                                        gint64               to_module_id,
                                                        GError             **error);

G_END_DECLS
