/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrModule: the specification of a micro-credential, one version of it per row of the table
 * module, identified by its code and version number.
 *
 * Rules kept here:
 * - validation in C before any SQL: a code without whitespace, version ≥ 1, a BCP 47 primary
 *   language and languages of instruction, workload, ECTS and validity not negative (0 means
 *   not set, or unlimited validity), an ISCED-F code that exists in ISCED-F 2013;
 * - (code, version) is unique; the awarding organisation must exist;
 * - an approved or retired version is frozen, because credentials certify that exact version:
 *   saving a change to it fails with READ_ONLY and leaves the row as it was, except the one
 *   status change approved → retired. acr_module_new_version() copies a frozen version with
 *   its outcomes and level assignments into a new draft to edit;
 * - a module that assessments or curricula refer to cannot be deleted.
 * Every change is one transaction; on failure nothing is written and the object keeps its
 * id, times and editor. The outcome and level functions of the acr_module_ namespace live
 * in acr-learning-outcome.c and acr-level-assignment.c. */

#define G_LOG_DOMAIN "acr-module"

#include "config.h"

#include <math.h>
#include <string.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "acr-audit-private.h"
#include "acr-isced.h"
#include "acr-module-private.h"
#include "acr-paged-list-private.h"
#include "acr-rubric.h"
#include "acr-validate.h"

struct _AcrModule
{
  GObject            parent_instance;

  gint64             id;
  char              *code;
  int                version;
  AcrStatus          status;
  gint64             organisation_id;
  char              *title;
  char              *title_en;
  char              *description;
  char              *description_en;
  char              *language;
  char              *languages;
  double             workload_hours;
  double             ects;
  AcrAssessmentType  assessment_type;
  AcrAssessmentMode  assessment_mode;
  AcrParticipation   participation;
  AcrSupervision     supervision;
  AcrQaType          qa_type;
  char              *qa_body;
  char              *prerequisites;
  int                validity_months;
  char              *isced_f;
  AcrStackability    stackability;
  char              *stackable_towards;
  char              *further_info;
  char              *last_editor;
  char              *created_at;
  char              *updated_at;

  /* The status in the database when loaded or last saved (meaningful when id != 0). */
  AcrStatus          stored_status;
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
  PROP_LANGUAGES,
  PROP_WORKLOAD_HOURS,
  PROP_ECTS,
  PROP_ASSESSMENT_TYPE,
  PROP_ASSESSMENT_MODE,
  PROP_PARTICIPATION,
  PROP_SUPERVISION,
  PROP_QA_TYPE,
  PROP_QA_BODY,
  PROP_PREREQUISITES,
  PROP_VALIDITY_MONTHS,
  PROP_ISCED_F,
  PROP_STACKABILITY,
  PROP_STACKABLE_TOWARDS,
  PROP_FURTHER_INFO,
  PROP_LAST_EDITOR,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrModule, acr_module, G_TYPE_OBJECT)

/* The columns in the order of the COL_ values; every SELECT of a whole module uses them. */
#define MODULE_COLUMNS                                                                     \
  "id, code, version, status, organisation_id, title, title_en, description, "            \
  "description_en, language, languages, workload_hours, ects, assessment_type, "          \
  "assessment_mode, participation, supervision, qa_type, qa_body, prerequisites, "        \
  "validity_months, isced_f, stackability, stackable_towards, further_info, last_editor, " \
  "created_at, updated_at"

enum {
  COL_ID,
  COL_CODE,
  COL_VERSION,
  COL_STATUS,
  COL_ORGANISATION_ID,
  COL_TITLE,
  COL_TITLE_EN,
  COL_DESCRIPTION,
  COL_DESCRIPTION_EN,
  COL_LANGUAGE,
  COL_LANGUAGES,
  COL_WORKLOAD_HOURS,
  COL_ECTS,
  COL_ASSESSMENT_TYPE,
  COL_ASSESSMENT_MODE,
  COL_PARTICIPATION,
  COL_SUPERVISION,
  COL_QA_TYPE,
  COL_QA_BODY,
  COL_PREREQUISITES,
  COL_VALIDITY_MONTHS,
  COL_ISCED_F,
  COL_STACKABILITY,
  COL_STACKABLE_TOWARDS,
  COL_FURTHER_INFO,
  COL_LAST_EDITOR,
  COL_CREATED_AT,
  COL_UPDATED_AT,
};

/* Parameters ?1 … ?27 are bound by bind_module(); the UPDATE adds ?28, the id. */
#define INSERT_SQL                                                                          \
  "INSERT INTO module (code, version, status, organisation_id, title, title_en, "          \
  "description, description_en, language, languages, workload_hours, ects, "               \
  "assessment_type, assessment_mode, participation, supervision, qa_type, qa_body, "       \
  "prerequisites, validity_months, isced_f, stackability, stackable_towards, further_info, " \
  "last_editor, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "  \
  "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)"

#define UPDATE_SQL                                                                          \
  "UPDATE module SET code = ?1, version = ?2, status = ?3, organisation_id = ?4, "          \
  "title = ?5, title_en = ?6, description = ?7, description_en = ?8, language = ?9, "      \
  "languages = ?10, workload_hours = ?11, ects = ?12, assessment_type = ?13, "             \
  "assessment_mode = ?14, participation = ?15, supervision = ?16, qa_type = ?17, "         \
  "qa_body = ?18, prerequisites = ?19, validity_months = ?20, isced_f = ?21, "             \
  "stackability = ?22, stackable_towards = ?23, further_info = ?24, last_editor = ?25, "   \
  "updated_at = ?27 WHERE id = ?28"

