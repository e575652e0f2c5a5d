/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrLearner: a person who is assessed and receives credentials (table learner).
 *
 * Rules it keeps: given and family name not blank; a date of birth, when given, a real
 * ISO 8601 calendar date not after today; an email address, when given, of a plausible
 * form; an external identifier, when given, unique among learners. Empty optional texts are
 * stored as NULL. Saving is one transaction and leaves the object untouched on failure; a
 * learner is not deleted while assessments of theirs are recorded, since credentials rest
 * on them. */

#define G_LOG_DOMAIN "acr-learner"

#include "config.h"

#include <string.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "acr-audit-private.h"
#include "acr-learner.h"
#include "acr-paged-list-private.h"
#include "acr-store-private.h"
#include "acr-validate.h"

struct _AcrLearner
{
  GObject  parent_instance;

  gint64   id;
  char    *given_name;
  char    *family_name;
  char    *birth_date;
  char    *email;
  char    *external_id;
  char    *created_at;
  char    *updated_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_BIRTH_DATE,
  PROP_EMAIL,
  PROP_EXTERNAL_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define SELECT_COLUMNS \
  "SELECT id, given_name, family_name, birth_date, email, external_id, created_at, " \
  "updated_at FROM learner "
#define ORDER_BY \
  "ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id"

G_DEFINE_FINAL_TYPE (AcrLearner, acr_learner, G_TYPE_OBJECT)

static void
set_field (AcrLearner  *self,
           char       **field,
           const char  *value,
           gboolean     optional,
           int          prop)
{
  g_autofree char *copy = optional ? _acr_dup_nonempty (value) : g_strdup (value);

  if (_acr_set_string (field, copy))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gpointer
learner_from_row (AcrStore     *store,
                  sqlite3_stmt *stmt)
{
  AcrLearner *self = acr_learner_new ();

  self->id = sqlite3_column_int64 (stmt, 0);
  self->given_name = _acr_column_dup (stmt, 1);
  self->family_name = _acr_column_dup (stmt, 2);
  self->birth_date = _acr_column_dup (stmt, 3);
  self->email = _acr_column_dup (stmt, 4);
  self->external_id = _acr_column_dup (stmt, 5);
  self->created_at = _acr_column_dup (stmt, 6);
  self->updated_at = _acr_column_dup (stmt, 7);

  return self;
}

static void
acr_learner_finalize (GObject *object)
{
  AcrLearner *self = (AcrLearner *) object;

  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->birth_date, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->external_id, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (acr_learner_parent_class)->finalize (object);
}

static void
acr_learner_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AcrLearner *self = ACR_LEARNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;
    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;
    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->external_id);
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
acr_learner_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AcrLearner *self = ACR_LEARNER (object);

