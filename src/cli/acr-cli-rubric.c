/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli rubric: a module's assessment grid of criteria × performance levels.
 * "--level NAME=POINTS" and "--criterion DESCRIPTION[=WEIGHT]" (repeatable) give the levels
 * and criteria in order; on "edit" they replace them position by position, so that levels
 * and criteria keep their identity (and the assessments that refer to them stay valid).
 * "--cell C,L=TEXT" describes criterion C at level L (positions from 1). */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "acr-cli-object.h"
#include "acr-rubric.h"

static const AcrCliColumn columns[] = {
  { "id", N_("No.") },
  { "module-id", N_("Module") },
  { "pass-min-total", NULL },
  { "pass-min-points", NULL },
  { "title", NULL },
  { NULL }
};

static const AcrCliType rubric_type = {
  .group = "rubric",
  .get_type = acr_rubric_get_type,
  .create = (gpointer (*) (void)) acr_rubric_new,
  .save = (gboolean (*) (gpointer, AcrStore *, GError **)) acr_rubric_save,
  .load = (gpointer (*) (AcrStore *, gint64, GError **)) acr_rubric_load,
  .remove = acr_rubric_delete,
  .list = acr_rubric_list,
  .columns = columns,
  .deleted = N_("Deleted the rubric %s."),
};

typedef struct
{
  char   **levels;
  char   **criteria;
  char   **cells;
} GridOptions;

static void
grid_options_clear (GridOptions *grid)
{
  g_clear_pointer (&grid->levels, g_strfreev);
  g_clear_pointer (&grid->criteria, g_strfreev);
  g_clear_pointer (&grid->cells, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GridOptions, grid_options_clear)

static void
add_grid_options (AcrCliParser *parser,
                  GridOptions  *grid,
                  gboolean      edit)
{
  const GOptionEntry entries[] = {
    { "level", 0, 0, G_OPTION_ARG_STRING_ARRAY, &grid->levels,
      edit ? N_("Replace the performance levels, in order from the lowest (repeat)")
           : N_("A performance level and its points, in order from the lowest (repeat)"),
      N_("NAME=POINTS") },
    { "criterion", 0, 0, G_OPTION_ARG_STRING_ARRAY, &grid->criteria,
      edit ? N_("Replace the criteria, in order (repeat; the weight defaults to 1)")
           : N_("A criterion and its weight, in order (repeat; the weight defaults to 1)"),
      N_("DESCRIPTION[=WEIGHT]") },
    { "cell", 0, 0, G_OPTION_ARG_STRING_ARRAY, &grid->cells,
      N_("Describe criterion C at level L (positions from 1; repeat)"), N_("C,L=TEXT") },
    { NULL }
  };

  acr_cli_parser_add_entries (parser, entries);
  acr_cli_parser_add_properties (parser, ACR_TYPE_RUBRIC, NULL);
  acr_cli_parser_add_alias (parser, "min-total", "pass-min-total");
  acr_cli_parser_add_alias (parser, "min-points", "pass-min-points");
}

/* Splits "TEXT=NUMBER" at its last '='; FALSE when there is none or NUMBER is not one. */
static gboolean
split_number (const char  *spec,
              char       **text,
              double      *number)
{
  const char *eq = strrchr (spec, '=');

  if (eq == NULL || !acr_cli_parse_double (eq + 1, "", number, NULL))
    return FALSE;

  *text = g_strstrip (g_strndup (spec, eq - spec));
  return TRUE;
}

static gboolean
apply_levels (AcrRubric  *rubric,
              char      **specs,
              GError    **error)
{
  GListModel *levels = acr_rubric_get_levels (rubric);
  guint n = g_strv_length (specs);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = NULL;
      double points = 0;

      if (!split_number (specs[i], &name, &points))
        {
          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("“%s” is not a level for --level: write its name and points as "
                         "NAME=POINTS, e.g. “Good=3”."), specs[i]);
          return FALSE;
        }

      if (i < g_list_model_get_n_items (levels))
        {
          g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, i);

          acr_rubric_level_set_name (level, name);
          acr_rubric_level_set_points (level, points);
        }
      else
        acr_rubric_add_level (rubric, name, points);
    }

  while (g_list_model_get_n_items (levels) > n)
    {
      g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, n);

      acr_rubric_remove_level (rubric, level);
    }

  return TRUE;
}

