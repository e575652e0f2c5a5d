/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrLearningOutcome: one learning outcome of a module version (table learning_outcome),
 * and the module's functions over its outcomes: acr_module_list_outcomes() and
 * acr_module_move_outcome().
 *
 * Rules kept here:
 * - the outcomes of a module are ordered by position, and positions stay dense, 1 … n: a new
 *   outcome goes to the end (or to the position asked for, the others moving down), deleting
 *   one closes the gap, moving one shifts those between. The UNIQUE (module_id, position)
 *   constraint is checked row by row, so shifts go through negative positions first;
 * - an outcome belongs to one module for life; the outcomes of an approved or retired module
 *   version are frozen (READ_ONLY), as the module is;
 * - a statement is required; an ESCO skill URI, when given, is an http(s) URI;
 * - every change is one transaction and records the module's updated-at and last editor. */

#define G_LOG_DOMAIN "acr-learning-outcome"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "acr-learning-outcome.h"
#include "acr-module-private.h"
#include "acr-validate.h"

struct _AcrLearningOutcome
{
  GObject         parent_instance;

  gint64          id;
  gint64          module_id;
  int             position;
  char           *statement;
  char           *statement_en;
  AcrOutcomeKind  kind;
  char           *esco_uri;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_MODULE_ID,
  PROP_POSITION,
  PROP_STATEMENT,
  PROP_STATEMENT_EN,
  PROP_KIND,
  PROP_ESCO_URI,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrLearningOutcome, acr_learning_outcome, G_TYPE_OBJECT)

#define OUTCOME_COLUMNS "id, module_id, position, statement, statement_en, kind, esco_uri"

/* Helpers */

static gpointer
row_to_outcome (sqlite3_stmt *stmt)
{
  AcrLearningOutcome *self = g_object_new (ACR_TYPE_LEARNING_OUTCOME, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->module_id = sqlite3_column_int64 (stmt, 1);
  self->position = sqlite3_column_int (stmt, 2);
  self->statement = _acr_column_dup (stmt, 3);
  self->statement_en = _acr_column_dup (stmt, 4);
  self->kind = _acr_column_enum (stmt, 5, ACR_TYPE_OUTCOME_KIND);
  self->esco_uri = _acr_column_dup (stmt, 6);

  return self;
}

static void
set_no_outcome_error (GError **error,
                      gint64   id)
{
  g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
               _("There is no learning outcome with the number %" PRId64 "."), id);
}

/* Reads the module and position of outcome @id. */
static gboolean
lookup_outcome (AcrStore  *store,
                gint64     id,
                gint64    *module_id,
                int       *position,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _acr_store_prepare (store, "SELECT module_id, position FROM learning_outcome "
                                    "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      set_no_outcome_error (error, id);
      return FALSE;
    }

  *module_id = sqlite3_column_int64 (stmt, 0);
  *position = sqlite3_column_int (stmt, 1);
  return TRUE;
}