/* Accessors. A setter notifies only when the value changed. */

#define DEFINE_STRING_ACCESSORS(field, PROP)                                  \
  const char *                                                                \
  acr_module_get_##field (AcrModule *self)                                    \
  {                                                                           \
    g_return_val_if_fail (ACR_IS_MODULE (self), NULL);                        \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  acr_module_set_##field (AcrModule  *self,                                   \
                          const char *value)                                  \
  {                                                                           \
    g_return_if_fail (ACR_IS_MODULE (self));                                  \
    if (_acr_set_string (&self->field, value))                                \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);           \
  }

#define DEFINE_VALUE_ACCESSORS(Type, field, PROP)                             \
  Type                                                                        \
  acr_module_get_##field (AcrModule *self)                                    \
  {                                                                           \
    g_return_val_if_fail (ACR_IS_MODULE (self), (Type) 0);                    \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  acr_module_set_##field (AcrModule *self,                                    \
                          Type       value)                                   \
  {                                                                           \
    g_return_if_fail (ACR_IS_MODULE (self));                                  \
    if (self->field == value)                                                 \
      return;                                                                 \
    self->field = value;                                                      \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
  }

DEFINE_STRING_ACCESSORS (code, PROP_CODE)
DEFINE_VALUE_ACCESSORS (int, version, PROP_VERSION)
DEFINE_VALUE_ACCESSORS (AcrStatus, status, PROP_STATUS)
DEFINE_VALUE_ACCESSORS (gint64, organisation_id, PROP_ORGANISATION_ID)
DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (title_en, PROP_TITLE_EN)
DEFINE_STRING_ACCESSORS (description, PROP_DESCRIPTION)
DEFINE_STRING_ACCESSORS (description_en, PROP_DESCRIPTION_EN)
DEFINE_STRING_ACCESSORS (language, PROP_LANGUAGE)
DEFINE_STRING_ACCESSORS (languages, PROP_LANGUAGES)
DEFINE_VALUE_ACCESSORS (double, workload_hours, PROP_WORKLOAD_HOURS)
DEFINE_VALUE_ACCESSORS (double, ects, PROP_ECTS)
DEFINE_VALUE_ACCESSORS (AcrAssessmentType, assessment_type, PROP_ASSESSMENT_TYPE)
DEFINE_VALUE_ACCESSORS (AcrAssessmentMode, assessment_mode, PROP_ASSESSMENT_MODE)
DEFINE_VALUE_ACCESSORS (AcrParticipation, participation, PROP_PARTICIPATION)
DEFINE_VALUE_ACCESSORS (AcrSupervision, supervision, PROP_SUPERVISION)
DEFINE_VALUE_ACCESSORS (AcrQaType, qa_type, PROP_QA_TYPE)
DEFINE_STRING_ACCESSORS (qa_body, PROP_QA_BODY)
DEFINE_STRING_ACCESSORS (prerequisites, PROP_PREREQUISITES)
DEFINE_VALUE_ACCESSORS (int, validity_months, PROP_VALIDITY_MONTHS)
DEFINE_STRING_ACCESSORS (isced_f, PROP_ISCED_F)
DEFINE_VALUE_ACCESSORS (AcrStackability, stackability, PROP_STACKABILITY)
DEFINE_STRING_ACCESSORS (stackable_towards, PROP_STACKABLE_TOWARDS)
DEFINE_STRING_ACCESSORS (further_info, PROP_FURTHER_INFO)

gint64
acr_module_get_id (AcrModule *self)
{
  g_return_val_if_fail (ACR_IS_MODULE (self), 0);

  return self->id;
}

const char *
acr_module_get_last_editor (AcrModule *self)
{
  g_return_val_if_fail (ACR_IS_MODULE (self), NULL);

  return self->last_editor;
}

const char *
acr_module_get_created_at (AcrModule *self)
{
  g_return_val_if_fail (ACR_IS_MODULE (self), NULL);

  return self->created_at;
}

const char *
acr_module_get_updated_at (AcrModule *self)
{
  g_return_val_if_fail (ACR_IS_MODULE (self), NULL);

  return self->updated_at;
}

/* Helpers */

static gboolean
status_is_frozen (AcrStatus status)
{
  return status == ACR_STATUS_APPROVED || status == ACR_STATUS_RETIRED;
}

static gboolean
has_whitespace (const char *s)
{
  for (; *s != '\0'; s = g_utf8_next_char (s))
    if (g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;

  return FALSE;
}

/* A BCP 47 tag in the form we accept: a primary subtag of 2–3 letters, then subtags of 1–8
 * letters or digits ("de", "en-GB", "sr-Latn-RS"). */
static gboolean
language_tag_is_valid (const char *tag,
                       gsize       len)
{
  gsize i = 0;
  gsize n = 0;

  while (i < len && g_ascii_isalpha (tag[i]))
    i++;
  if (i < 2 || i > 3)
    return FALSE;

  while (i < len)
    {
      if (tag[i] != '-')
        return FALSE;
      i++;
      for (n = 0; i < len && g_ascii_isalnum (tag[i]); i++, n++)
        ;
      if (n < 1 || n > 8)
        return FALSE;
    }

  return TRUE;
}

/* Empty optional text is stored as NULL: "" and unset mean the same. */
static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           idx,
                    const char   *value)
{
  _acr_bind_text (stmt, idx, value != NULL && value[0] != '\0' ? value : NULL);
}