static gboolean
apply_criteria (AcrRubric  *rubric,
                char      **specs,
                GError    **error)
{
  GListModel *criteria = acr_rubric_get_criteria (rubric);
  guint n = g_strv_length (specs);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *description = NULL;
      double weight = 1;

      /* "Safety=2" has a weight; a description with no number after its last '=' has none. */
      if (!split_number (specs[i], &description, &weight))
        {
          description = g_strstrip (g_strdup (specs[i]));
          weight = 1;
        }

      if (i < g_list_model_get_n_items (criteria))
        {
          g_autoptr(AcrRubricCriterion) criterion = g_list_model_get_item (criteria, i);

          acr_rubric_criterion_set_description (criterion, description);
          acr_rubric_criterion_set_weight (criterion, weight);
        }
      else
        acr_rubric_add_criterion (rubric, description, weight);
    }

  while (g_list_model_get_n_items (criteria) > n)
    {
      g_autoptr(AcrRubricCriterion) criterion = g_list_model_get_item (criteria, n);

      acr_rubric_remove_criterion (rubric, criterion);
    }

  return TRUE;
}

static gboolean
apply_cells (AcrRubric  *rubric,
             char      **specs,
             GError    **error)
{
  GListModel *levels = acr_rubric_get_levels (rubric);
  GListModel *criteria = acr_rubric_get_criteria (rubric);

  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (specs[i], "=", 2);
      g_auto(GStrv) place = NULL;
      g_autoptr(AcrRubricCriterion) criterion = NULL;
      g_autoptr(AcrRubricLevel) level = NULL;
      guint64 c = 0, l = 0;

      if (parts[0] != NULL)
        place = g_strsplit (parts[0], ",", 0);
      if (parts[0] == NULL || parts[1] == NULL || g_strv_length (place) != 2 ||
          !g_ascii_string_to_unsigned (g_strstrip (place[0]), 10, 1, G_MAXUINT, &c, NULL) ||
          !g_ascii_string_to_unsigned (g_strstrip (place[1]), 10, 1, G_MAXUINT, &l, NULL))
        {
          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("“%s” is not a cell for --cell: write the positions of criterion and "
                         "level and the text as C,L=TEXT, e.g. “1,2=Mostly correct”."),
                       specs[i]);
          return FALSE;
        }

      if (c > g_list_model_get_n_items (criteria) || l > g_list_model_get_n_items (levels))
        {
          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("The cell “%s” is outside the rubric, which has %u criteria and %u "
                         "levels."), specs[i], g_list_model_get_n_items (criteria),
                       g_list_model_get_n_items (levels));
          return FALSE;
        }

      criterion = g_list_model_get_item (criteria, (guint) c - 1);
      level = g_list_model_get_item (levels, (guint) l - 1);
      acr_rubric_set_cell (rubric, criterion, level, parts[1]);
    }

  return TRUE;
}

static gboolean
apply_grid (AcrRubric    *rubric,
            GridOptions  *grid,
            GError      **error)
{
  return (grid->levels == NULL || apply_levels (rubric, grid->levels, error)) &&
         (grid->criteria == NULL || apply_criteria (rubric, grid->criteria, error)) &&
         (grid->cells == NULL || apply_cells (rubric, grid->cells, error));
}

