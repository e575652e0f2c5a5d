/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli curriculum: programmes built from modules, with their stacking rule.
 * "--module ID[:optional]" (repeatable) gives the modules in order; on "edit" it replaces
 * the list of modules. "import" and "export" read and write curriculum documents
 * (data/schemas/curriculum.xsd); an export goes to standard output unless -o names a file. */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "acr-cli-object.h"
#include "acr-curriculum.h"
#include "acr-curriculum-xml.h"

static const AcrCliColumn columns[] = {
  { "id", N_("No.") },
  { "code", NULL },
  { "version", NULL },
  { "status", NULL },
  { "stacking-rule", NULL },
  { "title", NULL },
  { NULL }
};

static const AcrCliColumn entry_columns[] = {
  { "position", N_("Pos.") },
  { "module-id", N_("Module") },
  { "module-code", N_("Code") },
  { "module-version", N_("Version") },
  { "required", N_("Required") },
  { "module-title", N_("Title") },
  { NULL }
};

static const AcrCliType curriculum_type = {
  .group = "curriculum",
  .get_type = acr_curriculum_get_type,
  .create = (gpointer (*) (void)) acr_curriculum_new,
  .save = (gboolean (*) (gpointer, AcrStore *, GError **)) acr_curriculum_save,
  .load = (gpointer (*) (AcrStore *, gint64, GError **)) acr_curriculum_load,
  .remove = acr_curriculum_delete,
  .list = acr_curriculum_list,
  .columns = columns,
  .deleted = N_("Deleted the curriculum %s."),
};

/* Replaces the modules of @curriculum by @specs ("ID" or "ID:optional" / "ID:required"). */
static gboolean
set_modules (AcrCurriculum  *curriculum,
             char          **specs,
             GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) required = g_array_new (FALSE, FALSE, sizeof (gboolean));
  GListModel *entries = acr_curriculum_get_entries (curriculum);

  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_autofree char *id_text = g_strdup (specs[i]);
      char *colon = strchr (id_text, ':');
      gboolean req = TRUE;
      gint64 id;

      if (colon != NULL)
        {
          *colon = '\0';
          if (g_ascii_strcasecmp (colon + 1, "optional") == 0)
            req = FALSE;
          else if (g_ascii_strcasecmp (colon + 1, "required") != 0)
            {
              g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                           _("“%s” is not a module for --module: write the module's number, "
                             "optionally followed by “:optional” or “:required”."), specs[i]);
              return FALSE;
            }
        }
      if (!acr_cli_parse_id (id_text, &id, error))
        return FALSE;
      g_array_append_val (ids, id);
      g_array_append_val (required, req);
    }

  while (g_list_model_get_n_items (entries) > 0)
    {
      g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (entries, 0);

      acr_curriculum_remove_module (curriculum, acr_curriculum_entry_get_module_id (entry));
    }

  for (guint i = 0; i < ids->len; i++)
    acr_curriculum_add_module (curriculum, g_array_index (ids, gint64, i),
                               g_array_index (required, gboolean, i));

  return TRUE;
}

static void
print_curriculum (AcrCliContext *ctx,
                  AcrCurriculum *curriculum)
{
  GListModel *entries = acr_curriculum_get_entries (curriculum);

  if (ctx->json)
    {
      JsonNode *node = acr_cli_object_to_json (G_OBJECT (curriculum));

      json_object_set_member (json_node_get_object (node), "modules",
                              acr_cli_list_to_json (entries, 0));
      acr_cli_print_json (node);
      return;
    }

  acr_cli_print_fields (G_OBJECT (curriculum), NULL);
  acr_cli_print_section (ctx, _("Modules"), entries, entry_columns);
}

static int
save_and_print (AcrCliContext  *ctx,
                AcrCurriculum  *curriculum,
                GError        **error)
{
  g_autoptr(AcrCurriculum) reloaded = NULL;
  AcrStore *store;

  if (!(store = acr_cli_context_get_store (ctx, error)) ||
      !acr_curriculum_save (curriculum, store, error))
    return ACR_CLI_EXIT_ERROR;

  /* Read back, so that the entries show the modules' codes and titles. */
  if (!(reloaded = acr_curriculum_load (store, acr_curriculum_get_id (curriculum), error)))
    return ACR_CLI_EXIT_ERROR;

  print_curriculum (ctx, reloaded);
  return ACR_CLI_EXIT_OK;
}

