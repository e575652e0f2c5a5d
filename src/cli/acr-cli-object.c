/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The generic half of accredit-cli, which lets the command groups stay small.
 *
 * Every core type follows the same conventions (common.md): persisted fields are kebab-case
 * GObject properties, enums are GEnums whose nicks are what people type, and 0 means unset
 * for optional numbers, enums and ids. So options, parsing, printing and the five verbs
 * add/list/show/edit/delete are written once here from the GParamSpecs. Values typed on the
 * command line are converted strictly; a value that does not fit is an error naming the
 * option, never a silent 0. Domain rules stay in the core: the CLI sets what it was given and
 * lets the type's validate() judge it. */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <inttypes.h>
#include <glib/gi18n.h>

#include "acr-cli-object.h"

typedef struct
{
  GParamSpec *pspec;
  GValue      value;
} Assignment;

struct _AcrCliParser
{
  AcrCliContext  *ctx;
  char           *command;       /* "accredit-cli module add" */
  char           *summary;
  GOptionContext *context;
  GOptionGroup   *group;         /* the main group; owned by context */
  GPtrArray      *strings;       /* strings the entries point to */
  GObjectClass   *klass;         /* the class whose properties are options, or NULL */
  GHashTable     *options;       /* option name → GParamSpec */
  GHashTable     *names;         /* every long option name, to keep them unique */
  GArray         *assignments;   /* Assignment, in the order given */
};

/* Labels of the properties of the core types (the columns of 001-initial.sql). */
static const struct
{
  const char *property;
  const char *label;
} property_labels[] = {
  { "id", N_("Number") },
  { "address", N_("Address") },
  { "assessed-on", N_("Assessed on") },
  { "assessment-mode", N_("Assessment mode") },
  { "assessment-type", N_("Assessment type") },
  { "assessor", N_("Assessor") },
  { "birth-date", N_("Date of birth") },
  { "code", N_("Code") },
  { "country", N_("Country") },
  { "created-at", N_("Created") },
  { "curriculum-id", N_("Curriculum") },
  { "description", N_("Description") },
  { "description-en", N_("Description (English)") },
  { "ects", N_("ECTS credits") },
  { "email", N_("Email") },
  { "eqf-level", N_("EQF level") },
  { "esco-uri", N_("ESCO skill") },
  { "evidence", N_("Evidence") },
  { "examples-de", N_("Examples (German)") },
  { "examples-en", N_("Examples (English)") },
  { "external-id", N_("External identifier") },
  { "family-name", N_("Family name") },
  { "framework-id", N_("Framework") },
  { "further-info", N_("Further information") },
  { "given-name", N_("Given name") },
  { "grade", N_("Grade") },
  { "is-eqf", N_("The EQF itself") },
  { "isced-f", N_("ISCED-F field") },
  { "kind", N_("Kind") },
  { "label", N_("Label") },
  { "language", N_("Language") },
  { "languages", N_("Languages") },
  { "last-editor", N_("Last editor") },
  { "learner-id", N_("Learner") },
  { "legal-id", N_("Legal identifier") },
  { "level", N_("Level") },
  { "module-id", N_("Module") },
  { "name", N_("Name") },
  { "organisation-id", N_("Organisation") },
  { "participation", N_("Participation") },
  { "pass-min-points", N_("Minimum points per criterion") },
  { "pass-min-total", N_("Minimum total") },
  { "passed", N_("Passed") },
  { "points", N_("Points") },
  { "position", N_("Position") },
  { "prerequisites", N_("Prerequisites") },
  { "qa-body", N_("Quality assurance body") },
  { "qa-type", N_("Quality assurance") },
  { "rationale", N_("Rationale") },
  { "required", N_("Required") },
  { "rubric-id", N_("Rubric") },
  { "stackability", N_("Stackability") },
  { "stackable-towards", N_("Stackable towards") },
  { "stacking-min", N_("Stacking minimum") },
  { "stacking-rule", N_("Stacking rule") },
  { "statement", N_("Statement") },
  { "statement-en", N_("Statement (English)") },
  { "status", N_("Status") },
  { "supervision", N_("Supervision") },
  { "title", N_("Title") },
  { "title-de", N_("Title (German)") },
  { "title-en", N_("Title (English)") },
  { "total", N_("Total") },
  { "updated-at", N_("Updated") },
  { "uri", N_("URI") },
  { "validity-months", N_("Validity in months") },
  { "version", N_("Version") },
  { "web", N_("Web") },
  { "weight", N_("Weight") },
  { "workload-hours", N_("Workload in hours") },
};

static GHashTable *derived_labels;

