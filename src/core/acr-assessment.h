/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_TYPE_ASSESSMENT (acr_assessment_get_type ())

G_DECLARE_FINAL_TYPE (AcrAssessment, acr_assessment, ACR, ASSESSMENT, GObject)

/* The level a learner reached in one rubric criterion. */
typedef struct
{
  gint64 criterion_id;
  gint64 level_id;
} AcrAssessmentResult;

AcrAssessment *acr_assessment_new                   (void);

gint64         acr_assessment_get_id                (AcrAssessment  *self);
gint64         acr_assessment_get_learner_id        (AcrAssessment  *self);
void           acr_assessment_set_learner_id        (AcrAssessment  *self,
                                                     gint64          learner_id);
gint64         acr_assessment_get_module_id         (AcrAssessment  *self);
void           acr_assessment_set_module_id         (AcrAssessment  *self,
                                                     gint64          module_id);
/* ISO 8601 date "YYYY-MM-DD", not in the future. */
const char    *acr_assessment_get_assessed_on       (AcrAssessment  *self);
void           acr_assessment_set_assessed_on       (AcrAssessment  *self,
                                                     const char     *assessed_on);
const char    *acr_assessment_get_assessor          (AcrAssessment  *self);
void           acr_assessment_set_assessor          (AcrAssessment  *self,
                                                     const char     *assessor);
/* With a rubric, computed at save from the results; without one, free (0 = none). */
double         acr_assessment_get_total             (AcrAssessment  *self);
void           acr_assessment_set_total             (AcrAssessment  *self,
                                                     double          total);
/* With a rubric, computed at save by its pass rule; without one, as set. */
gboolean       acr_assessment_get_passed            (AcrAssessment  *self);
void           acr_assessment_set_passed            (AcrAssessment  *self,
                                                     gboolean        passed);
/* The grade as awarded, free text ("1,7", "gut"); NULL = none. */
const char    *acr_assessment_get_grade             (AcrAssessment  *self);
void           acr_assessment_set_grade             (AcrAssessment  *self,
                                                     const char     *grade);
/* A reference to the evidence (a URI, a file number); NULL = none. */
const char    *acr_assessment_get_evidence          (AcrAssessment  *self);
void           acr_assessment_set_evidence          (AcrAssessment  *self,
                                                     const char     *evidence);
const char    *acr_assessment_get_created_at        (AcrAssessment  *self);
const char    *acr_assessment_get_updated_at        (AcrAssessment  *self);

/* The results, one per criterion: a GArray of AcrAssessmentResult owned by the assessment
 * (in the order set; loaded in criterion order). */
GArray        *acr_assessment_get_results           (AcrAssessment  *self);
/* Records @level_id for @criterion_id, replacing an earlier level; 0 removes the result. */
void           acr_assessment_set_result            (AcrAssessment  *self,
                                                     gint64          criterion_id,
                                                     gint64          level_id);
/* The level recorded for @criterion_id, or 0. */
gint64         acr_assessment_get_result            (AcrAssessment  *self,
                                                     gint64          criterion_id);
void           acr_assessment_clear_results         (AcrAssessment  *self);
/* Records a result as typed on the command line ("1=Erfüllt"): the criterion at
 * @criterion_position (from 1) of the module's rubric reached the level named @level_name
 * (case and surrounding space ignored). The module must be set. INVALID naming the choices. */
gboolean       acr_assessment_set_result_by_name    (AcrAssessment  *self,
                                                     AcrStore       *store,
                                                     guint           criterion_position,
                                                     const char     *level_name,
                                                     GError        **error);

gboolean       acr_assessment_validate              (AcrAssessment  *self,
                                                     GError        **error);
/* Saves the row and its results in one transaction; computes total and passed from the
 * module's rubric when it has one. NOT_FOUND for an unknown learner or module; INVALID for a
 * retired module or results that do not fit the rubric. */
gboolean       acr_assessment_save                  (AcrAssessment  *self,
                                                     AcrStore       *store,
                                                     GError        **error);
AcrAssessment *acr_assessment_load                  (AcrStore       *store,
                                                     gint64          id,
                                                     GError        **error);
gboolean       acr_assessment_delete                (AcrStore       *store,
                                                     gint64          id,
                                                     GError        **error);
/* Lazy lists, newest first (assessed-on, then id, descending). @search matches the assessor,
 * grade, evidence, the learner's names and the module's code and title. */
AcrPagedList  *acr_assessment_list                  (AcrStore       *store,
                                                     const char     *search);
AcrPagedList  *acr_assessment_list_for_module       (AcrStore       *store,
                                                     gint64          module_id,
                                                     gboolean        passed_only);
AcrPagedList  *acr_assessment_list_for_learner      (AcrStore       *store,
                                                     gint64          learner_id);

G_END_DECLS