static gboolean
count_outcomes (AcrStore  *store,
                gint64     module_id,
                int       *count,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _acr_store_prepare (store, "SELECT count(*) FROM learning_outcome "
                                    "WHERE module_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, module_id);
  if (_acr_store_step (store, stmt, error) != SQLITE_ROW)
    return FALSE;

  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
run_positions (AcrStore    *store,
               const char  *sql,
               gint64       a,
               int          b,
               int          c,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int (stmt, 3, c);

  return _acr_store_run (store, stmt, error);
}

/* Adds @delta (±1) to the positions from @first to @last of the module's outcomes. Goes
 * through negative numbers so that no two rows ever share a position. Needs a transaction. */
static gboolean
shift_positions (AcrStore  *store,
                 gint64     module_id,
                 int        first,
                 int        last,
                 int        delta,
                 GError   **error)
{
  const char *sql = delta > 0 ?
    "UPDATE learning_outcome SET position = -(position + 1) "
    "WHERE module_id = ?1 AND position BETWEEN ?2 AND ?3" :
    "UPDATE learning_outcome SET position = -(position - 1) "
    "WHERE module_id = ?1 AND position BETWEEN ?2 AND ?3";

  if (first > last)
    return TRUE;

  return run_positions (store, sql, module_id, first, last, error) &&
         run_positions (store, "UPDATE learning_outcome SET position = -position "
                               "WHERE module_id = ?1 AND position < 0",
                        module_id, 0, 0, error);
}

/* Moves outcome @id of @module_id from position @from to @to, both within 1 … n. */
static gboolean
move_within (AcrStore  *store,
             gint64     module_id,
             gint64     id,
             int        from,
             int        to,
             GError   **error)
{
  if (from == to)
    return TRUE;

  /* Position 0 is never used by a row at rest, so it parks the moving one. */
  if (!run_positions (store, "UPDATE learning_outcome SET position = ?2 WHERE id = ?1",
                      id, 0, 0, error))
    return FALSE;

  if (to < from)
    {
      if (!shift_positions (store, module_id, to, from - 1, +1, error))
        return FALSE;
    }
  else
    {
      if (!shift_positions (store, module_id, from + 1, to, -1, error))
        return FALSE;
    }

  return run_positions (store, "UPDATE learning_outcome SET position = ?2 WHERE id = ?1",
                        id, to, 0, error);
}

/* GObject */

static void
acr_learning_outcome_finalize (GObject *object)
{
  AcrLearningOutcome *self = (AcrLearningOutcome *) object;

  g_clear_pointer (&self->statement, g_free);
  g_clear_pointer (&self->statement_en, g_free);
  g_clear_pointer (&self->esco_uri, g_free);

  G_OBJECT_CLASS (acr_learning_outcome_parent_class)->finalize (object);
}

static void
acr_learning_outcome_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AcrLearningOutcome *self = ACR_LEARNING_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_MODULE_ID:
      g_value_set_int64 (value, self->module_id);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_STATEMENT:
      g_value_set_string (value, self->statement);
      break;
    case PROP_STATEMENT_EN:
      g_value_set_string (value, self->statement_en);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ESCO_URI:
      g_value_set_string (value, self->esco_uri);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_learning_outcome_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AcrLearningOutcome *self = ACR_LEARNING_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_MODULE_ID:
      acr_learning_outcome_set_module_id (self, g_value_get_int64 (value));
      break;
    case PROP_POSITION:
      acr_learning_outcome_set_position (self, g_value_get_int (value));
      break;
    case PROP_STATEMENT:
      acr_learning_outcome_set_statement (self, g_value_get_string (value));
      break;
    case PROP_STATEMENT_EN:
      acr_learning_outcome_set_statement_en (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      acr_learning_outcome_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_ESCO_URI:
      acr_learning_outcome_set_esco_uri (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_learning_outcome_class_init (AcrLearningOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_learning_outcome_finalize;
  object_class->get_property = acr_learning_outcome_get_property;
  object_class->set_property = acr_learning_outcome_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE_ID] =
    g_param_spec_int64 ("module-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_STATEMENT] =
    g_param_spec_string ("statement", NULL, NULL, NULL, rw);
  properties[PROP_STATEMENT_EN] =
    g_param_spec_string ("statement-en", NULL, NULL, NULL, rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ACR_TYPE_OUTCOME_KIND,
                       ACR_OUTCOME_KIND_KNOWLEDGE, rw);
  properties[PROP_ESCO_URI] =
    g_param_spec_string ("esco-uri", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_learning_outcome_init (AcrLearningOutcome *self)
{
}

/* Public API */

AcrLearningOutcome *
acr_learning_outcome_new (void)
{
  return g_object_new (ACR_TYPE_LEARNING_OUTCOME, NULL);
}

gint64
acr_learning_outcome_get_id (AcrLearningOutcome *self)
{
  g_return_val_if_fail (ACR_IS_LEARNING_OUTCOME (self), 0);

  return self->id;
}

gint64
acr_learning_outcome_get_module_id (AcrLearningOutcome *self)
{
  g_return_val_if_fail (ACR_IS_LEARNING_OUTCOME (self), 0);

  return self->module_id;
}

void
acr_learning_outcome_set_module_id (AcrLearningOutcome *self,
                                    gint64              module_id)
{
  g_return_if_fail (ACR_IS_LEARNING_OUTCOME (self));

  if (self->module_id == module_id)
    return;

  self->module_id = module_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODULE_ID]);
}

int
acr_learning_outcome_get_position (AcrLearningOutcome *self)
{
  g_return_val_if_fail (ACR_IS_LEARNING_OUTCOME (self), 0);

  return self->position;
}

void
acr_learning_outcome_set_position (AcrLearningOutcome *self,
                                   int                 position)
{
  g_return_if_fail (ACR_IS_LEARNING_OUTCOME (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
acr_learning_outcome_get_statement (AcrLearningOutcome *self)
{
  g_return_val_if_fail (ACR_IS_LEARNING_OUTCOME (self), NULL);

  return self->statement;
}

void
acr_learning_outcome_set_statement (AcrLearningOutcome *self,
                                    const char         *statement)
{
  g_return_if_fail (ACR_IS_LEARNING_OUTCOME (self));

  if (_acr_set_string (&self->statement, statement))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATEMENT]);
}

const char *
acr_learning_outcome_get_statement_en (AcrLearningOutcome *self)
{
  g_return_val_if_fail (ACR_IS_LEARNING_OUTCOME (self), NULL);

  return self->statement_en;
}

void
acr_learning_outcome_set_statement_en (AcrLearningOutcome *self,
                                       const char         *statement_en)
{
  g_return_if_fail (ACR_IS_LEARNING_OUTCOME (self));

  if (_acr_set_string (&self->statement_en, statement_en))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATEMENT_EN]);
}

AcrOutcomeKind
acr_learning_outcome_get_kind (AcrLearningOutcome *self)
{
  g_return_val_if_fail (ACR_IS_LEARNING_OUTCOME (self), 0);

  return self->kind;
}

void
acr_learning_outcome_set_kind (AcrLearningOutcome *self,
                               AcrOutcomeKind      kind)
{
  g_return_if_fail (ACR_IS_LEARNING_OUTCOME (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
acr_learning_outcome_get_esco_uri (AcrLearningOutcome *self)
{
  g_return_val_if_fail (ACR_IS_LEARNING_OUTCOME (self), NULL);

  return self->esco_uri;
}

void
acr_learning_outcome_set_esco_uri (AcrLearningOutcome *self,
                                   const char         *esco_uri)
{
  g_return_if_fail (ACR_IS_LEARNING_OUTCOME (self));

  if (_acr_set_string (&self->esco_uri, esco_uri))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESCO_URI]);
}

gboolean
acr_learning_outcome_validate (AcrLearningOutcome  *self,
                               GError             **error)
{
  g_return_val_if_fail (ACR_IS_LEARNING_OUTCOME (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->module_id <= 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("Choose the module the learning outcome belongs to."));
      return FALSE;
    }

  if (self->position < 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The position of a learning outcome must be 1 or higher, not %d."),
                   self->position);
      return FALSE;
    }

  if (_acr_is_blank (self->statement))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("Write the learning outcome as a statement of what the learner knows or "
                     "can do."));
      return FALSE;
    }

  if (acr_enum_to_nick (ACR_TYPE_OUTCOME_KIND, self->kind) == NULL)
    {
      g_autofree char *nicks = acr_enum_list_nicks (ACR_TYPE_OUTCOME_KIND);

      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The kind of a learning outcome must be one of %s."), nicks);
      return FALSE;
    }

  if (self->esco_uri != NULL && self->esco_uri[0] != '\0' &&
      !_acr_validate_uri (self->esco_uri))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a web address. Give an ESCO skill URI such as "
                     "“http://data.europa.eu/esco/skill/…” or another http(s) address."),
                   self->esco_uri);
      return FALSE;
    }

  return TRUE;
}

