/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrCredential: an issued credential, one row of the table credential.
 *
 * Rules kept here:
 * - a credential is written once, by issuance (_acr_credential_insert, inside the issuance's
 *   transaction) with the signed document exactly as issued and its SHA-256, and changed
 *   only by revocation; the table's triggers refuse any other change and any deletion;
 * - issuance is idempotent: a learner holds at most one valid credential per module version
 *   (and per curriculum), checked here with a sentence and enforced by a partial unique
 *   index;
 * - revoking needs a reason, is final, and is recorded in the audit log with the change;
 * - lists never read the documents; acr_credential_load() does. */

#define G_LOG_DOMAIN "acr-credential"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "acr-audit.h"
#include "acr-credential-document.h"
#include "acr-credential-private.h"
#include "acr-paged-list-private.h"
#include "acr-validate.h"

struct _AcrCredential
{
  GObject              parent_instance;

  gint64               id;
  char                *uuid;
  gint64               learner_id;
  gint64               module_id;
  gint64               assessment_id;
  gint64               curriculum_id;
  char                *issued_at;
  char                *valid_until;
  AcrCredentialStatus  status;
  char                *revoked_at;
  char                *revocation_reason;
  char                *sha256;
  char                *signer_fingerprint;
  char                *created_at;
  char                *learner_name;
  char                *module_code;
  int                  module_version;
  char                *module_title;
  GBytes              *document;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_LEARNER_ID,
  PROP_MODULE_ID,
  PROP_ASSESSMENT_ID,
  PROP_CURRICULUM_ID,
  PROP_ISSUED_AT,
  PROP_VALID_UNTIL,
  PROP_STATUS,
  PROP_REVOKED_AT,
  PROP_REVOCATION_REASON,
  PROP_SHA256,
  PROP_SIGNER_FINGERPRINT,
  PROP_CREATED_AT,
  PROP_LEARNER_NAME,
  PROP_MODULE_CODE,
  PROP_MODULE_VERSION,
  PROP_MODULE_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrCredential, acr_credential, G_TYPE_OBJECT)

#define SELECT_COLUMNS \
  "SELECT c.id, c.uuid, c.learner_id, c.module_id, c.assessment_id, c.curriculum_id, " \
  "c.issued_at, c.valid_until, c.status, c.revoked_at, c.revocation_reason, c.sha256, " \
  "c.signer_fingerprint, c.created_at, l.given_name || ' ' || l.family_name, m.code, " \
  "m.version, m.title "
#define FROM_TABLES \
  "FROM credential c JOIN learner l ON l.id = c.learner_id " \
  "LEFT JOIN module m ON m.id = c.module_id "
#define ORDER " ORDER BY c.issued_at DESC, c.id DESC"