static int
curriculum_add (AcrCliContext  *ctx,
                int             argc,
                char          **argv,
                GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrCurriculum) curriculum = NULL;
  g_auto(GStrv) modules = NULL;
  const GOptionEntry entries[] = {
    { "module", 0, 0, G_OPTION_ARG_STRING_ARRAY, &modules,
      N_("Add the module ID, required unless “:optional” follows (repeat in order)"),
      N_("ID[:optional]") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "curriculum", "add", NULL,
                               N_("Adds a curriculum with the fields given as options."));
  acr_cli_parser_add_entries (parser, entries);
  acr_cli_parser_add_properties (parser, ACR_TYPE_CURRICULUM, NULL);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error))
    return ACR_CLI_EXIT_ERROR;

  curriculum = acr_curriculum_new ();
  acr_cli_parser_apply (parser, G_OBJECT (curriculum));
  if (modules != NULL && !set_modules (curriculum, modules, error))
    return ACR_CLI_EXIT_ERROR;

  return save_and_print (ctx, curriculum, error);
}

static int
curriculum_edit (AcrCliContext  *ctx,
                 int             argc,
                 char          **argv,
                 GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrCurriculum) curriculum = NULL;
  g_auto(GStrv) modules = NULL;
  AcrStore *store;
  gint64 id;
  const GOptionEntry entries[] = {
    { "module", 0, 0, G_OPTION_ARG_STRING_ARRAY, &modules,
      N_("Replace the modules by these (repeat in order; “:optional” after an optional one)"),
      N_("ID[:optional]") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "curriculum", "edit", _("ID"),
                               N_("Changes the fields given as options of a curriculum."));
  acr_cli_parser_add_entries (parser, entries);
  acr_cli_parser_add_properties (parser, ACR_TYPE_CURRICULUM, NULL);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !acr_cli_parse_id (argv[1], &id, error))
    return ACR_CLI_EXIT_ERROR;

  if (acr_cli_parser_get_n_assignments (parser) == 0 && modules == NULL)
    {
      g_autofree char *hint = acr_cli_parser_get_hint (parser);

      acr_cli_set_usage_error (error, _("Nothing to change: give the fields to change as "
                                        "options.\n%s"), hint);
      return ACR_CLI_EXIT_ERROR;
    }

  if (!(store = acr_cli_context_get_store (ctx, error)) ||
      !(curriculum = acr_curriculum_load (store, id, error)))
    return ACR_CLI_EXIT_ERROR;

  acr_cli_parser_apply (parser, G_OBJECT (curriculum));
  if (modules != NULL && !set_modules (curriculum, modules, error))
    return ACR_CLI_EXIT_ERROR;

  return save_and_print (ctx, curriculum, error);
}

