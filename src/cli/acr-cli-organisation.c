/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli organisation: awarding bodies and providers. */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-cli-object.h"
#include "acr-organisation.h"

static const AcrCliColumn columns[] = {
  { "id", N_("No.") },
  { "name", NULL },
  { "country", NULL },
  { "legal-id", NULL },
  { "web", NULL },
  { NULL }
};

static const AcrCliType organisation_type = {
  .group = "organisation",
  .get_type = acr_organisation_get_type,
  .create = (gpointer (*) (void)) acr_organisation_new,
  .save = (gboolean (*) (gpointer, AcrStore *, GError **)) acr_organisation_save,
  .load = (gpointer (*) (AcrStore *, gint64, GError **)) acr_organisation_load,
  .remove = acr_organisation_delete,
  .list = acr_organisation_list,
  .columns = columns,
  .deleted = N_("Deleted the organisation %s."),
};

ACR_CLI_DEFINE_GENERIC_VERBS (organisation, organisation_type)

static const AcrCliVerb verbs[] = {
  { "add", N_("Adds an organisation (--name, --country, …)"), organisation_add },
  { "list", N_("Lists the organisations"), organisation_list },
  { "show", N_("Shows one organisation"), organisation_show },
  { "edit", N_("Changes an organisation"), organisation_edit },
  { "delete", N_("Deletes an organisation that nothing refers to"), organisation_delete },
  { NULL }
};

const AcrCliGroup acr_cli_group_organisation = {
  "organisation", "org", N_("Awarding bodies and providers"), verbs, NULL
};