static gpointer
credential_from_row (AcrStore     *store,
                     sqlite3_stmt *stmt)
{
  AcrCredential *self = g_object_new (ACR_TYPE_CREDENTIAL, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = _acr_column_dup (stmt, 1);
  self->learner_id = sqlite3_column_int64 (stmt, 2);
  self->module_id = sqlite3_column_int64 (stmt, 3);
  self->assessment_id = sqlite3_column_int64 (stmt, 4);
  self->curriculum_id = sqlite3_column_int64 (stmt, 5);
  self->issued_at = _acr_column_dup (stmt, 6);
  self->valid_until = _acr_column_dup (stmt, 7);
  self->status = _acr_column_enum (stmt, 8, ACR_TYPE_CREDENTIAL_STATUS);
  self->revoked_at = _acr_column_dup (stmt, 9);
  self->revocation_reason = _acr_column_dup (stmt, 10);
  self->sha256 = _acr_column_dup (stmt, 11);
  self->signer_fingerprint = _acr_column_dup (stmt, 12);
  self->created_at = _acr_column_dup (stmt, 13);
  self->learner_name = _acr_column_dup (stmt, 14);
  self->module_code = _acr_column_dup (stmt, 15);
  self->module_version = sqlite3_column_int (stmt, 16);
  self->module_title = _acr_column_dup (stmt, 17);

  return self;
}

static void
acr_credential_finalize (GObject *object)
{
  AcrCredential *self = (AcrCredential *) object;

  g_free (self->uuid);
  g_free (self->issued_at);
  g_free (self->valid_until);
  g_free (self->revoked_at);
  g_free (self->revocation_reason);
  g_free (self->sha256);
  g_free (self->signer_fingerprint);
  g_free (self->created_at);
  g_free (self->learner_name);
  g_free (self->module_code);
  g_free (self->module_title);
  g_clear_pointer (&self->document, g_bytes_unref);

  G_OBJECT_CLASS (acr_credential_parent_class)->finalize (object);
}

static void
acr_credential_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AcrCredential *self = ACR_CREDENTIAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_LEARNER_ID:
      g_value_set_int64 (value, self->learner_id);
      break;
    case PROP_MODULE_ID:
      g_value_set_int64 (value, self->module_id);
      break;
    case PROP_ASSESSMENT_ID:
      g_value_set_int64 (value, self->assessment_id);
      break;
    case PROP_CURRICULUM_ID:
      g_value_set_int64 (value, self->curriculum_id);
      break;
    case PROP_ISSUED_AT:
      g_value_set_string (value, self->issued_at);
      break;
    case PROP_VALID_UNTIL:
      g_value_set_string (value, self->valid_until);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_REVOKED_AT:
      g_value_set_string (value, self->revoked_at);
      break;
    case PROP_REVOCATION_REASON:
      g_value_set_string (value, self->revocation_reason);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_SIGNER_FINGERPRINT:
      g_value_set_string (value, self->signer_fingerprint);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_LEARNER_NAME:
      g_value_set_string (value, self->learner_name);
      break;
    case PROP_MODULE_CODE:
      g_value_set_string (value, self->module_code);
      break;
    case PROP_MODULE_VERSION:
      g_value_set_int (value, self->module_version);
      break;
    case PROP_MODULE_TITLE:
      g_value_set_string (value, self->module_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_credential_class_init (AcrCredentialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_credential_finalize;
  object_class->get_property = acr_credential_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_LEARNER_ID] =
    g_param_spec_int64 ("learner-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MODULE_ID] =
    g_param_spec_int64 ("module-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ASSESSMENT_ID] =
    g_param_spec_int64 ("assessment-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CURRICULUM_ID] =
    g_param_spec_int64 ("curriculum-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ISSUED_AT] =
    g_param_spec_string ("issued-at", NULL, NULL, NULL, flags);
  properties[PROP_VALID_UNTIL] =
    g_param_spec_string ("valid-until", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ACR_TYPE_CREDENTIAL_STATUS,
                       ACR_CREDENTIAL_STATUS_VALID, flags);
  properties[PROP_REVOKED_AT] =
    g_param_spec_string ("revoked-at", NULL, NULL, NULL, flags);
  properties[PROP_REVOCATION_REASON] =
    g_param_spec_string ("revocation-reason", NULL, NULL, NULL, flags);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL, flags);
  properties[PROP_SIGNER_FINGERPRINT] =
    g_param_spec_string ("signer-fingerprint", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL, flags);
  properties[PROP_LEARNER_NAME] =
    g_param_spec_string ("learner-name", NULL, NULL, NULL, flags);
  properties[PROP_MODULE_CODE] =
    g_param_spec_string ("module-code", NULL, NULL, NULL, flags);
  properties[PROP_MODULE_VERSION] =
    g_param_spec_int ("module-version", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_MODULE_TITLE] =
    g_param_spec_string ("module-title", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_credential_init (AcrCredential *self)
{
}

#define GETTER(type, name, field, fallback)                 \
  type                                                      \
  acr_credential_get_##name (AcrCredential *self)           \
  {                                                         \
    g_return_val_if_fail (ACR_IS_CREDENTIAL (self), fallback); \
    return self->field;                                     \
  }

GETTER (gint64, id, id, 0)
GETTER (const char *, uuid, uuid, NULL)
GETTER (gint64, learner_id, learner_id, 0)
GETTER (gint64, module_id, module_id, 0)
GETTER (gint64, assessment_id, assessment_id, 0)
GETTER (gint64, curriculum_id, curriculum_id, 0)
GETTER (const char *, issued_at, issued_at, NULL)
GETTER (const char *, valid_until, valid_until, NULL)
GETTER (AcrCredentialStatus, status, status, ACR_CREDENTIAL_STATUS_VALID)
GETTER (const char *, revoked_at, revoked_at, NULL)
GETTER (const char *, revocation_reason, revocation_reason, NULL)
GETTER (const char *, sha256, sha256, NULL)
GETTER (const char *, signer_fingerprint, signer_fingerprint, NULL)
GETTER (const char *, created_at, created_at, NULL)
GETTER (const char *, learner_name, learner_name, NULL)
GETTER (const char *, module_code, module_code, NULL)
GETTER (int, module_version, module_version, 0)
GETTER (const char *, module_title, module_title, NULL)
GETTER (GBytes *, document, document, NULL)

#undef GETTER

static void
set_no_credential_error (GError **error,
                         gint64   id)
{
  g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
               _("There is no credential with the number %lld."), (long long) id);
}

/* Reads one credential with its document; @bind binds ?1. */
static AcrCredential *
load_where (AcrStore    *store,
            const char  *where,
            gint64       id,
            const char  *text,
            GError     **error)
{
  g_autofree char *sql = g_strconcat (SELECT_COLUMNS ", c.document " FROM_TABLES, where, NULL);
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, error);
  AcrCredential *self;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    _acr_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      if (text != NULL)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no credential with the id “%s”."), text);
      else
        set_no_credential_error (error, id);
      return NULL;
    }

  self = credential_from_row (store, stmt);
  self->document = g_bytes_new (sqlite3_column_blob (stmt, 18), sqlite3_column_bytes (stmt, 18));
  return self;
}

AcrCredential *
acr_credential_load (AcrStore  *store,
                     gint64     id,
                     GError   **error)
{
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_where (store, "WHERE c.id = ?1", id, NULL, error);
}

AcrCredential *
acr_credential_load_by_uuid (AcrStore    *store,
                             const char  *uuid,
                             GError     **error)
{
  g_autofree char *urn = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (uuid));
  lower = g_ascii_strdown (trimmed, -1);
  urn = g_str_has_prefix (lower, "urn:uuid:") ? g_strdup (lower)
                                               : g_strconcat ("urn:uuid:", lower, NULL);

  return load_where (store, "WHERE c.uuid = ?1", 0, urn, error);
}

GBytes *
acr_credential_load_document (AcrStore  *store,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _acr_store_prepare (store, "SELECT document FROM credential WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      set_no_credential_error (error, id);
      return NULL;
    }

  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

AcrPagedList *
acr_credential_list (AcrStore   *store,
                     const char *search)
{
  AcrCredentialFilter filter = { search, NULL, 0, 0 };

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  return acr_credential_list_filtered (store, &filter);
}

AcrPagedList *
acr_credential_list_filtered (AcrStore                  *store,
                              const AcrCredentialFilter *filter)
{
  g_autoptr(GString) sql = g_string_new (SELECT_COLUMNS FROM_TABLES);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  const char *glue = "WHERE ";

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  if (filter != NULL && filter->search != NULL && filter->search[0] != '\0')
    {
      g_ptr_array_add (params, _acr_like_pattern (filter->search));
      g_string_append_printf (sql,
                              "%s(c.uuid LIKE ?%u ESCAPE '\\' "
                              "OR l.given_name LIKE ?%u ESCAPE '\\' "
                              "OR l.family_name LIKE ?%u ESCAPE '\\' "
                              "OR (l.given_name || ' ' || l.family_name) LIKE ?%u ESCAPE '\\' "
                              "OR m.code LIKE ?%u ESCAPE '\\' OR m.title LIKE ?%u ESCAPE '\\' "
                              "OR m.title_en LIKE ?%u ESCAPE '\\') ",
                              glue, params->len, params->len, params->len, params->len,
                              params->len, params->len, params->len);
      glue = "AND ";
    }

  if (filter != NULL && filter->status != NULL)
    {
      g_ptr_array_add (params, g_strdup (filter->status));
      g_string_append_printf (sql, "%sc.status = ?%u ", glue, params->len);
      glue = "AND ";
    }

  if (filter != NULL && filter->module_id > 0)
    {
      g_ptr_array_add (params, g_strdup_printf ("%lld", (long long) filter->module_id));
      g_string_append_printf (sql, "%sc.module_id = CAST (?%u AS INTEGER) ", glue, params->len);
      glue = "AND ";
    }

  if (filter != NULL && filter->learner_id > 0)
    {
      g_ptr_array_add (params, g_strdup_printf ("%lld", (long long) filter->learner_id));
      g_string_append_printf (sql, "%sc.learner_id = CAST (?%u AS INTEGER) ", glue,
                              params->len);
    }

  g_string_append (sql, ORDER);
  g_ptr_array_add (params, NULL);

  return _acr_paged_list_new (store, ACR_TYPE_CREDENTIAL, sql->str,
                              (const char * const *) params->pdata, credential_from_row);
}

static gboolean
is_hex64 (const char *s)
{
  if (s == NULL || strlen (s) != 64)
    return FALSE;

  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (s[i]) || g_ascii_isupper (s[i]))
      return FALSE;

  return TRUE;
}

static gboolean
is_utc_time (const char *s)
{
  g_autoptr(GDateTime) time = NULL;

  if (s == NULL)
    return FALSE;

  time = g_date_time_new_from_iso8601 (s, NULL);
  return time != NULL;
}

/* Runs @sql (with ?1 = @id) expecting one row; reads its first two columns as text into
 * @a and @b (may be NULL). FALSE without error when there is no row. */
static gboolean
query_row (AcrStore    *store,
           const char  *sql,
           gint64       id,
           char       **a,
           char       **b,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc != SQLITE_ROW)
    return FALSE;

  if (a != NULL)
    *a = _acr_column_dup (stmt, 0);
  if (b != NULL)
    *b = _acr_column_dup (stmt, 1);
  return TRUE;
}

/* The uuid of the learner's valid credential for the module (or curriculum) in *@uuid, NULL
 * when there is none. */
static gboolean
find_valid (AcrStore    *store,
            gint64       learner_id,
            gint64       module_id,
            gint64       curriculum_id,
            char       **uuid,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _acr_store_prepare (store,
                             module_id > 0
                             ? "SELECT uuid FROM credential WHERE learner_id = ?1 "
                               "AND module_id = ?2 AND status = 'valid' "
                               "AND curriculum_id IS NULL"
                             : "SELECT uuid FROM credential WHERE learner_id = ?1 "
                               "AND curriculum_id = ?2 AND status = 'valid'", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_int64 (stmt, 2, module_id > 0 ? module_id : curriculum_id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  *uuid = rc == SQLITE_ROW ? _acr_column_dup (stmt, 0) : NULL;
  return TRUE;
}

static gboolean
check_insert_args (const char  *uuid,
                   gint64       learner_id,
                   gint64       module_id,
                   gint64       curriculum_id,
                   const char  *issued_at,
                   const char  *valid_until,
                   GBytes      *document,
                   const char  *signer_fingerprint,
                   GError     **error)
{
  if (!acr_uuid_urn_is_valid (uuid))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a credential id: it must be “urn:uuid:” followed by a "
                     "UUID in lowercase."), uuid ? uuid : "");
      return FALSE;
    }

  if (learner_id <= 0)
    {
      g_set_error_literal (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                           _("A credential needs the learner it is issued to."));
      return FALSE;
    }

  if ((module_id > 0) == (curriculum_id > 0))
    {
      g_set_error_literal (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                           _("A credential certifies either one module version or one "
                             "curriculum."));
      return FALSE;
    }

  if (!is_utc_time (issued_at))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not an issue time: give it in ISO 8601, such as "
                     "2026-11-25T10:00:00Z."), issued_at ? issued_at : "");
      return FALSE;
    }

  if (valid_until != NULL &&
      (!is_utc_time (valid_until) || g_strcmp0 (valid_until, issued_at) <= 0))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a valid end of validity: give a time in ISO 8601 after the "
                     "issue time %s."), valid_until, issued_at);
      return FALSE;
    }

  if (document == NULL || g_bytes_get_size (document) == 0)
    {
      g_set_error_literal (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                           _("A credential cannot be stored without its signed document."));
      return FALSE;
    }

  if (!is_hex64 (signer_fingerprint))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a certificate fingerprint: 64 lowercase hexadecimal digits "
                     "of SHA-256 are needed."), signer_fingerprint ? signer_fingerprint : "");
      return FALSE;
    }

  return TRUE;
}

