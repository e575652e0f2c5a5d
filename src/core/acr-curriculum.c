/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrCurriculum: a programme or larger qualification built from modules, the tables
 * curriculum and curriculum_module.
 *
 * A curriculum keeps its modules as an ordered list of AcrCurriculumEntry (required or
 * optional) and a stacking rule that says when earned micro-credentials add up to it: all
 * required modules, or at least a minimum of ECTS credits or workload hours.
 *
 * Rules kept here:
 * - Saving writes the row and replaces all its entry rows in one transaction, or nothing.
 *   Entries are checked in C first: a module may appear once, and every module id must
 *   exist (CONSTRAINT naming the id); the database's constraints are the last line only.
 * - The minimum belongs to the rule: min-credits and min-hours need one greater than zero,
 *   all-required takes none (INVALID otherwise); 0 means unset and is stored NULL.
 * - A curriculum stored as approved or retired is frozen: saving it again fails with
 *   READ_ONLY, except the single step approved → retired with nothing else changed. An
 *   approved curriculum cannot be deleted (retire it first). A new draft version is a new
 *   curriculum with the same code and a higher version.
 * - id, created-at, updated-at and last-editor change only after a successful commit. */

#define G_LOG_DOMAIN "acr-curriculum"

#include "config.h"

#include <math.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "acr-audit-private.h"
#include "acr-curriculum.h"
#include "acr-curriculum-private.h"
#include "acr-paged-list-private.h"
#include "acr-store-private.h"

struct _AcrCurriculum
{
  GObject          parent_instance;

  gint64           id;
  char            *code;
  guint            version;
  AcrStatus        status;
  gint64           organisation_id;
  char            *title;
  char            *title_en;
  char            *description;
  char            *description_en;
  char            *language;
  AcrStackingRule  stacking_rule;
  double           stacking_min;
  char            *last_editor;
  char            *created_at;
  char            *updated_at;
  GListStore      *entries;   /* of AcrCurriculumEntry, in position order */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_VERSION,
  PROP_STATUS,
  PROP_ORGANISATION_ID,
  PROP_TITLE,
  PROP_TITLE_EN,
  PROP_DESCRIPTION,
  PROP_DESCRIPTION_EN,
  PROP_LANGUAGE,
  PROP_STACKING_RULE,
  PROP_STACKING_MIN,
  PROP_LAST_EDITOR,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrCurriculum, acr_curriculum, G_TYPE_OBJECT)

#define SELECT_COLUMNS \
  "SELECT id, code, version, status, organisation_id, title, title_en, description, " \
  "description_en, language, stacking_rule, stacking_min, last_editor, created_at, " \
  "updated_at FROM curriculum "

/* The module's code for messages: "“CODE”" when known, else its number. Free with g_free(). */
static char *
describe_module (AcrCurriculumEntry *entry)
{
  const char *code = acr_curriculum_entry_get_module_code (entry);

  if (code != NULL)
    return g_strdup_printf (_("“%s” (number %" PRId64 ")"), code,
                            acr_curriculum_entry_get_module_id (entry));

  return g_strdup_printf (_("number %" PRId64),
                          acr_curriculum_entry_get_module_id (entry));
}

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;

  for (; *value != '\0'; value++)
    if (!g_ascii_isspace (*value))
      return FALSE;

  return TRUE;
}

/* "%text%" with '%', '_' and '\' escaped for LIKE … ESCAPE '\'. */
static char *
make_like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }

  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static void