static int
curriculum_show (AcrCliContext  *ctx,
                 int             argc,
                 char          **argv,
                 GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrCurriculum) curriculum = NULL;
  AcrStore *store;
  gint64 id;

  parser = acr_cli_parser_new (ctx, "curriculum", "show", _("ID"),
                               N_("Shows a curriculum and its modules."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !acr_cli_parse_id (argv[1], &id, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(curriculum = acr_curriculum_load (store, id, error)))
    return ACR_CLI_EXIT_ERROR;

  print_curriculum (ctx, curriculum);
  return ACR_CLI_EXIT_OK;
}

static int
curriculum_list (AcrCliContext  *ctx,
                 int             argc,
                 char          **argv,
                 GError        **error)
{
  return acr_cli_verb_list (&curriculum_type, ctx, argc, argv, error);
}

static int
curriculum_delete (AcrCliContext  *ctx,
                   int             argc,
                   char          **argv,
                   GError        **error)
{
  return acr_cli_verb_delete (&curriculum_type, ctx, argc, argv, error);
}

static int
curriculum_import (AcrCliContext  *ctx,
                   int             argc,
                   char          **argv,
                   GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrCurriculum) curriculum = NULL;
  AcrStore *store;
  gint64 id;
  guint n_modules;

  parser = acr_cli_parser_new (ctx, "curriculum", "import", _("FILE"),
                               N_("Imports a curriculum document with its provider and modules, "
                                  "all or nothing. A curriculum or module of the same code and "
                                  "version is updated, not added again; approved modules must "
                                  "be unchanged."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(id = acr_curriculum_import_file (store, argv[1], error)) ||
      !(curriculum = acr_curriculum_load (store, id, error)))
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    {
      print_curriculum (ctx, curriculum);
      return ACR_CLI_EXIT_OK;
    }

  n_modules = g_list_model_get_n_items (acr_curriculum_get_entries (curriculum));
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Imported the curriculum “%s”, version %u (number %lld), with %u module.",
                        "Imported the curriculum “%s”, version %u (number %lld), with %u modules.",
                        n_modules),
           acr_curriculum_get_code (curriculum), acr_curriculum_get_version (curriculum),
           (long long) id, n_modules);
  g_print ("\n");
  return ACR_CLI_EXIT_OK;
}

/* A curriculum by number, or by code (its latest version). */
static AcrCurriculum *
load_by_id_or_code (AcrStore    *store,
                    const char  *text,
                    GError     **error)
{
  gint64 id;

  if (text[0] != '\0' && strspn (text, "0123456789") == strlen (text))
    return acr_cli_parse_id (text, &id, error) ? acr_curriculum_load (store, id, error) : NULL;

  return acr_curriculum_load_by_code (store, text, 0, error);
}

static int
curriculum_export (AcrCliContext  *ctx,
                   int             argc,
                   char          **argv,
                   GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrCurriculum) curriculum = NULL;
  g_autofree char *output = NULL;
  g_autofree char *xml = NULL;
  AcrStore *store;
  gsize len = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the document to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "curriculum", "export", _("ID|CODE"),
                               N_("Writes a curriculum with its provider and modules as a "
                                  "curriculum document (XML). A code names its latest version."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(curriculum = load_by_id_or_code (store, argv[1], error)) ||
      !(xml = acr_curriculum_export_xml (store, acr_curriculum_get_id (curriculum), &len,
                                         error)))
    return ACR_CLI_EXIT_ERROR;

  if (output != NULL)
    {
      g_autofree char *display_name = g_filename_display_name (output);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_set_contents (output, xml, (gssize) len, &local_error))
        {
          g_set_error (error, G_FILE_ERROR, local_error->code,
                       _("Could not write “%s”. Check that its folder exists and that you may "
                         "write there (%s)."), display_name, local_error->message);
          return ACR_CLI_EXIT_ERROR;
        }
      return ACR_CLI_EXIT_OK;
    }

  if (fwrite (xml, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO,
                   _("Could not write the curriculum “%s” to standard output."),
                   acr_curriculum_get_code (curriculum));
      return ACR_CLI_EXIT_ERROR;
    }

  return ACR_CLI_EXIT_OK;
}

static const AcrCliVerb verbs[] = {
  { "add", N_("Adds a curriculum (--code, --title, --module ID[:optional] …)"), curriculum_add },
  { "list", N_("Lists the curricula"), curriculum_list },
  { "show", N_("Shows a curriculum and its modules"), curriculum_show },
  { "edit", N_("Changes a curriculum"), curriculum_edit },
  { "delete", N_("Deletes a curriculum"), curriculum_delete },
  { "import", N_("Imports a curriculum document (XML) with its provider and modules"),
    curriculum_import },
  { "export", N_("Writes a curriculum as a curriculum document (XML)"), curriculum_export },
  { NULL }
};

const AcrCliGroup acr_cli_group_curriculum = {
  "curriculum", NULL, N_("Curricula: programmes built from modules"), verbs, NULL
};