gboolean
acr_learning_outcome_save (AcrLearningOutcome  *self,
                           AcrStore            *store,
                           GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean inserting;
  gint64 id;
  int count = 0;
  int position;

  g_return_val_if_fail (ACR_IS_LEARNING_OUTCOME (self), FALSE);
  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_learning_outcome_validate (self, error))
    return FALSE;

  if (!acr_store_begin (store, error))
    return FALSE;

  inserting = self->id == 0;
  id = self->id;

  if (inserting)
    {
      if (!_acr_module_check_editable (store, self->module_id, ACR_STORE_ERROR_CONSTRAINT,
                                       error) ||
          !count_outcomes (store, self->module_id, &count, error))
        goto fail;

      /* Appended first, then moved where it was asked to go. */
      stmt = _acr_store_prepare (store,
                                 "INSERT INTO learning_outcome (module_id, position, statement, "
                                 "statement_en, kind, esco_uri) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                 error);
      if (stmt == NULL)
        goto fail;

      sqlite3_bind_int64 (stmt, 1, self->module_id);
      sqlite3_bind_int (stmt, 2, count + 1);
      _acr_bind_text (stmt, 3, self->statement);
      _acr_bind_text (stmt, 4, self->statement_en != NULL && self->statement_en[0] != '\0' ?
                               self->statement_en : NULL);
      _acr_bind_enum (stmt, 5, ACR_TYPE_OUTCOME_KIND, self->kind);
      _acr_bind_text (stmt, 6, self->esco_uri != NULL && self->esco_uri[0] != '\0' ?
                               self->esco_uri : NULL);
      if (!_acr_store_run (store, stmt, error))
        goto fail;

      id = _acr_store_last_insert_id (store);
      count++;
      position = self->position == 0 || self->position > count ? count : self->position;
      if (!move_within (store, self->module_id, id, count, position, error))
        goto fail;
    }
  else
    {
      gint64 stored_module_id = 0;
      int stored_position = 0;

      if (!lookup_outcome (store, self->id, &stored_module_id, &stored_position, error))
        goto fail;

      if (stored_module_id != self->module_id)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("A learning outcome cannot move to another module. Add it to the "
                         "other module as a new outcome instead."));
          goto fail;
        }

      if (!_acr_module_check_editable (store, self->module_id, ACR_STORE_ERROR_CONSTRAINT,
                                       error) ||
          !count_outcomes (store, self->module_id, &count, error))
        goto fail;

      stmt = _acr_store_prepare (store,
                                 "UPDATE learning_outcome SET statement = ?2, statement_en = ?3, "
                                 "kind = ?4, esco_uri = ?5 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;

      sqlite3_bind_int64 (stmt, 1, self->id);
      _acr_bind_text (stmt, 2, self->statement);
      _acr_bind_text (stmt, 3, self->statement_en != NULL && self->statement_en[0] != '\0' ?
                               self->statement_en : NULL);
      _acr_bind_enum (stmt, 4, ACR_TYPE_OUTCOME_KIND, self->kind);
      _acr_bind_text (stmt, 5, self->esco_uri != NULL && self->esco_uri[0] != '\0' ?
                               self->esco_uri : NULL);
      if (!_acr_store_run (store, stmt, error))
        goto fail;

      /* 0 keeps the position; beyond the end means the end. */
      position = self->position == 0 ? stored_position : MIN (self->position, count);
      if (!move_within (store, self->module_id, self->id, stored_position, position, error))
        goto fail;
    }

  if (!_acr_module_touch (store, self->module_id, error))
    goto fail;

  if (!acr_store_commit (store, error))
    return FALSE;

  if (inserting)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  acr_learning_outcome_set_position (self, position);

  return TRUE;