set_string_property (AcrCurriculum  *self,
                     char          **field,
                     const char     *value,
                     guint           prop_id)
{
  /* An empty optional text is unset. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (_acr_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static guint
find_position (AcrCurriculum *self,
               gint64         module_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (acr_curriculum_entry_get_module_id (entry) == module_id)
        return i;
    }

  return G_MAXUINT;
}

static void
renumber_entries (AcrCurriculum *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      _acr_curriculum_entry_set_position (entry, i + 1);
    }
}

/* A curriculum from the current row of a SELECT_COLUMNS statement, without its entries. */
static AcrCurriculum *
curriculum_from_row (sqlite3_stmt *stmt)
{
  AcrCurriculum *self = acr_curriculum_new ();
  double stacking_min;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->code = _acr_column_dup (stmt, 1);
  self->version = (guint) sqlite3_column_int64 (stmt, 2);
  self->status = _acr_column_enum (stmt, 3, ACR_TYPE_STATUS);
  self->organisation_id = sqlite3_column_int64 (stmt, 4);
  self->title = _acr_column_dup (stmt, 5);
  self->title_en = _acr_column_dup (stmt, 6);
  self->description = _acr_column_dup (stmt, 7);
  self->description_en = _acr_column_dup (stmt, 8);
  g_free (self->language);
  self->language = _acr_column_dup (stmt, 9);
  self->stacking_rule = _acr_column_enum (stmt, 10, ACR_TYPE_STACKING_RULE);
  stacking_min = _acr_column_double (stmt, 11);
  self->stacking_min = isnan (stacking_min) ? 0 : stacking_min;
  self->last_editor = _acr_column_dup (stmt, 12);
  self->created_at = _acr_column_dup (stmt, 13);
  self->updated_at = _acr_column_dup (stmt, 14);

  return self;
}

static gboolean
load_entries (AcrCurriculum  *self,
              AcrStore       *store,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = _acr_store_prepare (store,
                             "SELECT cm.module_id, cm.required, m.code, m.title, m.version "
                             "FROM curriculum_module cm LEFT JOIN module m ON m.id = cm.module_id "
                             "WHERE cm.curriculum_id = ?1 ORDER BY cm.position",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->id);

  while ((rc = _acr_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      AcrCurriculumEntry *entry = _acr_curriculum_entry_new (sqlite3_column_int64 (stmt, 0),
                                                             entries->len + 1,
                                                             sqlite3_column_int (stmt, 1) != 0);

      _acr_curriculum_entry_set_module (entry,
                                        (const char *) sqlite3_column_text (stmt, 2),
                                        (const char *) sqlite3_column_text (stmt, 3),
                                        (guint) sqlite3_column_int64 (stmt, 4));
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    return FALSE;

  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
  return TRUE;
}

static gpointer
curriculum_row_func (AcrStore     *store,
                     sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;
  AcrCurriculum *self = curriculum_from_row (stmt);

  if (!load_entries (self, store, &error))
    g_warning ("Could not read the modules of curriculum %" PRId64 ": %s",
               self->id, error->message);

  return self;
}

/* TRUE when everything but the status, the timestamps and the last editor is equal. */
static gboolean
same_content (AcrCurriculum *a,
              AcrCurriculum *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a->entries));

  if (g_strcmp0 (a->code, b->code) != 0 ||
      a->version != b->version ||
      a->organisation_id != b->organisation_id ||
      g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->title_en, b->title_en) != 0 ||
      g_strcmp0 (a->description, b->description) != 0 ||
      g_strcmp0 (a->description_en, b->description_en) != 0 ||
      g_strcmp0 (a->language, b->language) != 0 ||
      a->stacking_rule != b->stacking_rule ||
      a->stacking_min != b->stacking_min ||
      n != g_list_model_get_n_items (G_LIST_MODEL (b->entries)))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrCurriculumEntry) ea = g_list_model_get_item (G_LIST_MODEL (a->entries), i);
      g_autoptr(AcrCurriculumEntry) eb = g_list_model_get_item (G_LIST_MODEL (b->entries), i);

      if (acr_curriculum_entry_get_module_id (ea) != acr_curriculum_entry_get_module_id (eb) ||
          acr_curriculum_entry_get_required (ea) != acr_curriculum_entry_get_required (eb))
        return FALSE;
    }

  return TRUE;
}

/* Refuses to overwrite a stored approved or retired curriculum, except approved → retired. */
static gboolean
check_not_frozen (AcrCurriculum  *self,
                  AcrStore       *store,
                  GError        **error)
{
  g_autoptr(AcrCurriculum) stored = acr_curriculum_load (store, self->id, error);

  if (stored == NULL)
    return FALSE;

  if (stored->status != ACR_STATUS_APPROVED && stored->status != ACR_STATUS_RETIRED)
    return TRUE;

  if (stored->status == ACR_STATUS_APPROVED && self->status == ACR_STATUS_RETIRED &&
      same_content (self, stored))
    return TRUE;

  if (stored->status == ACR_STATUS_APPROVED)
    g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                 _("The curriculum “%s” version %u is approved and can no longer be changed; "
                   "only retiring it is possible. Make a new version to change it."),
                 stored->code, stored->version);
  else
    g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                 _("The curriculum “%s” version %u is retired and can no longer be changed. "
                   "Make a new version to change it."),
                 stored->code, stored->version);
  return FALSE;
}

