/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-enums.h"
#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_TYPE_MODULE (acr_module_get_type ())

G_DECLARE_FINAL_TYPE (AcrModule, acr_module, ACR, MODULE, GObject)

AcrModule         *acr_module_new                   (void);

gint64             acr_module_get_id                (AcrModule          *self);
const char        *acr_module_get_code              (AcrModule          *self);
void               acr_module_set_code              (AcrModule          *self,
                                                     const char         *code);
int                acr_module_get_version           (AcrModule          *self);
void               acr_module_set_version           (AcrModule          *self,
                                                     int                 version);
AcrStatus          acr_module_get_status            (AcrModule          *self);
void               acr_module_set_status            (AcrModule          *self,
                                                     AcrStatus           status);
gint64             acr_module_get_organisation_id   (AcrModule          *self);
void               acr_module_set_organisation_id   (AcrModule          *self,
                                                     gint64              organisation_id);
const char        *acr_module_get_title             (AcrModule          *self);
void               acr_module_set_title             (AcrModule          *self,
                                                     const char         *title);
const char        *acr_module_get_title_en          (AcrModule          *self);
void               acr_module_set_title_en          (AcrModule          *self,
                                                     const char         *title_en);
const char        *acr_module_get_description       (AcrModule          *self);
void               acr_module_set_description       (AcrModule          *self,
                                                     const char         *description);
const char        *acr_module_get_description_en    (AcrModule          *self);
void               acr_module_set_description_en    (AcrModule          *self,
                                                     const char         *description_en);
/* The primary language, a BCP 47 tag such as "de" (the default). */
const char        *acr_module_get_language          (AcrModule          *self);
void               acr_module_set_language          (AcrModule          *self,
                                                     const char         *language);
/* The languages of instruction, comma-separated BCP 47 tags such as "de,en". */
const char        *acr_module_get_languages         (AcrModule          *self);
void               acr_module_set_languages         (AcrModule          *self,
                                                     const char         *languages);
/* 0 means not set. */
double             acr_module_get_workload_hours    (AcrModule          *self);
void               acr_module_set_workload_hours    (AcrModule          *self,
                                                     double              workload_hours);
/* 0 means not set. */
double             acr_module_get_ects              (AcrModule          *self);
void               acr_module_set_ects              (AcrModule          *self,
                                                     double              ects);
AcrAssessmentType  acr_module_get_assessment_type   (AcrModule          *self);
void               acr_module_set_assessment_type   (AcrModule          *self,
                                                     AcrAssessmentType   assessment_type);
AcrAssessmentMode  acr_module_get_assessment_mode   (AcrModule          *self);
void               acr_module_set_assessment_mode   (AcrModule          *self,
                                                     AcrAssessmentMode   assessment_mode);
AcrParticipation   acr_module_get_participation     (AcrModule          *self);
void               acr_module_set_participation     (AcrModule          *self,
                                                     AcrParticipation    participation);
AcrSupervision     acr_module_get_supervision       (AcrModule          *self);
void               acr_module_set_supervision       (AcrModule          *self,
                                                     AcrSupervision      supervision);
AcrQaType          acr_module_get_qa_type           (AcrModule          *self);
void               acr_module_set_qa_type           (AcrModule          *self,
                                                     AcrQaType           qa_type);
const char        *acr_module_get_qa_body           (AcrModule          *self);
void               acr_module_set_qa_body           (AcrModule          *self,
                                                     const char         *qa_body);
const char        *acr_module_get_prerequisites     (AcrModule          *self);
void               acr_module_set_prerequisites     (AcrModule          *self,
                                                     const char         *prerequisites);
/* 0 means unlimited. */
int                acr_module_get_validity_months   (AcrModule          *self);
void               acr_module_set_validity_months   (AcrModule          *self,
                                                     int                 validity_months);
/* An ISCED-F 2013 detailed field code such as "0613". */
const char        *acr_module_get_isced_f           (AcrModule          *self);
void               acr_module_set_isced_f           (AcrModule          *self,
                                                     const char         *isced_f);