static JsonNode *
rubric_to_json (AcrRubric *rubric)
{
  GListModel *levels = acr_rubric_get_levels (rubric);
  GListModel *criteria = acr_rubric_get_criteria (rubric);
  JsonNode *node = acr_cli_object_to_json (G_OBJECT (rubric));
  JsonObject *object = json_node_get_object (node);
  JsonArray *criteria_array;
  g_autoptr(JsonBuilder) cells = json_builder_new ();

  json_object_set_double_member (object, "max-total", acr_rubric_get_max_total (rubric));
  json_object_set_member (object, "levels", acr_cli_list_to_json (levels, 0));
  json_object_set_member (object, "criteria", acr_cli_list_to_json (criteria, 0));

  criteria_array = json_object_get_array_member (object, "criteria");
  json_builder_begin_array (cells);
  for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
    {
      g_autoptr(AcrRubricCriterion) criterion = g_list_model_get_item (criteria, c);
      GArray *outcome_ids = acr_rubric_criterion_get_outcome_ids (criterion);
      JsonArray *ids = json_array_new ();

      for (guint i = 0; outcome_ids != NULL && i < outcome_ids->len; i++)
        json_array_add_int_element (ids, g_array_index (outcome_ids, gint64, i));
      json_object_set_array_member (json_array_get_object_element (criteria_array, c),
                                    "outcome-ids", ids);

      for (guint l = 0; l < g_list_model_get_n_items (levels); l++)
        {
          g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, l);
          const char *text = acr_rubric_get_cell (rubric, criterion, level);

          if (text == NULL || text[0] == '\0')
            continue;
          json_builder_begin_object (cells);
          json_builder_set_member_name (cells, "criterion");
          json_builder_add_int_value (cells, c + 1);
          json_builder_set_member_name (cells, "level");
          json_builder_add_int_value (cells, l + 1);
          json_builder_set_member_name (cells, "descriptor");
          json_builder_add_string_value (cells, text);
          json_builder_end_object (cells);
        }
    }
  json_builder_end_array (cells);
  json_object_set_member (object, "cells", json_builder_get_root (cells));

  return node;
}

static void
print_grid (AcrRubric *rubric)
{
  GListModel *levels = acr_rubric_get_levels (rubric);
  GListModel *criteria = acr_rubric_get_criteria (rubric);
  guint n_levels = g_list_model_get_n_items (levels);
  guint n_criteria = g_list_model_get_n_items (criteria);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (n_levels == 0 && n_criteria == 0)
    {
      g_print ("%s\n", _("The rubric has no levels and no criteria yet."));
      return;
    }

  g_ptr_array_add (headers, g_strdup (_("Criterion")));
  g_ptr_array_add (headers, g_strdup (_("Weight")));
  for (guint l = 0; l < n_levels; l++)
    {
      g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, l);

      /* Translators: a rubric level's column heading: its name and points, "Good (3)" */
      g_ptr_array_add (headers, g_strdup_printf (_("%s (%g)"),
                                                 acr_rubric_level_get_name (level),
                                                 acr_rubric_level_get_points (level)));
    }
  g_ptr_array_add (headers, NULL);

  for (guint c = 0; c < n_criteria; c++)
    {
      g_autoptr(AcrRubricCriterion) criterion = g_list_model_get_item (criteria, c);
      char **row = g_new0 (char *, n_levels + 3);

      row[0] = g_strdup_printf ("%u. %s", c + 1, acr_rubric_criterion_get_description (criterion));
      row[1] = g_strdup_printf ("%g", acr_rubric_criterion_get_weight (criterion));
      for (guint l = 0; l < n_levels; l++)
        {
          g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, l);
          const char *text = acr_rubric_get_cell (rubric, criterion, level);

          row[l + 2] = g_strdup (text != NULL ? text : "");
          g_strdelimit (row[l + 2], "\n\r\t", ' ');
        }
      g_ptr_array_add (rows, row);
    }

  acr_cli_print_table ((const char * const *) headers->pdata, rows);
}

static void
print_rubric (AcrCliContext *ctx,
              AcrRubric     *rubric)
{
  if (ctx->json)
    {
      acr_cli_print_json (rubric_to_json (rubric));
      return;
    }

  acr_cli_print_fields (G_OBJECT (rubric), NULL);
  g_print (_("Maximum total: %g"), acr_rubric_get_max_total (rubric));
  g_print ("\n\n");
  print_grid (rubric);
}

static int
save_and_print (AcrCliContext  *ctx,
                AcrRubric      *rubric,
                GError        **error)
{
  AcrStore *store;

  if (!(store = acr_cli_context_get_store (ctx, error)) ||
      !acr_rubric_save (rubric, store, error))
    return ACR_CLI_EXIT_ERROR;

  print_rubric (ctx, rubric);
  return ACR_CLI_EXIT_OK;
}

static int
rubric_add (AcrCliContext  *ctx,
            int             argc,
            char          **argv,
            GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrRubric) rubric = NULL;
  g_auto(GridOptions) grid = { NULL, };

  parser = acr_cli_parser_new (ctx, "rubric", "add", NULL,
                               N_("Adds the rubric of a module: its levels, criteria and pass "
                                  "rule."));
  add_grid_options (parser, &grid, FALSE);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error))
    return ACR_CLI_EXIT_ERROR;

  rubric = acr_rubric_new ();
  acr_cli_parser_apply (parser, G_OBJECT (rubric));
  if (!apply_grid (rubric, &grid, error))
    return ACR_CLI_EXIT_ERROR;

  return save_and_print (ctx, rubric, error);
}

