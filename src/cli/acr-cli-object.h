/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli's generic machinery: options made from an object's properties, objects and
 * lists printed as text or JSON, and the add/list/show/edit/delete verbs of a core type. */

#pragma once

#include <json-glib/json-glib.h>

#include "acr-cli.h"

G_BEGIN_DECLS

/* A verb's option parser: a GOptionContext for "accredit-cli GROUP VERB" that also knows the
 * global options (--json, --db, --actor) and, on request, one option per writable property of
 * a type, whose values it converts according to the property's GParamSpec. */
typedef struct _AcrCliParser AcrCliParser;

AcrCliParser *acr_cli_parser_new              (AcrCliContext       *ctx,
                                               const char          *group,
                                               const char          *verb,
                                               const char          *parameter_string,
                                               const char          *summary);
void          acr_cli_parser_free             (AcrCliParser        *self);
/* Adds @entries (their descriptions N_() in GETTEXT_PACKAGE), terminated by a NULL name. */
void          acr_cli_parser_add_entries      (AcrCliParser        *self,
                                               const GOptionEntry  *entries);
/* Adds "--PROPERTY VALUE" for every writable property of @type that is not in @skip (NULL
 * terminated, may be NULL). A "-id" property also gets the shorter "--NAME" ("--module"). */
void          acr_cli_parser_add_properties   (AcrCliParser        *self,
                                               GType                type,
                                               const char * const  *skip);
/* Another name @alias for the property option @property ("date" for "assessed-on"). */
void          acr_cli_parser_add_alias        (AcrCliParser        *self,
                                               const char          *alias,
                                               const char          *property);
/* Parses @argv (argv[0] is the verb). Afterwards argv[1 … argc-1] are the positional
 * arguments, of which there must be between @min_args and @max_args (-1: any number). */
gboolean      acr_cli_parser_parse            (AcrCliParser        *self,
                                               int                 *argc,
                                               char              ***argv,
                                               int                  min_args,
                                               int                  max_args,
                                               GError             **error);
/* How many property options were given. */
guint         acr_cli_parser_get_n_assignments (AcrCliParser       *self);
/* TRUE when the property option @property was given. */
gboolean      acr_cli_parser_has_assignment   (AcrCliParser        *self,
                                               const char          *property);
/* Sets the given property options on @object, in the order they were given. */
void          acr_cli_parser_apply            (AcrCliParser        *self,
                                               GObject             *object);
/* "Run “accredit-cli GROUP VERB --help” to see …": a hint after a usage error. */
char         *acr_cli_parser_get_hint         (AcrCliParser        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcrCliParser, acr_cli_parser_free)

/* Converts @text to a value of @pspec's type into @value (initialised here), with an error
 * naming the option "--@option" when it does not fit. "" gives the unset value. */
gboolean      acr_cli_value_from_text         (GParamSpec          *pspec,
                                               const char          *option,
                                               const char          *text,
                                               GValue              *value,
                                               GError             **error);
/* A double, strictly: all of @text, finite; a comma is taken as decimal point. */
gboolean      acr_cli_parse_double            (const char          *text,
                                               const char          *option,
                                               double              *value,
                                               GError             **error);

/* The translated label of a property ("Workload hours" for "workload-hours"). */
const char   *acr_cli_property_label          (const char          *property);
/* @object's property @property as text for people; NULL when unset. */
char         *acr_cli_property_to_text        (GObject             *object,
                                               const char          *property);

/* A JSON object of every readable property of @object: enums as nicks, unset values null,
 * ids as numbers. */
JsonNode     *acr_cli_object_to_json          (GObject             *object);
/* A JSON array of the first @limit items of @model (0: all). */
JsonNode     *acr_cli_list_to_json            (GListModel          *model,
                                               guint                limit);
/* Prints @node (consumed) on stdout, pretty-printed. */
void          acr_cli_print_json              (JsonNode            *node);

/* Prints the properties of @object as "Label: value" lines, labels aligned, unset ones left
 * out, skipping those in @skip (NULL terminated, may be NULL). */
