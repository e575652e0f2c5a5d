/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Internals of AcrRubric and its parts (AcrRubricLevel, AcrRubricCriterion): only the rubric
 * assigns ids and positions. Also the module look-up that rubrics and assessments share. */

#pragma once

#include "acr-enums.h"
#include "acr-rubric-criterion.h"
#include "acr-rubric-level.h"
#include "acr-store-private.h"

G_BEGIN_DECLS

AcrRubricLevel     *_acr_rubric_level_new                (void);
void                _acr_rubric_level_set_id             (AcrRubricLevel     *self,
                                                          gint64              id);
void                _acr_rubric_level_set_position       (AcrRubricLevel     *self,
                                                          guint               position);

AcrRubricCriterion *_acr_rubric_criterion_new            (void);
void                _acr_rubric_criterion_set_id         (AcrRubricCriterion *self,
                                                          gint64              id);
void                _acr_rubric_criterion_set_position   (AcrRubricCriterion *self,
                                                          guint               position);

/* What rubrics and assessments need to know of a module, read by SQL from its row. */
typedef struct
{
  gint64     id;
  char      *code;
  int        version;
  AcrStatus  status;
} AcrRubricModuleInfo;

void                _acr_rubric_module_info_clear        (AcrRubricModuleInfo *info);
/* Fills @info from the module row @module_id; NOT_FOUND with a sentence when there is none. */
gboolean            _acr_rubric_query_module             (AcrStore            *store,
                                                          gint64               module_id,
                                                          AcrRubricModuleInfo *info,
                                                          GError             **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AcrRubricModuleInfo, _acr_rubric_module_info_clear)

G_END_DECLS
