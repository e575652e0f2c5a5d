/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli assessment: one learner's result in one module version. "--level C=LEVEL"
 * (repeatable) records the level named LEVEL for the rubric's criterion at position C; the
 * core computes the total and the pass/fail verdict from the module's rubric on save. */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "acr-assessment.h"
#include "acr-cli-object.h"
#include "acr-rubric.h"

static const AcrCliColumn columns[] = {
  { "id", N_("No.") },
  { "assessed-on", N_("Date") },
  { "learner-id", NULL },
  { "module-id", NULL },
  { "total", NULL },
  { "passed", NULL },
  { "assessor", NULL },
  { NULL }
};

static const AcrCliType assessment_type = {
  .group = "assessment",
  .get_type = acr_assessment_get_type,
  .create = (gpointer (*) (void)) acr_assessment_new,
  .save = (gboolean (*) (gpointer, AcrStore *, GError **)) acr_assessment_save,
  .load = (gpointer (*) (AcrStore *, gint64, GError **)) acr_assessment_load,
  .remove = acr_assessment_delete,
  .list = acr_assessment_list,
  .columns = columns,
  .deleted = N_("Deleted the assessment %s."),
};

static void
add_assessment_options (AcrCliParser   *parser,
                        char         ***levels)
{
  const GOptionEntry entries[] = {
    { "level", 0, 0, G_OPTION_ARG_STRING_ARRAY, levels,
      N_("The level reached in the rubric's criterion at position C (repeat per criterion)"),
      N_("C=LEVEL") },
    { NULL }
  };

  acr_cli_parser_add_entries (parser, entries);
  acr_cli_parser_add_properties (parser, ACR_TYPE_ASSESSMENT, NULL);
  acr_cli_parser_add_alias (parser, "date", "assessed-on");
}

static gboolean
apply_levels (AcrAssessment  *assessment,
              AcrStore       *store,
              char          **specs,
              GError        **error)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      const char *eq = strchr (specs[i], '=');
      g_autofree char *position_text = NULL;
      guint64 position = 0;

      if (eq != NULL)
        position_text = g_strstrip (g_strndup (specs[i], eq - specs[i]));
      if (eq == NULL ||
          !g_ascii_string_to_unsigned (position_text, 10, 1, G_MAXUINT, &position, NULL))
        {
          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("“%s” is not a result for --level: write the criterion's position and "
                         "the level's name as C=LEVEL, e.g. “1=Good”."), specs[i]);
          return FALSE;
        }

      if (!acr_assessment_set_result_by_name (assessment, store, (guint) position, eq + 1,
                                              error))
        return FALSE;
    }

  return TRUE;
}

/* The results with the rubric's names, as text rows or JSON; @rubric may be NULL. */
static void
print_results (AcrCliContext *ctx,
               AcrAssessment *assessment,
               AcrRubric     *rubric,
               JsonObject    *json)
{
  GArray *results = acr_assessment_get_results (assessment);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  JsonArray *array = json_array_new ();
  const char *headers[] = { _("Criterion"), _("Level"), _("Points"), NULL };

  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      AcrAssessmentResult *r = &g_array_index (results, AcrAssessmentResult, i);
      AcrRubricCriterion *criterion = rubric ? acr_rubric_find_criterion (rubric,
                                                                          r->criterion_id)
                                             : NULL;
      AcrRubricLevel *level = rubric ? acr_rubric_find_level (rubric, r->level_id) : NULL;
      JsonObject *item = json_object_new ();

      json_object_set_int_member (item, "criterion-id", r->criterion_id);
      json_object_set_int_member (item, "level-id", r->level_id);
      if (criterion != NULL)
        {
          json_object_set_int_member (item, "criterion",
                                      acr_rubric_criterion_get_position (criterion));
          json_object_set_string_member (item, "description",
                                         acr_rubric_criterion_get_description (criterion));
        }
      if (level != NULL)
        {
          json_object_set_string_member (item, "level", acr_rubric_level_get_name (level));
          json_object_set_double_member (item, "points", acr_rubric_level_get_points (level));
        }
      json_array_add_object_element (array, item);

      if (json == NULL)
        {
          char **row = g_new0 (char *, 4);

          row[0] = criterion != NULL
                   ? g_strdup_printf ("%u. %s", acr_rubric_criterion_get_position (criterion),
                                      acr_rubric_criterion_get_description (criterion))
                   : g_strdup_printf ("%" G_GINT64_FORMAT, r->criterion_id);
          row[1] = g_strdup (level != NULL ? acr_rubric_level_get_name (level) : "");
          row[2] = level != NULL ? g_strdup_printf ("%g", acr_rubric_level_get_points (level))
                                 : g_strdup ("");
          g_ptr_array_add (rows, row);
        }
    }

  if (json != NULL)
    {
      json_object_set_array_member (json, "results", array);
      return;
    }

  json_array_unref (array);
  if (rows->len > 0)
    {
      g_print ("\n");
      acr_cli_print_table (headers, rows);
    }
}

