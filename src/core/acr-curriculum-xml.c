/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The curriculum exchange document (data/schemas/curriculum.xsd): export of a curriculum with
 * its provider and modules, and import of such a document from outside.
 *
 * One writer serves both directions. A module is first gathered into a ModuleData (the
 * AcrModule, its outcomes, level assignments and rubric, with the rubric's outcome links given
 * as outcome positions), whether it comes from the database or from a document, and
 * write_module() turns it into XML. So the export is canonical — ids are made from positions
 * ("M2-O3" is outcome 3 of module 2, "M2-L1" performance level 1), level assignments are
 * ordered by framework code, numbers are written in their shortest exact decimal form, texts
 * come in the main language first and then in English, and nothing depends on time — and an
 * approved module is compared with a document by writing both and comparing the bytes.
 *
 * Import trusts nothing: the document is parsed by acr_xml_parse_untrusted() (no DTD, no
 * network, size and depth limits), its root and namespace are checked, it is validated against
 * the schema, and then every rule the schema cannot state is checked, each error naming the
 * document, the line and the element: frameworks and their levels exist, rubric cells and
 * "assesses" refer to levels and outcomes of their own module, module codes and ids are
 * unique, texts are in the main language or English (what the database keeps), and each value
 * passes the validation of its domain type. The whole document is applied in one transaction,
 * begun before the checks so that what they read is what gets written, or not at all:
 *  - the provider is matched by legal identifier, else by name, else added; a matched
 *    organisation is left as it is;
 *  - modules are matched by code and version, and taken one at a time (read, checked,
 *    written, let go), so memory holds the parsed tree and one module, not a copy of it all.
 *    A new one is saved as a draft with its children and then given the document's status,
 *    as the seed does. A stored draft (or version in review) that differs is replaced with
 *    its children, unless assessments use it. A stored approved or retired version is frozen:
 *    the document must describe it exactly (only approved → retired may change), else the
 *    import is refused;
 *  - the curriculum is matched by code and version and updated (its modules replaced) rather
 *    than added twice; a frozen one must be unchanged too.
 * Module rows and status changes go through acr_module_save() and the curriculum through
 * acr_curriculum_save(), which keep their rules and audit entries; the many small child rows
 * (outcomes, level assignments, rubrics) are written here with prepared statements kept for
 * the whole import, after each object passed its type's validate function, because a
 * document may hold thousands of modules. The import and each export are recorded in the
 * audit log. */

#define G_LOG_DOMAIN "acr-curriculum-xml"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "acr-audit-private.h"
#include "acr-curriculum.h"
#include "acr-curriculum-xml.h"
#include "acr-learning-outcome.h"
#include "acr-level-assignment.h"
#include "acr-module.h"
#include "acr-organisation.h"
#include "acr-rubric.h"
#include "acr-store-private.h"
#include "acr-validate.h"
#include "acr-xml.h"

/* One level assignment of a module. */
typedef struct
{
  char   *framework;     /* the framework's code */
  int     level;
  char   *rationale;     /* NULL for none */
  gint64  framework_id;  /* import: the framework's row */
  guint   line;          /* import: the <level> element's line */
} LevelData;

/* A module with everything the document says about it. */
typedef struct
{
  AcrModule  *module;
  gboolean    required;       /* in the curriculum */
  GPtrArray  *outcomes;       /* of AcrLearningOutcome, in position order */
  GArray     *outcome_lines;  /* import: guint line of each <outcome> */
  GPtrArray  *levels;         /* of LevelData, by framework code */
  AcrRubric  *rubric;         /* NULL for none; criterion outcome ids are outcome positions */
  guint       index;          /* import: 1 for the document's first module */
  guint       line;           /* import: the <module> element's line */
  guint       rubric_line;    /* import: the <rubric> element's line */
} ModuleData;

/* A framework as the import checks level assignments against it. */
typedef struct
{
  gint64  id;
  char   *code;
  guint   levels;            /* bit n set when level n exists */
} FrameworkInfo;

/* The state of one import. */
typedef struct
{
  AcrStore        *store;
  const char      *display_name;
  GHashTable      *frameworks;    /* code → FrameworkInfo */
  AcrCurriculum   *curriculum;    /* as the document says, without entries */
  guint            curriculum_line;
  AcrOrganisation *provider;
  guint            provider_line;
  gint64           organisation_id;
  GHashTable      *id_owner;      /* xml id → index of the module that declares it */
  GPtrArray       *codes;         /* module code by index - 1 */
  GArray          *module_ids;    /* gint64 row of each module written, in document order */
  GArray          *required;      /* gboolean of each module */

  /* Statements kept for the whole import. */
  sqlite3_stmt    *find_module;
  sqlite3_stmt    *insert_outcome;
  sqlite3_stmt    *insert_level;
  sqlite3_stmt    *insert_rubric;
  sqlite3_stmt    *insert_rubric_level;
  sqlite3_stmt    *insert_criterion;
  sqlite3_stmt    *insert_cell;
  sqlite3_stmt    *insert_link;
} Import;

/* Data helpers */

static void
level_data_free (gpointer data)
{
  LevelData *level = data;

  g_free (level->framework);
  g_free (level->rationale);
  g_free (level);
}

static int
compare_levels (gconstpointer a,
                gconstpointer b)
{
  const LevelData *la = *(LevelData * const *) a;
  const LevelData *lb = *(LevelData * const *) b;

  return strcmp (la->framework, lb->framework);
}

static ModuleData *
module_data_new (void)
{
  ModuleData *md = g_new0 (ModuleData, 1);

  md->outcomes = g_ptr_array_new_with_free_func (g_object_unref);
  md->outcome_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  md->levels = g_ptr_array_new_with_free_func (level_data_free);
  md->required = TRUE;
  return md;
}

static void
module_data_free (gpointer data)
{
  ModuleData *md = data;

  g_clear_object (&md->module);
  g_clear_pointer (&md->outcomes, g_ptr_array_unref);
  g_clear_pointer (&md->outcome_lines, g_array_unref);
  g_clear_pointer (&md->levels, g_ptr_array_unref);
  g_clear_object (&md->rubric);
  g_free (md);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ModuleData, module_data_free)

static void
framework_info_free (gpointer data)
{
  FrameworkInfo *info = data;

  g_free (info->code);
  g_free (info);
}