static int
rubric_edit (AcrCliContext  *ctx,
             int             argc,
             char          **argv,
             GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrRubric) rubric = NULL;
  g_auto(GridOptions) grid = { NULL, };
  AcrStore *store;
  gint64 id;

  parser = acr_cli_parser_new (ctx, "rubric", "edit", _("ID"),
                               N_("Changes a rubric: the fields, levels, criteria and cells "
                                  "given as options."));
  add_grid_options (parser, &grid, TRUE);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !acr_cli_parse_id (argv[1], &id, error))
    return ACR_CLI_EXIT_ERROR;

  if (acr_cli_parser_get_n_assignments (parser) == 0 && grid.levels == NULL &&
      grid.criteria == NULL && grid.cells == NULL)
    {
      g_autofree char *hint = acr_cli_parser_get_hint (parser);

      acr_cli_set_usage_error (error, _("Nothing to change: give the fields to change as "
                                        "options.\n%s"), hint);
      return ACR_CLI_EXIT_ERROR;
    }

  if (!(store = acr_cli_context_get_store (ctx, error)) ||
      !(rubric = acr_rubric_load (store, id, error)))
    return ACR_CLI_EXIT_ERROR;

  acr_cli_parser_apply (parser, G_OBJECT (rubric));
  if (!apply_grid (rubric, &grid, error))
    return ACR_CLI_EXIT_ERROR;

  return save_and_print (ctx, rubric, error);
}

static int
rubric_show (AcrCliContext  *ctx,
             int             argc,
             char          **argv,
             GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrRubric) rubric = NULL;
  AcrStore *store;
  gint64 id = 0;
  gint64 module_id = 0;
  g_autofree char *module_text = NULL;
  const GOptionEntry entries[] = {
    { "module", 0, 0, G_OPTION_ARG_STRING, &module_text,
      N_("Show the rubric of the module ID instead"), N_("ID") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "rubric", "show", _("[ID]"),
                               N_("Shows a rubric as a grid of criteria and levels."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 1, error))
    return ACR_CLI_EXIT_ERROR;

  if ((argc == 2) == (module_text != NULL))
    {
      g_autofree char *hint = acr_cli_parser_get_hint (parser);

      acr_cli_set_usage_error (error, _("Give either the number of a rubric or --module.\n%s"),
                               hint);
      return ACR_CLI_EXIT_ERROR;
    }

  if (module_text != NULL ? !acr_cli_parse_id (module_text, &module_id, error)
                          : !acr_cli_parse_id (argv[1], &id, error))
    return ACR_CLI_EXIT_ERROR;

  if (!(store = acr_cli_context_get_store (ctx, error)))
    return ACR_CLI_EXIT_ERROR;

  rubric = module_id != 0 ? acr_rubric_load_for_module (store, module_id, error)
                          : acr_rubric_load (store, id, error);
  if (rubric == NULL)
    return ACR_CLI_EXIT_ERROR;

  print_rubric (ctx, rubric);
  return ACR_CLI_EXIT_OK;
}

static int
rubric_list (AcrCliContext  *ctx,
             int             argc,
             char          **argv,
             GError        **error)
{
  return acr_cli_verb_list (&rubric_type, ctx, argc, argv, error);
}

static int
rubric_delete (AcrCliContext  *ctx,
               int             argc,
               char          **argv,
               GError        **error)
{
  return acr_cli_verb_delete (&rubric_type, ctx, argc, argv, error);
}

static const AcrCliVerb verbs[] = {
  { "add", N_("Adds a module's rubric (--module, --level NAME=POINTS, --criterion TEXT …)"),
    rubric_add },
  { "list", N_("Lists the rubrics"), rubric_list },
  { "show", N_("Shows a rubric as a grid"), rubric_show },
  { "edit", N_("Changes a rubric"), rubric_edit },
  { "delete", N_("Deletes a rubric"), rubric_delete },
  { NULL }
};

const AcrCliGroup acr_cli_group_rubric = {
  "rubric", NULL, N_("Rubrics: how a module is assessed"), verbs, NULL
};