static int
print_assessment (AcrCliContext  *ctx,
                  AcrStore       *store,
                  AcrAssessment  *assessment,
                  gboolean        verdict,
                  GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AcrRubric) rubric = NULL;

  rubric = acr_rubric_load_for_module (store, acr_assessment_get_module_id (assessment),
                                       &local_error);
  if (rubric == NULL && !g_error_matches (local_error, ACR_STORE_ERROR,
                                          ACR_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return ACR_CLI_EXIT_ERROR;
    }

  if (ctx->json)
    {
      JsonNode *node = acr_cli_object_to_json (G_OBJECT (assessment));

      print_results (ctx, assessment, rubric, json_node_get_object (node));
      acr_cli_print_json (node);
      return ACR_CLI_EXIT_OK;
    }

  acr_cli_print_fields (G_OBJECT (assessment), NULL);
  print_results (ctx, assessment, rubric, NULL);

  if (verdict)
    {
      g_print ("\n");
      if (acr_assessment_get_passed (assessment))
        g_print (_("Passed with a total of %g."), acr_assessment_get_total (assessment));
      else
        g_print (_("Failed with a total of %g."), acr_assessment_get_total (assessment));
      g_print ("\n");
    }

  return ACR_CLI_EXIT_OK;
}

static int
assessment_add (AcrCliContext  *ctx,
                int             argc,
                char          **argv,
                GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrAssessment) assessment = NULL;
  g_auto(GStrv) levels = NULL;
  AcrStore *store;

  parser = acr_cli_parser_new (ctx, "assessment", "add", NULL,
                               N_("Records an assessment: a learner's result in a module. With "
                                  "a rubric, give the level reached per criterion; the total "
                                  "and the verdict follow from the rubric."));
  add_assessment_options (parser, &levels);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error) ||
      !(store = acr_cli_context_get_store (ctx, error)))
    return ACR_CLI_EXIT_ERROR;

  assessment = acr_assessment_new ();
  acr_cli_parser_apply (parser, G_OBJECT (assessment));
  if (!apply_levels (assessment, store, levels, error) ||
      !acr_assessment_save (assessment, store, error))
    return ACR_CLI_EXIT_ERROR;

  return print_assessment (ctx, store, assessment, TRUE, error);
}

static int
assessment_edit (AcrCliContext  *ctx,
                 int             argc,
                 char          **argv,
                 GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrAssessment) assessment = NULL;
  g_auto(GStrv) levels = NULL;
  AcrStore *store;
  gint64 id;

  parser = acr_cli_parser_new (ctx, "assessment", "edit", _("ID"),
                               N_("Changes an assessment: the fields and results given as "
                                  "options."));
  add_assessment_options (parser, &levels);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !acr_cli_parse_id (argv[1], &id, error))
    return ACR_CLI_EXIT_ERROR;

  if (acr_cli_parser_get_n_assignments (parser) == 0 && levels == NULL)
    {
      g_autofree char *hint = acr_cli_parser_get_hint (parser);

      acr_cli_set_usage_error (error, _("Nothing to change: give the fields to change as "
                                        "options.\n%s"), hint);
      return ACR_CLI_EXIT_ERROR;
    }

  if (!(store = acr_cli_context_get_store (ctx, error)) ||
      !(assessment = acr_assessment_load (store, id, error)))
    return ACR_CLI_EXIT_ERROR;

  acr_cli_parser_apply (parser, G_OBJECT (assessment));
  if (!apply_levels (assessment, store, levels, error) ||
      !acr_assessment_save (assessment, store, error))
    return ACR_CLI_EXIT_ERROR;

  return print_assessment (ctx, store, assessment, TRUE, error);
}