/* Checks that every module exists, collecting code, title and version per entry. */
static gboolean
check_modules (AcrCurriculum  *self,
               AcrStore       *store,
               GPtrArray      *texts,
               GArray         *versions,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  stmt = _acr_store_prepare (store, "SELECT code, title, version FROM module WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      gint64 module_id = acr_curriculum_entry_get_module_id (entry);
      guint version;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, module_id);
      rc = _acr_store_step (store, stmt, error);
      if (rc < 0)
        return FALSE;

      if (rc != SQLITE_ROW)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                       _("There is no module with the number %" PRId64 ". Remove it "
                         "from the curriculum “%s” before saving."),
                       module_id, self->code);
          return FALSE;
        }

      version = (guint) sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (texts, _acr_column_dup (stmt, 0));
      g_ptr_array_add (texts, _acr_column_dup (stmt, 1));
      g_array_append_val (versions, version);
    }

  return TRUE;
}

static gboolean
check_organisation (AcrCurriculum  *self,
                    AcrStore       *store,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (self->organisation_id == 0)
    return TRUE;

  stmt = _acr_store_prepare (store, "SELECT 1 FROM organisation WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->organisation_id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   _("There is no organisation with the number %" PRId64 ". Choose "
                     "an existing provider for the curriculum “%s”."),
                   self->organisation_id, self->code);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_row (AcrCurriculum  *self,
           AcrStore       *store,
           const char     *now,
           gint64         *out_id,
           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  if (self->id == 0)
    stmt = _acr_store_prepare (store,
                               "INSERT INTO curriculum (code, version, status, organisation_id, "
                               "title, title_en, description, description_en, language, "
                               "stacking_rule, stacking_min, last_editor, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                               error);
  else
    stmt = _acr_store_prepare (store,
                               "UPDATE curriculum SET code = ?1, version = ?2, status = ?3, "
                               "organisation_id = ?4, title = ?5, title_en = ?6, description = ?7, "
                               "description_en = ?8, language = ?9, stacking_rule = ?10, "
                               "stacking_min = ?11, last_editor = ?12, updated_at = ?13 "
                               "WHERE id = ?14",
                               error);
  if (stmt == NULL)
    return FALSE;

  _acr_bind_text (stmt, 1, self->code);
  sqlite3_bind_int64 (stmt, 2, self->version);
  _acr_bind_enum (stmt, 3, ACR_TYPE_STATUS, self->status);
  _acr_bind_id (stmt, 4, self->organisation_id);
  _acr_bind_text (stmt, 5, self->title);
  _acr_bind_text (stmt, 6, self->title_en);
  _acr_bind_text (stmt, 7, self->description);
  _acr_bind_text (stmt, 8, self->description_en);
  _acr_bind_text (stmt, 9, self->language);
  _acr_bind_enum (stmt, 10, ACR_TYPE_STACKING_RULE, self->stacking_rule);
  _acr_bind_double (stmt, 11, self->stacking_min > 0 ? self->stacking_min : NAN);
  _acr_bind_text (stmt, 12, acr_store_get_actor (store));
  _acr_bind_text (stmt, 13, now);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, 14, self->id);

  if (!_acr_store_run (store, stmt, &local_error))
    {
      if (g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE))
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                     _("A curriculum with the code “%s” in version %u already exists. Choose "
                       "another code or version."),
                     self->code, self->version);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *out_id = self->id != 0 ? self->id : _acr_store_last_insert_id (store);
  return TRUE;
}