static gboolean
is_unset (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static gboolean
status_is_frozen (AcrStatus status)
{
  return status == ACR_STATUS_APPROVED || status == ACR_STATUS_RETIRED;
}

/* The shortest fixed-point decimal that reads back as exactly @value (xs:decimal has no
 * exponent). */
static void
format_decimal (char   *buf,
                gsize   size,
                double  value)
{
  for (int digits = 0; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", digits);
      g_ascii_formatd (buf, (int) size, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

/* Writer */

static xmlNode *
add_element (xmlNode    *parent,
             const char *name)
{
  return xmlNewChild (parent, parent->ns, BAD_CAST name, NULL);
}

static xmlNode *
add_text_element (xmlNode    *parent,
                  const char *name,
                  const char *text)
{
  /* xmlNewTextChild escapes the text; xmlNewChild would read entity references in it. */
  return xmlNewTextChild (parent, parent->ns, BAD_CAST name, BAD_CAST (text ? text : ""));
}

static void
set_attr (xmlNode    *node,
          const char *name,
          const char *value)
{
  xmlNewProp (node, BAD_CAST name, BAD_CAST value);
}

static void
set_attr_int (xmlNode    *node,
              const char *name,
              gint64      value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  set_attr (node, name, buf);
}

static void
set_attr_decimal (xmlNode    *node,
                  const char *name,
                  double      value)
{
  char buf[400];

  format_decimal (buf, sizeof buf, value);
  set_attr (node, name, buf);
}

static void
set_attr_nick (xmlNode    *node,
               const char *name,
               GType       enum_type,
               int         value)
{
  const char *nick = acr_enum_to_nick (enum_type, value);

  if (nick != NULL)
    set_attr (node, name, nick);
}

/* The text in the main language @lang, then the English one; either may be unset. */
static void
add_localized (xmlNode    *parent,
               const char *name,
               const char *lang,
               const char *text,
               const char *text_en)
{
  if (!is_unset (text))
    xmlNodeSetLang (add_text_element (parent, name, text), BAD_CAST lang);
  if (!is_unset (text_en))
    xmlNodeSetLang (add_text_element (parent, name, text_en), BAD_CAST "en");
}

static char *
make_id (guint       module_index,
         char        kind,
         guint       position)
{
  return g_strdup_printf ("M%u-%c%u", module_index, kind, position);
}

static void
set_export_error (GError     **error,
                  AcrModule   *module,
                  const char  *what)
{
  g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
               _("Version %d of module “%s” cannot be written as a curriculum document: %s"),
               acr_module_get_version (module), acr_module_get_code (module), what);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  gint64 pa = *(const gint64 *) a;
  gint64 pb = *(const gint64 *) b;

  return (pa > pb) - (pa < pb);
}

static gboolean
write_rubric (xmlNode     *parent,
              ModuleData  *md,
              guint        index,
              GError     **error)
{
  AcrRubric *rubric = md->rubric;
  GListModel *levels = acr_rubric_get_levels (rubric);
  GListModel *criteria = acr_rubric_get_criteria (rubric);
  guint n_levels = g_list_model_get_n_items (levels);
  guint n_criteria = g_list_model_get_n_items (criteria);
  xmlNode *node = add_element (parent, "rubric");
  xmlNode *list;
  xmlNode *pass;

  if (!is_unset (acr_rubric_get_title (rubric)))
    set_attr (node, "title", acr_rubric_get_title (rubric));

  list = add_element (node, "performanceLevels");
  for (guint l = 0; l < n_levels; l++)
    {
      g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, l);
      g_autofree char *id = make_id (index, 'L', l + 1);
      xmlNode *child = add_text_element (list, "performanceLevel",
                                         acr_rubric_level_get_name (level));

      set_attr (child, "id", id);
      set_attr_decimal (child, "points", acr_rubric_level_get_points (level));
    }

  list = add_element (node, "criteria");
  for (guint c = 0; c < n_criteria; c++)
    {
      g_autoptr(AcrRubricCriterion) criterion = g_list_model_get_item (criteria, c);
      GArray *ids = acr_rubric_criterion_get_outcome_ids (criterion);
      g_autoptr(GArray) positions = g_array_copy (ids);
      xmlNode *child = add_element (list, "criterion");

      set_attr_decimal (child, "weight", acr_rubric_criterion_get_weight (criterion));
      add_text_element (child, "description", acr_rubric_criterion_get_description (criterion));

      g_array_sort (positions, (GCompareFunc) compare_positions);
      for (guint o = 0; o < positions->len; o++)
        {
          gint64 position = g_array_index (positions, gint64, o);
          g_autofree char *id = NULL;

          if (position < 1 || position > (gint64) md->outcomes->len)
            {
              set_export_error (error, md->module,
                                _("a rubric criterion assesses an outcome of another module."));
              return FALSE;
            }

          id = make_id (index, 'O', (guint) position);
          set_attr (add_element (child, "assesses"), "outcome", id);
        }

      for (guint l = 0; l < n_levels; l++)
        {
          g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, l);
          const char *descriptor = acr_rubric_get_cell (rubric, criterion, level);
          g_autofree char *id = NULL;

          if (is_unset (descriptor))
            continue;

          id = make_id (index, 'L', l + 1);
          set_attr (add_text_element (child, "cell", descriptor), "level", id);
        }
    }

  pass = add_element (node, "passRule");
  if (acr_rubric_get_pass_min_total (rubric) > 0)
    set_attr_decimal (pass, "minimumTotal", acr_rubric_get_pass_min_total (rubric));
  if (acr_rubric_get_pass_min_points (rubric) > 0)
    set_attr_decimal (pass, "minimumPoints", acr_rubric_get_pass_min_points (rubric));

  return TRUE;
}

/* Writes <module> for @md, the @index-th module of the document (from 1). Without @full, the
 * status and the curriculum's "required" are left out: what is compared with a frozen
 * version. */
static gboolean
write_module (xmlNode     *parent,
              ModuleData  *md,
              guint        index,
              gboolean     full,
              GError     **error)
{
  AcrModule *m = md->module;
  const char *lang = acr_module_get_language (m);
  xmlNode *node;

  if (is_unset (acr_module_get_title (m)) && is_unset (acr_module_get_title_en (m)))
    {
      set_export_error (error, m, _("it has no title. Give it a title."));
      return FALSE;
    }

  if (acr_module_get_qa_type (m) == ACR_QA_TYPE_NONE && !is_unset (acr_module_get_qa_body (m)))
    {
      set_export_error (error, m, _("it names a quality assurance body but not the type of "
                                    "quality assurance. Choose internal, external or both."));
      return FALSE;
    }

  if (acr_module_get_stackability (m) == ACR_STACKABILITY_NONE &&
      !is_unset (acr_module_get_stackable_towards (m)))
    {
      set_export_error (error, m, _("it says what it stacks towards but not whether it is "
                                    "stackable. Choose stand-alone or stackable."));
      return FALSE;
    }

  node = add_element (parent, "module");
  set_attr (node, "code", acr_module_get_code (m));
  set_attr_int (node, "version", acr_module_get_version (m));
  if (full)
    set_attr_nick (node, "status", ACR_TYPE_STATUS, acr_module_get_status (m));
  set_attr (node, "language", lang);
  if (full)
    set_attr (node, "required", md->required ? "true" : "false");

  add_localized (node, "title", lang, acr_module_get_title (m), acr_module_get_title_en (m));
  add_localized (node, "description", lang, acr_module_get_description (m),
                 acr_module_get_description_en (m));

  if (!is_unset (acr_module_get_languages (m)))
    {
      g_auto(GStrv) tags = g_strsplit (acr_module_get_languages (m), ",", -1);
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; tags[i] != NULL; i++)
        {
          const char *tag = g_strstrip (tags[i]);

          if (tag[0] == '\0')
            continue;
          if (list->len > 0)
            g_string_append_c (list, ' ');
          g_string_append (list, tag);
        }
      add_text_element (node, "languages", list->str);
    }

  if (acr_module_get_workload_hours (m) > 0 || acr_module_get_ects (m) > 0)
    {
      xmlNode *workload = add_element (node, "workload");

      if (acr_module_get_workload_hours (m) > 0)
        set_attr_decimal (workload, "hours", acr_module_get_workload_hours (m));
      if (acr_module_get_ects (m) > 0)
        set_attr_decimal (workload, "ects", acr_module_get_ects (m));
    }

  if (acr_module_get_assessment_type (m) != ACR_ASSESSMENT_TYPE_NONE ||
      acr_module_get_assessment_mode (m) != ACR_ASSESSMENT_MODE_NONE ||
      acr_module_get_supervision (m) != ACR_SUPERVISION_NONE)
    {
      xmlNode *assessment = add_element (node, "assessment");

      set_attr_nick (assessment, "type", ACR_TYPE_ASSESSMENT_TYPE,
                     acr_module_get_assessment_type (m));
      set_attr_nick (assessment, "mode", ACR_TYPE_ASSESSMENT_MODE,
                     acr_module_get_assessment_mode (m));
      set_attr_nick (assessment, "supervision", ACR_TYPE_SUPERVISION,
                     acr_module_get_supervision (m));
    }

  if (acr_module_get_participation (m) != ACR_PARTICIPATION_NONE)
    add_text_element (node, "participation",
                      acr_enum_to_nick (ACR_TYPE_PARTICIPATION, acr_module_get_participation (m)));

  if (acr_module_get_qa_type (m) != ACR_QA_TYPE_NONE)
    set_attr_nick (add_text_element (node, "qualityAssurance", acr_module_get_qa_body (m)),
                   "type", ACR_TYPE_QA_TYPE, acr_module_get_qa_type (m));

  if (!is_unset (acr_module_get_prerequisites (m)))
    add_text_element (node, "prerequisites", acr_module_get_prerequisites (m));

  if (acr_module_get_validity_months (m) > 0)
    set_attr_int (add_element (node, "validity"), "months", acr_module_get_validity_months (m));

  if (!is_unset (acr_module_get_isced_f (m)))
    add_text_element (node, "iscedF", acr_module_get_isced_f (m));

  if (acr_module_get_stackability (m) != ACR_STACKABILITY_NONE)
    set_attr_nick (add_text_element (node, "stackability", acr_module_get_stackable_towards (m)),
                   "option", ACR_TYPE_STACKABILITY, acr_module_get_stackability (m));

  if (!is_unset (acr_module_get_further_info (m)))
    add_text_element (node, "furtherInformation", acr_module_get_further_info (m));

  if (md->outcomes->len > 0)
    {
      xmlNode *outcomes = add_element (node, "outcomes");

      for (guint o = 0; o < md->outcomes->len; o++)
        {
          AcrLearningOutcome *outcome = g_ptr_array_index (md->outcomes, o);
          g_autofree char *id = make_id (index, 'O', o + 1);
          xmlNode *child = add_element (outcomes, "outcome");

          set_attr (child, "id", id);
          set_attr_nick (child, "kind", ACR_TYPE_OUTCOME_KIND,
                         acr_learning_outcome_get_kind (outcome));
          if (!is_unset (acr_learning_outcome_get_esco_uri (outcome)))
            set_attr (child, "esco", acr_learning_outcome_get_esco_uri (outcome));
          add_localized (child, "statement", lang, acr_learning_outcome_get_statement (outcome),
                         acr_learning_outcome_get_statement_en (outcome));
        }
    }

  if (md->levels->len > 0)
    {
      xmlNode *levels = add_element (node, "levels");

      for (guint l = 0; l < md->levels->len; l++)
        {
          LevelData *level = g_ptr_array_index (md->levels, l);
          xmlNode *child = add_element (levels, "level");

          set_attr (child, "framework", level->framework);
          set_attr_int (child, "level", level->level);
          if (!is_unset (level->rationale))
            add_text_element (child, "rationale", level->rationale);
        }
    }

  if (md->rubric != NULL && !write_rubric (node, md, index, error))
    return FALSE;

  return TRUE;
}

/* @md written alone (without status and "required"), for comparing two versions. NULL with
 * @error set when it cannot be written. */
static char *
module_to_string (ModuleData  *md,
                  guint        index,
                  GError     **error)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNode *root = xmlNewDocNode (doc, NULL, BAD_CAST "modules", NULL);
  xmlBuffer *buf;
  char *text;

  xmlSetNs (root, xmlNewNs (root, BAD_CAST ACR_CURRICULUM_XML_NS, NULL));
  xmlDocSetRootElement (doc, root);

  if (!write_module (root, md, index, FALSE, error))
    return NULL;

  buf = xmlBufferCreate ();
  xmlNodeDump (buf, doc, root->children, 0, 0);
  text = g_strndup ((const char *) xmlBufferContent (buf), xmlBufferLength (buf));
  xmlBufferFree (buf);

  return text;
}

/* Reading from the database */