/* Value types we can read from and write to the command line. */
static gboolean
is_supported_type (GType type)
{
  return type == G_TYPE_STRING || G_TYPE_IS_ENUM (type) || type == G_TYPE_BOOLEAN ||
         type == G_TYPE_DOUBLE || type == G_TYPE_FLOAT || type == G_TYPE_INT ||
         type == G_TYPE_UINT || type == G_TYPE_INT64 || type == G_TYPE_UINT64 ||
         type == G_TYPE_LONG || type == G_TYPE_ULONG;
}

/* Optional numbers allow negative values in their GParamSpec (so that validate() can name
 * the mistake), and 0 means unset; numbers whose minimum is 0 or more are always set. */
static gboolean
is_optional_number (GParamSpec *pspec)
{
  /* Numbers for which 0 is a real value although their range allows negative ones. */
  static const char * const always_set[] = {
    "points", "weight", "position", "total", "version", NULL
  };

  if (g_strv_contains (always_set, pspec->name))
    return FALSE;
  if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    return G_PARAM_SPEC_DOUBLE (pspec)->minimum < 0;
  if (G_IS_PARAM_SPEC_INT (pspec))
    return G_PARAM_SPEC_INT (pspec)->minimum < 0;
  if (G_IS_PARAM_SPEC_INT64 (pspec))
    return TRUE;   /* ids and their kin */
  if (G_IS_PARAM_SPEC_LONG (pspec))
    return G_PARAM_SPEC_LONG (pspec)->minimum < 0;
  if (G_IS_PARAM_SPEC_UINT (pspec) || G_IS_PARAM_SPEC_UINT64 (pspec) ||
      G_IS_PARAM_SPEC_ULONG (pspec))
    return FALSE;
  return FALSE;
}

static void
assignment_clear (gpointer data)
{
  Assignment *a = data;

  g_value_unset (&a->value);
}

static void
set_usage_error_literal (GError     **error,
                         const char  *message)
{
  g_set_error_literal (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE, message);
}

gboolean
acr_cli_parse_double (const char  *text,
                      const char  *option,
                      double      *value,
                      GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double v;

  /* "2,5" as people in Germany and Austria write it. */
  if (strchr (copy, '.') == NULL)
    g_strdelimit (copy, ",", '.');

  errno = 0;
  v = g_ascii_strtod (copy, &end);
  if (copy[0] == '\0' || end == NULL || *end != '\0' || errno != 0 || !isfinite (v))
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("The value of --%s must be a number, not “%s”."), option, text);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

static gboolean
parse_signed (const char  *text,
              const char  *option,
              gint64       min,
              gint64       max,
              gint64      *value,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gint64 v = 0;

  if (!g_ascii_string_to_signed (copy, 10, G_MININT64, G_MAXINT64, &v, &local_error))
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("The value of --%s must be a whole number, not “%s”."), option, text);
      return FALSE;
    }
  if (v < min || v > max)
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("The value of --%s must be between %" PRId64 " and %"
                     PRId64 ", not %s."), option, min, max, copy);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

static gboolean
parse_unsigned (const char  *text,
                const char  *option,
                guint64      min,
                guint64      max,
                guint64     *value,
                GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  guint64 v = 0;

  if (!g_ascii_string_to_unsigned (copy, 10, 0, G_MAXUINT64, &v, NULL))
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("The value of --%s must be a whole number of zero or more, not “%s”."),
                   option, text);
      return FALSE;
    }
  if (v < min || v > max)
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("The value of --%s must be between %" PRIu64 " and %"
                     PRIu64 ", not %s."), option, min, max, copy);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