static gboolean
write_entries (AcrCurriculum  *self,
               AcrStore       *store,
               gint64          id,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  del = _acr_store_prepare (store, "DELETE FROM curriculum_module WHERE curriculum_id = ?1",
                            error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (!_acr_store_run (store, del, error))
    return FALSE;

  ins = _acr_store_prepare (store,
                            "INSERT INTO curriculum_module (curriculum_id, module_id, position, "
                            "required) VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (ins == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, id);
      sqlite3_bind_int64 (ins, 2, acr_curriculum_entry_get_module_id (entry));
      sqlite3_bind_int64 (ins, 3, i + 1);
      sqlite3_bind_int (ins, 4, acr_curriculum_entry_get_required (entry) ? 1 : 0);
      if (!_acr_store_run (store, ins, error))
        return FALSE;
    }

  return TRUE;
}

static void
acr_curriculum_finalize (GObject *object)
{
  AcrCurriculum *self = (AcrCurriculum *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->description_en, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->last_editor, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (acr_curriculum_parent_class)->finalize (object);
}

static void
acr_curriculum_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AcrCurriculum *self = ACR_CURRICULUM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_ORGANISATION_ID:
      g_value_set_int64 (value, self->organisation_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TITLE_EN:
      g_value_set_string (value, self->title_en);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_DESCRIPTION_EN:
      g_value_set_string (value, self->description_en);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_STACKING_RULE:
      g_value_set_enum (value, self->stacking_rule);
      break;
    case PROP_STACKING_MIN:
      g_value_set_double (value, self->stacking_min);
      break;
    case PROP_LAST_EDITOR:
      g_value_set_string (value, self->last_editor);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_curriculum_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AcrCurriculum *self = ACR_CURRICULUM (object);

  switch (prop_id)
    {
    case PROP_CODE:
      acr_curriculum_set_code (self, g_value_get_string (value));
      break;
    case PROP_VERSION:
      acr_curriculum_set_version (self, g_value_get_uint (value));
      break;
    case PROP_STATUS:
      acr_curriculum_set_status (self, g_value_get_enum (value));
      break;
    case PROP_ORGANISATION_ID:
      acr_curriculum_set_organisation_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      acr_curriculum_set_title (self, g_value_get_string (value));
      break;
    case PROP_TITLE_EN:
      acr_curriculum_set_title_en (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      acr_curriculum_set_description (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION_EN:
      acr_curriculum_set_description_en (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      acr_curriculum_set_language (self, g_value_get_string (value));
      break;
    case PROP_STACKING_RULE:
      acr_curriculum_set_stacking_rule (self, g_value_get_enum (value));
      break;
    case PROP_STACKING_MIN:
      acr_curriculum_set_stacking_min (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_curriculum_class_init (AcrCurriculumClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_curriculum_finalize;
  object_class->get_property = acr_curriculum_get_property;
  object_class->set_property = acr_curriculum_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, rw);
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 0, G_MAXINT, 1, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, ACR_TYPE_STATUS,
                                               ACR_STATUS_DRAFT, rw);
  properties[PROP_ORGANISATION_ID] = g_param_spec_int64 ("organisation-id", NULL, NULL,
                                                         0, G_MAXINT64, 0, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_TITLE_EN] = g_param_spec_string ("title-en", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION_EN] = g_param_spec_string ("description-en", NULL, NULL, NULL, rw);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, "de", rw);
  properties[PROP_STACKING_RULE] = g_param_spec_enum ("stacking-rule", NULL, NULL,
                                                      ACR_TYPE_STACKING_RULE,
                                                      ACR_STACKING_RULE_ALL_REQUIRED, rw);
  properties[PROP_STACKING_MIN] = g_param_spec_double ("stacking-min", NULL, NULL,
                                                       -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_LAST_EDITOR] = g_param_spec_string ("last-editor", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_curriculum_init (AcrCurriculum *self)
{
  self->version = 1;
  self->language = g_strdup ("de");
  self->entries = g_list_store_new (ACR_TYPE_CURRICULUM_ENTRY);
}

AcrCurriculum *
acr_curriculum_new (void)
{
  return g_object_new (ACR_TYPE_CURRICULUM, NULL);
}

gint64
acr_curriculum_get_id (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), 0);

  return self->id;
}

const char *
acr_curriculum_get_code (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);

  return self->code;
}

void
acr_curriculum_set_code (AcrCurriculum *self,
                         const char    *code)
{
  g_return_if_fail (ACR_IS_CURRICULUM (self));

  set_string_property (self, &self->code, code, PROP_CODE);
}

guint
acr_curriculum_get_version (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), 0);

  return self->version;
}

void
acr_curriculum_set_version (AcrCurriculum *self,
                            guint          version)
{
  g_return_if_fail (ACR_IS_CURRICULUM (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

AcrStatus
acr_curriculum_get_status (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), ACR_STATUS_DRAFT);

  return self->status;
}

void
acr_curriculum_set_status (AcrCurriculum *self,
                           AcrStatus      status)
{
  g_return_if_fail (ACR_IS_CURRICULUM (self));
  g_return_if_fail (status >= ACR_STATUS_DRAFT && status <= ACR_STATUS_RETIRED);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
acr_curriculum_get_organisation_id (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), 0);

  return self->organisation_id;
}

void
acr_curriculum_set_organisation_id (AcrCurriculum *self,
                                    gint64         organisation_id)
{
  g_return_if_fail (ACR_IS_CURRICULUM (self));
  g_return_if_fail (organisation_id >= 0);

  if (self->organisation_id == organisation_id)
    return;

  self->organisation_id = organisation_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_ID]);
}