gboolean
_acr_credential_insert (AcrStore    *store,
                        const char  *uuid,
                        gint64       learner_id,
                        gint64       module_id,
                        gint64       assessment_id,
                        gint64       curriculum_id,
                        const char  *issued_at,
                        const char  *valid_until,
                        GBytes      *document,
                        const char  *signer_fingerprint,
                        gint64      *out_id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *learner_name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *version = NULL;
  g_autofree char *held = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;
  gint64 id;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_insert_args (uuid, learner_id, module_id, curriculum_id, issued_at, valid_until,
                          document, signer_fingerprint, error))
    return FALSE;

  if (!acr_store_begin (store, error))
    return FALSE;

  if (!query_row (store, "SELECT given_name || ' ' || family_name FROM learner WHERE id = ?1",
                  learner_id, &learner_name, NULL, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no learner with the number %lld."), (long long) learner_id);
      goto fail;
    }

  if (module_id > 0 &&
      !query_row (store, "SELECT code, version FROM module WHERE id = ?1", module_id, &code,
                  &version, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no module with the number %lld."), (long long) module_id);
      goto fail;
    }

  if (curriculum_id > 0 &&
      !query_row (store, "SELECT code, version FROM curriculum WHERE id = ?1", curriculum_id,
                  &code, &version, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no curriculum with the number %lld."),
                     (long long) curriculum_id);
      goto fail;
    }

  if (assessment_id > 0)
    {
      g_autofree char *a_learner = NULL;
      g_autofree char *a_module = NULL;
      g_autofree char *want_learner = g_strdup_printf ("%lld", (long long) learner_id);
      g_autofree char *want_module = g_strdup_printf ("%lld", (long long) module_id);

      if (!query_row (store, "SELECT learner_id, module_id FROM assessment WHERE id = ?1",
                      assessment_id, &a_learner, &a_module, error))
        {
          if (error == NULL || *error == NULL)
            g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                         _("There is no assessment with the number %lld."),
                         (long long) assessment_id);
          goto fail;
        }

      if (g_strcmp0 (a_learner, want_learner) != 0 ||
          (module_id > 0 && g_strcmp0 (a_module, want_module) != 0))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("Assessment %lld is not of %s in that module: a credential certifies "
                         "the learner’s own assessment."), (long long) assessment_id,
                       learner_name);
          goto fail;
        }
    }

  /* Idempotency: one valid credential per learner and module version (or curriculum). */
  if (!find_valid (store, learner_id, module_id, curriculum_id, &held, error))
    goto fail;

  if (held != NULL)
    {
      if (module_id > 0)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                     _("%s already holds the valid credential %s for version %s of module "
                       "“%s”. Revoke it first to issue a new one."),
                     learner_name, held, version, code);
      else
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                     _("%s already holds the valid credential %s for the curriculum “%s”. "
                       "Revoke it first to issue a new one."),
                     learner_name, held, code);
      goto fail;
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document);
  now = _acr_now_iso8601 ();

  stmt = _acr_store_prepare (store,
                             "INSERT INTO credential (uuid, learner_id, module_id, assessment_id, "
                             "curriculum_id, issued_at, valid_until, status, document, sha256, "
                             "signer_fingerprint, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'valid', ?8, ?9, ?10, ?11)",
                             error);
  if (stmt == NULL)
    goto fail;

  _acr_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, learner_id);
  _acr_bind_id (stmt, 3, module_id);
  _acr_bind_id (stmt, 4, assessment_id);
  _acr_bind_id (stmt, 5, curriculum_id);
  _acr_bind_text (stmt, 6, issued_at);
  _acr_bind_text (stmt, 7, valid_until);
  sqlite3_bind_blob64 (stmt, 8, g_bytes_get_data (document, NULL), g_bytes_get_size (document),
                       SQLITE_TRANSIENT);
  _acr_bind_text (stmt, 9, sha256);
  _acr_bind_text (stmt, 10, signer_fingerprint);
  _acr_bind_text (stmt, 11, now);

  if (!_acr_store_run (store, stmt, error))
    {
      if (error != NULL && g_error_matches (*error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                       _("A credential with the id “%s” exists already. Issue it with a new "
                         "id."), uuid);
        }
      goto fail;
    }
  id = _acr_store_last_insert_id (store);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, uuid);
  json_builder_set_member_name (builder, "learner_id");
  json_builder_add_int_value (builder, learner_id);
  json_builder_set_member_name (builder, module_id > 0 ? "module_id" : "curriculum_id");
  json_builder_add_int_value (builder, module_id > 0 ? module_id : curriculum_id);
  if (assessment_id > 0)
    {
      json_builder_set_member_name (builder, "assessment_id");
      json_builder_add_int_value (builder, assessment_id);
    }
  json_builder_set_member_name (builder, "issued_at");
  json_builder_add_string_value (builder, issued_at);
  if (valid_until != NULL)
    {
      json_builder_set_member_name (builder, "valid_until");
      json_builder_add_string_value (builder, valid_until);
    }
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_set_member_name (builder, "signer_fingerprint");
  json_builder_add_string_value (builder, signer_fingerprint);
  json_builder_end_object (builder);
  detail = json_builder_get_root (builder);

  if (module_id > 0)
    summary = g_strdup_printf (_("Issued the credential %s to %s for version %s of module "
                                 "“%s”."), uuid, learner_name, version, code);
  else
    summary = g_strdup_printf (_("Issued the credential %s to %s for the curriculum “%s”."),
                               uuid, learner_name, code);

  if (!acr_audit_append (store, "issue", "credential", id, summary, detail, error))
    goto fail;

  if (!acr_store_commit (store, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = id;
  return TRUE;

fail:
  acr_store_rollback (store);
  return FALSE;
}

gboolean
acr_credential_revoke (AcrStore    *store,
                       gint64       id,
                       const char  *reason,
                       GError     **error)
{
  g_autoptr(AcrCredential) credential = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_acr_is_blank (reason))
    {
      g_set_error_literal (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                           _("Give a reason for revoking the credential: it is published in "
                             "the revocation list."));
      return FALSE;
    }
  trimmed = g_strstrip (g_strdup (reason));

  if (!acr_store_begin (store, error))
    return FALSE;

  credential = load_where (store, "WHERE c.id = ?1", id, NULL, error);
  if (credential == NULL)
    goto fail;

  if (credential->status == ACR_CREDENTIAL_STATUS_REVOKED)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The credential %s was revoked already on %s (“%s”)."),
                   credential->uuid, credential->revoked_at, credential->revocation_reason);
      goto fail;
    }

  now = _acr_now_iso8601 ();
  stmt = _acr_store_prepare (store,
                             "UPDATE credential SET status = 'revoked', revoked_at = ?2, "
                             "revocation_reason = ?3 WHERE id = ?1 AND status = 'valid'", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, id);
  _acr_bind_text (stmt, 2, now);
  _acr_bind_text (stmt, 3, trimmed);
  if (!_acr_store_run (store, stmt, error))
    goto fail;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, credential->uuid);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, trimmed);
  json_builder_end_object (builder);
  detail = json_builder_get_root (builder);

  summary = g_strdup_printf (_("Revoked the credential %s of %s: %s"), credential->uuid,
                             credential->learner_name, trimmed);
  if (!acr_audit_append (store, "revoke", "credential", id, summary, detail, error))
    goto fail;

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  return FALSE;
}