static void
bind_positive (sqlite3_stmt *stmt,
               int           idx,
               double        value)
{
  _acr_bind_double (stmt, idx, value > 0 ? value : NAN);
}

static void
bind_module (sqlite3_stmt *stmt,
             AcrModule    *self,
             const char   *last_editor,
             const char   *now)
{
  _acr_bind_text (stmt, 1, self->code);
  sqlite3_bind_int (stmt, 2, self->version);
  _acr_bind_enum (stmt, 3, ACR_TYPE_STATUS, self->status);
  _acr_bind_id (stmt, 4, self->organisation_id);
  _acr_bind_text (stmt, 5, self->title != NULL ? self->title : "");
  bind_optional_text (stmt, 6, self->title_en);
  bind_optional_text (stmt, 7, self->description);
  bind_optional_text (stmt, 8, self->description_en);
  _acr_bind_text (stmt, 9, self->language);
  bind_optional_text (stmt, 10, self->languages);
  bind_positive (stmt, 11, self->workload_hours);
  bind_positive (stmt, 12, self->ects);
  _acr_bind_enum (stmt, 13, ACR_TYPE_ASSESSMENT_TYPE, self->assessment_type);
  _acr_bind_enum (stmt, 14, ACR_TYPE_ASSESSMENT_MODE, self->assessment_mode);
  _acr_bind_enum (stmt, 15, ACR_TYPE_PARTICIPATION, self->participation);
  _acr_bind_enum (stmt, 16, ACR_TYPE_SUPERVISION, self->supervision);
  _acr_bind_enum (stmt, 17, ACR_TYPE_QA_TYPE, self->qa_type);
  bind_optional_text (stmt, 18, self->qa_body);
  bind_optional_text (stmt, 19, self->prerequisites);
  if (self->validity_months > 0)
    sqlite3_bind_int (stmt, 20, self->validity_months);
  else
    sqlite3_bind_null (stmt, 20);
  bind_optional_text (stmt, 21, self->isced_f);
  _acr_bind_enum (stmt, 22, ACR_TYPE_STACKABILITY, self->stackability);
  bind_optional_text (stmt, 23, self->stackable_towards);
  bind_optional_text (stmt, 24, self->further_info);
  _acr_bind_text (stmt, 25, last_editor);
  _acr_bind_text (stmt, 26, now);
  _acr_bind_text (stmt, 27, now);
}

static double
column_positive (sqlite3_stmt *stmt,
                 int           col)
{
  double value = _acr_column_double (stmt, col);

  return isnan (value) ? 0 : value;
}

static gpointer
row_to_module (AcrStore     *store,
               sqlite3_stmt *stmt)
{
  AcrModule *self = g_object_new (ACR_TYPE_MODULE, NULL);

  self->id = sqlite3_column_int64 (stmt, COL_ID);
  self->code = _acr_column_dup (stmt, COL_CODE);
  self->version = sqlite3_column_int (stmt, COL_VERSION);
  self->status = _acr_column_enum (stmt, COL_STATUS, ACR_TYPE_STATUS);
  self->organisation_id = sqlite3_column_int64 (stmt, COL_ORGANISATION_ID);
  self->title = _acr_column_dup (stmt, COL_TITLE);
  if (self->title != NULL && self->title[0] == '\0')
    g_clear_pointer (&self->title, g_free);
  self->title_en = _acr_column_dup (stmt, COL_TITLE_EN);
  self->description = _acr_column_dup (stmt, COL_DESCRIPTION);
  self->description_en = _acr_column_dup (stmt, COL_DESCRIPTION_EN);
  g_free (self->language);
  self->language = _acr_column_dup (stmt, COL_LANGUAGE);
  self->languages = _acr_column_dup (stmt, COL_LANGUAGES);
  self->workload_hours = column_positive (stmt, COL_WORKLOAD_HOURS);
  self->ects = column_positive (stmt, COL_ECTS);
  self->assessment_type = _acr_column_enum (stmt, COL_ASSESSMENT_TYPE,
                                            ACR_TYPE_ASSESSMENT_TYPE);
  self->assessment_mode = _acr_column_enum (stmt, COL_ASSESSMENT_MODE,
                                            ACR_TYPE_ASSESSMENT_MODE);
  self->participation = _acr_column_enum (stmt, COL_PARTICIPATION, ACR_TYPE_PARTICIPATION);
  self->supervision = _acr_column_enum (stmt, COL_SUPERVISION, ACR_TYPE_SUPERVISION);
  self->qa_type = _acr_column_enum (stmt, COL_QA_TYPE, ACR_TYPE_QA_TYPE);
  self->qa_body = _acr_column_dup (stmt, COL_QA_BODY);
  self->prerequisites = _acr_column_dup (stmt, COL_PREREQUISITES);
  self->validity_months = sqlite3_column_int (stmt, COL_VALIDITY_MONTHS);
  self->isced_f = _acr_column_dup (stmt, COL_ISCED_F);
  self->stackability = _acr_column_enum (stmt, COL_STACKABILITY, ACR_TYPE_STACKABILITY);
  self->stackable_towards = _acr_column_dup (stmt, COL_STACKABLE_TOWARDS);
  self->further_info = _acr_column_dup (stmt, COL_FURTHER_INFO);
  self->last_editor = _acr_column_dup (stmt, COL_LAST_EDITOR);
  self->created_at = _acr_column_dup (stmt, COL_CREATED_AT);
  self->updated_at = _acr_column_dup (stmt, COL_UPDATED_AT);
  self->stored_status = self->status;

  return self;
}

