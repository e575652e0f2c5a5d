/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-types.h"
#include "acr-paged-list.h"

G_BEGIN_DECLS

#define ACR_TYPE_LEARNER (acr_learner_get_type ())

G_DECLARE_FINAL_TYPE (AcrLearner, acr_learner, ACR, LEARNER, GObject)

AcrLearner   *acr_learner_new               (void);

gint64        acr_learner_get_id            (AcrLearner  *self);
const char   *acr_learner_get_given_name    (AcrLearner  *self);
void          acr_learner_set_given_name    (AcrLearner  *self,
                                             const char  *given_name);
const char   *acr_learner_get_family_name   (AcrLearner  *self);
void          acr_learner_set_family_name   (AcrLearner  *self,
                                             const char  *family_name);
/* ISO 8601 date "YYYY-MM-DD", not in the future; NULL or "" = unknown. */
const char   *acr_learner_get_birth_date    (AcrLearner  *self);
void          acr_learner_set_birth_date    (AcrLearner  *self,
                                             const char  *birth_date);
const char   *acr_learner_get_email         (AcrLearner  *self);
void          acr_learner_set_email         (AcrLearner  *self,
                                             const char  *email);
/* The learner's number in another system (matriculation, HR id); unique; NULL or "" = none. */
const char   *acr_learner_get_external_id   (AcrLearner  *self);
void          acr_learner_set_external_id   (AcrLearner  *self,
                                             const char  *external_id);
const char   *acr_learner_get_created_at    (AcrLearner  *self);
const char   *acr_learner_get_updated_at    (AcrLearner  *self);

/* "Given Family" (either part alone when the other is unset). Free with g_free(). */
char         *acr_learner_dup_display_name  (AcrLearner  *self);

gboolean      acr_learner_validate          (AcrLearner  *self,
                                             GError     **error);
gboolean      acr_learner_save              (AcrLearner  *self,
                                             AcrStore    *store,
                                             GError     **error);
AcrLearner   *acr_learner_load              (AcrStore    *store,
                                             gint64       id,
                                             GError     **error);
gboolean      acr_learner_delete            (AcrStore    *store,
                                             gint64       id,
                                             GError     **error);
/* Ordered by family name, given name, id; @search matches given name, family name, the
 * full name "Given Family", email or external id. */
AcrPagedList *acr_learner_list              (AcrStore    *store,
                                             const char  *search);

G_END_DECLS
