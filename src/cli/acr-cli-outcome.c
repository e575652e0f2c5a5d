/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli outcome: the learning outcomes of a module, in order. */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-cli-object.h"
#include "acr-learning-outcome.h"
#include "acr-module.h"

static const AcrCliColumn columns[] = {
  { "position", N_("Pos.") },
  { "id", N_("No.") },
  { "kind", NULL },
  { "statement", NULL },
  { NULL }
};

static const AcrCliType outcome_type = {
  .group = "outcome",
  .get_type = acr_learning_outcome_get_type,
  .create = (gpointer (*) (void)) acr_learning_outcome_new,
  .save = (gboolean (*) (gpointer, AcrStore *, GError **)) acr_learning_outcome_save,
  .load = (gpointer (*) (AcrStore *, gint64, GError **)) acr_learning_outcome_load,
  .remove = acr_learning_outcome_delete,
  .list = NULL,   /* outcomes are listed per module: see outcome_list() */
  .columns = columns,
  .deleted = N_("Deleted the learning outcome %s."),
};

static int
outcome_add (AcrCliContext  *ctx,
             int             argc,
             char          **argv,
             GError        **error)
{
  return acr_cli_verb_add (&outcome_type, ctx, argc, argv, error);
}

static int
outcome_show (AcrCliContext  *ctx,
              int             argc,
              char          **argv,
              GError        **error)
{
  return acr_cli_verb_show (&outcome_type, ctx, argc, argv, error);
}

static int
outcome_edit (AcrCliContext  *ctx,
              int             argc,
              char          **argv,
              GError        **error)
{
  return acr_cli_verb_edit (&outcome_type, ctx, argc, argv, error);
}

static int
outcome_delete (AcrCliContext  *ctx,
                int             argc,
                char          **argv,
                GError        **error)
{
  return acr_cli_verb_delete (&outcome_type, ctx, argc, argv, error);
}

static int
outcome_list (AcrCliContext  *ctx,
              int             argc,
              char          **argv,
              GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(GListModel) outcomes = NULL;
  g_autofree char *module_text = NULL;
  AcrStore *store;
  gint64 module_id;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "module", 0, 0, G_OPTION_ARG_STRING, &module_text,
      N_("The module whose outcomes to list"), N_("ID") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Show at most N entries"), N_("N") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "outcome", "list", NULL,
                               N_("Lists the learning outcomes of a module in order."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error))
    return ACR_CLI_EXIT_ERROR;

  if (module_text == NULL)
    {
      g_autofree char *hint = acr_cli_parser_get_hint (parser);

      acr_cli_set_usage_error (error, _("Give the module whose outcomes to list, e.g. "
                                        "“--module 1”.\n%s"), hint);
      return ACR_CLI_EXIT_ERROR;
    }
  if (limit < 0)
    {
      acr_cli_set_usage_error (error, _("The value of --limit must be a whole number of zero "
                                        "or more."));
      return ACR_CLI_EXIT_ERROR;
    }

  if (!acr_cli_parse_id (module_text, &module_id, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(outcomes = acr_module_list_outcomes (store, module_id, error)))
    return ACR_CLI_EXIT_ERROR;

  acr_cli_print_list (ctx, outcomes, columns, (guint) limit);
  return ACR_CLI_EXIT_OK;
}

static int
outcome_move (AcrCliContext  *ctx,
              int             argc,
              char          **argv,
              GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrLearningOutcome) outcome = NULL;
  AcrStore *store;
  gint64 id;
  gint64 position;

  parser = acr_cli_parser_new (ctx, "outcome", "move", _("ID POSITION"),
                               N_("Moves a learning outcome to another position (1 = first) "
                                  "in its module."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 2, 2, error) ||
      !acr_cli_parse_id (argv[1], &id, error))
    return ACR_CLI_EXIT_ERROR;

  if (!g_ascii_string_to_signed (argv[2], 10, 1, G_MAXINT, &position, NULL))
    {
      acr_cli_set_usage_error (error, _("“%s” is not a position: give a whole number of 1 or "
                                        "more."), argv[2]);
      return ACR_CLI_EXIT_ERROR;
    }

  if (!(store = acr_cli_context_get_store (ctx, error)) ||
      !acr_module_move_outcome (store, id, (int) position, error) ||
      !(outcome = acr_learning_outcome_load (store, id, error)))
    return ACR_CLI_EXIT_ERROR;

  acr_cli_print_object (ctx, G_OBJECT (outcome));
  return ACR_CLI_EXIT_OK;
}

static const AcrCliVerb verbs[] = {
  { "add", N_("Adds a learning outcome (--module ID --statement TEXT --kind KIND)"),
    outcome_add },
  { "list", N_("Lists the learning outcomes of a module (--module ID)"), outcome_list },
  { "show", N_("Shows one learning outcome"), outcome_show },
  { "edit", N_("Changes a learning outcome"), outcome_edit },
  { "delete", N_("Deletes a learning outcome"), outcome_delete },
  { "move", N_("Moves a learning outcome to another position"), outcome_move },
  { NULL }
};

const AcrCliGroup acr_cli_group_outcome = {
  "outcome", NULL, N_("Learning outcomes of modules"), verbs, NULL
};