AcrStackability    acr_module_get_stackability      (AcrModule          *self);
void               acr_module_set_stackability      (AcrModule          *self,
                                                     AcrStackability     stackability);
const char        *acr_module_get_stackable_towards (AcrModule          *self);
void               acr_module_set_stackable_towards (AcrModule          *self,
                                                     const char         *stackable_towards);
const char        *acr_module_get_further_info      (AcrModule          *self);
void               acr_module_set_further_info      (AcrModule          *self,
                                                     const char         *further_info);
/* Who saved last (the store's actor); set by acr_module_save(). */
const char        *acr_module_get_last_editor       (AcrModule          *self);
const char        *acr_module_get_created_at        (AcrModule          *self);
const char        *acr_module_get_updated_at        (AcrModule          *self);

/* TRUE for an approved or retired version as loaded: such a version is frozen. */
gboolean           acr_module_is_frozen             (AcrModule          *self);

gboolean           acr_module_validate              (AcrModule          *self,
                                                     GError            **error);
/* Inserts (id 0) or updates the module. An approved or retired version is frozen: saving a
 * change to it fails with ACR_STORE_ERROR_READ_ONLY, except retiring an approved version. */
gboolean           acr_module_save                  (AcrModule          *self,
                                                     AcrStore           *store,
                                                     GError            **error);
AcrModule         *acr_module_load                  (AcrStore           *store,
                                                     gint64              id,
                                                     GError            **error);
/* The module @code in @version, or in its highest version when @version is 0. */
AcrModule         *acr_module_load_by_code          (AcrStore           *store,
                                                     const char         *code,
                                                     int                 version,
                                                     GError            **error);
gboolean           acr_module_delete                (AcrStore           *store,
                                                     gint64              id,
                                                     GError            **error);
/* Modules whose code, title or English title contains @search (NULL or "" for all), by
 * code and version. */
AcrPagedList      *acr_module_list                  (AcrStore           *store,
                                                     const char         *search);
/* Copies the approved or retired version @id, with its learning outcomes and level
 * assignments, into a new draft whose version is the highest of its code plus one. */
AcrModule         *acr_module_new_version           (AcrStore           *store,
                                                     gint64              id,
                                                     GError            **error);

/* Learning outcomes (see acr-learning-outcome.h): a GListModel of AcrLearningOutcome in
 * position order. */
GListModel        *acr_module_list_outcomes         (AcrStore           *store,
                                                     gint64              module_id,
                                                     GError            **error);
/* Moves the outcome to @new_position (1 … n), shifting the others; positions stay 1 … n. */
gboolean           acr_module_move_outcome          (AcrStore           *store,
                                                     gint64              outcome_id,
                                                     int                 new_position,
                                                     GError            **error);

/* Level assignments (see acr-level-assignment.h). Assigning replaces the module's level in
 * that framework. */
gboolean           acr_module_assign_level          (AcrStore           *store,
                                                     gint64              module_id,
                                                     const char         *framework_code,
                                                     int                 level,
                                                     const char         *rationale,
                                                     GError            **error);
gboolean           acr_module_unassign_level        (AcrStore           *store,
                                                     gint64              module_id,
                                                     const char         *framework_code,
                                                     GError            **error);
/* A GListModel of AcrLevelAssignment, the EQF first, then by framework code. */
GListModel        *acr_module_list_levels           (AcrStore           *store,
                                                     gint64              module_id,
                                                     GError            **error);
/* The EQF level the assignments imply (an EQF assignment directly, a national one through
 * its level's EQF reference), 0 when none does, -1 on error. When they imply different EQF
 * levels, sets *@contradiction (may be NULL) and returns the EQF assignment's level if there
 * is one, else the lowest implied level. */
int                acr_module_get_eqf_level         (AcrStore           *store,
                                                     gint64              module_id,
                                                     gboolean           *contradiction,
                                                     GError            **error);

G_END_DECLS
