/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli framework: the qualification frameworks (EQF, DQR, NQR-AT, NQF-CH, …): listed,
 * shown, imported from and exported to framework documents (data/schemas/framework.xsd);
 * they are not edited here. Titles and descriptors are shown in the user's language when it
 * is German, else in English. An export goes to standard output unless -o names a file,
 * which is replaced as a whole (never left half-written). */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "acr-cli-object.h"
#include "acr-framework.h"
#include "acr-framework-xml.h"

static const AcrCliColumn columns_en[] = {
  { "code", NULL },
  { "country", NULL },
  { "version", NULL },
  { "title-en", N_("Title") },
  { NULL }
};

static const AcrCliColumn columns_de[] = {
  { "code", NULL },
  { "country", NULL },
  { "version", NULL },
  { "title-de", N_("Title") },
  { NULL }
};

/* "de" when the user reads German, else "en": the two languages of our frameworks. */
static const char *
get_language (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "de") ? "de" : "en";
}

static int
framework_list (AcrCliContext  *ctx,
                int             argc,
                char          **argv,
                GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrPagedList) list = NULL;
  g_autofree char *search = NULL;
  AcrStore *store;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Show only entries containing TEXT"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Show at most N entries"), N_("N") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "framework", "list", NULL,
                               N_("Lists the qualification frameworks."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error))
    return ACR_CLI_EXIT_ERROR;
  if (limit < 0)
    {
      acr_cli_set_usage_error (error, _("The value of --limit must be a whole number of zero "
                                        "or more."));
      return ACR_CLI_EXIT_ERROR;
    }

  if (!(store = acr_cli_context_get_store (ctx, error)))
    return ACR_CLI_EXIT_ERROR;

  list = acr_framework_list (store, search);
  acr_cli_print_list (ctx, G_LIST_MODEL (list),
                      g_str_equal (get_language (), "de") ? columns_de : columns_en,
                      (guint) limit);
  return ACR_CLI_EXIT_OK;
}

static void
add_descriptor_cb (const char *dimension_code,
                   const char *lang,
                   const char *text,
                   gpointer    user_data)
{
  JsonObject *descriptors = user_data;
  JsonObject *by_lang;

  if (!json_object_has_member (descriptors, dimension_code))
    json_object_set_object_member (descriptors, dimension_code, json_object_new ());
  by_lang = json_object_get_object_member (descriptors, dimension_code);
  json_object_set_string_member (by_lang, lang, text);
}

static JsonNode *
framework_to_json (AcrFramework *framework)
{
  GListModel *levels = acr_framework_get_levels (framework);
  JsonNode *node = acr_cli_object_to_json (G_OBJECT (framework));
  JsonObject *object = json_node_get_object (node);
  JsonArray *levels_array;

  json_object_set_member (object, "dimensions",
                          acr_cli_list_to_json (acr_framework_get_dimensions (framework), 0));
  json_object_set_member (object, "levels", acr_cli_list_to_json (levels, 0));

  levels_array = json_object_get_array_member (object, "levels");
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, i);
      JsonObject *descriptors = json_object_new ();

      acr_framework_level_foreach_descriptor (level, add_descriptor_cb, descriptors);
      json_object_set_object_member (json_array_get_object_element (levels_array, i),
                                     "descriptors", descriptors);
    }

  return node;
}