gboolean
acr_cli_value_from_text (GParamSpec  *pspec,
                         const char  *option,
                         const char  *text,
                         GValue      *value,
                         GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  gboolean empty;

  g_return_val_if_fail (pspec != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (option == NULL)
    option = pspec->name;
  empty = text[0] == '\0';
  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      g_value_set_string (value, empty ? NULL : text);
      return TRUE;
    }

  if (G_TYPE_IS_ENUM (type))
    {
      int v = 0;

      if (!acr_enum_from_nick (type, text, &v))
        {
          g_autofree char *nicks = acr_enum_list_nicks (type);

          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("“%s” is not a valid value for --%s. Use one of: %s."),
                       text, option, nicks);
          return FALSE;
        }
      if (empty && g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class, 0) == NULL)
        {
          g_autofree char *nicks = acr_enum_list_nicks (type);

          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("--%s cannot be empty. Use one of: %s."), option, nicks);
          return FALSE;
        }
      g_value_set_enum (value, v);
      return TRUE;
    }

  if (type == G_TYPE_BOOLEAN)
    {
      if (g_ascii_strcasecmp (text, "yes") == 0 || g_ascii_strcasecmp (text, "true") == 0)
        g_value_set_boolean (value, TRUE);
      else if (g_ascii_strcasecmp (text, "no") == 0 || g_ascii_strcasecmp (text, "false") == 0)
        g_value_set_boolean (value, FALSE);
      else
        {
          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("The value of --%s must be “yes” or “no”, not “%s”."), option, text);
          return FALSE;
        }
      return TRUE;
    }

  if (type == G_TYPE_DOUBLE || type == G_TYPE_FLOAT)
    {
      double v = 0;
      double min, max;

      if (G_IS_PARAM_SPEC_DOUBLE (pspec))
        {
          min = G_PARAM_SPEC_DOUBLE (pspec)->minimum;
          max = G_PARAM_SPEC_DOUBLE (pspec)->maximum;
        }
      else
        {
          min = G_PARAM_SPEC_FLOAT (pspec)->minimum;
          max = G_PARAM_SPEC_FLOAT (pspec)->maximum;
        }

      if (!empty && !acr_cli_parse_double (text, option, &v, error))
        return FALSE;
      if (v < min || v > max)
        {
          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("The value of --%s must be between %g and %g, not %g."),
                       option, min, max, v);
          return FALSE;
        }
      if (type == G_TYPE_DOUBLE)
        g_value_set_double (value, v);
      else
        g_value_set_float (value, (float) v);
      return TRUE;
    }

  if (type == G_TYPE_INT || type == G_TYPE_INT64 || type == G_TYPE_LONG)
    {
      gint64 min, max, v = 0;

      if (G_IS_PARAM_SPEC_INT (pspec))
        min = G_PARAM_SPEC_INT (pspec)->minimum, max = G_PARAM_SPEC_INT (pspec)->maximum;
      else if (G_IS_PARAM_SPEC_LONG (pspec))
        min = G_PARAM_SPEC_LONG (pspec)->minimum, max = G_PARAM_SPEC_LONG (pspec)->maximum;
      else
        min = G_PARAM_SPEC_INT64 (pspec)->minimum, max = G_PARAM_SPEC_INT64 (pspec)->maximum;

      if (empty && (min > 0 || max < 0))
        {
          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("--%s cannot be empty."), option);
          return FALSE;
        }
      if (!empty && !parse_signed (text, option, min, max, &v, error))
        return FALSE;

      if (type == G_TYPE_INT)
        g_value_set_int (value, (int) v);
      else if (type == G_TYPE_LONG)
        g_value_set_long (value, (long) v);
      else
        g_value_set_int64 (value, v);
      return TRUE;
    }

  if (type == G_TYPE_UINT || type == G_TYPE_UINT64 || type == G_TYPE_ULONG)
    {
      guint64 min, max, v = 0;

      if (G_IS_PARAM_SPEC_UINT (pspec))
        min = G_PARAM_SPEC_UINT (pspec)->minimum, max = G_PARAM_SPEC_UINT (pspec)->maximum;
      else if (G_IS_PARAM_SPEC_ULONG (pspec))
        min = G_PARAM_SPEC_ULONG (pspec)->minimum, max = G_PARAM_SPEC_ULONG (pspec)->maximum;
      else
        min = G_PARAM_SPEC_UINT64 (pspec)->minimum, max = G_PARAM_SPEC_UINT64 (pspec)->maximum;

      if (empty && min > 0)
        {
          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("--%s cannot be empty."), option);
          return FALSE;
        }
      if (!empty && !parse_unsigned (text, option, min, max, &v, error))
        return FALSE;

      if (type == G_TYPE_UINT)
        g_value_set_uint (value, (guint) v);
      else if (type == G_TYPE_ULONG)
        g_value_set_ulong (value, (gulong) v);
      else
        g_value_set_uint64 (value, v);
      return TRUE;
    }

  g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
               _("The option --%s cannot be set from the command line."), option);
  return FALSE;
}

/* Parser */

static gboolean
on_option_cb (const char  *option_name,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  AcrCliParser *self = data;
  const char *name = option_name;
  GParamSpec *pspec;
  Assignment a = { NULL, G_VALUE_INIT };

  while (*name == '-')
    name++;

  if (g_str_equal (name, "db"))
    {
      g_free (self->ctx->db_path);
      self->ctx->db_path = g_strdup (value);
      return TRUE;
    }
  if (g_str_equal (name, "actor"))
    {
      g_free (self->ctx->actor);
      self->ctx->actor = g_strdup (value);
      return TRUE;
    }

  pspec = g_hash_table_lookup (self->options, name);
  g_assert (pspec != NULL);

  if (!acr_cli_value_from_text (pspec, name, value, &a.value, error))
    {
      g_value_unset (&a.value);
      return FALSE;
    }

  a.pspec = pspec;
  g_array_append_val (self->assignments, a);
  return TRUE;
}