const char *
acr_curriculum_get_title (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);

  return self->title;
}

void
acr_curriculum_set_title (AcrCurriculum *self,
                          const char    *title)
{
  g_return_if_fail (ACR_IS_CURRICULUM (self));

  set_string_property (self, &self->title, title, PROP_TITLE);
}

const char *
acr_curriculum_get_title_en (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);

  return self->title_en;
}

void
acr_curriculum_set_title_en (AcrCurriculum *self,
                             const char    *title_en)
{
  g_return_if_fail (ACR_IS_CURRICULUM (self));

  set_string_property (self, &self->title_en, title_en, PROP_TITLE_EN);
}

const char *
acr_curriculum_get_description (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);

  return self->description;
}

void
acr_curriculum_set_description (AcrCurriculum *self,
                                const char    *description)
{
  g_return_if_fail (ACR_IS_CURRICULUM (self));

  set_string_property (self, &self->description, description, PROP_DESCRIPTION);
}

const char *
acr_curriculum_get_description_en (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);

  return self->description_en;
}

void
acr_curriculum_set_description_en (AcrCurriculum *self,
                                   const char    *description_en)
{
  g_return_if_fail (ACR_IS_CURRICULUM (self));

  set_string_property (self, &self->description_en, description_en, PROP_DESCRIPTION_EN);
}

const char *
acr_curriculum_get_language (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);

  return self->language;
}

void
acr_curriculum_set_language (AcrCurriculum *self,
                             const char    *language)
{
  g_return_if_fail (ACR_IS_CURRICULUM (self));

  set_string_property (self, &self->language, language, PROP_LANGUAGE);
}

AcrStackingRule
acr_curriculum_get_stacking_rule (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), ACR_STACKING_RULE_ALL_REQUIRED);

  return self->stacking_rule;
}

void
acr_curriculum_set_stacking_rule (AcrCurriculum   *self,
                                  AcrStackingRule  rule)
{
  g_return_if_fail (ACR_IS_CURRICULUM (self));
  g_return_if_fail (rule >= ACR_STACKING_RULE_ALL_REQUIRED && rule <= ACR_STACKING_RULE_MIN_HOURS);

  if (self->stacking_rule == rule)
    return;

  self->stacking_rule = rule;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKING_RULE]);
}

double
acr_curriculum_get_stacking_min (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), 0);

  return self->stacking_min;
}

void
acr_curriculum_set_stacking_min (AcrCurriculum *self,
                                 double         stacking_min)
{
  g_return_if_fail (ACR_IS_CURRICULUM (self));

  if (self->stacking_min == stacking_min)
    return;

  self->stacking_min = stacking_min;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKING_MIN]);
}

const char *
acr_curriculum_get_last_editor (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);

  return self->last_editor;
}

const char *
acr_curriculum_get_created_at (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);

  return self->created_at;
}

const char *
acr_curriculum_get_updated_at (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);

  return self->updated_at;
}

GListModel *
acr_curriculum_get_entries (AcrCurriculum *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);

  return G_LIST_MODEL (self->entries);
}

