/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli init: creates (or opens) the database and seeds it: the shipped
 * qualification frameworks, and unless --no-demo the demo curriculum with its modules,
 * learners and an assessment. Running it again adds only what is missing. */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-cli-object.h"
#include "acr-curriculum.h"
#include "acr-framework.h"
#include "acr-seed.h"

static guint
count_frameworks (AcrStore *store)
{
  g_autoptr(AcrPagedList) list = acr_framework_list (store, NULL);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static gboolean
has_demo (AcrStore  *store,
          gboolean  *found,
          GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AcrCurriculum) demo = acr_curriculum_load_by_code (store,
                                                               ACR_SEED_DEMO_CURRICULUM_CODE, 0,
                                                               &local_error);

  if (demo == NULL && !g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *found = demo != NULL;
  return TRUE;
}

static int
run_init (AcrCliContext  *ctx,
          int             argc,
          char          **argv,
          GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  gboolean no_demo = FALSE;
  gboolean demo_before = FALSE;
  gboolean demo_after = FALSE;
  guint frameworks_before, frameworks_added;
  AcrStore *store;
  const GOptionEntry entries[] = {
    { "no-demo", 0, 0, G_OPTION_ARG_NONE, &no_demo,
      N_("Add only the qualification frameworks, not the demo data"), NULL },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "init", NULL, NULL,
                               N_("Creates the database if needed and adds the qualification "
                                  "frameworks (EQF, DQR, NQR-AT, NQF-CH) and demo data."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error) ||
      !(store = acr_cli_context_get_store (ctx, error)))
    return ACR_CLI_EXIT_ERROR;

  frameworks_before = count_frameworks (store);
  if (!has_demo (store, &demo_before, error))
    return ACR_CLI_EXIT_ERROR;

  if (no_demo ? !acr_seed_frameworks (store, error) : !acr_seed_demo (store, error))
    return ACR_CLI_EXIT_ERROR;

  frameworks_added = count_frameworks (store) - frameworks_before;
  if (!has_demo (store, &demo_after, error))
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "database");
      json_builder_add_string_value (builder, acr_store_get_path (store));
      json_builder_set_member_name (builder, "created");
      json_builder_add_boolean_value (builder, acr_store_get_created (store));
      json_builder_set_member_name (builder, "frameworks-added");
      json_builder_add_int_value (builder, frameworks_added);
      json_builder_set_member_name (builder, "demo-added");
      json_builder_add_boolean_value (builder, demo_after && !demo_before);
      json_builder_end_object (builder);
      acr_cli_print_json (json_builder_get_root (builder));
      return ACR_CLI_EXIT_OK;
    }

  if (acr_store_get_created (store))
    g_print (_("Created the database “%s”."), acr_store_get_path (store));
  else
    g_print (_("The database “%s” exists already."), acr_store_get_path (store));
  g_print ("\n");

  if (frameworks_added > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u qualification framework.",
                          "Added %u qualification frameworks.", frameworks_added),
             frameworks_added);
  else
    g_print ("%s", _("The qualification frameworks were there already."));
  g_print ("\n");

  if (!no_demo)
    {
      if (demo_after && !demo_before)
        g_print ("%s", _("Added the demo data: a chamber, the curriculum “IT-Sicherheit "
                         "Grundlagen” with three approved modules, three learners and an "
                         "assessment."));
      else
        g_print ("%s", _("The demo data were there already."));
      g_print ("\n");
    }

  return ACR_CLI_EXIT_OK;
}

const AcrCliGroup acr_cli_group_init = {
  "init", NULL, N_("Creates the database and adds the frameworks and demo data"), NULL,
  run_init
};