  switch (prop_id)
    {
    case PROP_GIVEN_NAME:
      acr_learner_set_given_name (self, g_value_get_string (value));
      break;
    case PROP_FAMILY_NAME:
      acr_learner_set_family_name (self, g_value_get_string (value));
      break;
    case PROP_BIRTH_DATE:
      acr_learner_set_birth_date (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      acr_learner_set_email (self, g_value_get_string (value));
      break;
    case PROP_EXTERNAL_ID:
      acr_learner_set_external_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_learner_class_init (AcrLearnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_learner_finalize;
  object_class->get_property = acr_learner_get_property;
  object_class->set_property = acr_learner_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_GIVEN_NAME] = g_param_spec_string ("given-name", NULL, NULL, NULL, rw);
  properties[PROP_FAMILY_NAME] = g_param_spec_string ("family-name", NULL, NULL, NULL, rw);
  properties[PROP_BIRTH_DATE] = g_param_spec_string ("birth-date", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_EXTERNAL_ID] = g_param_spec_string ("external-id", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_learner_init (AcrLearner *self)
{
}

AcrLearner *
acr_learner_new (void)
{
  return g_object_new (ACR_TYPE_LEARNER, NULL);
}

gint64
acr_learner_get_id (AcrLearner *self)
{
  g_return_val_if_fail (ACR_IS_LEARNER (self), 0);

  return self->id;
}

const char *
acr_learner_get_given_name (AcrLearner *self)
{
  g_return_val_if_fail (ACR_IS_LEARNER (self), NULL);

  return self->given_name;
}

void
acr_learner_set_given_name (AcrLearner *self,
                            const char *given_name)
{
  g_return_if_fail (ACR_IS_LEARNER (self));

  set_field (self, &self->given_name, given_name, FALSE, PROP_GIVEN_NAME);
}

const char *
acr_learner_get_family_name (AcrLearner *self)
{
  g_return_val_if_fail (ACR_IS_LEARNER (self), NULL);

  return self->family_name;
}

void
acr_learner_set_family_name (AcrLearner *self,
                             const char *family_name)
{
  g_return_if_fail (ACR_IS_LEARNER (self));

  set_field (self, &self->family_name, family_name, FALSE, PROP_FAMILY_NAME);
}

const char *
acr_learner_get_birth_date (AcrLearner *self)
{
  g_return_val_if_fail (ACR_IS_LEARNER (self), NULL);

  return self->birth_date;
}

void
acr_learner_set_birth_date (AcrLearner *self,
                            const char *birth_date)
{
  g_return_if_fail (ACR_IS_LEARNER (self));

  set_field (self, &self->birth_date, birth_date, TRUE, PROP_BIRTH_DATE);
}

const char *
acr_learner_get_email (AcrLearner *self)
{
  g_return_val_if_fail (ACR_IS_LEARNER (self), NULL);

  return self->email;
}

void
acr_learner_set_email (AcrLearner *self,
                       const char *email)
{
  g_return_if_fail (ACR_IS_LEARNER (self));

  set_field (self, &self->email, email, TRUE, PROP_EMAIL);
}

const char *
acr_learner_get_external_id (AcrLearner *self)
{
  g_return_val_if_fail (ACR_IS_LEARNER (self), NULL);

  return self->external_id;
}

void
acr_learner_set_external_id (AcrLearner *self,
                             const char *external_id)
{
  g_return_if_fail (ACR_IS_LEARNER (self));

  set_field (self, &self->external_id, external_id, TRUE, PROP_EXTERNAL_ID);
}

const char *
acr_learner_get_created_at (AcrLearner *self)
{
  g_return_val_if_fail (ACR_IS_LEARNER (self), NULL);

  return self->created_at;
}

const char *
acr_learner_get_updated_at (AcrLearner *self)
{
  g_return_val_if_fail (ACR_IS_LEARNER (self), NULL);

  return self->updated_at;
}

char *
acr_learner_dup_display_name (AcrLearner *self)
{
  gboolean has_given, has_family;

  g_return_val_if_fail (ACR_IS_LEARNER (self), NULL);

  has_given = !_acr_is_blank (self->given_name);
  has_family = !_acr_is_blank (self->family_name);

  if (has_given && has_family)
    return g_strdup_printf ("%s %s", self->given_name, self->family_name);
  if (has_given)
    return g_strdup (self->given_name);
  if (has_family)
    return g_strdup (self->family_name);

  return g_strdup ("");
}

gboolean
acr_learner_validate (AcrLearner  *self,
                      GError     **error)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (ACR_IS_LEARNER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = acr_learner_dup_display_name (self);

  if (_acr_is_blank (self->given_name))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The learner %s needs a given name."), display);
      return FALSE;
    }

  if (_acr_is_blank (self->family_name))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The learner %s needs a family name."), display);
      return FALSE;
    }

  if (self->birth_date != NULL)
    {
      g_autoptr(GDateTime) now = NULL;
      g_autofree char *today = NULL;

      if (!_acr_date_is_valid (self->birth_date))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("“%s” is not a valid date of birth for %s. Write the date as "
                         "YYYY-MM-DD, for example 2001-04-30."), self->birth_date, display);
          return FALSE;
        }

      now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
      if (strcmp (self->birth_date, today) > 0)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The date of birth %s of %s lies in the future. Check the date."),
                       self->birth_date, display);
          return FALSE;
        }
    }

  if (self->email != NULL && !_acr_validate_email (self->email))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not an email address. Give an address of %s such as "
                     "“name@example.org”."), self->email, display);
      return FALSE;
    }

  if (self->external_id != NULL && _acr_is_blank (self->external_id))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The external identifier of %s is blank. Give the identifier, or leave "
                     "it empty."), display);
      return FALSE;
    }

  return TRUE;
}

