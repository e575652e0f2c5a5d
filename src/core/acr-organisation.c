/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrOrganisation: an awarding body or provider (table organisation).
 *
 * Rules it keeps: a name that is not blank; a country that is an ISO 3166-1 alpha-2 code or
 * an ISO 3166-2 region, uppercase; a legal identifier, when given, unique among
 * organisations; web and email, when given, of a plausible form. Empty optional texts are
 * stored as NULL. Saving is one transaction and leaves the object untouched on failure; an
 * organisation is not deleted while modules or curricula name it. */

#define G_LOG_DOMAIN "acr-organisation"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "acr-audit-private.h"
#include "acr-organisation.h"
#include "acr-paged-list-private.h"
#include "acr-store-private.h"
#include "acr-validate.h"

struct _AcrOrganisation
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *legal_id;
  char    *country;
  char    *address;
  char    *web;
  char    *email;
  char    *created_at;
  char    *updated_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_LEGAL_ID,
  PROP_COUNTRY,
  PROP_ADDRESS,
  PROP_WEB,
  PROP_EMAIL,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define SELECT_COLUMNS \
  "SELECT id, name, legal_id, country, address, web, email, created_at, updated_at " \
  "FROM organisation "

G_DEFINE_FINAL_TYPE (AcrOrganisation, acr_organisation, G_TYPE_OBJECT)

