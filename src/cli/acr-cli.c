/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli's dispatcher: global options, the table of command groups, help and errors.
 *
 * The command line is "accredit-cli [--db PATH] [--json] [--actor NAME] GROUP VERB …". The
 * global options stop at the first word (GROUP); each verb parses the rest with its own
 * options, which include the global ones again, so "module list --json" works too. Every
 * failure is a GError printed once, here, as "accredit-cli: <message>", with exit status 2;
 * verbs return 1 only for a verdict of "invalid". */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "acr-cli.h"

G_DEFINE_QUARK (acr-cli-error-quark, acr_cli_error)

static const AcrCliGroup * const groups[] = {
  &acr_cli_group_init,
  &acr_cli_group_organisation,
  &acr_cli_group_framework,
  &acr_cli_group_curriculum,
  &acr_cli_group_module,
  &acr_cli_group_outcome,
  &acr_cli_group_rubric,
  &acr_cli_group_learner,
  &acr_cli_group_assessment,
  &acr_cli_group_issue,
  &acr_cli_group_credential,
  &acr_cli_group_verify,
  &acr_cli_group_revoke,
  &acr_cli_group_revocation_list,
  &acr_cli_group_key,
  &acr_cli_group_audit,
};

void
acr_cli_print_error (const char *message)
{
  g_printerr ("accredit-cli: %s\n", message);
}

void
acr_cli_set_usage_error (GError     **error,
                         const char  *format,
                         ...)
{
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  *error = g_error_new_valist (ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE, format, args);
  va_end (args);
}

gboolean
acr_cli_parse_id (const char  *text,
                  gint64      *id,
                  GError     **error)
{
  gint64 value = 0;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("“%s” is not a valid number of an entry: give a whole number of 1 or "
                     "more, as “list” shows it."), text != NULL ? text : "");
      return FALSE;
    }

  *id = value;
  return TRUE;
}

AcrStore *
acr_cli_context_get_store (AcrCliContext  *ctx,
                           GError        **error)
{
  if (ctx->store == NULL)
    {
      ctx->store = acr_store_open (ctx->db_path, error);
      if (ctx->store == NULL)
        return NULL;
      if (ctx->actor != NULL && ctx->actor[0] != '\0')
        acr_store_set_actor (ctx->store, ctx->actor);
    }

  return ctx->store;
}

static char *
describe_groups (void)
{
  GString *str = g_string_new (_("Commands:"));
  guint width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    width = MAX (width, strlen (groups[i]->name));

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      const AcrCliGroup *g = groups[i];

      g_string_append_printf (str, "\n  %-*s  %s", (int) width, g->name, _(g->summary));
      if (g->alias != NULL)
        {
          g_string_append (str, " ");
          /* Translators: a shorter name of a command, "(or: org)" */
          g_string_append_printf (str, _("(or: %s)"), g->alias);
        }
    }

  g_string_append (str, "\n\n");
  g_string_append (str, _("Run “accredit-cli COMMAND --help” to see the verbs of a command."));
  return g_string_free (str, FALSE);
}

static void
print_group_help (const AcrCliGroup *group,
                  FILE              *out)
{
  guint width = 0;

  fprintf (out, "%s\n  accredit-cli %s %s\n\n%s\n\n", _("Usage:"), group->name,
           _("VERB [OPTION…]"), _(group->summary));
  fprintf (out, "%s\n", _("Verbs:"));
  for (guint i = 0; group->verbs[i].name != NULL; i++)
    width = MAX (width, strlen (group->verbs[i].name));
  for (guint i = 0; group->verbs[i].name != NULL; i++)
    fprintf (out, "  %-*s  %s\n", (int) width, group->verbs[i].name,
             _(group->verbs[i].summary));
  fprintf (out, "\n");
  fprintf (out, _("Run “accredit-cli %s VERB --help” to see the options of a verb."),
           group->name);
  fprintf (out, "\n");
}

static const AcrCliGroup *
find_group (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (g_str_equal (groups[i]->name, name) ||
        (groups[i]->alias != NULL && g_str_equal (groups[i]->alias, name)))
      return groups[i];

  return NULL;
}