/* TRUE when any persisted field other than the status (and the times and editor, which
 * save sets itself) differs between @a and @b. */
static gboolean
differs_besides_status (AcrModule *a,
                        AcrModule *b)
{
#define STR_DIFF(f) (g_strcmp0 (a->f != NULL && a->f[0] != '\0' ? a->f : NULL, \
                                b->f != NULL && b->f[0] != '\0' ? b->f : NULL) != 0)
#define POS_DIFF(f) ((a->f > 0 ? a->f : 0) != (b->f > 0 ? b->f : 0))
  return STR_DIFF (code) ||
         a->version != b->version ||
         a->organisation_id != b->organisation_id ||
         STR_DIFF (title) ||
         STR_DIFF (title_en) ||
         STR_DIFF (description) ||
         STR_DIFF (description_en) ||
         STR_DIFF (language) ||
         STR_DIFF (languages) ||
         POS_DIFF (workload_hours) ||
         POS_DIFF (ects) ||
         a->assessment_type != b->assessment_type ||
         a->assessment_mode != b->assessment_mode ||
         a->participation != b->participation ||
         a->supervision != b->supervision ||
         a->qa_type != b->qa_type ||
         STR_DIFF (qa_body) ||
         STR_DIFF (prerequisites) ||
         POS_DIFF (validity_months) ||
         STR_DIFF (isced_f) ||
         a->stackability != b->stackability ||
         STR_DIFF (stackable_towards) ||
         STR_DIFF (further_info);
#undef STR_DIFF
#undef POS_DIFF
}

void
_acr_module_set_frozen_error (GError     **error,
                              const char  *code,
                              int          version,
                              AcrStatus    status)
{
  if (status == ACR_STATUS_RETIRED)
    g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                 _("Version %d of module “%s” is retired and cannot be changed. "
                   "Create a new version to edit it."), version, code);
  else
    g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                 _("Version %d of module “%s” is approved and cannot be changed. "
                   "Create a new version to edit it."), version, code);
}

static void
set_no_module_error (GError **error,
                     int      code,
                     gint64   id)
{
  g_set_error (error, ACR_STORE_ERROR, code,
               _("There is no module with the number %" PRId64 "."), id);
}

gboolean
_acr_module_check_editable (AcrStore  *store,
                            gint64     module_id,
                            int        missing_code,
                            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AcrStatus status;
  int rc;

  stmt = _acr_store_prepare (store, "SELECT code, version, status FROM module WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, module_id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      set_no_module_error (error, missing_code, module_id);
      return FALSE;
    }

  status = _acr_column_enum (stmt, 2, ACR_TYPE_STATUS);
  if (status_is_frozen (status))
    {
      _acr_module_set_frozen_error (error, (const char *) sqlite3_column_text (stmt, 0),
                                    sqlite3_column_int (stmt, 1), status);
      return FALSE;
    }

  return TRUE;
}

gboolean
_acr_module_touch (AcrStore  *store,
                   gint64     module_id,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _acr_now_iso8601 ();

  stmt = _acr_store_prepare (store, "UPDATE module SET updated_at = ?1, last_editor = ?2 "
                                    "WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;

  _acr_bind_text (stmt, 1, now);
  _acr_bind_text (stmt, 2, acr_store_get_actor (store));
  sqlite3_bind_int64 (stmt, 3, module_id);
  return _acr_store_run (store, stmt, error);
}

static void
set_duplicate_error (GError     **error,
                     const char  *code,
                     int          version)
{
  g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
               _("Version %d of module “%s” already exists. Choose another code or version "
                 "number."), version, code);
}

static void
set_no_organisation_error (GError **error,
                           gint64   id)
{
  g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
               _("There is no organisation with the number %" PRId64 ". Choose an "
                 "existing awarding body."), id);
}

/* Checks what the database knows before writing, to fail with a sentence rather than a
 * constraint: (code, version) free, the organisation existing. */