void          acr_cli_print_fields            (GObject             *object,
                                               const char * const  *skip);
/* Prints @object as JSON or as fields, as ctx->json says. */
void          acr_cli_print_object            (AcrCliContext       *ctx,
                                               GObject             *object);

typedef struct
{
  const char *property;
  const char *header;   /* N_(); NULL: the property's label */
} AcrCliColumn;

/* Prints the first @limit items of @model (0: all) as a table of @columns (terminated by a
 * NULL property), or as a JSON array of whole objects with --json. */
void          acr_cli_print_list              (AcrCliContext       *ctx,
                                               GListModel          *model,
                                               const AcrCliColumn  *columns,
                                               guint                limit);
/* Prints "@title:" (translated already) and then the items of @model as a table under it, or
 * "None." when there are none; text output only. */
void          acr_cli_print_section           (AcrCliContext       *ctx,
                                               const char          *title,
                                               GListModel          *model,
                                               const AcrCliColumn  *columns);
/* Prints a table of rows (GStrv each) under @headers (translated already). */
void          acr_cli_print_table             (const char * const  *headers,
                                               GPtrArray           *rows);

/* The persistence functions of a core type (see common.md), for the generic verbs. */
typedef struct
{
  const char          *group;       /* "learner" */
  GType              (*get_type)  (void);
  gpointer           (*create)    (void);
  gboolean           (*save)      (gpointer      object,
                                   AcrStore     *store,
                                   GError      **error);
  gpointer           (*load)      (AcrStore     *store,
                                   gint64        id,
                                   GError      **error);
  gboolean           (*remove)    (AcrStore     *store,
                                   gint64        id,
                                   GError      **error);
  AcrPagedList      *(*list)      (AcrStore     *store,
                                   const char   *search);
  const AcrCliColumn  *columns;
  const char * const  *skip;        /* properties not offered as options */
  const char          *deleted;     /* N_("Deleted the learner %s.") */
} AcrCliType;

int           acr_cli_verb_add                (const AcrCliType    *type,
                                               AcrCliContext       *ctx,
                                               int                  argc,
                                               char               **argv,
                                               GError             **error);
int           acr_cli_verb_list               (const AcrCliType    *type,
                                               AcrCliContext       *ctx,
                                               int                  argc,
                                               char               **argv,
                                               GError             **error);
int           acr_cli_verb_show               (const AcrCliType    *type,
                                               AcrCliContext       *ctx,
                                               int                  argc,
                                               char               **argv,
                                               GError             **error);
int           acr_cli_verb_edit               (const AcrCliType    *type,
                                               AcrCliContext       *ctx,
                                               int                  argc,
                                               char               **argv,
                                               GError             **error);
int           acr_cli_verb_delete             (const AcrCliType    *type,
                                               AcrCliContext       *ctx,
                                               int                  argc,
                                               char               **argv,
                                               GError             **error);

/* Defines static verb functions NAME_add … NAME_delete running the generic verbs on TYPE. */
#define ACR_CLI_DEFINE_GENERIC_VERBS(name, type)                                     \
  static int name##_add (AcrCliContext *c, int n, char **v, GError **e)              \
  { return acr_cli_verb_add (&(type), c, n, v, e); }                                 \
  static int name##_list (AcrCliContext *c, int n, char **v, GError **e)             \
  { return acr_cli_verb_list (&(type), c, n, v, e); }                                \
  static int name##_show (AcrCliContext *c, int n, char **v, GError **e)             \
  { return acr_cli_verb_show (&(type), c, n, v, e); }                                \
  static int name##_edit (AcrCliContext *c, int n, char **v, GError **e)             \
  { return acr_cli_verb_edit (&(type), c, n, v, e); }                                \
  static int name##_delete (AcrCliContext *c, int n, char **v, GError **e)           \
  { return acr_cli_verb_delete (&(type), c, n, v, e); }

G_END_DECLS