AcrCurriculumEntry *
acr_curriculum_find_entry (AcrCurriculum *self,
                           gint64         module_id)
{
  guint pos;

  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);

  pos = find_position (self, module_id);
  if (pos == G_MAXUINT)
    return NULL;

  {
    g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), pos);

    /* The list keeps its own reference, so the borrowed pointer stays valid. */
    return entry;
  }
}

AcrCurriculumEntry *
acr_curriculum_add_module (AcrCurriculum *self,
                           gint64         module_id,
                           gboolean       required)
{
  g_autoptr(AcrCurriculumEntry) entry = NULL;
  guint n;

  g_return_val_if_fail (ACR_IS_CURRICULUM (self), NULL);
  g_return_val_if_fail (module_id > 0, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  entry = _acr_curriculum_entry_new (module_id, n + 1, required);
  g_list_store_append (self->entries, entry);

  return entry;
}

gboolean
acr_curriculum_remove_module (AcrCurriculum *self,
                              gint64         module_id)
{
  guint pos;

  g_return_val_if_fail (ACR_IS_CURRICULUM (self), FALSE);

  pos = find_position (self, module_id);
  if (pos == G_MAXUINT)
    return FALSE;

  g_list_store_remove (self->entries, pos);
  renumber_entries (self);
  return TRUE;
}

gboolean
acr_curriculum_move_module (AcrCurriculum *self,
                            gint64         module_id,
                            guint          new_position)
{
  g_autoptr(AcrCurriculumEntry) entry = NULL;
  guint pos;
  guint n;

  g_return_val_if_fail (ACR_IS_CURRICULUM (self), FALSE);

  pos = find_position (self, module_id);
  if (pos == G_MAXUINT || new_position == 0)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  new_position = MIN (new_position, n);
  if (new_position - 1 == pos)
    return TRUE;

  entry = g_list_model_get_item (G_LIST_MODEL (self->entries), pos);
  g_list_store_remove (self->entries, pos);
  g_list_store_insert (self->entries, new_position - 1, entry);
  renumber_entries (self);
  return TRUE;
}

gboolean
acr_curriculum_set_required (AcrCurriculum *self,
                             gint64         module_id,
                             gboolean       required)
{
  AcrCurriculumEntry *entry;

  g_return_val_if_fail (ACR_IS_CURRICULUM (self), FALSE);

  entry = acr_curriculum_find_entry (self, module_id);
  if (entry == NULL)
    return FALSE;

  acr_curriculum_entry_set_required (entry, required);
  return TRUE;
}

gboolean
acr_curriculum_validate (AcrCurriculum  *self,
                         GError        **error)
{
  size_t len;
  guint n;

  g_return_val_if_fail (ACR_IS_CURRICULUM (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (self->code))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The curriculum needs a code, for example “ITSEC-BASICS”."));
      return FALSE;
    }

  len = strlen (self->code);
  if (g_ascii_isspace (self->code[0]) || g_ascii_isspace (self->code[len - 1]))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The code “%s” of the curriculum begins or ends with a space. Remove the "
                     "space."), self->code);
      return FALSE;
    }

  if (self->version < 1)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The version of the curriculum “%s” must be 1 or higher."), self->code);
      return FALSE;
    }

  if (is_blank (self->title))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The curriculum “%s” needs a title."), self->code);
      return FALSE;
    }

  if (is_blank (self->language))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The curriculum “%s” needs the language of its texts, for example “de”."),
                   self->code);
      return FALSE;
    }

  if (isnan (self->stacking_min) || isinf (self->stacking_min) || self->stacking_min < 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The minimum for completing the curriculum “%s” must be a positive "
                     "number, not %g."), self->code, self->stacking_min);
      return FALSE;
    }

  switch (self->stacking_rule)
    {
    case ACR_STACKING_RULE_ALL_REQUIRED:
      if (self->stacking_min > 0)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The curriculum “%s” is complete when all required modules are "
                         "passed, so it takes no minimum: clear the minimum of %g, or choose "
                         "a rule by credits or hours."), self->code, self->stacking_min);
          return FALSE;
        }
      break;
    case ACR_STACKING_RULE_MIN_CREDITS:
      if (self->stacking_min == 0)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The curriculum “%s” is complete at a minimum of ECTS credits: set "
                         "that minimum to a number greater than zero."), self->code);
          return FALSE;
        }
      break;
    case ACR_STACKING_RULE_MIN_HOURS:
      if (self->stacking_min == 0)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The curriculum “%s” is complete at a minimum of workload hours: set "
                         "that minimum to a number greater than zero."), self->code);
          return FALSE;
        }
      break;
    default:
      g_assert_not_reached ();
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      gint64 module_id = acr_curriculum_entry_get_module_id (entry);

      /* Curricula hold a handful of modules: a quadratic scan is fine. */
      for (guint j = 0; j < i; j++)
        {
          g_autoptr(AcrCurriculumEntry) other = g_list_model_get_item (G_LIST_MODEL (self->entries), j);

          if (acr_curriculum_entry_get_module_id (other) == module_id)
            {
              /* The earlier entry is the one that may know the module's code. */
              g_autofree char *what = describe_module (other);

              g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                           _("The module %s appears twice in the curriculum “%s”. Remove one "
                             "of the two entries."), what, self->code);
              return FALSE;
            }
        }
    }

  return TRUE;
}