/* Fills a ModuleData from the database. */
static ModuleData *
load_module_data (AcrStore  *store,
                  gint64     module_id,
                  GError   **error)
{
  g_autoptr(ModuleData) md = module_data_new ();
  g_autoptr(GListModel) outcomes = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  guint n;

  md->module = acr_module_load (store, module_id, error);
  if (md->module == NULL)
    return NULL;

  outcomes = acr_module_list_outcomes (store, module_id, error);
  if (outcomes == NULL)
    return NULL;

  n = g_list_model_get_n_items (outcomes);
  for (guint i = 0; i < n; i++)
    {
      AcrLearningOutcome *outcome = g_list_model_get_item (outcomes, i);
      gint64 *key = g_new (gint64, 1);

      *key = acr_learning_outcome_get_id (outcome);
      g_hash_table_insert (positions, key, GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (md->outcomes, outcome);
    }

  levels = acr_module_list_levels (store, module_id, error);
  if (levels == NULL)
    return NULL;

  n = g_list_model_get_n_items (levels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrLevelAssignment) assignment = g_list_model_get_item (levels, i);
      LevelData *level = g_new0 (LevelData, 1);

      level->framework = g_strdup (acr_level_assignment_get_framework_code (assignment));
      level->level = acr_level_assignment_get_level (assignment);
      level->rationale = g_strdup (acr_level_assignment_get_rationale (assignment));
      g_ptr_array_add (md->levels, level);
    }
  g_ptr_array_sort (md->levels, compare_levels);

  md->rubric = acr_rubric_load_for_module (store, module_id, &local_error);
  if (md->rubric == NULL)
    {
      if (!g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  else
    {
      GListModel *criteria = acr_rubric_get_criteria (md->rubric);

      /* Outcome ids become positions, as in a ModuleData read from a document. */
      n = g_list_model_get_n_items (criteria);
      for (guint c = 0; c < n; c++)
        {
          g_autoptr(AcrRubricCriterion) criterion = g_list_model_get_item (criteria, c);
          GArray *ids = acr_rubric_criterion_get_outcome_ids (criterion);
          g_autoptr(GArray) mapped = g_array_new (FALSE, FALSE, sizeof (gint64));

          for (guint o = 0; o < ids->len; o++)
            {
              gint64 position = GPOINTER_TO_UINT (g_hash_table_lookup (positions,
                                                                       &g_array_index (ids, gint64, o)));

              g_array_append_val (mapped, position);   /* 0 if not an outcome of this module */
            }
          acr_rubric_criterion_set_outcome_ids (criterion, (const gint64 *) (gpointer) mapped->data,
                                                mapped->len);
        }
    }

  return g_steal_pointer (&md);
}

/* Export */

char *
acr_curriculum_export_xml (AcrStore  *store,
                           gint64     curriculum_id,
                           gsize     *len,
                           GError   **error)
{
  g_autoptr(AcrCurriculum) curriculum = NULL;
  g_autoptr(AcrOrganisation) provider = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlDoc) reread = NULL;
  g_autofree char *display_name = NULL;
  GListModel *entries;
  const char *lang;
  xmlNode *root;
  xmlNode *node;
  xmlNode *modules;
  xmlChar *mem = NULL;
  int size = 0;
  char *result;
  guint n;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  acr_xml_init ();

  /* One transaction: a consistent picture even while others edit. */
  if (!acr_store_begin (store, error))
    return NULL;

  curriculum = acr_curriculum_load (store, curriculum_id, error);
  if (curriculum == NULL)
    goto fail;

  if (acr_curriculum_get_organisation_id (curriculum) == 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The curriculum “%s” has no provider. Choose its awarding body before "
                     "exporting it."), acr_curriculum_get_code (curriculum));
      goto fail;
    }

  entries = acr_curriculum_get_entries (curriculum);
  n = g_list_model_get_n_items (entries);
  if (n == 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The curriculum “%s” has no modules. Add its modules before exporting "
                     "it."), acr_curriculum_get_code (curriculum));
      goto fail;
    }

  provider = acr_organisation_load (store, acr_curriculum_get_organisation_id (curriculum), error);
  if (provider == NULL)
    goto fail;

  lang = acr_curriculum_get_language (curriculum);
  doc = xmlNewDoc (BAD_CAST "1.0");
  root = xmlNewDocNode (doc, NULL, BAD_CAST "curriculum", NULL);
  xmlSetNs (root, xmlNewNs (root, BAD_CAST ACR_CURRICULUM_XML_NS, NULL));
  xmlDocSetRootElement (doc, root);

  set_attr (root, "code", acr_curriculum_get_code (curriculum));
  set_attr_int (root, "version", acr_curriculum_get_version (curriculum));
  set_attr_nick (root, "status", ACR_TYPE_STATUS, acr_curriculum_get_status (curriculum));
  set_attr (root, "language", lang);

  add_localized (root, "title", lang, acr_curriculum_get_title (curriculum),
                 acr_curriculum_get_title_en (curriculum));
  add_localized (root, "description", lang, acr_curriculum_get_description (curriculum),
                 acr_curriculum_get_description_en (curriculum));

  node = add_element (root, "provider");
  add_text_element (node, "name", acr_organisation_get_name (provider));
  if (!is_unset (acr_organisation_get_legal_id (provider)))
    add_text_element (node, "legalId", acr_organisation_get_legal_id (provider));
  add_text_element (node, "country", acr_organisation_get_country (provider));
  if (!is_unset (acr_organisation_get_address (provider)))
    add_text_element (node, "address", acr_organisation_get_address (provider));
  if (!is_unset (acr_organisation_get_web (provider)))
    add_text_element (node, "web", acr_organisation_get_web (provider));
  if (!is_unset (acr_organisation_get_email (provider)))
    add_text_element (node, "email", acr_organisation_get_email (provider));

  node = add_element (root, "stacking");
  set_attr_nick (node, "rule", ACR_TYPE_STACKING_RULE, acr_curriculum_get_stacking_rule (curriculum));
  if (acr_curriculum_get_stacking_min (curriculum) > 0)
    set_attr_decimal (node, "minimum", acr_curriculum_get_stacking_min (curriculum));

  modules = add_element (root, "modules");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(ModuleData) md = NULL;

      md = load_module_data (store, acr_curriculum_entry_get_module_id (entry), error);
      if (md == NULL)
        goto fail;

      md->required = acr_curriculum_entry_get_required (entry);
      if (!write_module (modules, md, i + 1, TRUE, error))
        goto fail;
    }

  if (!_acr_audit_appendf (store, "export", "curriculum", curriculum_id, error,
                           _("Exported the curriculum “%s” version %u."),
                           acr_curriculum_get_code (curriculum),
                           acr_curriculum_get_version (curriculum)))
    goto fail;

  if (!acr_store_commit (store, error))
    return NULL;

  xmlDocDumpFormatMemoryEnc (doc, &mem, &size, "UTF-8", 1);
  if (mem == NULL)
    {
      g_set_error_literal (error, ACR_XML_ERROR, ACR_XML_ERROR_FAILED,
                           _("Out of memory while writing XML."));
      return NULL;
    }
  result = g_strndup ((const char *) mem, size);
  xmlFree (mem);

  /* What we publish must follow our own schema: read it back as anybody would and validate
   * it, so that data the format cannot carry (a code too long, a character XML cannot hold)
   * gives an error instead of a document others refuse. */
  display_name = g_strdup_printf ("%s.xml", acr_curriculum_get_code (curriculum));
  reread = acr_xml_parse_untrusted (result, size, display_name, error);
  if (reread == NULL || !acr_xml_validate (reread, "curriculum", display_name, error))
    {
      g_prefix_error (error, _("The curriculum “%s” cannot be exported: "),
                      acr_curriculum_get_code (curriculum));
      g_free (result);
      return NULL;
    }

  if (len != NULL)
    *len = size;
  return result;

fail:
  acr_store_rollback (store);
  return NULL;
}

/* Import: reading the document */

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->frameworks, g_hash_table_unref);
  g_clear_object (&imp->curriculum);
  g_clear_object (&imp->provider);
  g_clear_pointer (&imp->id_owner, g_hash_table_unref);
  g_clear_pointer (&imp->codes, g_ptr_array_unref);
  g_clear_pointer (&imp->module_ids, g_array_unref);
  g_clear_pointer (&imp->required, g_array_unref);
  g_clear_pointer (&imp->find_module, sqlite3_finalize);
  g_clear_pointer (&imp->insert_outcome, sqlite3_finalize);
  g_clear_pointer (&imp->insert_level, sqlite3_finalize);
  g_clear_pointer (&imp->insert_rubric, sqlite3_finalize);
  g_clear_pointer (&imp->insert_rubric_level, sqlite3_finalize);
  g_clear_pointer (&imp->insert_criterion, sqlite3_finalize);
  g_clear_pointer (&imp->insert_cell, sqlite3_finalize);
  g_clear_pointer (&imp->insert_link, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Prefixes @error with where in the document it happened. */
static void
locate_error (GError     **error,
              Import      *imp,
              guint        line,
              const char  *element)
{
  g_prefix_error (error, _("“%s”, line %u, element “%s”: "), imp->display_name, line, element);
}

static guint
line_of (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 ? (guint) line : 0;
}

static void
set_node_error (GError     **error,
                Import      *imp,
                xmlNode     *node,
                int          code,
                const char  *format,
                ...) G_GNUC_PRINTF (5, 6);

/* Sets an ACR_XML_ERROR about @node: the document, line and element, then the sentence. */
static void
set_node_error (GError     **error,
                Import      *imp,
                xmlNode     *node,
                int          code,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, ACR_XML_ERROR, code, message);
  locate_error (error, imp, line_of (node), (const char *) node->name);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *) node->ns->href, ACR_CURRICULUM_XML_NS) == 0 &&
         strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
next_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

#define FOR_EACH_CHILD(child, parent) \
  for (xmlNode *child = next_element ((parent)->children); child != NULL; \
       child = next_element (child->next))

static char *
get_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