static const char *
identity_translate (const char *str,
                    gpointer    data)
{
  return str;
}

static const char *
keep_string (AcrCliParser *self,
             char         *str)
{
  g_ptr_array_add (self->strings, str);
  return str;
}

static void
add_entry (AcrCliParser      *self,
           const GOptionEntry *entry,
           gboolean            translate)
{
  GOptionEntry copy[2] = { *entry, { NULL } };

  g_hash_table_add (self->names, (gpointer) entry->long_name);

  if (translate)
    {
      if (copy[0].description != NULL)
        copy[0].description = _(copy[0].description);
      if (copy[0].arg_description != NULL)
        copy[0].arg_description = _(copy[0].arg_description);
    }

  g_option_group_add_entries (self->group, copy);
}

AcrCliParser *
acr_cli_parser_new (AcrCliContext *ctx,
                    const char    *group,
                    const char    *verb,
                    const char    *parameter_string,
                    const char    *summary)
{
  AcrCliParser *self = g_new0 (AcrCliParser, 1);
  const GOptionEntry global_entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &ctx->json,
      N_("Print JSON instead of text"), NULL },
    { "db", 0, 0, G_OPTION_ARG_CALLBACK, on_option_cb,
      N_("Use the database at PATH"), N_("PATH") },
    { "actor", 0, 0, G_OPTION_ARG_CALLBACK, on_option_cb,
      N_("Record NAME as the person making the changes"), N_("NAME") },
    { NULL }
  };

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (group != NULL, NULL);

  self->ctx = ctx;
  self->command = verb != NULL ? g_strdup_printf ("accredit-cli %s %s", group, verb)
                               : g_strdup_printf ("accredit-cli %s", group);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->options = g_hash_table_new (g_str_hash, g_str_equal);
  self->names = g_hash_table_new (g_str_hash, g_str_equal);
  self->assignments = g_array_new (FALSE, TRUE, sizeof (Assignment));
  g_array_set_clear_func (self->assignments, assignment_clear);

  self->context = g_option_context_new (parameter_string);
  self->group = g_option_group_new (NULL, NULL, NULL, self, NULL);
  g_option_group_set_translate_func (self->group, identity_translate, NULL, NULL);
  g_option_context_set_main_group (self->context, self->group);
  if (summary != NULL)
    g_option_context_set_summary (self->context, _(summary));
  g_option_context_set_translation_domain (self->context, GETTEXT_PACKAGE);

  for (guint i = 0; global_entries[i].long_name != NULL; i++)
    add_entry (self, &global_entries[i], TRUE);

  return self;
}

void
acr_cli_parser_free (AcrCliParser *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->context, g_option_context_free);
  g_clear_pointer (&self->assignments, g_array_unref);
  g_clear_pointer (&self->options, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->klass, g_type_class_unref);
  g_free (self->command);
  g_free (self->summary);
  g_free (self);
}

void
acr_cli_parser_add_entries (AcrCliParser       *self,
                            const GOptionEntry *entries)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; entries[i].long_name != NULL; i++)
    add_entry (self, &entries[i], TRUE);
}

static char *
describe_value (GParamSpec *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (G_TYPE_IS_ENUM (type))
    {
      g_autofree char *nicks = acr_enum_list_nicks (type);

      /* Translators: the placeholder is a list of accepted words */
      return g_strdup_printf (_("one of: %s"), nicks);
    }
  return NULL;
}

static const char *
value_placeholder (GParamSpec *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (G_TYPE_IS_ENUM (type))
    return _("WORD");
  if (type == G_TYPE_BOOLEAN)
    return _("yes|no");
  if (type == G_TYPE_DOUBLE || type == G_TYPE_FLOAT)
    return _("NUMBER");
  if (type == G_TYPE_INT64 && g_str_has_suffix (pspec->name, "-id"))
    return _("ID");
  if (type != G_TYPE_STRING)
    return _("N");
  if (g_str_has_suffix (pspec->name, "-on") || g_str_has_suffix (pspec->name, "-date"))
    return _("YYYY-MM-DD");
  return _("TEXT");
}

