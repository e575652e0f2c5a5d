/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-enums.h"
#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_TYPE_LEARNING_OUTCOME (acr_learning_outcome_get_type ())

G_DECLARE_FINAL_TYPE (AcrLearningOutcome, acr_learning_outcome, ACR, LEARNING_OUTCOME, GObject)

AcrLearningOutcome *acr_learning_outcome_new              (void);

gint64              acr_learning_outcome_get_id           (AcrLearningOutcome  *self);
gint64              acr_learning_outcome_get_module_id    (AcrLearningOutcome  *self);
void                acr_learning_outcome_set_module_id    (AcrLearningOutcome  *self,
                                                           gint64               module_id);
/* 1 … n within the module; 0 means "at the end" when saving. */
int                 acr_learning_outcome_get_position     (AcrLearningOutcome  *self);
void                acr_learning_outcome_set_position     (AcrLearningOutcome  *self,
                                                           int                  position);
const char         *acr_learning_outcome_get_statement    (AcrLearningOutcome  *self);
void                acr_learning_outcome_set_statement    (AcrLearningOutcome  *self,
                                                           const char          *statement);
const char         *acr_learning_outcome_get_statement_en (AcrLearningOutcome  *self);
void                acr_learning_outcome_set_statement_en (AcrLearningOutcome  *self,
                                                           const char          *statement_en);
AcrOutcomeKind      acr_learning_outcome_get_kind         (AcrLearningOutcome  *self);
void                acr_learning_outcome_set_kind         (AcrLearningOutcome  *self,
                                                           AcrOutcomeKind       kind);
/* An ESCO skill URI (http://data.europa.eu/esco/skill/…) or another http(s) URI. */
const char         *acr_learning_outcome_get_esco_uri     (AcrLearningOutcome  *self);
void                acr_learning_outcome_set_esco_uri     (AcrLearningOutcome  *self,
                                                           const char          *esco_uri);

gboolean            acr_learning_outcome_validate         (AcrLearningOutcome  *self,
                                                           GError             **error);
/* Inserts (id 0) or updates the outcome. Position 0 puts a new outcome at the end; another
 * position moves it there (beyond the end means at the end). Fails with READ_ONLY when its
 * module version is approved or retired. */
gboolean            acr_learning_outcome_save             (AcrLearningOutcome  *self,
                                                           AcrStore            *store,
                                                           GError             **error);
AcrLearningOutcome *acr_learning_outcome_load             (AcrStore            *store,
                                                           gint64               id,
                                                           GError             **error);
/* Deletes the outcome and closes the gap in the positions. */
gboolean            acr_learning_outcome_delete           (AcrStore            *store,
                                                           gint64               id,
                                                           GError             **error);

G_END_DECLS