/* The text, or NULL when it is empty. */
static char *
get_optional_text (xmlNode *node)
{
  char *text = get_text (node);

  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* A whole number 1 … @max from attribute @name (the schema checked its form). */
static gboolean
get_count_attr (Import      *imp,
                xmlNode     *node,
                const char  *name,
                gint64       max,
                gint64      *value,
                GError     **error)
{
  g_autofree char *text = get_attr (node, name);
  const char *p;
  guint64 number = 0;
  char *end = NULL;

  p = text != NULL ? g_strstrip (text) : "";
  if (*p == '+')
    p++;
  if (g_ascii_isdigit (*p))
    number = g_ascii_strtoull (p, &end, 10);

  if (end == NULL || *end != '\0' || number < 1 || number > (guint64) max)
    {
      set_node_error (error, imp, node, ACR_XML_ERROR_INVALID,
                      _("“%s” is not a whole number from 1 to %lld (attribute “%s”)."),
                      text ? text : "", (long long) max, name);
      return FALSE;
    }

  *value = (gint64) number;
  return TRUE;
}

/* A decimal from attribute @name; 0 when it is absent. */
static gboolean
get_decimal_attr (Import      *imp,
                  xmlNode     *node,
                  const char  *name,
                  double      *value,
                  GError     **error)
{
  g_autofree char *text = get_attr (node, name);
  char *end = NULL;
  double number;

  *value = 0;
  if (text == NULL)
    return TRUE;

  g_strstrip (text);
  number = g_ascii_strtod (text, &end);
  if (text[0] == '\0' || end == NULL || *end != '\0' || !isfinite (number))
    {
      set_node_error (error, imp, node, ACR_XML_ERROR_INVALID,
                      _("“%s” is not a number (attribute “%s”)."), text, name);
      return FALSE;
    }

  *value = number;
  return TRUE;
}

/* The value of @enum_type named by attribute @name (or the element's text when @name is
 * NULL); the "none" value when absent. */
static gboolean
get_enum (Import      *imp,
          xmlNode     *node,
          const char  *name,
          GType        enum_type,
          int         *value,
          GError     **error)
{
  g_autofree char *text = name != NULL ? get_attr (node, name) : get_text (node);

  if (text != NULL)
    g_strstrip (text);

  if (!acr_enum_from_nick (enum_type, text, value))
    {
      g_autofree char *nicks = acr_enum_list_nicks (enum_type);

      set_node_error (error, imp, node, ACR_XML_ERROR_INVALID,
                      _("“%s” is not one of %s."), text, nicks);
      return FALSE;
    }

  return TRUE;
}

/* TRUE when the language tags name the same language ("de" and "de-AT" do). */
static gboolean
same_language (const char *a,
               const char *b)
{
  gsize la = strcspn (a, "-_");
  gsize lb = strcspn (b, "-_");

  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

/* Reads one text of a repeated xml:lang element into the slot of the main language @lang or
 * of English. */
static gboolean
read_localized (Import      *imp,
                xmlNode     *node,
                const char  *lang,
                char       **text,
                char       **text_en,
                GError     **error)
{
  xmlChar *node_lang = xmlNodeGetLang (node);
  g_autofree char *own = g_strdup (node_lang ? (const char *) node_lang : "");

  xmlFree (node_lang);

  if (*text == NULL && same_language (own, lang))
    *text = get_text (node);
  else if (*text_en == NULL && same_language (own, "en"))
    *text_en = get_text (node);
  else
    {
      set_node_error (error, imp, node, ACR_XML_ERROR_INVALID,
                      _("Accredit keeps this text once in the main language “%s” and once in "
                        "English, but this one is in “%s” or repeats one of them. Remove it, "
                        "or write it in one of these languages."), lang, own);
      return FALSE;
    }

  return TRUE;
}

/* Records the xml:id-style id of @node (an outcome or performance level) as declared by the
 * module numbered @index. */
static gboolean
declare_id (Import      *imp,
            xmlNode     *node,
            guint        index,
            GError     **error)
{
  g_autofree char *id = get_attr (node, "id");

  if (id == NULL)
    return TRUE;   /* the schema requires it */

  if (g_hash_table_contains (imp->id_owner, id))
    {
      set_node_error (error, imp, node, ACR_XML_ERROR_INVALID,
                      _("The id “%s” is used twice. Give each outcome and performance level its "
                        "own id."), id);
      return FALSE;
    }

  g_hash_table_insert (imp->id_owner, g_steal_pointer (&id), GUINT_TO_POINTER (index));
  return TRUE;
}

/* Before any module is read: the codes of all modules and the ids of their outcomes and
 * performance levels, so that a reference to another module's item is named as such. */
static gboolean
declare_modules (Import   *imp,
                 xmlNode  *modules,
                 GError  **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint index = 0;

  FOR_EACH_CHILD (module, modules)
    {
      char *code;

      if (!is_element (module, "module"))
        continue;

      index++;
      code = get_attr (module, "code");
      g_ptr_array_add (imp->codes, code);
      if (code != NULL && !g_hash_table_add (seen, g_strdup (code)))
        {
          set_node_error (error, imp, module, ACR_XML_ERROR_INVALID,
                          _("The module “%s” appears twice in the document. A curriculum holds "
                            "each module once."), code);
          return FALSE;
        }

      FOR_EACH_CHILD (part, module)
        {
          if (is_element (part, "outcomes"))
            {
              FOR_EACH_CHILD (outcome, part)
                if (is_element (outcome, "outcome") && !declare_id (imp, outcome, index, error))
                  return FALSE;
            }
          else if (is_element (part, "rubric"))
            {
              FOR_EACH_CHILD (levels, part)
                if (is_element (levels, "performanceLevels"))
                  {
                    FOR_EACH_CHILD (level, levels)
                      if (is_element (level, "performanceLevel") &&
                          !declare_id (imp, level, index, error))
                        return FALSE;
                  }
            }
        }
    }

  return TRUE;
}

/* An IDREF @ref of @node that must name an item of @md (found in @local): an outcome or a
 * performance level, as @what says. */
static gpointer
resolve_ref (Import      *imp,
             xmlNode     *node,
             ModuleData  *md,
             GHashTable  *local,
             const char  *ref,
             gboolean     outcome,
             GError     **error)
{
  gpointer item = g_hash_table_lookup (local, ref);
  guint owner;

  if (item != NULL)
    return item;

  owner = GPOINTER_TO_UINT (g_hash_table_lookup (imp->id_owner, ref));
  if (owner != 0 && owner != md->index)
    {
      const char *owner_code = g_ptr_array_index (imp->codes, owner - 1);

      if (outcome)
        set_node_error (error, imp, node, ACR_XML_ERROR_INVALID,
                        _("“%s” is an item of module “%s”, but a criterion of module “%s” can "
                          "only assess the learning outcomes of its own module."),
                        ref, owner_code, acr_module_get_code (md->module));
      else
        set_node_error (error, imp, node, ACR_XML_ERROR_INVALID,
                        _("“%s” is an item of module “%s”, but a cell of the rubric of module "
                          "“%s” can only refer to a performance level of that rubric."),
                        ref, owner_code, acr_module_get_code (md->module));
    }
  else if (outcome)
    set_node_error (error, imp, node, ACR_XML_ERROR_INVALID,
                    _("Module “%s” has no learning outcome with the id “%s”."),
                    acr_module_get_code (md->module), ref);
  else
    set_node_error (error, imp, node, ACR_XML_ERROR_INVALID,
                    _("The rubric of module “%s” has no performance level with the id “%s”."),
                    acr_module_get_code (md->module), ref);

  return NULL;
}

static gboolean
read_outcomes (Import      *imp,
               xmlNode     *node,
               ModuleData  *md,
               GHashTable  *outcome_ids,
               GError     **error)
{
  const char *lang = acr_module_get_language (md->module);

  FOR_EACH_CHILD (child, node)
    {
      g_autoptr(AcrLearningOutcome) outcome = acr_learning_outcome_new ();
      g_autofree char *id = get_attr (child, "id");
      g_autofree char *esco = get_attr (child, "esco");
      g_autofree char *statement = NULL;
      g_autofree char *statement_en = NULL;
      guint line = line_of (child);
      int kind = 0;

      if (!is_element (child, "outcome"))
        continue;

      if (id == NULL || !get_enum (imp, child, "kind", ACR_TYPE_OUTCOME_KIND, &kind, error))
        return FALSE;

      FOR_EACH_CHILD (text, child)
        if (is_element (text, "statement") &&
            !read_localized (imp, text, lang, &statement, &statement_en, error))
          return FALSE;

      if (statement == NULL)
        {
          set_node_error (error, imp, child, ACR_XML_ERROR_INVALID,
                          _("The learning outcome “%s” needs a statement in the module’s "
                            "language “%s”."), id, lang);
          return FALSE;
        }

      acr_learning_outcome_set_statement (outcome, statement);
      acr_learning_outcome_set_statement_en (outcome, statement_en);
      acr_learning_outcome_set_kind (outcome, kind);
      acr_learning_outcome_set_esco_uri (outcome, esco);
      acr_learning_outcome_set_position (outcome, (int) md->outcomes->len + 1);
      g_ptr_array_add (md->outcomes, g_steal_pointer (&outcome));
      g_array_append_val (md->outcome_lines, line);
      g_hash_table_insert (outcome_ids, g_steal_pointer (&id),
                           GUINT_TO_POINTER (md->outcomes->len));
    }

  return TRUE;
}

static gboolean
read_levels (Import      *imp,
             xmlNode     *node,
             ModuleData  *md,
             GError     **error)
{
  FOR_EACH_CHILD (child, node)
    {
      g_autofree char *code = get_attr (child, "framework");
      FrameworkInfo *framework;
      LevelData *level;
      gint64 number = 0;

      if (!is_element (child, "level"))
        continue;

      if (!get_count_attr (imp, child, "level", G_MAXINT, &number, error))
        return FALSE;

      framework = code != NULL ? g_hash_table_lookup (imp->frameworks, code) : NULL;
      if (framework == NULL)
        {
          g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (imp->frameworks),
                                               (GCompareFunc) strcmp);
          g_autoptr(GString) known = g_string_new (NULL);

          for (GList *l = keys; l != NULL; l = l->next)
            g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "",
                                    (const char *) l->data);

          if (known->len == 0)
            set_node_error (error, imp, child, ACR_XML_ERROR_INVALID,
                            _("There is no framework “%s”. Import the framework first."), code);
          else
            set_node_error (error, imp, child, ACR_XML_ERROR_INVALID,
                            _("There is no framework “%s”. Import the framework first, or use "
                              "one of the known frameworks: %s."), code, known->str);
          return FALSE;
        }

      if (number > 31 || (framework->levels & (1u << number)) == 0)
        {
          int min_level = 0;
          int max_level = 0;

          for (int l = 1; l < 32; l++)
            if (framework->levels & (1u << l))
              {
                if (min_level == 0)
                  min_level = l;
                max_level = l;
              }

          if (min_level == 0)
            set_node_error (error, imp, child, ACR_XML_ERROR_INVALID,
                            _("The framework “%s” has no levels yet. Add its levels before "
                              "assigning modules to it."), code);
          else
            set_node_error (error, imp, child, ACR_XML_ERROR_INVALID,
                            _("The framework “%s” has no level %lld. Its levels are %d to %d."),
                            code, (long long) number, min_level, max_level);
          return FALSE;
        }

      for (guint l = 0; l < md->levels->len; l++)
        if (strcmp (((LevelData *) g_ptr_array_index (md->levels, l))->framework, code) == 0)
          {
            set_node_error (error, imp, child, ACR_XML_ERROR_INVALID,
                            _("Module “%s” has two levels in the framework “%s”. Keep one."),
                            acr_module_get_code (md->module), code);
            return FALSE;
          }

      level = g_new0 (LevelData, 1);
      level->framework = g_steal_pointer (&code);
      level->level = (int) number;
      level->framework_id = framework->id;
      level->line = line_of (child);
      FOR_EACH_CHILD (rationale, child)
        if (is_element (rationale, "rationale"))
          level->rationale = get_optional_text (rationale);
      g_ptr_array_add (md->levels, level);
    }

  g_ptr_array_sort (md->levels, compare_levels);
  return TRUE;
}