static int
assessment_show (AcrCliContext  *ctx,
                 int             argc,
                 char          **argv,
                 GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrAssessment) assessment = NULL;
  AcrStore *store;
  gint64 id;

  parser = acr_cli_parser_new (ctx, "assessment", "show", _("ID"),
                               N_("Shows an assessment with its results per criterion."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !acr_cli_parse_id (argv[1], &id, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(assessment = acr_assessment_load (store, id, error)))
    return ACR_CLI_EXIT_ERROR;

  return print_assessment (ctx, store, assessment, FALSE, error);
}

static int
assessment_list (AcrCliContext  *ctx,
                 int             argc,
                 char          **argv,
                 GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrPagedList) list = NULL;
  g_autofree char *search = NULL;
  g_autofree char *learner_text = NULL;
  g_autofree char *module_text = NULL;
  gboolean passed_only = FALSE;
  gint64 learner_id = 0, module_id = 0;
  AcrStore *store;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Show only entries containing TEXT"), N_("TEXT") },
    { "learner", 0, 0, G_OPTION_ARG_STRING, &learner_text,
      N_("Show only the assessments of the learner ID"), N_("ID") },
    { "module", 0, 0, G_OPTION_ARG_STRING, &module_text,
      N_("Show only the assessments in the module ID"), N_("ID") },
    { "passed", 0, 0, G_OPTION_ARG_NONE, &passed_only,
      N_("With --module: only passed assessments"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Show at most N entries"), N_("N") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "assessment", "list", NULL,
                               N_("Lists assessments, newest first."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error))
    return ACR_CLI_EXIT_ERROR;

  if ((search != NULL) + (learner_text != NULL) + (module_text != NULL) > 1)
    {
      acr_cli_set_usage_error (error, _("Give only one of --search, --learner and --module."));
      return ACR_CLI_EXIT_ERROR;
    }
  if (limit < 0)
    {
      acr_cli_set_usage_error (error, _("The value of --limit must be a whole number of zero "
                                        "or more."));
      return ACR_CLI_EXIT_ERROR;
    }
  if ((learner_text != NULL && !acr_cli_parse_id (learner_text, &learner_id, error)) ||
      (module_text != NULL && !acr_cli_parse_id (module_text, &module_id, error)) ||
      !(store = acr_cli_context_get_store (ctx, error)))
    return ACR_CLI_EXIT_ERROR;

  if (learner_id != 0)
    list = acr_assessment_list_for_learner (store, learner_id);
  else if (module_id != 0)
    list = acr_assessment_list_for_module (store, module_id, passed_only);
  else
    list = acr_assessment_list (store, search);

  acr_cli_print_list (ctx, G_LIST_MODEL (list), columns, (guint) limit);
  return ACR_CLI_EXIT_OK;
}

static int
assessment_delete (AcrCliContext  *ctx,
                   int             argc,
                   char          **argv,
                   GError        **error)
{
  return acr_cli_verb_delete (&assessment_type, ctx, argc, argv, error);
}

static const AcrCliVerb verbs[] = {
  { "add", N_("Records an assessment (--learner, --module, --assessor, --date, --level C=LEVEL "
              "…)"), assessment_add },
  { "list", N_("Lists assessments, newest first"), assessment_list },
  { "show", N_("Shows an assessment with its results"), assessment_show },
  { "edit", N_("Changes an assessment"), assessment_edit },
  { "delete", N_("Deletes an assessment"), assessment_delete },
  { NULL }
};

const AcrCliGroup acr_cli_group_assessment = {
  "assessment", NULL, N_("Assessments: learners' results in modules"), verbs, NULL
};