static int
run_group (AcrCliContext      *ctx,
           const AcrCliGroup  *group,
           int                 argc,
           char              **argv,
           GError            **error)
{
  const char *verb;

  /* argv[0] is the group's name. */
  if (group->verbs == NULL)
    return group->func (ctx, argc, argv, error);

  if (argc < 2)
    {
      print_group_help (group, stderr);
      acr_cli_set_usage_error (error, _("“%s” needs a verb, one of those above."), group->name);
      return ACR_CLI_EXIT_ERROR;
    }

  verb = argv[1];
  if (g_str_equal (verb, "--help") || g_str_equal (verb, "-h") || g_str_equal (verb, "help"))
    {
      print_group_help (group, stdout);
      return ACR_CLI_EXIT_OK;
    }

  for (guint i = 0; group->verbs[i].name != NULL; i++)
    if (g_str_equal (group->verbs[i].name, verb))
      return group->verbs[i].func (ctx, argc - 1, argv + 1, error);

  {
    g_autoptr(GString) verbs = g_string_new (NULL);

    for (guint i = 0; group->verbs[i].name != NULL; i++)
      {
        if (i > 0)
          g_string_append (verbs, ", ");
        g_string_append (verbs, group->verbs[i].name);
      }
    acr_cli_set_usage_error (error, _("“%s” is not a verb of “%s”. Use one of: %s."),
                             verb, group->name, verbs->str);
  }
  return ACR_CLI_EXIT_ERROR;
}

int
acr_cli_run (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *groups_help = NULL;
  g_autofree char *db = NULL;
  g_autofree char *actor = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  gboolean version = FALSE;
  AcrCliContext ctx = { NULL, };
  const AcrCliGroup *group;
  int n_args;
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("Use the database at PATH (default: $ACCREDIT_DB, else the user's database)"),
      N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print JSON instead of text"), NULL },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor,
      N_("Record NAME as the person making the changes"), N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  /* Our own copy, so that option parsing may rearrange it and we free what we own. */
  args = g_strdupv (argv);

  context = g_option_context_new (_("COMMAND VERB [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_summary (context, _("Manages micro-credentials: modules, curricula, "
                                           "learners and their assessments."));
  groups_help = describe_groups ();
  g_option_context_set_description (context, groups_help);

  g_set_prgname ("accredit-cli");
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_autofree char *message = g_strdup_printf (_("%s.\nRun “accredit-cli --help” to see the "
                                                    "options."), error->message);

      acr_cli_print_error (message);
      return ACR_CLI_EXIT_ERROR;
    }

  n_args = (int) g_strv_length (args);
  if (version)
    {
      g_print ("accredit-cli %s\n", PACKAGE_VERSION);
      return ACR_CLI_EXIT_OK;
    }

  if (n_args < 2)
    {
      acr_cli_print_error (_("Give a command, e.g. “accredit-cli module list”.\n"
                             "Run “accredit-cli --help” to see the commands."));
      return ACR_CLI_EXIT_ERROR;
    }

  group = find_group (args[1]);
  if (group == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a command of accredit-cli.\n"
                           "Run “accredit-cli --help” to see the commands."), args[1]);

      acr_cli_print_error (message);
      return ACR_CLI_EXIT_ERROR;
    }

  ctx.json = json;
  ctx.actor = g_steal_pointer (&actor);
  if (db != NULL)
    ctx.db_path = g_steal_pointer (&db);
  else if (g_getenv ("ACCREDIT_DB") != NULL && g_getenv ("ACCREDIT_DB")[0] != '\0')
    ctx.db_path = g_strdup (g_getenv ("ACCREDIT_DB"));
  else
    ctx.db_path = acr_store_get_default_path ();

  status = run_group (&ctx, group, n_args - 1, args + 1, &error);

  if (error != NULL)
    {
      acr_cli_print_error (error->message);
      if (status == ACR_CLI_EXIT_OK)
        status = ACR_CLI_EXIT_ERROR;
    }
  else if (status == ACR_CLI_EXIT_ERROR)
    g_warning ("A command failed without saying why");

  g_clear_object (&ctx.store);
  g_free (ctx.db_path);
  g_free (ctx.actor);

  return status;
}