static void
add_property_option (AcrCliParser *self,
                     const char   *name,
                     GParamSpec   *pspec,
                     gboolean      hidden,
                     gboolean      alias)
{
  g_autofree char *values = describe_value (pspec);
  GOptionEntry entry = { NULL, 0, 0, G_OPTION_ARG_CALLBACK, on_option_cb, NULL, NULL };

  if (g_hash_table_contains (self->names, name))
    return;

  entry.long_name = keep_string (self, g_strdup (name));
  entry.flags = hidden ? G_OPTION_FLAG_HIDDEN : 0;
  if (alias)
    /* Translators: the help of another name of an option */
    entry.description = keep_string (self, g_strdup_printf (_("Same as --%s"), pspec->name));
  else if (values != NULL)
    entry.description = keep_string (self, g_strdup_printf ("%s (%s)",
                                                            acr_cli_property_label (pspec->name),
                                                            values));
  else
    entry.description = acr_cli_property_label (pspec->name);
  entry.arg_description = value_placeholder (pspec);

  g_hash_table_insert (self->options, (gpointer) entry.long_name, pspec);
  add_entry (self, &entry, FALSE);
}

void
acr_cli_parser_add_properties (AcrCliParser       *self,
                               GType               type,
                               const char * const *skip)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->klass == NULL);

  self->klass = g_type_class_ref (type);
  pspecs = g_object_class_list_properties (self->klass, &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];

      if ((pspec->flags & G_PARAM_WRITABLE) == 0 || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) ||
          !is_supported_type (G_PARAM_SPEC_VALUE_TYPE (pspec)) ||
          (skip != NULL && g_strv_contains (skip, pspec->name)))
        continue;

      if (g_str_has_suffix (pspec->name, "-id") &&
          G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_INT64)
        {
          g_autofree char *shorter = g_strndup (pspec->name, strlen (pspec->name) - 3);

          add_property_option (self, shorter, pspec, FALSE, FALSE);
          add_property_option (self, pspec->name, pspec, TRUE, FALSE);
        }
      else
        add_property_option (self, pspec->name, pspec, FALSE, FALSE);
    }
}

void
acr_cli_parser_add_alias (AcrCliParser *self,
                          const char   *alias,
                          const char   *property)
{
  GParamSpec *pspec;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->klass != NULL);

  pspec = g_object_class_find_property (self->klass, property);
  g_return_if_fail (pspec != NULL);

  add_property_option (self, alias, pspec, FALSE, TRUE);
}

char *
acr_cli_parser_get_hint (AcrCliParser *self)
{
  return g_strdup_printf (_("Run “%s --help” to see the options."), self->command);
}

gboolean
acr_cli_parser_parse (AcrCliParser   *self,
                      int            *argc,
                      char         ***argv,
                      int             min_args,
                      int             max_args,
                      GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hint = NULL;
  int n_args;

  g_return_val_if_fail (self != NULL, FALSE);

  /* The strings of argv belong to the dispatcher's GStrv: parse_strv frees those it removes. */
  g_set_prgname (self->command);
  if (!g_option_context_parse_strv (self->context, argv, &local_error))
    {
      if (local_error->domain == G_OPTION_ERROR)
        {
          hint = acr_cli_parser_get_hint (self);
          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE, "%s.\n%s",
                       local_error->message, hint);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *argc = (int) g_strv_length (*argv);
  n_args = *argc - 1;
  if (n_args < min_args)
    {
      hint = acr_cli_parser_get_hint (self);
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("“%s” needs more arguments.\n%s"), self->command, hint);
      return FALSE;
    }
  if (max_args >= 0 && n_args > max_args)
    {
      hint = acr_cli_parser_get_hint (self);
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("Unexpected argument “%s”.\n%s"), (*argv)[max_args + 1], hint);
      return FALSE;
    }

  return TRUE;
}

guint
acr_cli_parser_get_n_assignments (AcrCliParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->assignments->len;
}

gboolean
acr_cli_parser_has_assignment (AcrCliParser *self,
                               const char   *property)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->assignments->len; i++)
    if (g_str_equal (g_array_index (self->assignments, Assignment, i).pspec->name, property))
      return TRUE;

  return FALSE;
}

void
acr_cli_parser_apply (AcrCliParser *self,
                      GObject      *object)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (object));

  for (guint i = 0; i < self->assignments->len; i++)
    {
      Assignment *a = &g_array_index (self->assignments, Assignment, i);

      g_object_set_property (object, a->pspec->name, &a->value);
    }
}

/* Printing */