gboolean
acr_curriculum_save (AcrCurriculum  *self,
                     AcrStore       *store,
                     GError        **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *now = NULL;
  gint64 id = 0;
  guint n;

  g_return_val_if_fail (ACR_IS_CURRICULUM (self), FALSE);
  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_curriculum_validate (self, error))
    return FALSE;

  if (!acr_store_begin (store, error))
    return FALSE;

  now = _acr_now_iso8601 ();

  if ((self->id != 0 && !check_not_frozen (self, store, error)) ||
      !check_organisation (self, store, error) ||
      !check_modules (self, store, texts, versions, error) ||
      !write_row (self, store, now, &id, error) ||
      !write_entries (self, store, id, error) ||
      !_acr_audit_appendf (store, self->id == 0 ? "create" : "edit", "curriculum", id, error,
                           self->id == 0 ? _("Created version %u of the curriculum “%s” (%s).")
                                         : _("Edited version %u of the curriculum “%s” (%s)."),
                           self->version, self->code,
                           acr_enum_to_label (ACR_TYPE_STATUS, self->status)))
    {
      acr_store_rollback (store);
      return FALSE;
    }

  if (!acr_store_commit (store, error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      _acr_curriculum_entry_set_module (entry, texts->pdata[2 * i], texts->pdata[2 * i + 1],
                                        g_array_index (versions, guint, i));
    }

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  if (self->created_at == NULL)
    {
      self->created_at = g_strdup (now);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
    }
  if (_acr_set_string (&self->updated_at, now))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
  if (_acr_set_string (&self->last_editor, acr_store_get_actor (store)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_EDITOR]);

  return TRUE;
}

static AcrCurriculum *
load_where (AcrStore    *store,
            const char  *where,
            const char  *text,
            gint64       number,
            GError     **error)
{
  g_autofree char *sql = g_strconcat (SELECT_COLUMNS, where, NULL);
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, error);
  g_autoptr(AcrCurriculum) self = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    {
      _acr_bind_text (stmt, 1, text);
      sqlite3_bind_int64 (stmt, 2, number);
    }
  else
    sqlite3_bind_int64 (stmt, 1, number);

  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;

  if (rc != SQLITE_ROW)
    {
      if (text == NULL)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no curriculum with the number %" PRId64 "."), number);
      else if (number == 0)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no curriculum with the code “%s”."), text);
      else
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no version %" PRId64 " of the curriculum “%s”."),
                     number, text);
      return NULL;
    }

  self = curriculum_from_row (stmt);
  if (!load_entries (self, store, error))
    return NULL;

  return g_steal_pointer (&self);
}

AcrCurriculum *
acr_curriculum_load (AcrStore  *store,
                     gint64     id,
                     GError   **error)
{
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_where (store, "WHERE id = ?1", NULL, id, error);
}

AcrCurriculum *
acr_curriculum_load_by_code (AcrStore    *store,
                             const char  *code,
                             guint        version,
                             GError     **error)
{
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (version == 0)
    return load_where (store, "WHERE code = ?1 AND ?2 = 0 ORDER BY version DESC LIMIT 1",
                       code, 0, error);

  return load_where (store, "WHERE code = ?1 AND version = ?2", code, version, error);
}