static void
print_framework (AcrFramework *framework)
{
  GListModel *levels = acr_framework_get_levels (framework);
  GListModel *dimensions = acr_framework_get_dimensions (framework);
  const char *lang = get_language ();
  gboolean de = g_str_equal (lang, "de");

  acr_cli_print_fields (G_OBJECT (framework), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, i);
      const char *examples = de ? acr_framework_level_get_examples_de (level)
                                : acr_framework_level_get_examples_en (level);
      int eqf_level = acr_framework_level_get_eqf_level (level);

      g_print ("\n");
      g_print (_("Level %s"), acr_framework_level_get_label (level));
      if (eqf_level > 0 && !acr_framework_get_is_eqf (framework))
        {
          g_print (" ");
          /* Translators: a national level's reference to the EQF, "(EQF level 4)" */
          g_print (_("(EQF level %d)"), eqf_level);
        }
      g_print ("\n");

      for (guint d = 0; d < g_list_model_get_n_items (dimensions); d++)
        {
          g_autoptr(AcrFrameworkDimension) dimension = g_list_model_get_item (dimensions, d);
          const char *code = acr_framework_dimension_get_code (dimension);
          const char *title = de ? acr_framework_dimension_get_title_de (dimension)
                                 : acr_framework_dimension_get_title_en (dimension);
          const char *text = acr_framework_level_get_descriptor (level, code, lang);

          if (text != NULL && text[0] != '\0')
            g_print ("  %s: %s\n", title != NULL ? title : code, text);
        }

      if (examples != NULL && examples[0] != '\0')
        g_print ("  %s: %s\n", _("Examples"), examples);
    }
}

static int
framework_show (AcrCliContext  *ctx,
                int             argc,
                char          **argv,
                GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrFramework) framework = NULL;
  AcrStore *store;

  parser = acr_cli_parser_new (ctx, "framework", "show", _("CODE"),
                               N_("Shows a framework with its levels, their EQF referencing and "
                                  "their descriptors."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(framework = acr_framework_load_by_code (store, argv[1], error)))
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    acr_cli_print_json (framework_to_json (framework));
  else
    print_framework (framework);

  return ACR_CLI_EXIT_OK;
}

static int
framework_import (AcrCliContext  *ctx,
                  int             argc,
                  char          **argv,
                  GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrFramework) framework = NULL;
  AcrStore *store;
  guint n_levels;

  parser = acr_cli_parser_new (ctx, "framework", "import", _("FILE"),
                               N_("Imports a framework document. A framework with the same "
                                  "code is replaced; modules assigned to it stay."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(framework = acr_framework_import_file (store, argv[1], error)))
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    {
      acr_cli_print_json (framework_to_json (framework));
      return ACR_CLI_EXIT_OK;
    }

  n_levels = g_list_model_get_n_items (acr_framework_get_levels (framework));
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Imported the framework “%s”, version %s, with %u level.",
                        "Imported the framework “%s”, version %s, with %u levels.", n_levels),
           acr_framework_get_code (framework), acr_framework_get_version (framework),
           n_levels);
  g_print ("\n");
  return ACR_CLI_EXIT_OK;
}

static int
framework_export (AcrCliContext  *ctx,
                  int             argc,
                  char          **argv,
                  GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrFramework) framework = NULL;
  g_autofree char *output = NULL;
  g_autofree char *xml = NULL;
  AcrStore *store;
  gsize len = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the document to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "framework", "export", _("CODE"),
                               N_("Writes a framework as a framework document (XML)."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(framework = acr_framework_load_by_code (store, argv[1], error)) ||
      !(xml = acr_framework_export_xml (framework, &len, error)))
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
                   _("Could not write the framework “%s” to standard output."),
                   acr_framework_get_code (framework));
      return ACR_CLI_EXIT_ERROR;
    }

  return ACR_CLI_EXIT_OK;
}

static const AcrCliVerb verbs[] = {
  { "list", N_("Lists the qualification frameworks"), framework_list },
  { "show", N_("Shows a framework's levels and descriptors (by code: EQF, DQR, …)"),
    framework_show },
  { "import", N_("Imports a framework document (XML), replacing the framework of its code"),
    framework_import },
  { "export", N_("Writes a framework as a framework document (XML)"), framework_export },
  { NULL }
};

const AcrCliGroup acr_cli_group_framework = {
  "framework", NULL, N_("Qualification frameworks and their levels"), verbs, NULL
};
