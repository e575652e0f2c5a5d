/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli learner: the people who are assessed and receive credentials. */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-cli-object.h"
#include "acr-learner.h"

static const AcrCliColumn columns[] = {
  { "id", N_("No.") },
  { "family-name", NULL },
  { "given-name", NULL },
  { "birth-date", NULL },
  { "email", NULL },
  { "external-id", NULL },
  { NULL }
};

static const AcrCliType learner_type = {
  .group = "learner",
  .get_type = acr_learner_get_type,
  .create = (gpointer (*) (void)) acr_learner_new,
  .save = (gboolean (*) (gpointer, AcrStore *, GError **)) acr_learner_save,
  .load = (gpointer (*) (AcrStore *, gint64, GError **)) acr_learner_load,
  .remove = acr_learner_delete,
  .list = acr_learner_list,
  .columns = columns,
  .deleted = N_("Deleted the learner %s."),
};

ACR_CLI_DEFINE_GENERIC_VERBS (learner, learner_type)

static const AcrCliVerb verbs[] = {
  { "add", N_("Adds a learner (--given-name, --family-name, …)"), learner_add },
  { "list", N_("Lists the learners"), learner_list },
  { "show", N_("Shows one learner"), learner_show },
  { "edit", N_("Changes a learner"), learner_edit },
  { "delete", N_("Deletes a learner who has no assessments"), learner_delete },
  { NULL }
};

const AcrCliGroup acr_cli_group_learner = {
  "learner", NULL, N_("Learners: the people assessed"), verbs, NULL
};