static void
set_optional (AcrOrganisation  *self,
              char            **field,
              const char       *value,
              int               prop)
{
  g_autofree char *copy = _acr_dup_nonempty (value);

  if (_acr_set_string (field, copy))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gpointer
organisation_from_row (AcrStore     *store,
                       sqlite3_stmt *stmt)
{
  AcrOrganisation *self = acr_organisation_new ();

  self->id = sqlite3_column_int64 (stmt, 0);
  self->name = _acr_column_dup (stmt, 1);
  self->legal_id = _acr_column_dup (stmt, 2);
  self->country = _acr_column_dup (stmt, 3);
  self->address = _acr_column_dup (stmt, 4);
  self->web = _acr_column_dup (stmt, 5);
  self->email = _acr_column_dup (stmt, 6);
  self->created_at = _acr_column_dup (stmt, 7);
  self->updated_at = _acr_column_dup (stmt, 8);

  return self;
}

static void
acr_organisation_finalize (GObject *object)
{
  AcrOrganisation *self = (AcrOrganisation *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->legal_id, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->web, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (acr_organisation_parent_class)->finalize (object);
}

static void
acr_organisation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AcrOrganisation *self = ACR_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LEGAL_ID:
      g_value_set_string (value, self->legal_id);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_WEB:
      g_value_set_string (value, self->web);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
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
acr_organisation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AcrOrganisation *self = ACR_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      acr_organisation_set_name (self, g_value_get_string (value));
      break;
    case PROP_LEGAL_ID:
      acr_organisation_set_legal_id (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      acr_organisation_set_country (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      acr_organisation_set_address (self, g_value_get_string (value));
      break;
    case PROP_WEB:
      acr_organisation_set_web (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      acr_organisation_set_email (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_organisation_class_init (AcrOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_organisation_finalize;
  object_class->get_property = acr_organisation_get_property;
  object_class->set_property = acr_organisation_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_LEGAL_ID] = g_param_spec_string ("legal-id", NULL, NULL, NULL, rw);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, rw);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, rw);
  properties[PROP_WEB] = g_param_spec_string ("web", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_organisation_init (AcrOrganisation *self)
{
}

AcrOrganisation *
acr_organisation_new (void)
{
  return g_object_new (ACR_TYPE_ORGANISATION, NULL);
}

gint64
acr_organisation_get_id (AcrOrganisation *self)
{
  g_return_val_if_fail (ACR_IS_ORGANISATION (self), 0);

  return self->id;
}

const char *
acr_organisation_get_name (AcrOrganisation *self)
{
  g_return_val_if_fail (ACR_IS_ORGANISATION (self), NULL);

  return self->name;
}

void
acr_organisation_set_name (AcrOrganisation *self,
                           const char      *name)
{
  g_return_if_fail (ACR_IS_ORGANISATION (self));

  if (_acr_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
acr_organisation_get_legal_id (AcrOrganisation *self)
{
  g_return_val_if_fail (ACR_IS_ORGANISATION (self), NULL);

  return self->legal_id;
}

void
acr_organisation_set_legal_id (AcrOrganisation *self,
                               const char      *legal_id)
{
  g_return_if_fail (ACR_IS_ORGANISATION (self));

  set_optional (self, &self->legal_id, legal_id, PROP_LEGAL_ID);
}

const char *
acr_organisation_get_country (AcrOrganisation *self)
{
  g_return_val_if_fail (ACR_IS_ORGANISATION (self), NULL);

  return self->country;
}

void
acr_organisation_set_country (AcrOrganisation *self,
                              const char      *country)
{
  g_autofree char *normal = NULL;

  g_return_if_fail (ACR_IS_ORGANISATION (self));

  normal = _acr_normalize_country (country);
  if (_acr_set_string (&self->country, normal))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

const char *
acr_organisation_get_address (AcrOrganisation *self)
{
  g_return_val_if_fail (ACR_IS_ORGANISATION (self), NULL);

  return self->address;
}

void
acr_organisation_set_address (AcrOrganisation *self,
                              const char      *address)
{
  g_return_if_fail (ACR_IS_ORGANISATION (self));

  set_optional (self, &self->address, address, PROP_ADDRESS);
}

const char *
acr_organisation_get_web (AcrOrganisation *self)
{
  g_return_val_if_fail (ACR_IS_ORGANISATION (self), NULL);

  return self->web;
}

void
acr_organisation_set_web (AcrOrganisation *self,
                          const char      *web)
{
  g_return_if_fail (ACR_IS_ORGANISATION (self));

  set_optional (self, &self->web, web, PROP_WEB);
}

const char *
acr_organisation_get_email (AcrOrganisation *self)
{
  g_return_val_if_fail (ACR_IS_ORGANISATION (self), NULL);

  return self->email;
}

void
acr_organisation_set_email (AcrOrganisation *self,
                            const char      *email)
{
  g_return_if_fail (ACR_IS_ORGANISATION (self));

  set_optional (self, &self->email, email, PROP_EMAIL);
}

const char *
acr_organisation_get_created_at (AcrOrganisation *self)
{
  g_return_val_if_fail (ACR_IS_ORGANISATION (self), NULL);

  return self->created_at;
}

const char *
acr_organisation_get_updated_at (AcrOrganisation *self)
{
  g_return_val_if_fail (ACR_IS_ORGANISATION (self), NULL);

  return self->updated_at;
}

gboolean
acr_organisation_validate (AcrOrganisation  *self,
                           GError          **error)
{
  g_return_val_if_fail (ACR_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_acr_is_blank (self->name))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The organisation needs a name."));
      return FALSE;
    }

  if (self->country == NULL)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The organisation “%s” needs a country: a two-letter ISO 3166 code such "
                     "as “DE”, or a region such as “DE-BY”."), self->name);
      return FALSE;
    }

  if (!_acr_validate_country (self->country))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a country code. Give the two-letter ISO 3166 code of the "
                     "country of “%s”, such as “DE”, or a region such as “DE-BY”."),
                   self->country, self->name);
      return FALSE;
    }

  if (self->legal_id != NULL && _acr_is_blank (self->legal_id))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The legal identifier of “%s” is blank. Give the register number, or "
                     "leave it empty."), self->name);
      return FALSE;
    }

  if (self->web != NULL && !_acr_validate_uri (self->web))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a web address. Give the address of “%s” starting with "
                     "“https://”."), self->web, self->name);
      return FALSE;
    }

  if (self->email != NULL && !_acr_validate_email (self->email))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not an email address. Give an address of “%s” such as "
                     "“info@example.org”."), self->email, self->name);
      return FALSE;
    }

  return TRUE;
}