static gboolean
check_references (AcrModule  *self,
                  AcrStore   *store,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) dup = NULL;
  int rc;

  dup = _acr_store_prepare (store, "SELECT 1 FROM module WHERE code = ?1 AND version = ?2 "
                                   "AND id != ?3", error);
  if (dup == NULL)
    return FALSE;

  _acr_bind_text (dup, 1, self->code);
  sqlite3_bind_int (dup, 2, self->version);
  sqlite3_bind_int64 (dup, 3, self->id);
  rc = _acr_store_step (store, dup, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      set_duplicate_error (error, self->code, self->version);
      return FALSE;
    }

  if (self->organisation_id != 0)
    {
      g_autoptr(sqlite3_stmt) org = NULL;

      org = _acr_store_prepare (store, "SELECT 1 FROM organisation WHERE id = ?1", error);
      if (org == NULL)
        return FALSE;

      sqlite3_bind_int64 (org, 1, self->organisation_id);
      rc = _acr_store_step (store, org, error);
      if (rc < 0)
        return FALSE;
      if (rc != SQLITE_ROW)
        {
          set_no_organisation_error (error, self->organisation_id);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
query_count (AcrStore    *store,
             const char  *sql,
             gint64       id,
             int         *count,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (_acr_store_step (store, stmt, error) != SQLITE_ROW)
    return FALSE;

  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* GObject */

static void
acr_module_finalize (GObject *object)
{
  AcrModule *self = (AcrModule *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->description_en, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->languages, g_free);
  g_clear_pointer (&self->qa_body, g_free);
  g_clear_pointer (&self->prerequisites, g_free);
  g_clear_pointer (&self->isced_f, g_free);
  g_clear_pointer (&self->stackable_towards, g_free);
  g_clear_pointer (&self->further_info, g_free);
  g_clear_pointer (&self->last_editor, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (acr_module_parent_class)->finalize (object);
}

static void
acr_module_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AcrModule *self = ACR_MODULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_VERSION:
      g_value_set_int (value, self->version);
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
    case PROP_LANGUAGES:
      g_value_set_string (value, self->languages);
      break;
    case PROP_WORKLOAD_HOURS:
      g_value_set_double (value, self->workload_hours);
      break;
    case PROP_ECTS:
      g_value_set_double (value, self->ects);
      break;
    case PROP_ASSESSMENT_TYPE:
      g_value_set_enum (value, self->assessment_type);
      break;
    case PROP_ASSESSMENT_MODE:
      g_value_set_enum (value, self->assessment_mode);
      break;
    case PROP_PARTICIPATION:
      g_value_set_enum (value, self->participation);
      break;
    case PROP_SUPERVISION:
      g_value_set_enum (value, self->supervision);
      break;
    case PROP_QA_TYPE:
      g_value_set_enum (value, self->qa_type);
      break;
    case PROP_QA_BODY:
      g_value_set_string (value, self->qa_body);
      break;
    case PROP_PREREQUISITES:
      g_value_set_string (value, self->prerequisites);
      break;
    case PROP_VALIDITY_MONTHS:
      g_value_set_int (value, self->validity_months);
      break;
    case PROP_ISCED_F:
      g_value_set_string (value, self->isced_f);
      break;
    case PROP_STACKABILITY:
      g_value_set_enum (value, self->stackability);
      break;
    case PROP_STACKABLE_TOWARDS:
      g_value_set_string (value, self->stackable_towards);
      break;
    case PROP_FURTHER_INFO:
      g_value_set_string (value, self->further_info);
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
acr_module_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AcrModule *self = ACR_MODULE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      acr_module_set_code (self, g_value_get_string (value));
      break;
    case PROP_VERSION:
      acr_module_set_version (self, g_value_get_int (value));
      break;
    case PROP_STATUS:
      acr_module_set_status (self, g_value_get_enum (value));
      break;
    case PROP_ORGANISATION_ID:
      acr_module_set_organisation_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      acr_module_set_title (self, g_value_get_string (value));
      break;
    case PROP_TITLE_EN:
      acr_module_set_title_en (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      acr_module_set_description (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION_EN:
      acr_module_set_description_en (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      acr_module_set_language (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGES:
      acr_module_set_languages (self, g_value_get_string (value));
      break;
    case PROP_WORKLOAD_HOURS:
      acr_module_set_workload_hours (self, g_value_get_double (value));
      break;
    case PROP_ECTS:
      acr_module_set_ects (self, g_value_get_double (value));
      break;
    case PROP_ASSESSMENT_TYPE:
      acr_module_set_assessment_type (self, g_value_get_enum (value));
      break;
    case PROP_ASSESSMENT_MODE:
      acr_module_set_assessment_mode (self, g_value_get_enum (value));
      break;
    case PROP_PARTICIPATION:
      acr_module_set_participation (self, g_value_get_enum (value));
      break;
    case PROP_SUPERVISION:
      acr_module_set_supervision (self, g_value_get_enum (value));
      break;
    case PROP_QA_TYPE:
      acr_module_set_qa_type (self, g_value_get_enum (value));
      break;
    case PROP_QA_BODY:
      acr_module_set_qa_body (self, g_value_get_string (value));
      break;
    case PROP_PREREQUISITES:
      acr_module_set_prerequisites (self, g_value_get_string (value));
      break;
    case PROP_VALIDITY_MONTHS:
      acr_module_set_validity_months (self, g_value_get_int (value));
      break;
    case PROP_ISCED_F:
      acr_module_set_isced_f (self, g_value_get_string (value));
      break;
    case PROP_STACKABILITY:
      acr_module_set_stackability (self, g_value_get_enum (value));
      break;
    case PROP_STACKABLE_TOWARDS:
      acr_module_set_stackable_towards (self, g_value_get_string (value));
      break;
    case PROP_FURTHER_INFO:
      acr_module_set_further_info (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_module_class_init (AcrModuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_module_finalize;
  object_class->get_property = acr_module_get_property;
  object_class->set_property = acr_module_set_property;

#define STRING_PROP(PROP, name) \
  properties[PROP] = g_param_spec_string (name, NULL, NULL, NULL, rw)
#define ENUM_PROP(PROP, name, TYPE) \
  properties[PROP] = g_param_spec_enum (name, NULL, NULL, TYPE, 0, rw)
#define DOUBLE_PROP(PROP, name) \
  properties[PROP] = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw)

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  STRING_PROP (PROP_CODE, "code");
  properties[PROP_VERSION] = g_param_spec_int ("version", NULL, NULL,
                                               G_MININT, G_MAXINT, 1, rw);
  ENUM_PROP (PROP_STATUS, "status", ACR_TYPE_STATUS);
  properties[PROP_ORGANISATION_ID] = g_param_spec_int64 ("organisation-id", NULL, NULL,
                                                         0, G_MAXINT64, 0, rw);
  STRING_PROP (PROP_TITLE, "title");
  STRING_PROP (PROP_TITLE_EN, "title-en");
  STRING_PROP (PROP_DESCRIPTION, "description");
  STRING_PROP (PROP_DESCRIPTION_EN, "description-en");
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, "de", rw);
  STRING_PROP (PROP_LANGUAGES, "languages");
  DOUBLE_PROP (PROP_WORKLOAD_HOURS, "workload-hours");
  DOUBLE_PROP (PROP_ECTS, "ects");
  ENUM_PROP (PROP_ASSESSMENT_TYPE, "assessment-type", ACR_TYPE_ASSESSMENT_TYPE);
  ENUM_PROP (PROP_ASSESSMENT_MODE, "assessment-mode", ACR_TYPE_ASSESSMENT_MODE);
  ENUM_PROP (PROP_PARTICIPATION, "participation", ACR_TYPE_PARTICIPATION);
  ENUM_PROP (PROP_SUPERVISION, "supervision", ACR_TYPE_SUPERVISION);
  ENUM_PROP (PROP_QA_TYPE, "qa-type", ACR_TYPE_QA_TYPE);
  STRING_PROP (PROP_QA_BODY, "qa-body");
  STRING_PROP (PROP_PREREQUISITES, "prerequisites");
  properties[PROP_VALIDITY_MONTHS] = g_param_spec_int ("validity-months", NULL, NULL,
                                                       G_MININT, G_MAXINT, 0, rw);
  STRING_PROP (PROP_ISCED_F, "isced-f");
  ENUM_PROP (PROP_STACKABILITY, "stackability", ACR_TYPE_STACKABILITY);
  STRING_PROP (PROP_STACKABLE_TOWARDS, "stackable-towards");
  STRING_PROP (PROP_FURTHER_INFO, "further-info");
  properties[PROP_LAST_EDITOR] = g_param_spec_string ("last-editor", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);

#undef STRING_PROP
#undef ENUM_PROP
#undef DOUBLE_PROP

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_module_init (AcrModule *self)
{
  self->version = 1;
  self->language = g_strdup ("de");
}

/* Public API */

AcrModule *
acr_module_new (void)
{
  return g_object_new (ACR_TYPE_MODULE, NULL);
}

gboolean
acr_module_is_frozen (AcrModule *self)
{
  g_return_val_if_fail (ACR_IS_MODULE (self), FALSE);

  return self->id != 0 && status_is_frozen (self->stored_status);
}

gboolean
acr_module_validate (AcrModule  *self,
                     GError    **error)
{
  g_return_val_if_fail (ACR_IS_MODULE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_acr_is_blank (self->code))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("Give the module a code, such as “IT-SEC-01”."));
      return FALSE;
    }

  if (has_whitespace (self->code))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The module code “%s” contains a space. Write it without spaces, such as "
                     "“IT-SEC-01”."), self->code);
      return FALSE;
    }

  if (self->version < 1)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The version of a module must be 1 or higher, not %d."), self->version);
      return FALSE;
    }

  if (_acr_is_blank (self->language))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("Give the primary language of the module as a language code, such as "
                     "“de” or “en”."));
      return FALSE;
    }

  if (!language_tag_is_valid (self->language, strlen (self->language)))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a language code. Use a code such as “de” or “en-GB”."),
                   self->language);
      return FALSE;
    }

  if (self->languages != NULL && self->languages[0] != '\0')
    {
      g_auto(GStrv) tags = g_strsplit (self->languages, ",", -1);

      for (guint i = 0; tags[i] != NULL; i++)
        {
          const char *tag = g_strstrip (tags[i]);

          if (!language_tag_is_valid (tag, strlen (tag)))
            {
              g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                           _("The languages of instruction “%s” are not language codes "
                             "separated by commas. Write them like “de,en”."),
                           self->languages);
              return FALSE;
            }
        }
    }

  if (isnan (self->workload_hours) || self->workload_hours < 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The workload must be a positive number of hours, not %g."),
                   self->workload_hours);
      return FALSE;
    }

  if (isnan (self->ects) || self->ects < 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The ECTS credits must be a positive number, not %g."), self->ects);
      return FALSE;
    }

  if (self->validity_months < 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The validity must be a positive number of months, or 0 for unlimited, "
                     "not %d."), self->validity_months);
      return FALSE;
    }

  if (self->isced_f != NULL && self->isced_f[0] != '\0')
    {
      if (!acr_isced_f_is_code (self->isced_f))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("“%s” is not an ISCED-F field code. Such a code has four digits, "
                         "such as “0613”."), self->isced_f);
          return FALSE;
        }

      if (acr_isced_f_get_name (self->isced_f) == NULL)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("There is no ISCED-F 2013 field with the code “%s”. Choose one of its "
                         "detailed fields, such as “0613” for software development."),
                       self->isced_f);
          return FALSE;
        }
    }

  return TRUE;
}

