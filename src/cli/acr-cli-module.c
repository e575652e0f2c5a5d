/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli module: micro-credential specifications, their Annex I completeness and their
 * levels in qualification frameworks. "module check" is a verdict: it exits with 1 when
 * mandatory elements are missing, so scripts can gate on it. */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-cli-object.h"
#include "acr-completeness.h"
#include "acr-learning-outcome.h"
#include "acr-level-assignment.h"
#include "acr-module.h"

static const AcrCliColumn columns[] = {
  { "id", N_("No.") },
  { "code", NULL },
  { "version", NULL },
  { "status", NULL },
  { "ects", N_("ECTS") },
  { "title", NULL },
  { NULL }
};

static const AcrCliColumn outcome_columns[] = {
  { "position", N_("Pos.") },
  { "id", N_("No.") },
  { "kind", NULL },
  { "statement", NULL },
  { NULL }
};

static const AcrCliColumn level_columns[] = {
  { "framework-code", N_("Framework") },
  { "level", NULL },
  { "eqf-level", NULL },
  { "rationale", NULL },
  { NULL }
};

static const AcrCliType module_type = {
  .group = "module",
  .get_type = acr_module_get_type,
  .create = (gpointer (*) (void)) acr_module_new,
  .save = (gboolean (*) (gpointer, AcrStore *, GError **)) acr_module_save,
  .load = (gpointer (*) (AcrStore *, gint64, GError **)) acr_module_load,
  .remove = acr_module_delete,
  .list = acr_module_list,
  .columns = columns,
  .deleted = N_("Deleted the module %s."),
};

static int
module_add (AcrCliContext  *ctx,
            int             argc,
            char          **argv,
            GError        **error)
{
  return acr_cli_verb_add (&module_type, ctx, argc, argv, error);
}

static int
module_list (AcrCliContext  *ctx,
             int             argc,
             char          **argv,
             GError        **error)
{
  return acr_cli_verb_list (&module_type, ctx, argc, argv, error);
}

static int
module_edit (AcrCliContext  *ctx,
             int             argc,
             char          **argv,
             GError        **error)
{
  return acr_cli_verb_edit (&module_type, ctx, argc, argv, error);
}

static int
module_delete (AcrCliContext  *ctx,
               int             argc,
               char          **argv,
               GError        **error)
{
  return acr_cli_verb_delete (&module_type, ctx, argc, argv, error);
}

/* Parses "VERB ID" with @entries and loads the store; the common start of most verbs. */
static gboolean
parse_module_id (AcrCliContext       *ctx,
                 const char          *verb,
                 const char          *summary,
                 const GOptionEntry  *entries,
                 int                  argc,
                 char               **argv,
                 gint64              *id,
                 AcrStore           **store,
                 GError             **error)
{
  g_autoptr(AcrCliParser) parser = acr_cli_parser_new (ctx, "module", verb, _("ID"), summary);

  if (entries != NULL)
    acr_cli_parser_add_entries (parser, entries);

  return acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) &&
         acr_cli_parse_id (argv[1], id, error) &&
         (*store = acr_cli_context_get_store (ctx, error)) != NULL;
}

static void
print_eqf_level (int      eqf_level,
                 gboolean contradiction)
{
  if (eqf_level > 0)
    g_print (_("EQF level: %d"), eqf_level);
  else
    g_print ("%s", _("EQF level: not assigned"));
  g_print ("\n");
  if (contradiction)
    g_print ("%s\n", _("Warning: the level assignments imply different EQF levels."));
}

static void
add_eqf_json (JsonObject *object,
              int         eqf_level,
              gboolean    contradiction)
{
  if (eqf_level > 0)
    json_object_set_int_member (object, "eqf-level", eqf_level);
  else
    json_object_set_null_member (object, "eqf-level");
  json_object_set_boolean_member (object, "eqf-contradiction", contradiction);
}