const char *
acr_cli_property_label (const char *property)
{
  char *label;

  for (guint i = 0; i < G_N_ELEMENTS (property_labels); i++)
    if (g_str_equal (property_labels[i].property, property))
      return _(property_labels[i].label);

  /* A property we have no label for: "foo-bar" → "Foo bar", kept for the process. */
  if (derived_labels == NULL)
    derived_labels = g_hash_table_new (g_str_hash, g_str_equal);
  label = g_hash_table_lookup (derived_labels, property);
  if (label == NULL)
    {
      label = g_strdup (property);
      g_strdelimit (label, "-_", ' ');
      label[0] = g_ascii_toupper (label[0]);
      g_hash_table_insert (derived_labels, g_strdup (property), label);
    }

  return label;
}

static char *
value_to_text (GParamSpec   *pspec,
               const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);

      return s != NULL && s[0] != '\0' ? g_strdup (s) : NULL;
    }
  if (G_TYPE_IS_ENUM (type))
    {
      int v = g_value_get_enum (value);

      if (acr_enum_to_nick (type, v) == NULL)
        return NULL;
      return g_strdup (acr_enum_to_label (type, v));
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? _("yes") : _("no"));

  if (type == G_TYPE_DOUBLE || type == G_TYPE_FLOAT)
    {
      double v = type == G_TYPE_DOUBLE ? g_value_get_double (value) : g_value_get_float (value);

      if ((v == 0 && is_optional_number (pspec)) || isnan (v))
        return NULL;
      return g_strdup_printf ("%.15g", v);
    }
  if (type == G_TYPE_INT || type == G_TYPE_INT64 || type == G_TYPE_LONG)
    {
      gint64 v = type == G_TYPE_INT ? g_value_get_int (value)
               : type == G_TYPE_LONG ? g_value_get_long (value) : g_value_get_int64 (value);

      if (v == 0 && is_optional_number (pspec))
        return NULL;
      return g_strdup_printf ("%" G_GINT64_FORMAT, v);
    }
  if (type == G_TYPE_UINT || type == G_TYPE_UINT64 || type == G_TYPE_ULONG)
    {
      guint64 v = type == G_TYPE_UINT ? g_value_get_uint (value)
                : type == G_TYPE_ULONG ? g_value_get_ulong (value) : g_value_get_uint64 (value);

      return g_strdup_printf ("%" G_GUINT64_FORMAT, v);
    }

  return NULL;
}

char *
acr_cli_property_to_text (GObject    *object,
                          const char *property)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, NULL);

  if (!is_supported_type (G_PARAM_SPEC_VALUE_TYPE (pspec)))
    return NULL;

  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, property, &value);
  return value_to_text (pspec, &value);
}

static void
add_json_value (JsonBuilder  *builder,
                GParamSpec   *pspec,
                const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);

      if (s != NULL)
        json_builder_add_string_value (builder, s);
      else
        json_builder_add_null_value (builder);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      const char *nick = acr_enum_to_nick (type, g_value_get_enum (value));

      if (nick != NULL)
        json_builder_add_string_value (builder, nick);
      else
        json_builder_add_null_value (builder);
    }
  else if (type == G_TYPE_BOOLEAN)
    json_builder_add_boolean_value (builder, g_value_get_boolean (value));
  else if (type == G_TYPE_DOUBLE || type == G_TYPE_FLOAT)
    {
      double v = type == G_TYPE_DOUBLE ? g_value_get_double (value) : g_value_get_float (value);

      if ((v == 0 && is_optional_number (pspec)) || !isfinite (v))
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, v);
    }
  else if (type == G_TYPE_INT || type == G_TYPE_INT64 || type == G_TYPE_LONG)
    {
      gint64 v = type == G_TYPE_INT ? g_value_get_int (value)
               : type == G_TYPE_LONG ? g_value_get_long (value) : g_value_get_int64 (value);

      if (v == 0 && is_optional_number (pspec))
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, v);
    }
  else if (type == G_TYPE_UINT || type == G_TYPE_UINT64 || type == G_TYPE_ULONG)
    {
      guint64 v = type == G_TYPE_UINT ? g_value_get_uint (value)
                : type == G_TYPE_ULONG ? g_value_get_ulong (value) : g_value_get_uint64 (value);

      json_builder_add_int_value (builder, (gint64) v);
    }
  else
    json_builder_add_null_value (builder);
}

static void
build_object (JsonBuilder *builder,
              GObject     *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  json_builder_begin_object (builder);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec = pspecs[i];

      if ((pspec->flags & G_PARAM_READABLE) == 0 ||
          !is_supported_type (G_PARAM_SPEC_VALUE_TYPE (pspec)))
        continue;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &value);
      json_builder_set_member_name (builder, pspec->name);
      add_json_value (builder, pspec, &value);
    }
  json_builder_end_object (builder);
}