/* The audit entry of a save: created, approved, retired or edited. */
static gboolean
audit_save (AcrModule  *self,
            AcrStore   *store,
            gboolean    inserting,
            gint64      id,
            GError    **error)
{
  if (inserting)
    return _acr_audit_appendf (store, "create", "module", id, error,
                               _("Created version %d of module “%s”."),
                               self->version, self->code);
  if (self->status != self->stored_status && self->status == ACR_STATUS_APPROVED)
    return _acr_audit_appendf (store, "approve", "module", id, error,
                               _("Approved version %d of module “%s”."),
                               self->version, self->code);
  if (self->status != self->stored_status && self->status == ACR_STATUS_RETIRED)
    return _acr_audit_appendf (store, "retire", "module", id, error,
                               _("Retired version %d of module “%s”."),
                               self->version, self->code);

  return _acr_audit_appendf (store, "edit", "module", id, error,
                             _("Edited version %d of module “%s” (%s)."), self->version,
                             self->code, acr_enum_to_label (ACR_TYPE_STATUS, self->status));
}

gboolean
acr_module_save (AcrModule  *self,
                 AcrStore   *store,
                 GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  const char *actor;
  gboolean inserting;
  gint64 id;

  g_return_val_if_fail (ACR_IS_MODULE (self), FALSE);
  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_module_validate (self, error))
    return FALSE;

  if (!acr_store_begin (store, error))
    return FALSE;

  inserting = self->id == 0;
  id = self->id;

  if (!inserting)
    {
      g_autoptr(AcrModule) stored = acr_module_load (store, self->id, error);

      if (stored == NULL)
        goto fail;

      if (status_is_frozen (stored->status))
        {
          gboolean retiring = stored->status == ACR_STATUS_APPROVED &&
                              self->status == ACR_STATUS_RETIRED;

          if (differs_besides_status (stored, self) ||
              (stored->status != self->status && !retiring))
            {
              _acr_module_set_frozen_error (error, stored->code, stored->version,
                                            stored->status);
              goto fail;
            }

          if (!retiring)
            {
              /* Nothing changed: nothing to write. */
              self->stored_status = stored->status;
              return acr_store_commit (store, error);
            }
        }
    }

  if (!check_references (self, store, error))
    goto fail;

  now = _acr_now_iso8601 ();
  actor = acr_store_get_actor (store);
  stmt = _acr_store_prepare (store, inserting ? INSERT_SQL : UPDATE_SQL, error);
  if (stmt == NULL)
    goto fail;

  bind_module (stmt, self, actor, now);
  if (!inserting)
    sqlite3_bind_int64 (stmt, 28, self->id);

  if (!_acr_store_run (store, stmt, error))
    {
      if (error != NULL && g_error_matches (*error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          set_duplicate_error (error, self->code, self->version);
        }
      goto fail;
    }

  if (inserting)
    id = _acr_store_last_insert_id (store);

  if (!audit_save (self, store, inserting, id, error))
    goto fail;

  if (!acr_store_commit (store, error))
    return FALSE;

  /* Written: now the object takes what the database holds. */
  g_object_freeze_notify (G_OBJECT (self));
  if (inserting)
    {
      self->id = id;
      _acr_set_string (&self->created_at, now);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
    }
  if (_acr_set_string (&self->updated_at, now))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
  if (_acr_set_string (&self->last_editor, actor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_EDITOR]);
  self->stored_status = self->status;
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;

fail:
  acr_store_rollback (store);
  return FALSE;
}