fail:
  acr_store_rollback (store);
  return FALSE;
}

AcrLearningOutcome *
acr_learning_outcome_load (AcrStore  *store,
                           gint64     id,
                           GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _acr_store_prepare (store, "SELECT " OUTCOME_COLUMNS " FROM learning_outcome "
                                    "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      set_no_outcome_error (error, id);
      return NULL;
    }

  return row_to_outcome (stmt);
}

gboolean
acr_learning_outcome_delete (AcrStore  *store,
                             gint64     id,
                             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 module_id = 0;
  int position = 0;
  int count = 0;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  if (!lookup_outcome (store, id, &module_id, &position, error) ||
      !_acr_module_check_editable (store, module_id, ACR_STORE_ERROR_NOT_FOUND, error) ||
      !count_outcomes (store, module_id, &count, error))
    goto fail;

  stmt = _acr_store_prepare (store, "DELETE FROM learning_outcome WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_acr_store_run (store, stmt, error) ||
      !shift_positions (store, module_id, position + 1, count, -1, error) ||
      !_acr_module_touch (store, module_id, error))
    goto fail;

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  return FALSE;
}

GListModel *
acr_module_list_outcomes (AcrStore  *store,
                          gint64     module_id,
                          GError   **error)
{
  g_autoptr(GListStore) outcomes = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(AcrModule) module = NULL;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  module = acr_module_load (store, module_id, error);
  if (module == NULL)
    return NULL;

  stmt = _acr_store_prepare (store, "SELECT " OUTCOME_COLUMNS " FROM learning_outcome "
                                    "WHERE module_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, module_id);
  outcomes = g_list_store_new (ACR_TYPE_LEARNING_OUTCOME);
  while ((rc = _acr_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(AcrLearningOutcome) outcome = row_to_outcome (stmt);

      g_list_store_append (outcomes, outcome);
    }

  if (rc < 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&outcomes));
}

gboolean
acr_module_move_outcome (AcrStore  *store,
                         gint64     outcome_id,
                         int        new_position,
                         GError   **error)
{
  gint64 module_id = 0;
  int position = 0;
  int count = 0;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  if (!lookup_outcome (store, outcome_id, &module_id, &position, error) ||
      !_acr_module_check_editable (store, module_id, ACR_STORE_ERROR_NOT_FOUND, error) ||
      !count_outcomes (store, module_id, &count, error))
    goto fail;

  if (new_position < 1 || new_position > count)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The module has %2$d learning outcome; position %1$d is not "
                                "one of them.",
                                "The module has %2$d learning outcomes; choose a position from "
                                "1 to %2$d, not %1$d.",
                                count),
                   new_position, count);
      goto fail;
    }

  if (new_position != position &&
      (!move_within (store, module_id, outcome_id, position, new_position, error) ||
       !_acr_module_touch (store, module_id, error)))
    goto fail;

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  return FALSE;
}