JsonNode *
acr_cli_object_to_json (GObject *object)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  build_object (builder, object);
  return json_builder_get_root (builder);
}

JsonNode *
acr_cli_list_to_json (GListModel *model,
                      guint       limit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  n_items = g_list_model_get_n_items (model);
  if (limit > 0)
    n_items = MIN (n_items, limit);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item != NULL)
        build_object (builder, item);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

void
acr_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  json_node_unref (node);

  g_print ("%s\n", text);
}

static void
print_aligned (const char *label,
               guint       width,
               const char *value)
{
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
  guint pad = width - g_utf8_strlen (label, -1);

  /* Translators: a label and its value, "Title: Welding basics" */
  g_print (_("%s:"), label);
  g_print ("%*s %s\n", (int) pad, "", lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    g_print ("%*s  %s\n", (int) width, "", lines[i]);
}

void
acr_cli_print_fields (GObject            *object,
                      const char * const *skip)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  guint n_pspecs = 0;
  guint width = 0;

  g_return_if_fail (G_IS_OBJECT (object));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      char *text;

      if ((pspec->flags & G_PARAM_READABLE) == 0 ||
          (skip != NULL && g_strv_contains (skip, pspec->name)))
        continue;

      text = acr_cli_property_to_text (object, pspec->name);
      if (text == NULL)
        continue;

      g_ptr_array_add (labels, (gpointer) acr_cli_property_label (pspec->name));
      g_ptr_array_add (values, text);
      width = MAX (width, g_utf8_strlen (acr_cli_property_label (pspec->name), -1));
    }

  for (guint i = 0; i < labels->len; i++)
    print_aligned (labels->pdata[i], width, values->pdata[i]);
}

void
acr_cli_print_object (AcrCliContext *ctx,
                      GObject       *object)
{
  if (ctx->json)
    acr_cli_print_json (acr_cli_object_to_json (object));
  else
    acr_cli_print_fields (object, NULL);
}

/* One line of a cell: newlines become spaces, long text is cut with an ellipsis. */
static char *
cell_text (const char *text,
           guint       max_chars)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");
  glong n;

  g_strdelimit (flat, "\n\r\t", ' ');
  n = g_utf8_strlen (flat, -1);
  if (max_chars > 0 && n > (glong) max_chars)
    {
      char *cut = g_utf8_offset_to_pointer (flat, max_chars - 1);

      *cut = '\0';
      return g_strconcat (flat, "…", NULL);
    }

  return g_steal_pointer (&flat);
}

void
acr_cli_print_table (const char * const *headers,
                     GPtrArray          *rows)
{
  guint n_columns = g_strv_length ((char **) headers);
  g_autofree guint *widths = g_new0 (guint, n_columns);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = g_utf8_strlen (headers[c], -1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      const char * const *row = r == 0 ? headers : (const char * const *) rows->pdata[r - 1];

      g_string_truncate (line, 0);
      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < n_columns)
            {
              guint pad = widths[c] - g_utf8_strlen (row[c], -1) + 2;

              for (guint p = 0; p < pad; p++)
                g_string_append_c (line, ' ');
            }
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

void
acr_cli_print_list (AcrCliContext      *ctx,
                    GListModel         *model,
                    const AcrCliColumn *columns,
                    guint               limit)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n_columns = 0;
  guint n_items;

  g_return_if_fail (G_IS_LIST_MODEL (model));

  if (ctx->json)
    {
      acr_cli_print_json (acr_cli_list_to_json (model, limit));
      return;
    }

  n_items = g_list_model_get_n_items (model);
  if (limit > 0)
    n_items = MIN (n_items, limit);

  if (n_items == 0)
    {
      g_print ("%s\n", _("Nothing found."));
      return;
    }

  while (columns[n_columns].property != NULL)
    {
      const AcrCliColumn *col = &columns[n_columns];

      g_ptr_array_add (headers, (gpointer) (col->header != NULL
                                            ? _(col->header)
                                            : acr_cli_property_label (col->property)));
      n_columns++;
    }
  g_ptr_array_add (headers, NULL);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      char **row = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *text = item != NULL
                                  ? acr_cli_property_to_text (item, columns[c].property)
                                  : NULL;

          /* The last column may run on; the others are cut to keep the table readable. */
          row[c] = cell_text (text, c + 1 < n_columns ? 40 : 0);
        }
      g_ptr_array_add (rows, row);
    }

  acr_cli_print_table ((const char * const *) headers->pdata, rows);
}