gboolean
acr_curriculum_delete (AcrStore  *store,
                       gint64     id,
                       GError   **error)
{
  g_autoptr(AcrCurriculum) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  stored = acr_curriculum_load (store, id, error);
  if (stored == NULL)
    goto fail;

  if (stored->status == ACR_STATUS_APPROVED)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                   _("The curriculum “%s” version %u is approved and cannot be deleted. "
                     "Retire it first."), stored->code, stored->version);
      goto fail;
    }

  stmt = _acr_store_prepare (store, "DELETE FROM curriculum WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_acr_store_run (store, stmt, error))
    goto fail;

  if (!_acr_audit_appendf (store, "delete", "curriculum", id, error,
                           _("Deleted version %u of the curriculum “%s”."), stored->version,
                           stored->code))
    goto fail;

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  return FALSE;
}

AcrPagedList *
acr_curriculum_list (AcrStore   *store,
                     const char *search)
{
  g_autofree char *pattern = NULL;
  const char *params[2] = { NULL, NULL };

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  if (search == NULL || search[0] == '\0')
    return _acr_paged_list_new (store, ACR_TYPE_CURRICULUM,
                                SELECT_COLUMNS
                                "ORDER BY title COLLATE NOCASE, code, version, id",
                                NULL, curriculum_row_func);

  pattern = make_like_pattern (search);
  params[0] = pattern;
  return _acr_paged_list_new (store, ACR_TYPE_CURRICULUM,
                              SELECT_COLUMNS
                              "WHERE code LIKE ?1 ESCAPE '\\' OR title LIKE ?1 ESCAPE '\\' "
                              "OR title_en LIKE ?1 ESCAPE '\\' "
                              "ORDER BY title COLLATE NOCASE, code, version, id",
                              params, curriculum_row_func);
}

gboolean
acr_curriculum_check_stacking (AcrStore      *store,
                               gint64         curriculum_id,
                               const gint64  *passed_module_ids,
                               guint          n_passed,
                               gboolean      *satisfied,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) passed = NULL;
  AcrStackingRule rule;
  double minimum;
  double sum = 0;
  guint n_required = 0;
  guint n_required_passed = 0;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (passed_module_ids != NULL || n_passed == 0, FALSE);
  g_return_val_if_fail (satisfied != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _acr_store_prepare (store,
                             "SELECT stacking_rule, stacking_min FROM curriculum WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, curriculum_id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no curriculum with the number %" PRId64 "."),
                   curriculum_id);
      return FALSE;
    }

  rule = _acr_column_enum (stmt, 0, ACR_TYPE_STACKING_RULE);
  minimum = _acr_column_double (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  passed = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_passed; i++)
    g_hash_table_add (passed, (gpointer) &passed_module_ids[i]);

  stmt = _acr_store_prepare (store,
                             "SELECT cm.module_id, cm.required, m.ects, m.workload_hours "
                             "FROM curriculum_module cm JOIN module m ON m.id = cm.module_id "
                             "WHERE cm.curriculum_id = ?1 ORDER BY cm.position",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, curriculum_id);
  while ((rc = _acr_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      gint64 module_id = sqlite3_column_int64 (stmt, 0);
      gboolean required = sqlite3_column_int (stmt, 1) != 0;
      gboolean is_passed = g_hash_table_contains (passed, &module_id);

      if (required)
        {
          n_required++;
          if (is_passed)
            n_required_passed++;
        }

      if (is_passed)
        {
          double value = sqlite3_column_double (stmt, rule == ACR_STACKING_RULE_MIN_HOURS ? 3 : 2);

          sum += value;   /* NULL reads as 0: a module without credits adds none */
        }
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  switch (rule)
    {
    case ACR_STACKING_RULE_ALL_REQUIRED:
      *satisfied = n_required > 0 && n_required_passed == n_required;
      break;
    case ACR_STACKING_RULE_MIN_CREDITS:
    case ACR_STACKING_RULE_MIN_HOURS:
      /* A small tolerance, so that 0.1 + 0.2 credits reach a minimum of 0.3. */
      *satisfied = !isnan (minimum) && minimum > 0 && sum + 1e-9 >= minimum;
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}