AcrModule *
acr_module_load (AcrStore  *store,
                 gint64     id,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _acr_store_prepare (store, "SELECT " MODULE_COLUMNS " FROM module WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      set_no_module_error (error, ACR_STORE_ERROR_NOT_FOUND, id);
      return NULL;
    }

  return row_to_module (store, stmt);
}

AcrModule *
acr_module_load_by_code (AcrStore    *store,
                         const char  *code,
                         int          version,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (version >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _acr_store_prepare (store,
                             "SELECT " MODULE_COLUMNS " FROM module WHERE code = ?1 "
                             "AND (?2 = 0 OR version = ?2) ORDER BY version DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return NULL;

  _acr_bind_text (stmt, 1, code);
  sqlite3_bind_int (stmt, 2, version);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    return row_to_module (store, stmt);

  if (version == 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no module with the code “%s”."), code);
    }
  else
    {
      g_autoptr(AcrModule) any = acr_module_load_by_code (store, code, 0, NULL);

      if (any == NULL)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no module with the code “%s”."), code);
      else
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("Module “%s” has no version %d. Its latest version is %d."),
                     code, version, any->version);
    }

  return NULL;
}

gboolean
acr_module_delete (AcrStore  *store,
                   gint64     id,
                   GError   **error)
{
  g_autoptr(AcrModule) module = NULL;
  g_autoptr(sqlite3_stmt) curriculum = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n_assessments = 0;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  module = acr_module_load (store, id, error);
  if (module == NULL)
    goto fail;

  if (!query_count (store, "SELECT count(*) FROM assessment WHERE module_id = ?1", id,
                    &n_assessments, error))
    goto fail;

  if (n_assessments > 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Version %d of module “%s” cannot be deleted: %d assessment "
                                "refers to it. Retire the version instead.",
                                "Version %d of module “%s” cannot be deleted: %d assessments "
                                "refer to it. Retire the version instead.",
                                n_assessments),
                   module->version, module->code, n_assessments);
      goto fail;
    }

  curriculum = _acr_store_prepare (store,
                                   "SELECT c.code FROM curriculum_module cm JOIN curriculum c "
                                   "ON c.id = cm.curriculum_id WHERE cm.module_id = ?1 "
                                   "ORDER BY c.code, c.id LIMIT 1", error);
  if (curriculum == NULL)
    goto fail;

  sqlite3_bind_int64 (curriculum, 1, id);
  rc = _acr_store_step (store, curriculum, error);
  if (rc < 0)
    goto fail;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   _("Version %d of module “%s” cannot be deleted: it is part of the "
                     "curriculum “%s”. Remove it from the curriculum first."),
                   module->version, module->code,
                   (const char *) sqlite3_column_text (curriculum, 0));
      goto fail;
    }

  stmt = _acr_store_prepare (store, "DELETE FROM module WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_acr_store_run (store, stmt, error))
    {
      if (error != NULL &&
          g_error_matches (*error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT))
        {
          g_clear_error (error);
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                       _("Version %d of module “%s” cannot be deleted: other entries still "
                         "refer to it."), module->version, module->code);
        }
      goto fail;
    }

  if (!_acr_audit_appendf (store, "delete", "module", id, error,
                           _("Deleted version %d of module “%s”."), module->version,
                           module->code))
    goto fail;

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  return FALSE;
}