static gboolean
read_criterion (Import      *imp,
                xmlNode     *node,
                ModuleData  *md,
                GHashTable  *outcome_ids,
                GHashTable  *level_ids,
                GError     **error)
{
  g_autofree char *description = NULL;
  AcrRubricCriterion *criterion;
  double weight = 0;

  if (!get_decimal_attr (imp, node, "weight", &weight, error))
    return FALSE;

  FOR_EACH_CHILD (child, node)
    if (is_element (child, "description"))
      description = get_text (child);

  criterion = acr_rubric_add_criterion (md->rubric, description, weight);

  FOR_EACH_CHILD (child, node)
    {
      if (is_element (child, "assesses"))
        {
          g_autofree char *ref = get_attr (child, "outcome");
          gpointer position = resolve_ref (imp, child, md, outcome_ids, ref ? ref : "", TRUE,
                                           error);
          GArray *ids = acr_rubric_criterion_get_outcome_ids (criterion);

          if (position == NULL)
            return FALSE;

          for (guint i = 0; i < ids->len; i++)
            if (g_array_index (ids, gint64, i) == GPOINTER_TO_UINT (position))
              {
                set_node_error (error, imp, child, ACR_XML_ERROR_INVALID,
                                _("The criterion already assesses the learning outcome “%s”. "
                                  "Name each outcome once."), ref);
                return FALSE;
              }

          acr_rubric_criterion_add_outcome_id (criterion, GPOINTER_TO_UINT (position));
        }
      else if (is_element (child, "cell"))
        {
          g_autofree char *ref = get_attr (child, "level");
          g_autofree char *descriptor = get_text (child);
          AcrRubricLevel *level = resolve_ref (imp, child, md, level_ids, ref ? ref : "", FALSE,
                                               error);

          if (level == NULL)
            return FALSE;

          if (acr_rubric_get_cell (md->rubric, criterion, level) != NULL)
            {
              set_node_error (error, imp, child, ACR_XML_ERROR_INVALID,
                              _("The criterion has two cells for the performance level “%s”. "
                                "Keep one."), ref);
              return FALSE;
            }

          acr_rubric_set_cell (md->rubric, criterion, level, descriptor);
        }
    }

  return TRUE;
}

static gboolean
read_rubric (Import      *imp,
             xmlNode     *node,
             ModuleData  *md,
             GHashTable  *outcome_ids,
             GError     **error)
{
  g_autoptr(GHashTable) level_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *title = get_attr (node, "title");

  md->rubric = acr_rubric_new ();
  md->rubric_line = line_of (node);
  acr_rubric_set_title (md->rubric, title);

  FOR_EACH_CHILD (child, node)
    {
      if (is_element (child, "performanceLevels"))
        {
          FOR_EACH_CHILD (item, child)
            {
              g_autofree char *id = get_attr (item, "id");
              g_autofree char *name = NULL;
              double points = 0;

              if (!is_element (item, "performanceLevel"))
                continue;

              if (id == NULL || !get_decimal_attr (imp, item, "points", &points, error))
                return FALSE;

              name = get_text (item);
              g_hash_table_insert (level_ids, g_steal_pointer (&id),
                                   acr_rubric_add_level (md->rubric, name, points));
            }
        }
      else if (is_element (child, "criteria"))
        {
          FOR_EACH_CHILD (item, child)
            if (is_element (item, "criterion") &&
                !read_criterion (imp, item, md, outcome_ids, level_ids, error))
              return FALSE;
        }
      else if (is_element (child, "passRule"))
        {
          double min_total = 0;
          double min_points = 0;

          if (!get_decimal_attr (imp, child, "minimumTotal", &min_total, error) ||
              !get_decimal_attr (imp, child, "minimumPoints", &min_points, error))
            return FALSE;

          acr_rubric_set_pass_min_total (md->rubric, min_total);
          acr_rubric_set_pass_min_points (md->rubric, min_points);
        }
    }

  return TRUE;
}

static ModuleData *
read_module (Import   *imp,
             xmlNode  *node,
             guint     index,
             GError  **error)
{
  g_autoptr(ModuleData) md = module_data_new ();
  g_autoptr(GHashTable) outcome_ids = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                             g_free, NULL);
  g_autofree char *code = get_attr (node, "code");
  g_autofree char *language = get_attr (node, "language");
  g_autofree char *required = get_attr (node, "required");
  g_autofree char *title = NULL;
  g_autofree char *title_en = NULL;
  g_autofree char *description = NULL;
  g_autofree char *description_en = NULL;
  AcrModule *m;
  gint64 version = 0;
  int status = 0;

  md->module = m = acr_module_new ();
  md->index = index;
  md->line = line_of (node);

  if (!get_count_attr (imp, node, "version", G_MAXINT, &version, error) ||
      !get_enum (imp, node, "status", ACR_TYPE_STATUS, &status, error))
    return NULL;

  if (required != NULL)
    g_strstrip (required);
  md->required = g_strcmp0 (required, "true") == 0 || g_strcmp0 (required, "1") == 0;

  acr_module_set_code (m, code);
  acr_module_set_version (m, (int) version);
  acr_module_set_status (m, status);
  acr_module_set_language (m, language);

  FOR_EACH_CHILD (child, node)
    {
      if (is_element (child, "title"))
        {
          if (!read_localized (imp, child, language, &title, &title_en, error))
            return NULL;
        }
      else if (is_element (child, "description"))
        {
          if (!read_localized (imp, child, language, &description, &description_en, error))
            return NULL;
        }
      else if (is_element (child, "languages"))
        {
          g_autofree char *text = get_text (child);
          g_auto(GStrv) tags = g_strsplit_set (text, " \t\r\n", -1);
          g_autoptr(GString) list = g_string_new (NULL);

          for (guint i = 0; tags[i] != NULL; i++)
            if (tags[i][0] != '\0')
              g_string_append_printf (list, "%s%s", list->len > 0 ? "," : "", tags[i]);
          acr_module_set_languages (m, list->len > 0 ? list->str : NULL);
        }
      else if (is_element (child, "workload"))
        {
          double hours = 0;
          double ects = 0;

          if (!get_decimal_attr (imp, child, "hours", &hours, error) ||
              !get_decimal_attr (imp, child, "ects", &ects, error))
            return NULL;
          acr_module_set_workload_hours (m, hours);
          acr_module_set_ects (m, ects);
        }
      else if (is_element (child, "assessment"))
        {
          int type = 0;
          int mode = 0;
          int supervision = 0;

          if (!get_enum (imp, child, "type", ACR_TYPE_ASSESSMENT_TYPE, &type, error) ||
              !get_enum (imp, child, "mode", ACR_TYPE_ASSESSMENT_MODE, &mode, error) ||
              !get_enum (imp, child, "supervision", ACR_TYPE_SUPERVISION, &supervision, error))
            return NULL;
          acr_module_set_assessment_type (m, type);
          acr_module_set_assessment_mode (m, mode);
          acr_module_set_supervision (m, supervision);
        }
      else if (is_element (child, "participation"))
        {
          int participation = 0;

          if (!get_enum (imp, child, NULL, ACR_TYPE_PARTICIPATION, &participation, error))
            return NULL;
          acr_module_set_participation (m, participation);
        }
      else if (is_element (child, "qualityAssurance"))
        {
          g_autofree char *body = get_optional_text (child);
          int type = 0;

          if (!get_enum (imp, child, "type", ACR_TYPE_QA_TYPE, &type, error))
            return NULL;
          acr_module_set_qa_type (m, type);
          acr_module_set_qa_body (m, body);
        }
      else if (is_element (child, "prerequisites"))
        {
          g_autofree char *text = get_optional_text (child);

          acr_module_set_prerequisites (m, text);
        }
      else if (is_element (child, "validity"))
        {
          gint64 months = 0;

          if (!get_count_attr (imp, child, "months", G_MAXINT, &months, error))
            return NULL;
          acr_module_set_validity_months (m, (int) months);
        }
      else if (is_element (child, "iscedF"))
        {
          g_autofree char *text = get_text (child);

          acr_module_set_isced_f (m, g_strstrip (text));
        }
      else if (is_element (child, "stackability"))
        {
          g_autofree char *towards = get_optional_text (child);
          int option = 0;

          if (!get_enum (imp, child, "option", ACR_TYPE_STACKABILITY, &option, error))
            return NULL;
          acr_module_set_stackability (m, option);
          acr_module_set_stackable_towards (m, towards);
        }
      else if (is_element (child, "furtherInformation"))
        {
          g_autofree char *text = get_optional_text (child);

          acr_module_set_further_info (m, text);
        }
      else if (is_element (child, "outcomes"))
        {
          if (!read_outcomes (imp, child, md, outcome_ids, error))
            return NULL;
        }
      else if (is_element (child, "levels"))
        {
          if (!read_levels (imp, child, md, error))
            return NULL;
        }
      else if (is_element (child, "rubric"))
        {
          if (!read_rubric (imp, child, md, outcome_ids, error))
            return NULL;
        }
    }

  acr_module_set_title (m, title);
  acr_module_set_title_en (m, title_en);
  acr_module_set_description (m, description);
  acr_module_set_description_en (m, description_en);

  if (!acr_module_validate (m, error))
    {
      locate_error (error, imp, md->line, "module");
      return NULL;
    }

  return g_steal_pointer (&md);
}