static int
module_show (AcrCliContext  *ctx,
             int             argc,
             char          **argv,
             GError        **error)
{
  g_autoptr(AcrModule) module = NULL;
  g_autoptr(GListModel) outcomes = NULL;
  g_autoptr(GListModel) levels = NULL;
  gboolean contradiction = FALSE;
  AcrStore *store = NULL;
  int eqf_level;
  gint64 id;

  if (!parse_module_id (ctx, "show", N_("Shows a module with its learning outcomes and "
                                        "levels."), NULL, argc, argv, &id, &store, error) ||
      !(module = acr_module_load (store, id, error)) ||
      !(outcomes = acr_module_list_outcomes (store, id, error)) ||
      !(levels = acr_module_list_levels (store, id, error)) ||
      (eqf_level = acr_module_get_eqf_level (store, id, &contradiction, error)) < 0)
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    {
      JsonNode *node = acr_cli_object_to_json (G_OBJECT (module));
      JsonObject *object = json_node_get_object (node);

      json_object_set_member (object, "outcomes", acr_cli_list_to_json (outcomes, 0));
      json_object_set_member (object, "levels", acr_cli_list_to_json (levels, 0));
      add_eqf_json (object, eqf_level, contradiction);
      acr_cli_print_json (node);
      return ACR_CLI_EXIT_OK;
    }

  acr_cli_print_fields (G_OBJECT (module), NULL);
  acr_cli_print_section (ctx, _("Learning outcomes"), outcomes, outcome_columns);
  acr_cli_print_section (ctx, _("Levels"), levels, level_columns);
  print_eqf_level (eqf_level, contradiction);
  return ACR_CLI_EXIT_OK;
}

static int
module_check (AcrCliContext  *ctx,
              int             argc,
              char          **argv,
              GError        **error)
{
  g_autoptr(AcrModule) module = NULL;
  g_autoptr(AcrCompleteness) completeness = NULL;
  AcrStore *store = NULL;
  guint n_missing;
  gint64 id;

  if (!parse_module_id (ctx, "check", N_("Checks that a module has every mandatory element of "
                                         "Annex I of the EU recommendation on "
                                         "micro-credentials. Exits with 1 when some are "
                                         "missing."), NULL, argc, argv, &id, &store, error) ||
      !(module = acr_module_load (store, id, error)) ||
      !(completeness = acr_module_check_completeness (module, store, error)))
    return ACR_CLI_EXIT_ERROR;

  n_missing = acr_completeness_get_n_missing (completeness);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "module-id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "complete");
      json_builder_add_boolean_value (builder, acr_completeness_is_complete (completeness));
      json_builder_set_member_name (builder, "present");
      json_builder_add_int_value (builder, acr_completeness_get_n_present (completeness));
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, acr_completeness_get_n_total (completeness));
      json_builder_set_member_name (builder, "missing");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_missing; i++)
        {
          const char *element = NULL, *message = NULL, *property = NULL;

          acr_completeness_get_missing (completeness, i, &element, &message, &property);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "element");
          json_builder_add_string_value (builder, element);
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, message);
          json_builder_set_member_name (builder, "property");
          if (property != NULL)
            json_builder_add_string_value (builder, property);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      acr_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      /* Translators: "Module MC-01, version 1: 9 of 11 mandatory elements (Annex I) present." */
      g_print (_("Module %s, version %d: %u of %u mandatory elements (Annex I) present."),
               acr_module_get_code (module), acr_module_get_version (module),
               acr_completeness_get_n_present (completeness),
               acr_completeness_get_n_total (completeness));
      g_print ("\n");

      if (n_missing > 0)
        g_print ("%s\n", _("Missing:"));
      for (guint i = 0; i < n_missing; i++)
        {
          const char *element = NULL, *message = NULL, *property = NULL;
          const char *label;

          acr_completeness_get_missing (completeness, i, &element, &message, &property);
          label = acr_completeness_get_element_label (element);
          g_print ("  – %s: %s\n", label != NULL ? label : element, message);
        }
    }

  return acr_completeness_is_complete (completeness) ? ACR_CLI_EXIT_OK : ACR_CLI_EXIT_INVALID;
}

static int
print_levels (AcrCliContext  *ctx,
              AcrStore       *store,
              gint64          id,
              GError        **error)
{
  g_autoptr(GListModel) levels = NULL;
  gboolean contradiction = FALSE;
  int eqf_level;

  if (!(levels = acr_module_list_levels (store, id, error)) ||
      (eqf_level = acr_module_get_eqf_level (store, id, &contradiction, error)) < 0)
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      JsonNode *node;
      JsonObject *object;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "module-id");
      json_builder_add_int_value (builder, id);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      object = json_node_get_object (node);
      json_object_set_member (object, "levels", acr_cli_list_to_json (levels, 0));
      add_eqf_json (object, eqf_level, contradiction);
      acr_cli_print_json (node);
      return ACR_CLI_EXIT_OK;
    }

  acr_cli_print_list (ctx, levels, level_columns, 0);
  print_eqf_level (eqf_level, contradiction);
  return ACR_CLI_EXIT_OK;
}