gboolean
acr_learner_save (AcrLearner  *self,
                  AcrStore    *store,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  gboolean is_new;
  gint64 id;

  g_return_val_if_fail (ACR_IS_LEARNER (self), FALSE);
  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_learner_validate (self, error))
    return FALSE;

  is_new = self->id == 0;
  now = _acr_now_iso8601 ();

  if (!acr_store_begin (store, error))
    return FALSE;

  if (is_new)
    stmt = _acr_store_prepare (store,
                               "INSERT INTO learner (given_name, family_name, birth_date, email, "
                               "external_id, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", &local_error);
  else
    stmt = _acr_store_prepare (store,
                               "UPDATE learner SET given_name = ?1, family_name = ?2, "
                               "birth_date = ?3, email = ?4, external_id = ?5, updated_at = ?6 "
                               "WHERE id = ?7", &local_error);
  if (stmt == NULL)
    goto fail;

  _acr_bind_text (stmt, 1, self->given_name);
  _acr_bind_text (stmt, 2, self->family_name);
  _acr_bind_text (stmt, 3, self->birth_date);
  _acr_bind_text (stmt, 4, self->email);
  _acr_bind_text (stmt, 5, self->external_id);
  _acr_bind_text (stmt, 6, now);
  if (!is_new)
    _acr_bind_id (stmt, 7, self->id);

  if (!_acr_store_run (store, stmt, &local_error))
    {
      if (g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE))
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                       _("A learner with the external identifier “%s” already exists. Give "
                         "another identifier, or edit that learner instead."),
                       self->external_id);
        }
      goto fail;
    }

  if (!is_new && _acr_store_changes (store) == 0)
    {
      g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no learner with the number %" PRId64 " any more; "
                     "they may have been deleted."), self->id);
      goto fail;
    }

  id = is_new ? _acr_store_last_insert_id (store) : self->id;
  if (!_acr_audit_appendf (store, is_new ? "create" : "edit", "learner", id, &local_error,
                           is_new ? _("Added the learner %s %s.") : _("Edited the learner %s %s."),
                           self->given_name, self->family_name))
    goto fail;

  if (!acr_store_commit (store, error))
    return FALSE;

  if (is_new)
    {
      self->id = id;
      _acr_set_string (&self->created_at, now);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
    }

  if (_acr_set_string (&self->updated_at, now))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);

  return TRUE;

fail:
  acr_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

AcrLearner *
acr_learner_load (AcrStore  *store,
                  gint64     id,
                  GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _acr_store_prepare (store, SELECT_COLUMNS "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no learner with the number %" PRId64 "."), id);
      return NULL;
    }

  return learner_from_row (store, stmt);
}

gboolean
acr_learner_delete (AcrStore  *store,
                    gint64     id,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  int n_assessments;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  check = _acr_store_prepare (store,
                              "SELECT given_name || ' ' || family_name, "
                              "(SELECT count(*) FROM assessment WHERE learner_id = ?1) "
                              "FROM learner WHERE id = ?1", &local_error);
  if (check == NULL)
    goto fail;

  sqlite3_bind_int64 (check, 1, id);
  rc = _acr_store_step (store, check, &local_error);
  if (rc < 0)
    goto fail;

  if (rc != SQLITE_ROW)
    {
      g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no learner with the number %" PRId64 "."), id);
      goto fail;
    }

  name = _acr_column_dup (check, 0);
  n_assessments = sqlite3_column_int (check, 1);
  if (n_assessments > 0)
    {
      g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The learner %s cannot be deleted: %d assessment of theirs is "
                                "recorded. Delete the assessment first.",
                                "The learner %s cannot be deleted: %d assessments of theirs "
                                "are recorded. Delete those assessments first.", n_assessments),
                   (const char *) sqlite3_column_text (check, 0), n_assessments);
      goto fail;
    }

  g_clear_pointer (&check, sqlite3_finalize);
  stmt = _acr_store_prepare (store, "DELETE FROM learner WHERE id = ?1", &local_error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_acr_store_run (store, stmt, &local_error))
    goto fail;

  if (!_acr_audit_appendf (store, "delete", "learner", id, &local_error,
                           _("Deleted the learner %s."), name))
    goto fail;

  return acr_store_commit (store, error);

fail:
  g_clear_pointer (&check, sqlite3_finalize);
  acr_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

AcrPagedList *
acr_learner_list (AcrStore   *store,
                  const char *search)
{
  g_autofree char *pattern = NULL;
  const char *params[2] = { NULL, NULL };

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  if (search == NULL || search[0] == '\0')
    return _acr_paged_list_new (store, ACR_TYPE_LEARNER, SELECT_COLUMNS ORDER_BY, NULL,
                                learner_from_row);

  pattern = _acr_like_pattern (search);
  params[0] = pattern;
  return _acr_paged_list_new (store, ACR_TYPE_LEARNER,
                              SELECT_COLUMNS
                              "WHERE given_name LIKE ?1 ESCAPE '\\' "
                              "OR family_name LIKE ?1 ESCAPE '\\' "
                              "OR given_name || ' ' || family_name LIKE ?1 ESCAPE '\\' "
                              "OR email LIKE ?1 ESCAPE '\\' "
                              "OR external_id LIKE ?1 ESCAPE '\\' "
                              ORDER_BY,
                              params, learner_from_row);
}