static gboolean
read_provider (Import   *imp,
               xmlNode  *node,
               GError  **error)
{
  imp->provider = acr_organisation_new ();
  imp->provider_line = line_of (node);

  FOR_EACH_CHILD (child, node)
    {
      g_autofree char *text = get_optional_text (child);

      if (is_element (child, "name"))
        acr_organisation_set_name (imp->provider, text);
      else if (is_element (child, "legalId"))
        acr_organisation_set_legal_id (imp->provider, text);
      else if (is_element (child, "country"))
        acr_organisation_set_country (imp->provider, text);
      else if (is_element (child, "address"))
        acr_organisation_set_address (imp->provider, text);
      else if (is_element (child, "web"))
        acr_organisation_set_web (imp->provider, text);
      else if (is_element (child, "email"))
        acr_organisation_set_email (imp->provider, text);
    }

  if (!acr_organisation_validate (imp->provider, error))
    {
      locate_error (error, imp, imp->provider_line, "provider");
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_frameworks (Import  *imp,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _acr_store_prepare (imp->store,
                             "SELECT f.id, f.code, fl.level FROM framework f "
                             "LEFT JOIN framework_level fl ON fl.framework_id = f.id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _acr_store_step (imp->store, stmt, error)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 1);
      FrameworkInfo *info = g_hash_table_lookup (imp->frameworks, code);
      int level = sqlite3_column_int (stmt, 2);

      if (info == NULL)
        {
          info = g_new0 (FrameworkInfo, 1);
          info->id = sqlite3_column_int64 (stmt, 0);
          info->code = g_strdup (code);
          g_hash_table_insert (imp->frameworks, info->code, info);
        }

      if (level >= 1 && level < 32)
        info->levels |= 1u << level;
    }

  return rc == SQLITE_DONE;
}

/* Import: applying it */

static sqlite3_stmt *
prepare_cached (Import        *imp,
                sqlite3_stmt **stmt,
                const char    *sql,
                GError       **error)
{
  if (*stmt == NULL)
    *stmt = _acr_store_prepare (imp->store, sql, error);
  else
    {
      sqlite3_reset (*stmt);
      sqlite3_clear_bindings (*stmt);
    }

  return *stmt;
}

static gboolean
find_provider (Import   *imp,
               gint64   *id,
               GError  **error)
{
  const char *legal_id = acr_organisation_get_legal_id (imp->provider);
  int rc;

  if (!is_unset (legal_id))
    {
      g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (imp->store,
                                                         "SELECT id FROM organisation "
                                                         "WHERE legal_id = ?1", error);

      if (stmt == NULL)
        return FALSE;
      _acr_bind_text (stmt, 1, legal_id);
      rc = _acr_store_step (imp->store, stmt, error);
      if (rc < 0)
        return FALSE;
      if (rc == SQLITE_ROW)
        {
          *id = sqlite3_column_int64 (stmt, 0);
          return TRUE;
        }
    }

  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    /* By name, unless the organisation of that name has another legal identifier. */
    stmt = _acr_store_prepare (imp->store,
                               "SELECT id FROM organisation WHERE name = ?1 AND "
                               "(legal_id IS NULL OR ?2 IS NULL OR legal_id = ?2) "
                               "ORDER BY id LIMIT 1", error);
    if (stmt == NULL)
      return FALSE;
    _acr_bind_text (stmt, 1, acr_organisation_get_name (imp->provider));
    _acr_bind_text (stmt, 2, is_unset (legal_id) ? NULL : legal_id);
    rc = _acr_store_step (imp->store, stmt, error);
    if (rc < 0)
      return FALSE;
    if (rc == SQLITE_ROW)
      {
        *id = sqlite3_column_int64 (stmt, 0);
        return TRUE;
      }
  }

  if (!acr_organisation_save (imp->provider, imp->store, error))
    {
      locate_error (error, imp, imp->provider_line, "provider");
      return FALSE;
    }

  *id = acr_organisation_get_id (imp->provider);
  return TRUE;
}

/* Gives the saved @module the document's @status through acr_module_save(), so that the
 * approval or retirement is checked and recorded like any other. */
static gboolean
save_status (Import      *imp,
             ModuleData  *md,
             AcrModule   *module,
             AcrStatus    status,
             GError     **error)
{
  if (acr_module_get_status (module) == status)
    return TRUE;

  acr_module_set_status (module, status);
  if (!acr_module_save (module, imp->store, error))
    {
      locate_error (error, imp, md->line, "module");
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_rubric_rows (Import      *imp,
                   ModuleData  *md,
                   gint64       module_id,
                   GArray      *outcome_ids,
                   GError     **error)
{
  AcrRubric *rubric = md->rubric;
  GListModel *levels = acr_rubric_get_levels (rubric);
  GListModel *criteria = acr_rubric_get_criteria (rubric);
  guint n_levels = g_list_model_get_n_items (levels);
  guint n_criteria = g_list_model_get_n_items (criteria);
  g_autofree gint64 *level_ids = g_new0 (gint64, n_levels);
  sqlite3_stmt *stmt;
  gint64 rubric_id;

  acr_rubric_set_module_id (rubric, module_id);
  if (!acr_rubric_validate (rubric, error))
    {
      locate_error (error, imp, md->rubric_line, "rubric");
      return FALSE;
    }

  stmt = prepare_cached (imp, &imp->insert_rubric,
                         "INSERT INTO rubric (module_id, title, pass_min_total, pass_min_points) "
                         "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, module_id);
  _acr_bind_text (stmt, 2, acr_rubric_get_title (rubric) ? acr_rubric_get_title (rubric) : "");
  _acr_bind_double (stmt, 3, acr_rubric_get_pass_min_total (rubric) > 0
                             ? acr_rubric_get_pass_min_total (rubric) : NAN);
  _acr_bind_double (stmt, 4, acr_rubric_get_pass_min_points (rubric) > 0
                             ? acr_rubric_get_pass_min_points (rubric) : NAN);
  if (!_acr_store_run (imp->store, stmt, error))
    return FALSE;
  rubric_id = _acr_store_last_insert_id (imp->store);

  for (guint l = 0; l < n_levels; l++)
    {
      g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, l);
      g_autofree char *name = g_strstrip (g_strdup (acr_rubric_level_get_name (level)));

      stmt = prepare_cached (imp, &imp->insert_rubric_level,
                             "INSERT INTO rubric_level (rubric_id, position, name, points) "
                             "VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rubric_id);
      sqlite3_bind_int (stmt, 2, (int) l + 1);
      _acr_bind_text (stmt, 3, name);
      sqlite3_bind_double (stmt, 4, acr_rubric_level_get_points (level));
      if (!_acr_store_run (imp->store, stmt, error))
        return FALSE;
      level_ids[l] = _acr_store_last_insert_id (imp->store);
    }

  for (guint c = 0; c < n_criteria; c++)
    {
      g_autoptr(AcrRubricCriterion) criterion = g_list_model_get_item (criteria, c);
      g_autofree char *description =
        g_strstrip (g_strdup (acr_rubric_criterion_get_description (criterion)));
      GArray *positions = acr_rubric_criterion_get_outcome_ids (criterion);
      gint64 criterion_id;

      stmt = prepare_cached (imp, &imp->insert_criterion,
                             "INSERT INTO rubric_criterion (rubric_id, position, description, "
                             "weight) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rubric_id);
      sqlite3_bind_int (stmt, 2, (int) c + 1);
      _acr_bind_text (stmt, 3, description);
      sqlite3_bind_double (stmt, 4, acr_rubric_criterion_get_weight (criterion));
      if (!_acr_store_run (imp->store, stmt, error))
        return FALSE;
      criterion_id = _acr_store_last_insert_id (imp->store);

      for (guint l = 0; l < n_levels; l++)
        {
          g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, l);
          const char *descriptor = acr_rubric_get_cell (rubric, criterion, level);

          if (is_unset (descriptor))
            continue;

          stmt = prepare_cached (imp, &imp->insert_cell,
                                 "INSERT INTO rubric_cell (criterion_id, level_id, descriptor) "
                                 "VALUES (?1, ?2, ?3)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, criterion_id);
          sqlite3_bind_int64 (stmt, 2, level_ids[l]);
          _acr_bind_text (stmt, 3, descriptor);
          if (!_acr_store_run (imp->store, stmt, error))
            return FALSE;
        }

      for (guint o = 0; o < positions->len; o++)
        {
          gint64 position = g_array_index (positions, gint64, o);

          g_assert (position >= 1 && position <= (gint64) outcome_ids->len);
          stmt = prepare_cached (imp, &imp->insert_link,
                                 "INSERT INTO rubric_criterion_outcome (criterion_id, "
                                 "outcome_id) VALUES (?1, ?2)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, criterion_id);
          sqlite3_bind_int64 (stmt, 2, g_array_index (outcome_ids, gint64, position - 1));
          if (!_acr_store_run (imp->store, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Writes the outcomes, level assignments and rubric of a module that has none. */
static gboolean
write_children (Import      *imp,
                ModuleData  *md,
                gint64       module_id,
                GError     **error)
{
  g_autoptr(GArray) outcome_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                     md->outcomes->len);
  sqlite3_stmt *stmt;

  for (guint o = 0; o < md->outcomes->len; o++)
    {
      AcrLearningOutcome *outcome = g_ptr_array_index (md->outcomes, o);
      const char *statement_en = acr_learning_outcome_get_statement_en (outcome);
      const char *esco = acr_learning_outcome_get_esco_uri (outcome);
      gint64 id;

      acr_learning_outcome_set_module_id (outcome, module_id);
      if (!acr_learning_outcome_validate (outcome, error))
        {
          locate_error (error, imp, g_array_index (md->outcome_lines, guint, o), "outcome");
          return FALSE;
        }

      stmt = prepare_cached (imp, &imp->insert_outcome,
                             "INSERT INTO learning_outcome (module_id, position, statement, "
                             "statement_en, kind, esco_uri) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, module_id);
      sqlite3_bind_int (stmt, 2, (int) o + 1);
      _acr_bind_text (stmt, 3, acr_learning_outcome_get_statement (outcome));
      _acr_bind_text (stmt, 4, is_unset (statement_en) ? NULL : statement_en);
      _acr_bind_enum (stmt, 5, ACR_TYPE_OUTCOME_KIND, acr_learning_outcome_get_kind (outcome));
      _acr_bind_text (stmt, 6, is_unset (esco) ? NULL : esco);
      if (!_acr_store_run (imp->store, stmt, error))
        return FALSE;

      id = _acr_store_last_insert_id (imp->store);
      g_array_append_val (outcome_ids, id);
    }

  for (guint l = 0; l < md->levels->len; l++)
    {
      LevelData *level = g_ptr_array_index (md->levels, l);

      stmt = prepare_cached (imp, &imp->insert_level,
                             "INSERT INTO module_level (module_id, framework_id, level, "
                             "rationale) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, module_id);
      sqlite3_bind_int64 (stmt, 2, level->framework_id);
      sqlite3_bind_int (stmt, 3, level->level);
      _acr_bind_text (stmt, 4, is_unset (level->rationale) ? NULL : level->rationale);
      if (!_acr_store_run (imp->store, stmt, error))
        return FALSE;
    }

  if (md->rubric != NULL && !write_rubric_rows (imp, md, module_id, outcome_ids, error))
    return FALSE;

  return TRUE;
}

static gboolean
count_assessments (Import  *imp,
                   gint64   module_id,
                   int     *count,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (imp->store,
                                                     "SELECT count(*) FROM assessment "
                                                     "WHERE module_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, module_id);
  if (_acr_store_step (imp->store, stmt, error) != SQLITE_ROW)
    return FALSE;

  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
delete_children (Import  *imp,
                 gint64   module_id,
                 GError **error)
{
  static const char * const statements[] = {
    "DELETE FROM rubric WHERE module_id = ?1",
    "DELETE FROM learning_outcome WHERE module_id = ?1",
    "DELETE FROM module_level WHERE module_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (imp->store, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, module_id);
      if (!_acr_store_run (imp->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* A stored approved or retired version: the document must describe it as it is. */
static gboolean
apply_frozen_module (Import      *imp,
                     ModuleData  *md,
                     ModuleData  *stored,
                     gboolean     same,
                     GError     **error)
{
  AcrModule *m = md->module;
  AcrStatus stored_status = acr_module_get_status (stored->module);
  AcrStatus status = acr_module_get_status (m);

  if (!same)
    {
      if (stored_status == ACR_STATUS_APPROVED)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                     _("Module “%s” version %d is approved and differs from the document. Give "
                       "the changed module a new version number."),
                     acr_module_get_code (m), acr_module_get_version (m));
      else
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                     _("Module “%s” version %d is retired and differs from the document. Give "
                       "the changed module a new version number."),
                     acr_module_get_code (m), acr_module_get_version (m));
      locate_error (error, imp, md->line, "module");
      return FALSE;
    }

  if (status == stored_status)
    return TRUE;

  if (stored_status == ACR_STATUS_APPROVED && status == ACR_STATUS_RETIRED)
    return save_status (imp, md, stored->module, status, error);

  if (stored_status == ACR_STATUS_RETIRED)
    g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                 _("Module “%s” version %d is retired in this database, and an import cannot "
                   "bring it back. Give the module a new version number to use it again."),
                 acr_module_get_code (m), acr_module_get_version (m));
  else
    g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                 _("Module “%s” version %d is approved in this database, and an import cannot "
                   "make it a draft again. Give the changed module a new version number."),
                 acr_module_get_code (m), acr_module_get_version (m));
  locate_error (error, imp, md->line, "module");
  return FALSE;
}

static gboolean
apply_module (Import      *imp,
              ModuleData  *md,
              guint        index,
              gint64       organisation_id,
              gint64      *module_id,
              GError     **error)
{
  AcrModule *m = md->module;
  AcrStatus status = acr_module_get_status (m);
  g_autoptr(ModuleData) stored = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  sqlite3_stmt *find;
  gboolean same;
  int rc;

  find = prepare_cached (imp, &imp->find_module,
                         "SELECT id FROM module WHERE code = ?1 AND version = ?2", error);
  if (find == NULL)
    return FALSE;
  _acr_bind_text (find, 1, acr_module_get_code (m));
  sqlite3_bind_int (find, 2, acr_module_get_version (m));
  rc = _acr_store_step (imp->store, find, error);
  if (rc < 0)
    return FALSE;

  acr_module_set_organisation_id (m, organisation_id);

  if (rc != SQLITE_ROW)
    {
      /* New: a draft with its children, then the document's status (like the seed). */
      acr_module_set_status (m, ACR_STATUS_DRAFT);
      if (!acr_module_save (m, imp->store, error))
        {
          locate_error (error, imp, md->line, "module");
          return FALSE;
        }
      *module_id = acr_module_get_id (m);
      return write_children (imp, md, *module_id, error) &&
             save_status (imp, md, m, status, error);
    }

  *module_id = sqlite3_column_int64 (find, 0);
  sqlite3_reset (find);

  stored = load_module_data (imp->store, *module_id, error);
  if (stored == NULL)
    return FALSE;

  /* Compared as written: a stored version the format cannot carry counts as different. */
  ours = module_to_string (md, index, NULL);
  theirs = module_to_string (stored, index, NULL);
  same = ours != NULL && theirs != NULL && strcmp (ours, theirs) == 0;

  if (status_is_frozen (acr_module_get_status (stored->module)))
    return apply_frozen_module (imp, md, stored, same, error);

  if (same && acr_module_get_organisation_id (stored->module) == organisation_id &&
      acr_module_get_status (stored->module) == status)
    return TRUE;

  if (!same)
    {
      int n_assessments = 0;

      if (!count_assessments (imp, *module_id, &n_assessments, error))
        return FALSE;

      if (n_assessments > 0)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Module “%s” version %d differs from the document, but %d "
                                    "assessment uses its rubric, so its outcomes and rubric "
                                    "cannot be replaced. Give the changed module a new version "
                                    "number.",
                                    "Module “%s” version %d differs from the document, but %d "
                                    "assessments use its rubric, so its outcomes and rubric "
                                    "cannot be replaced. Give the changed module a new version "
                                    "number.",
                                    n_assessments),
                       acr_module_get_code (m), acr_module_get_version (m), n_assessments);
          locate_error (error, imp, md->line, "module");
          return FALSE;
        }
    }

  /* A stored draft (or version in review): the document replaces it. The row is updated
   * through the object loaded from it, so it keeps its id and creation time. */
  {
    AcrModule *t = stored->module;

    acr_module_set_title (t, acr_module_get_title (m));
    acr_module_set_title_en (t, acr_module_get_title_en (m));
    acr_module_set_description (t, acr_module_get_description (m));
    acr_module_set_description_en (t, acr_module_get_description_en (m));
    acr_module_set_language (t, acr_module_get_language (m));
    acr_module_set_languages (t, acr_module_get_languages (m));
    acr_module_set_workload_hours (t, acr_module_get_workload_hours (m));
    acr_module_set_ects (t, acr_module_get_ects (m));
    acr_module_set_assessment_type (t, acr_module_get_assessment_type (m));
    acr_module_set_assessment_mode (t, acr_module_get_assessment_mode (m));
    acr_module_set_participation (t, acr_module_get_participation (m));
    acr_module_set_supervision (t, acr_module_get_supervision (m));
    acr_module_set_qa_type (t, acr_module_get_qa_type (m));
    acr_module_set_qa_body (t, acr_module_get_qa_body (m));
    acr_module_set_prerequisites (t, acr_module_get_prerequisites (m));
    acr_module_set_validity_months (t, acr_module_get_validity_months (m));
    acr_module_set_isced_f (t, acr_module_get_isced_f (m));
    acr_module_set_stackability (t, acr_module_get_stackability (m));
    acr_module_set_stackable_towards (t, acr_module_get_stackable_towards (m));
    acr_module_set_further_info (t, acr_module_get_further_info (m));
    acr_module_set_organisation_id (t, organisation_id);
    acr_module_set_status (t, same ? status : ACR_STATUS_DRAFT);
  }
  if (!acr_module_save (stored->module, imp->store, error))
    {
      locate_error (error, imp, md->line, "module");
      return FALSE;
    }

  if (same)
    return TRUE;

  return delete_children (imp, *module_id, error) &&
         write_children (imp, md, *module_id, error) &&
         save_status (imp, md, stored->module, status, error);
}

/* TRUE when @stored says what @wanted says, status aside. */
static gboolean
curriculum_same (AcrCurriculum *stored,
                 AcrCurriculum *wanted)
{
  GListModel *a = acr_curriculum_get_entries (stored);
  GListModel *b = acr_curriculum_get_entries (wanted);
  guint n = g_list_model_get_n_items (a);

  if (acr_curriculum_get_organisation_id (stored) != acr_curriculum_get_organisation_id (wanted) ||
      g_strcmp0 (acr_curriculum_get_title (stored), acr_curriculum_get_title (wanted)) != 0 ||
      g_strcmp0 (acr_curriculum_get_title_en (stored), acr_curriculum_get_title_en (wanted)) != 0 ||
      g_strcmp0 (acr_curriculum_get_description (stored),
                 acr_curriculum_get_description (wanted)) != 0 ||
      g_strcmp0 (acr_curriculum_get_description_en (stored),
                 acr_curriculum_get_description_en (wanted)) != 0 ||
      g_strcmp0 (acr_curriculum_get_language (stored), acr_curriculum_get_language (wanted)) != 0 ||
      acr_curriculum_get_stacking_rule (stored) != acr_curriculum_get_stacking_rule (wanted) ||
      acr_curriculum_get_stacking_min (stored) != acr_curriculum_get_stacking_min (wanted) ||
      n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrCurriculumEntry) ea = g_list_model_get_item (a, i);
      g_autoptr(AcrCurriculumEntry) eb = g_list_model_get_item (b, i);

      if (acr_curriculum_entry_get_module_id (ea) != acr_curriculum_entry_get_module_id (eb) ||
          !acr_curriculum_entry_get_required (ea) != !acr_curriculum_entry_get_required (eb))
        return FALSE;
    }

  return TRUE;
}

static gboolean
apply_curriculum (Import   *imp,
                  gint64   *curriculum_id,
                  GError  **error)
{
  gint64 organisation_id = imp->organisation_id;
  const gint64 *module_ids = (const gint64 *) (gpointer) imp->module_ids->data;
  const gboolean *required = (const gboolean *) (gpointer) imp->required->data;
  AcrCurriculum *wanted = imp->curriculum;
  g_autoptr(AcrCurriculum) stored = NULL;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(GArray) old_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AcrStatus status = acr_curriculum_get_status (wanted);
  AcrStatus stored_status;
  GListModel *entries;
  AcrCurriculum *target;
  int rc;

  acr_curriculum_set_organisation_id (wanted, organisation_id);
  for (guint i = 0; i < imp->module_ids->len; i++)
    acr_curriculum_add_module (wanted, module_ids[i], required[i]);

  find = _acr_store_prepare (imp->store,
                             "SELECT id FROM curriculum WHERE code = ?1 AND version = ?2", error);
  if (find == NULL)
    return FALSE;
  _acr_bind_text (find, 1, acr_curriculum_get_code (wanted));
  sqlite3_bind_int64 (find, 2, acr_curriculum_get_version (wanted));
  rc = _acr_store_step (imp->store, find, error);
  if (rc < 0)
    return FALSE;

  if (rc != SQLITE_ROW)
    target = wanted;
  else
    {
      stored = acr_curriculum_load (imp->store, sqlite3_column_int64 (find, 0), error);
      if (stored == NULL)
        return FALSE;

      stored_status = acr_curriculum_get_status (stored);
      if (curriculum_same (stored, wanted))
        {
          if (stored_status == status)
            {
              *curriculum_id = acr_curriculum_get_id (stored);
              return TRUE;
            }
        }
      else if (status_is_frozen (stored_status))
        {
          if (stored_status == ACR_STATUS_APPROVED)
            g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                         _("The curriculum “%s” version %u is approved and differs from the "
                           "document. Give the changed curriculum a new version number."),
                         acr_curriculum_get_code (wanted), acr_curriculum_get_version (wanted));
          else
            g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                         _("The curriculum “%s” version %u is retired and differs from the "
                           "document. Give the changed curriculum a new version number."),
                         acr_curriculum_get_code (wanted), acr_curriculum_get_version (wanted));
          locate_error (error, imp, imp->curriculum_line, "curriculum");
          return FALSE;
        }

      /* Updated in place: the stored curriculum takes the document's content. */
      acr_curriculum_set_status (stored, status);
      acr_curriculum_set_organisation_id (stored, organisation_id);
      acr_curriculum_set_title (stored, acr_curriculum_get_title (wanted));
      acr_curriculum_set_title_en (stored, acr_curriculum_get_title_en (wanted));
      acr_curriculum_set_description (stored, acr_curriculum_get_description (wanted));
      acr_curriculum_set_description_en (stored, acr_curriculum_get_description_en (wanted));
      acr_curriculum_set_language (stored, acr_curriculum_get_language (wanted));
      acr_curriculum_set_stacking_rule (stored, acr_curriculum_get_stacking_rule (wanted));
      acr_curriculum_set_stacking_min (stored, acr_curriculum_get_stacking_min (wanted));

      entries = acr_curriculum_get_entries (stored);
      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (entries, i);
          gint64 id = acr_curriculum_entry_get_module_id (entry);

          g_array_append_val (old_ids, id);
        }
      for (guint i = 0; i < old_ids->len; i++)
        acr_curriculum_remove_module (stored, g_array_index (old_ids, gint64, i));
      for (guint i = 0; i < imp->module_ids->len; i++)
        acr_curriculum_add_module (stored, module_ids[i], required[i]);
      target = stored;
    }

  if (!acr_curriculum_save (target, imp->store, error))
    {
      locate_error (error, imp, imp->curriculum_line, "curriculum");
      return FALSE;
    }

  *curriculum_id = acr_curriculum_get_id (target);
  return TRUE;
}

/* Reads the curriculum's own elements, then each module in turn — read, checked, written and
 * let go, so that the document's size and not a second copy of it bounds the memory — and
 * finally the curriculum with its entries. Everything runs in the caller's transaction. */
static gboolean
import_document (Import   *imp,
                 xmlNode  *root,
                 gint64   *curriculum_id,
                 GError  **error)
{
  g_autofree char *code = get_attr (root, "code");
  g_autofree char *language = get_attr (root, "language");
  g_autofree char *title = NULL;
  g_autofree char *title_en = NULL;
  g_autofree char *description = NULL;
  g_autofree char *description_en = NULL;
  xmlNode *modules = NULL;
  AcrCurriculum *c;
  gint64 version = 0;
  guint index = 0;
  int status = 0;

  imp->curriculum = c = acr_curriculum_new ();
  imp->curriculum_line = line_of (root);

  if (!get_count_attr (imp, root, "version", G_MAXINT, &version, error) ||
      !get_enum (imp, root, "status", ACR_TYPE_STATUS, &status, error))
    return FALSE;

  acr_curriculum_set_code (c, code);
  acr_curriculum_set_version (c, (guint) version);
  acr_curriculum_set_status (c, status);
  acr_curriculum_set_language (c, language);

  FOR_EACH_CHILD (child, root)
    {
      if (is_element (child, "title"))
        {
          if (!read_localized (imp, child, language, &title, &title_en, error))
            return FALSE;
        }
      else if (is_element (child, "description"))
        {
          if (!read_localized (imp, child, language, &description, &description_en, error))
            return FALSE;
        }
      else if (is_element (child, "provider"))
        {
          if (!read_provider (imp, child, error))
            return FALSE;
        }
      else if (is_element (child, "stacking"))
        {
          double minimum = 0;
          int rule = 0;

          if (!get_enum (imp, child, "rule", ACR_TYPE_STACKING_RULE, &rule, error) ||
              !get_decimal_attr (imp, child, "minimum", &minimum, error))
            return FALSE;
          acr_curriculum_set_stacking_rule (c, rule);
          acr_curriculum_set_stacking_min (c, minimum);
        }
      else if (is_element (child, "modules"))
        modules = child;
    }

  if (title == NULL)
    {
      set_node_error (error, imp, root, ACR_XML_ERROR_INVALID,
                      _("The curriculum needs a title in its language “%s”."), language);
      return FALSE;
    }

  acr_curriculum_set_title (c, title);
  acr_curriculum_set_title_en (c, title_en);
  acr_curriculum_set_description (c, description);
  acr_curriculum_set_description_en (c, description_en);

  if (imp->provider == NULL || modules == NULL)
    {
      set_node_error (error, imp, root, ACR_XML_ERROR_INVALID,
                      _("The curriculum needs a provider and at least one module."));
      return FALSE;
    }

  if (!acr_curriculum_validate (c, error))
    {
      locate_error (error, imp, imp->curriculum_line, "curriculum");
      return FALSE;
    }

  if (!declare_modules (imp, modules, error) ||
      !find_provider (imp, &imp->organisation_id, error))
    return FALSE;

  FOR_EACH_CHILD (item, modules)
    {
      g_autoptr(ModuleData) md = NULL;
      gint64 module_id = 0;

      if (!is_element (item, "module"))
        continue;

      md = read_module (imp, item, ++index, error);
      if (md == NULL ||
          !apply_module (imp, md, index, imp->organisation_id, &module_id, error))
        return FALSE;

      g_array_append_val (imp->module_ids, module_id);
      g_array_append_val (imp->required, md->required);
    }

  return apply_curriculum (imp, curriculum_id, error) &&
         _acr_audit_appendf (imp->store, "import", "curriculum", *curriculum_id, error,
                             _("Imported the curriculum “%s” version %u from “%s”."),
                             code, (guint) version, imp->display_name);
}

/* Imports the parsed, still unchecked @doc. */
static gint64
import_doc (AcrStore    *store,
            xmlDoc      *doc,
            const char  *display_name,
            GError     **error)
{
  g_auto(Import) imp = { 0, };
  gint64 curriculum_id = 0;

  if (!acr_xml_check_root (doc, ACR_CURRICULUM_XML_NS, "curriculum", display_name, error) ||
      !acr_xml_validate (doc, "curriculum", display_name, error))
    return 0;

  imp.store = store;
  imp.display_name = display_name;
  imp.frameworks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, framework_info_free);
  imp.id_owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.codes = g_ptr_array_new_with_free_func (g_free);
  imp.module_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  imp.required = g_array_new (FALSE, FALSE, sizeof (gboolean));

  /* The checks read the frameworks and the stored modules: they belong to the transaction
   * that writes. */
  if (!acr_store_begin (store, error))
    return 0;

  if (!load_frameworks (&imp, error) ||
      !import_document (&imp, xmlDocGetRootElement (doc), &curriculum_id, error))
    {
      import_clear (&imp);
      acr_store_rollback (store);
      return 0;
    }

  /* Statements must be finished before COMMIT. */
  import_clear (&imp);
  if (!acr_store_commit (store, error))
    return 0;

  return curriculum_id;
}

gint64
acr_curriculum_import_xml (AcrStore    *store,
                           const char  *data,
                           gsize        len,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), 0);
  g_return_val_if_fail (data != NULL || len == 0, 0);
  g_return_val_if_fail (display_name != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  doc = acr_xml_parse_untrusted (data, len, display_name, error);
  if (doc == NULL)
    return 0;

  return import_doc (store, doc, display_name, error);
}

gint64
acr_curriculum_import_file (AcrStore    *store,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), 0);
  g_return_val_if_fail (path != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* Refuses an over-large file before reading it, and drops the file's text once parsed. */
  doc = acr_xml_parse_file_untrusted (path, error);
  if (doc == NULL)
    return 0;

  display_name = g_filename_display_basename (path);
  return import_doc (store, doc, display_name, error);
}