AcrPagedList *
acr_module_list (AcrStore   *store,
                 const char *search)
{
  g_autofree char *pattern = NULL;
  const char *params[2] = { NULL, NULL };

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  if (search == NULL || search[0] == '\0')
    return _acr_paged_list_new (store, ACR_TYPE_MODULE,
                                "SELECT " MODULE_COLUMNS " FROM module "
                                "ORDER BY code COLLATE NOCASE, version, id",
                                NULL, row_to_module);

  pattern = _acr_like_pattern (search);
  params[0] = pattern;
  return _acr_paged_list_new (store, ACR_TYPE_MODULE,
                              "SELECT " MODULE_COLUMNS " FROM module "
                              "WHERE code LIKE ?1 ESCAPE '\\' OR title LIKE ?1 ESCAPE '\\' "
                              "OR title_en LIKE ?1 ESCAPE '\\' "
                              "ORDER BY code COLLATE NOCASE, version, id",
                              params, row_to_module);
}

AcrModule *
acr_module_new_version (AcrStore  *store,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(AcrModule) source = NULL;
  g_autoptr(AcrModule) copy = NULL;
  g_autoptr(sqlite3_stmt) max = NULL;
  g_autoptr(sqlite3_stmt) module = NULL;
  g_autoptr(sqlite3_stmt) outcomes = NULL;
  g_autoptr(sqlite3_stmt) levels = NULL;
  g_autofree char *now = NULL;
  gint64 new_id;
  int version;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!acr_store_begin (store, error))
    return NULL;

  source = acr_module_load (store, id, error);
  if (source == NULL)
    goto fail;

  if (!status_is_frozen (source->status))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("Version %d of module “%s” is not approved yet and can be edited as it "
                     "is. New versions are made from approved or retired versions only."),
                   source->version, source->code);
      goto fail;
    }

  max = _acr_store_prepare (store, "SELECT max(version) FROM module WHERE code = ?1", error);
  if (max == NULL)
    goto fail;
  _acr_bind_text (max, 1, source->code);
  if (_acr_store_step (store, max, error) != SQLITE_ROW)
    goto fail;
  version = sqlite3_column_int (max, 0) + 1;

  now = _acr_now_iso8601 ();
  module = _acr_store_prepare (store,
    "INSERT INTO module (code, version, status, organisation_id, title, title_en, "
    "description, description_en, language, languages, workload_hours, ects, "
    "assessment_type, assessment_mode, participation, supervision, qa_type, qa_body, "
    "prerequisites, validity_months, isced_f, stackability, stackable_towards, further_info, "
    "last_editor, created_at, updated_at) "
    "SELECT code, ?2, 'draft', organisation_id, title, title_en, "
    "description, description_en, language, languages, workload_hours, ects, "
    "assessment_type, assessment_mode, participation, supervision, qa_type, qa_body, "
    "prerequisites, validity_months, isced_f, stackability, stackable_towards, further_info, "
    "?3, ?4, ?4 FROM module WHERE id = ?1", error);
  if (module == NULL)
    goto fail;

  sqlite3_bind_int64 (module, 1, id);
  sqlite3_bind_int (module, 2, version);
  _acr_bind_text (module, 3, acr_store_get_actor (store));
  _acr_bind_text (module, 4, now);
  if (!_acr_store_run (store, module, error))
    goto fail;
  new_id = _acr_store_last_insert_id (store);

  outcomes = _acr_store_prepare (store,
    "INSERT INTO learning_outcome (module_id, position, statement, statement_en, kind, "
    "esco_uri) SELECT ?1, position, statement, statement_en, kind, esco_uri "
    "FROM learning_outcome WHERE module_id = ?2 ORDER BY position", error);
  if (outcomes == NULL)
    goto fail;
  sqlite3_bind_int64 (outcomes, 1, new_id);
  sqlite3_bind_int64 (outcomes, 2, id);
  if (!_acr_store_run (store, outcomes, error))
    goto fail;

  levels = _acr_store_prepare (store,
    "INSERT INTO module_level (module_id, framework_id, level, rationale) "
    "SELECT ?1, framework_id, level, rationale FROM module_level WHERE module_id = ?2 "
    "ORDER BY id", error);
  if (levels == NULL)
    goto fail;
  sqlite3_bind_int64 (levels, 1, new_id);
  sqlite3_bind_int64 (levels, 2, id);
  if (!_acr_store_run (store, levels, error))
    goto fail;

  /* The rubric with its cells and its criterion → outcome links, each outcome mapped to the
   * copy at the same position. */
  if (!acr_rubric_copy_to_module (store, id, new_id, error))
    goto fail;

  copy = acr_module_load (store, new_id, error);
  if (copy == NULL)
    goto fail;

  if (!_acr_audit_appendf (store, "new-version", "module", new_id, error,
                           _("Made version %d of module “%s” from version %d."), version,
                           source->code, source->version))
    goto fail;

  if (!acr_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&copy);

fail:
  acr_store_rollback (store);
  return NULL;
}