static int
module_levels (AcrCliContext  *ctx,
               int             argc,
               char          **argv,
               GError        **error)
{
  g_autoptr(AcrModule) module = NULL;
  AcrStore *store = NULL;
  gint64 id;

  if (!parse_module_id (ctx, "levels", N_("Shows the levels of a module in the qualification "
                                          "frameworks and the EQF level they imply."),
                        NULL, argc, argv, &id, &store, error) ||
      !(module = acr_module_load (store, id, error)))
    return ACR_CLI_EXIT_ERROR;

  return print_levels (ctx, store, id, error);
}

static int
module_map (AcrCliContext  *ctx,
            int             argc,
            char          **argv,
            GError        **error)
{
  g_autofree char *framework = NULL;
  g_autofree char *rationale = NULL;
  AcrStore *store = NULL;
  int level = 0;
  gint64 id;
  const GOptionEntry entries[] = {
    { "framework", 0, 0, G_OPTION_ARG_STRING, &framework,
      N_("The code of the framework (EQF, DQR, NQR-AT, …)"), N_("CODE") },
    { "level", 0, 0, G_OPTION_ARG_INT, &level,
      N_("The level in that framework (1 to 8)"), N_("N") },
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &rationale,
      N_("Why the module is at that level"), N_("TEXT") },
    { NULL }
  };

  if (!parse_module_id (ctx, "map", N_("Assigns a module to a level of a qualification "
                                       "framework, replacing its level there."),
                        entries, argc, argv, &id, &store, error))
    return ACR_CLI_EXIT_ERROR;

  if (framework == NULL || level == 0)
    {
      acr_cli_set_usage_error (error, _("Give the framework and the level, e.g. "
                                        "“--framework EQF --level 4”.\n"
                                        "Run “accredit-cli module map --help” to see the "
                                        "options."));
      return ACR_CLI_EXIT_ERROR;
    }

  if (!acr_module_assign_level (store, id, framework, level, rationale, error))
    return ACR_CLI_EXIT_ERROR;

  return print_levels (ctx, store, id, error);
}

static int
module_unmap (AcrCliContext  *ctx,
              int             argc,
              char          **argv,
              GError        **error)
{
  g_autofree char *framework = NULL;
  AcrStore *store = NULL;
  gint64 id;
  const GOptionEntry entries[] = {
    { "framework", 0, 0, G_OPTION_ARG_STRING, &framework,
      N_("The code of the framework (EQF, DQR, NQR-AT, …)"), N_("CODE") },
    { NULL }
  };

  if (!parse_module_id (ctx, "unmap", N_("Removes a module's level in a qualification "
                                         "framework."),
                        entries, argc, argv, &id, &store, error))
    return ACR_CLI_EXIT_ERROR;

  if (framework == NULL)
    {
      acr_cli_set_usage_error (error, _("Give the framework, e.g. “--framework DQR”."));
      return ACR_CLI_EXIT_ERROR;
    }

  if (!acr_module_unassign_level (store, id, framework, error))
    return ACR_CLI_EXIT_ERROR;

  return print_levels (ctx, store, id, error);
}

static int
module_new_version (AcrCliContext  *ctx,
                    int             argc,
                    char          **argv,
                    GError        **error)
{
  g_autoptr(AcrModule) module = NULL;
  AcrStore *store = NULL;
  gint64 id;

  if (!parse_module_id (ctx, "new-version", N_("Makes a new draft version of an approved or "
                                               "retired module, with its outcomes and levels, "
                                               "to edit."),
                        NULL, argc, argv, &id, &store, error) ||
      !(module = acr_module_new_version (store, id, error)))
    return ACR_CLI_EXIT_ERROR;

  acr_cli_print_object (ctx, G_OBJECT (module));
  return ACR_CLI_EXIT_OK;
}

static const AcrCliVerb verbs[] = {
  { "add", N_("Adds a module (--code, --title, --workload-hours, …)"), module_add },
  { "list", N_("Lists the modules"), module_list },
  { "show", N_("Shows a module with its outcomes and levels"), module_show },
  { "edit", N_("Changes a draft module"), module_edit },
  { "delete", N_("Deletes a module"), module_delete },
  { "check", N_("Lists the mandatory elements (Annex I) a module lacks; exits with 1 if any"),
    module_check },
  { "map", N_("Assigns a module to a framework level (--framework CODE --level N)"),
    module_map },
  { "unmap", N_("Removes a module's level in a framework (--framework CODE)"), module_unmap },
  { "levels", N_("Shows a module's framework levels and its EQF level"), module_levels },
  { "new-version", N_("Makes a new draft version of an approved module"), module_new_version },
  { NULL }
};

const AcrCliGroup acr_cli_group_module = {
  "module", NULL, N_("Modules: the micro-credential specifications"), verbs, NULL
};