void
acr_cli_print_section (AcrCliContext      *ctx,
                       const char         *title,
                       GListModel         *model,
                       const AcrCliColumn *columns)
{
  g_print ("\n");
  /* Translators: the heading of a part of an entry, "Learning outcomes:" */
  g_print (_("%s:"), title);
  g_print ("\n");

  if (g_list_model_get_n_items (model) == 0)
    g_print ("%s\n", _("None."));
  else
    acr_cli_print_list (ctx, model, columns, 0);
}

/* The generic verbs */

int
acr_cli_verb_add (const AcrCliType  *type,
                  AcrCliContext     *ctx,
                  int                argc,
                  char             **argv,
                  GError           **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(GObject) object = NULL;
  AcrStore *store;

  parser = acr_cli_parser_new (ctx, type->group, "add", NULL,
                               N_("Adds an entry with the fields given as options."));
  acr_cli_parser_add_properties (parser, type->get_type (), type->skip);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error))
    return ACR_CLI_EXIT_ERROR;

  if (!(store = acr_cli_context_get_store (ctx, error)))
    return ACR_CLI_EXIT_ERROR;

  object = type->create ();
  acr_cli_parser_apply (parser, object);
  if (!type->save (object, store, error))
    return ACR_CLI_EXIT_ERROR;

  acr_cli_print_object (ctx, object);
  return ACR_CLI_EXIT_OK;
}

int
acr_cli_verb_list (const AcrCliType  *type,
                   AcrCliContext     *ctx,
                   int                argc,
                   char             **argv,
                   GError           **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrPagedList) list = NULL;
  g_autofree char *search = NULL;
  int limit = 0;
  AcrStore *store;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Show only entries containing TEXT"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Show at most N entries"), N_("N") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, type->group, "list", NULL, N_("Lists the entries."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error))
    return ACR_CLI_EXIT_ERROR;
  if (limit < 0)
    {
      set_usage_error_literal (error, _("The value of --limit must be a whole number of zero "
                                        "or more."));
      return ACR_CLI_EXIT_ERROR;
    }

  if (!(store = acr_cli_context_get_store (ctx, error)))
    return ACR_CLI_EXIT_ERROR;

  list = type->list (store, search);
  acr_cli_print_list (ctx, G_LIST_MODEL (list), type->columns, (guint) limit);
  return ACR_CLI_EXIT_OK;
}

int
acr_cli_verb_show (const AcrCliType  *type,
                   AcrCliContext     *ctx,
                   int                argc,
                   char             **argv,
                   GError           **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(GObject) object = NULL;
  AcrStore *store;
  gint64 id;

  parser = acr_cli_parser_new (ctx, type->group, "show", _("ID"), N_("Shows one entry."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !acr_cli_parse_id (argv[1], &id, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(object = type->load (store, id, error)))
    return ACR_CLI_EXIT_ERROR;

  acr_cli_print_object (ctx, object);
  return ACR_CLI_EXIT_OK;
}

int
acr_cli_verb_edit (const AcrCliType  *type,
                   AcrCliContext     *ctx,
                   int                argc,
                   char             **argv,
                   GError           **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(GObject) object = NULL;
  AcrStore *store;
  gint64 id;

  parser = acr_cli_parser_new (ctx, type->group, "edit", _("ID"),
                               N_("Changes the fields given as options of one entry."));
  acr_cli_parser_add_properties (parser, type->get_type (), type->skip);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !acr_cli_parse_id (argv[1], &id, error))
    return ACR_CLI_EXIT_ERROR;

  if (acr_cli_parser_get_n_assignments (parser) == 0)
    {
      g_autofree char *hint = acr_cli_parser_get_hint (parser);

      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("Nothing to change: give the fields to change as options.\n%s"), hint);
      return ACR_CLI_EXIT_ERROR;
    }

  if (!(store = acr_cli_context_get_store (ctx, error)) ||
      !(object = type->load (store, id, error)))
    return ACR_CLI_EXIT_ERROR;

  acr_cli_parser_apply (parser, object);
  if (!type->save (object, store, error))
    return ACR_CLI_EXIT_ERROR;

  acr_cli_print_object (ctx, object);
  return ACR_CLI_EXIT_OK;
}

int
acr_cli_verb_delete (const AcrCliType  *type,
                     AcrCliContext     *ctx,
                     int                argc,
                     char             **argv,
                     GError           **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autofree char *id_text = NULL;
  AcrStore *store;
  gint64 id;

  parser = acr_cli_parser_new (ctx, type->group, "delete", _("ID"), N_("Deletes one entry."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !acr_cli_parse_id (argv[1], &id, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !type->remove (store, id, error))
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "deleted");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      acr_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_print (_(type->deleted), id_text);
      g_print ("\n");
    }

  return ACR_CLI_EXIT_OK;
}
