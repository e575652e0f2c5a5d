/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-types.h"
#include "acr-enums.h"
#include "acr-paged-list.h"
#include "acr-curriculum-entry.h"

G_BEGIN_DECLS

#define ACR_TYPE_CURRICULUM (acr_curriculum_get_type ())

G_DECLARE_FINAL_TYPE (AcrCurriculum, acr_curriculum, ACR, CURRICULUM, GObject)

AcrCurriculum   *acr_curriculum_new                 (void);

gint64           acr_curriculum_get_id              (AcrCurriculum    *self);
const char      *acr_curriculum_get_code            (AcrCurriculum    *self);
void             acr_curriculum_set_code            (AcrCurriculum    *self,
                                                     const char       *code);
/* 1 for the first version (the default). */
guint            acr_curriculum_get_version         (AcrCurriculum    *self);
void             acr_curriculum_set_version         (AcrCurriculum    *self,
                                                     guint             version);
AcrStatus        acr_curriculum_get_status          (AcrCurriculum    *self);
void             acr_curriculum_set_status          (AcrCurriculum    *self,
                                                     AcrStatus         status);
/* The provider or awarding body; 0 = none. */
gint64           acr_curriculum_get_organisation_id (AcrCurriculum    *self);
void             acr_curriculum_set_organisation_id (AcrCurriculum    *self,
                                                     gint64            organisation_id);
const char      *acr_curriculum_get_title           (AcrCurriculum    *self);
void             acr_curriculum_set_title           (AcrCurriculum    *self,
                                                     const char       *title);
const char      *acr_curriculum_get_title_en        (AcrCurriculum    *self);
void             acr_curriculum_set_title_en        (AcrCurriculum    *self,
                                                     const char       *title_en);
const char      *acr_curriculum_get_description     (AcrCurriculum    *self);
void             acr_curriculum_set_description     (AcrCurriculum    *self,
                                                     const char       *description);
const char      *acr_curriculum_get_description_en  (AcrCurriculum    *self);
void             acr_curriculum_set_description_en  (AcrCurriculum    *self,
                                                     const char       *description_en);
/* The language of the texts, as a language tag ("de", the default). */
const char      *acr_curriculum_get_language        (AcrCurriculum    *self);
void             acr_curriculum_set_language        (AcrCurriculum    *self,
                                                     const char       *language);
AcrStackingRule  acr_curriculum_get_stacking_rule   (AcrCurriculum    *self);
void             acr_curriculum_set_stacking_rule   (AcrCurriculum    *self,
                                                     AcrStackingRule   rule);
/* The minimum ECTS credits or hours of the min-credits / min-hours rules; 0 = unset, which
 * the all-required rule needs. */
double           acr_curriculum_get_stacking_min    (AcrCurriculum    *self);
void             acr_curriculum_set_stacking_min    (AcrCurriculum    *self,
                                                     double            stacking_min);
/* Who saved it last (the store's actor at the time); set by acr_curriculum_save(). */
const char      *acr_curriculum_get_last_editor     (AcrCurriculum    *self);
const char      *acr_curriculum_get_created_at      (AcrCurriculum    *self);
const char      *acr_curriculum_get_updated_at      (AcrCurriculum    *self);

/* The modules of the curriculum, a GListModel of AcrCurriculumEntry in order (position 1
 * first). Owned by @self (transfer none); it changes in place as modules are added, removed
 * and moved. */
GListModel      *acr_curriculum_get_entries         (AcrCurriculum    *self);
/* The entry of @module_id, or NULL (transfer none). */
AcrCurriculumEntry *acr_curriculum_find_entry       (AcrCurriculum    *self,
                                                     gint64            module_id);
/* Appends @module_id as the last entry and returns it (transfer none). Adding a module that is
 * already part of the curriculum is refused by acr_curriculum_validate(). Written on save. */
AcrCurriculumEntry *acr_curriculum_add_module       (AcrCurriculum    *self,
                                                     gint64            module_id,
                                                     gboolean          required);
/* Removes the entry of @module_id; FALSE when the module is not part of the curriculum. */
gboolean         acr_curriculum_remove_module       (AcrCurriculum    *self,
                                                     gint64            module_id);
/* Moves the entry of @module_id to @new_position (1 = first; a position beyond the end means
 * last). FALSE when the module is not part of the curriculum or @new_position is 0. */
gboolean         acr_curriculum_move_module         (AcrCurriculum    *self,
                                                     gint64            module_id,
                                                     guint             new_position);
/* FALSE when the module is not part of the curriculum. */
gboolean         acr_curriculum_set_required        (AcrCurriculum    *self,
                                                     gint64            module_id,
                                                     gboolean          required);

gboolean         acr_curriculum_validate            (AcrCurriculum    *self,
                                                     GError          **error);
/* Writes the row and replaces its entries in one transaction. A curriculum stored as approved
 * or retired is frozen (READ_ONLY): only approved → retired may still be saved. A module id
 * that does not exist gives CONSTRAINT. */
gboolean         acr_curriculum_save                (AcrCurriculum    *self,
                                                     AcrStore         *store,
                                                     GError          **error);
AcrCurriculum   *acr_curriculum_load                (AcrStore         *store,
                                                     gint64            id,
                                                     GError          **error);
/* The curriculum @code in @version, or its highest version for @version 0. */
AcrCurriculum   *acr_curriculum_load_by_code        (AcrStore         *store,
                                                     const char       *code,
                                                     guint             version,
                                                     GError          **error);
gboolean         acr_curriculum_delete              (AcrStore         *store,
                                                     gint64            id,
                                                     GError          **error);
/* Ordered by title, code, version, then id; @search matches code, title or English title. */
AcrPagedList    *acr_curriculum_list                (AcrStore         *store,
                                                     const char       *search);

/* Sets *@satisfied to whether the modules @passed_module_ids (the learner's passed module
 * versions; unknown ids and repeats are ignored) fulfil the stacking rule of the curriculum
 * @curriculum_id: every required module (a curriculum without required modules is never
 * complete), or at least the minimum of ECTS credits or workload hours summed over the passed
 * modules of the curriculum. NOT_FOUND for an unknown curriculum. */
gboolean         acr_curriculum_check_stacking      (AcrStore         *store,
                                                     gint64            curriculum_id,
                                                     const gint64     *passed_module_ids,
                                                     guint             n_passed,
                                                     gboolean         *satisfied,
                                                     GError          **error);

G_END_DECLS