gboolean
acr_organisation_save (AcrOrganisation  *self,
                       AcrStore         *store,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  gboolean is_new;

  g_return_val_if_fail (ACR_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_organisation_validate (self, error))
    return FALSE;

  is_new = self->id == 0;
  now = _acr_now_iso8601 ();

  if (!acr_store_begin (store, error))
    return FALSE;

  if (is_new)
    stmt = _acr_store_prepare (store,
                               "INSERT INTO organisation (name, legal_id, country, address, web, "
                               "email, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", &local_error);
  else
    stmt = _acr_store_prepare (store,
                               "UPDATE organisation SET name = ?1, legal_id = ?2, country = ?3, "
                               "address = ?4, web = ?5, email = ?6, updated_at = ?7 "
                               "WHERE id = ?8", &local_error);
  if (stmt == NULL)
    goto fail;

  _acr_bind_text (stmt, 1, self->name);
  _acr_bind_text (stmt, 2, self->legal_id);
  _acr_bind_text (stmt, 3, self->country);
  _acr_bind_text (stmt, 4, self->address);
  _acr_bind_text (stmt, 5, self->web);
  _acr_bind_text (stmt, 6, self->email);
  _acr_bind_text (stmt, 7, now);
  if (!is_new)
    _acr_bind_id (stmt, 8, self->id);

  if (!_acr_store_run (store, stmt, &local_error))
    {
      if (g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE))
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                       _("An organisation with the legal identifier “%s” already exists. "
                         "Give another identifier, or edit that organisation instead."),
                       self->legal_id);
        }
      goto fail;
    }

  if (!is_new && _acr_store_changes (store) == 0)
    {
      g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no organisation with the number %" PRId64 " any "
                     "more; it may have been deleted."), self->id);
      goto fail;
    }

  if (is_new)
    {
      gint64 id = _acr_store_last_insert_id (store);

      if (!_acr_audit_appendf (store, "create", "organisation", id, &local_error,
                               _("Added the organisation “%s”."), self->name))
        goto fail;

      if (!acr_store_commit (store, error))
        return FALSE;

      self->id = id;
      _acr_set_string (&self->created_at, now);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
    }
  else if (!_acr_audit_appendf (store, "edit", "organisation", self->id, &local_error,
                                _("Edited the organisation “%s”."), self->name))
    goto fail;
  else if (!acr_store_commit (store, error))
    return FALSE;

  if (_acr_set_string (&self->updated_at, now))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);

  return TRUE;

fail:
  acr_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

AcrOrganisation *
acr_organisation_load (AcrStore  *store,
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
                   _("There is no organisation with the number %" PRId64 "."), id);
      return NULL;
    }

  return organisation_from_row (store, stmt);
}

static gboolean
check_unused (AcrStore    *store,
              gint64       id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  int n_modules, n_curricula;
  int rc;

  stmt = _acr_store_prepare (store,
                             "SELECT name, "
                             "(SELECT count(*) FROM module WHERE organisation_id = ?1), "
                             "(SELECT count(*) FROM curriculum WHERE organisation_id = ?1) "
                             "FROM organisation WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no organisation with the number %" PRId64 "."), id);
      return FALSE;
    }

  name = _acr_column_dup (stmt, 0);
  n_modules = sqlite3_column_int (stmt, 1);
  n_curricula = sqlite3_column_int (stmt, 2);

  if (n_modules > 0 && n_curricula > 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   _("The organisation “%s” cannot be deleted: modules (%d) and curricula (%d) "
                     "still name it as their awarding body. Assign them to another "
                     "organisation or delete them first."), name, n_modules, n_curricula);
      return FALSE;
    }

  if (n_modules > 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The organisation “%s” cannot be deleted: %d module still "
                                "names it as its awarding body. Assign the module to another "
                                "organisation or delete it first.",
                                "The organisation “%s” cannot be deleted: %d modules still "
                                "name it as their awarding body. Assign them to another "
                                "organisation or delete them first.", n_modules),
                   name, n_modules);
      return FALSE;
    }

  if (n_curricula > 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The organisation “%s” cannot be deleted: %d curriculum still "
                                "names it as its provider. Assign the curriculum to another "
                                "organisation or delete it first.",
                                "The organisation “%s” cannot be deleted: %d curricula still "
                                "name it as their provider. Assign them to another "
                                "organisation or delete them first.", n_curricula),
                   name, n_curricula);
      return FALSE;
    }

  return TRUE;
}

gboolean
acr_organisation_delete (AcrStore  *store,
                         gint64     id,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  if (!check_unused (store, id, &local_error))
    goto fail;

  stmt = _acr_store_prepare (store, "DELETE FROM organisation WHERE id = ?1", &local_error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_acr_store_run (store, stmt, &local_error))
    goto fail;

  if (!_acr_audit_appendf (store, "delete", "organisation", id, &local_error,
                           _("Deleted the organisation with the number %lld."), (long long) id))
    goto fail;

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

AcrPagedList *
acr_organisation_list (AcrStore   *store,
                       const char *search)
{
  g_autofree char *pattern = NULL;
  const char *params[2] = { NULL, NULL };

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  if (search == NULL || search[0] == '\0')
    return _acr_paged_list_new (store, ACR_TYPE_ORGANISATION,
                                SELECT_COLUMNS "ORDER BY name COLLATE NOCASE, id",
                                NULL, organisation_from_row);

  pattern = _acr_like_pattern (search);
  params[0] = pattern;
  return _acr_paged_list_new (store, ACR_TYPE_ORGANISATION,
                              SELECT_COLUMNS
                              "WHERE name LIKE ?1 ESCAPE '\\' OR legal_id LIKE ?1 ESCAPE '\\' "
                              "ORDER BY name COLLATE NOCASE, id",
                              params, organisation_from_row);
}
