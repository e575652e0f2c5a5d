/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The store's issuer identities (table signing_identity), the certificate requests waiting
 * for a CA, and the certificates verification trusts (table trusted_certificate).
 *
 * Rules it keeps:
 *  - Private keys never enter the database. A key made or imported here is saved encrypted
 *    (PKCS #8, see acr_signing_identity_save_key) as KEYDIR/FINGERPRINT.key; a row keeps the
 *    certificate chain and the key's location (that path, or a pkcs11: URI without PIN).
 *  - All or nothing: the key file is written first, then the row, the trust of its
 *    certificate and the audit entry in one transaction; when the transaction fails the key
 *    file is removed again (or, for a request, moved back), so no half-made identity stays.
 *    A fingerprint stored already is refused before any file is touched.
 *  - A certificate request has no certificate, hence no fingerprint, and the table wants
 *    both: until the CA answers, a request lives only in KEYDIR/requests as three files
 *    named by its id (16 hex digits of the SHA-256 of its public key): ID.key (encrypted),
 *    ID.csr (the PKCS #10 request) and ID.ini (organisation, label, key type, subject),
 *    written last, whose presence makes the request exist. Request ids given by callers
 *    are checked to be 16 hex digits before they become file names.
 *  - Every change of keys or trust is recorded in the audit log: "key-create",
 *    "key-request", "key-import", "key-retire", "trust", "untrust".
 *  - Our own identities trust their signer certificate (the narrowest trust that makes
 *    our credentials verify here); other issuers are trusted explicitly with acr_trust_add.
 *  - The key folder is per store (acr_identity_store_set_key_dir; tests use a temporary
 *    one), by default $XDG_DATA_HOME/accredit/keys. */

#define G_LOG_DOMAIN "acr-identity-store"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <json-glib/json-glib.h>

#include "acr-audit.h"
#include "acr-identity-store-private.h"
#include "acr-organisation.h"
#include "acr-paged-list-private.h"
#include "acr-store-private.h"
#include "acr-validate.h"
#include "acr-xmldsig.h"

#define REQUEST_GROUP "Request"
#define REQUEST_ID_LENGTH 16
#define MAX_CERTIFICATE_FILE_SIZE (1024 * 1024)
#define MAX_PKCS12_FILE_SIZE (16 * 1024 * 1024)

/* AcrIdentityRecord */

struct _AcrIdentityRecord
{
  GObject     parent_instance;

  gint64      id;
  gint64      organisation_id;
  char       *label;
  AcrKeyType  key_type;
  char       *certificate_pem;
  char       *fingerprint;
  char       *subject;
  char       *not_before;
  char       *not_after;
  char       *key_location;
  char       *created_at;
  char       *retired_at;
};

enum {
  REC_PROP_0,
  REC_PROP_ID,
  REC_PROP_ORGANISATION_ID,
  REC_PROP_LABEL,
  REC_PROP_KEY_TYPE,
  REC_PROP_CERTIFICATE_PEM,
  REC_PROP_FINGERPRINT,
  REC_PROP_SUBJECT,
  REC_PROP_NOT_BEFORE,
  REC_PROP_NOT_AFTER,
  REC_PROP_KEY_LOCATION,
  REC_PROP_CREATED_AT,
  REC_PROP_RETIRED_AT,
  REC_PROP_IS_PKCS11,
  REC_N_PROPS
};

static GParamSpec *record_properties [REC_N_PROPS];

G_DEFINE_FINAL_TYPE (AcrIdentityRecord, acr_identity_record, G_TYPE_OBJECT)

static void
acr_identity_record_finalize (GObject *object)
{
  AcrIdentityRecord *self = ACR_IDENTITY_RECORD (object);

  g_free (self->label);
  g_free (self->certificate_pem);
  g_free (self->fingerprint);
  g_free (self->subject);
  g_free (self->not_before);
  g_free (self->not_after);
  g_free (self->key_location);
  g_free (self->created_at);
  g_free (self->retired_at);

  G_OBJECT_CLASS (acr_identity_record_parent_class)->finalize (object);
}

static void
acr_identity_record_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AcrIdentityRecord *self = ACR_IDENTITY_RECORD (object);

  switch (prop_id)
    {
    case REC_PROP_ID: g_value_set_int64 (value, self->id); break;
    case REC_PROP_ORGANISATION_ID: g_value_set_int64 (value, self->organisation_id); break;
    case REC_PROP_LABEL: g_value_set_string (value, self->label); break;
    case REC_PROP_KEY_TYPE: g_value_set_enum (value, self->key_type); break;
    case REC_PROP_CERTIFICATE_PEM: g_value_set_string (value, self->certificate_pem); break;
    case REC_PROP_FINGERPRINT: g_value_set_string (value, self->fingerprint); break;
    case REC_PROP_SUBJECT: g_value_set_string (value, self->subject); break;
    case REC_PROP_NOT_BEFORE: g_value_set_string (value, self->not_before); break;
    case REC_PROP_NOT_AFTER: g_value_set_string (value, self->not_after); break;
    case REC_PROP_KEY_LOCATION: g_value_set_string (value, self->key_location); break;
    case REC_PROP_CREATED_AT: g_value_set_string (value, self->created_at); break;
    case REC_PROP_RETIRED_AT: g_value_set_string (value, self->retired_at); break;
    case REC_PROP_IS_PKCS11:
      g_value_set_boolean (value, acr_identity_record_get_is_pkcs11 (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
id_pspec (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
acr_identity_record_class_init (AcrIdentityRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_identity_record_finalize;
  object_class->get_property = acr_identity_record_get_property;

  record_properties[REC_PROP_ID] = id_pspec ("id");
  record_properties[REC_PROP_ORGANISATION_ID] = id_pspec ("organisation-id");
  record_properties[REC_PROP_LABEL] = string_pspec ("label");
  record_properties[REC_PROP_KEY_TYPE] =
    g_param_spec_enum ("key-type", NULL, NULL, ACR_TYPE_KEY_TYPE, ACR_KEY_TYPE_RSA,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  record_properties[REC_PROP_CERTIFICATE_PEM] = string_pspec ("certificate-pem");
  record_properties[REC_PROP_FINGERPRINT] = string_pspec ("fingerprint");
  record_properties[REC_PROP_SUBJECT] = string_pspec ("subject");
  record_properties[REC_PROP_NOT_BEFORE] = string_pspec ("not-before");
  record_properties[REC_PROP_NOT_AFTER] = string_pspec ("not-after");
  record_properties[REC_PROP_KEY_LOCATION] = string_pspec ("key-location");
  record_properties[REC_PROP_CREATED_AT] = string_pspec ("created-at");
  record_properties[REC_PROP_RETIRED_AT] = string_pspec ("retired-at");
  record_properties[REC_PROP_IS_PKCS11] =
    g_param_spec_boolean ("is-pkcs11", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, REC_N_PROPS, record_properties);
}

static void
acr_identity_record_init (AcrIdentityRecord *self)
{
}

gint64
acr_identity_record_get_id (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), 0);
  return self->id;
}

gint64
acr_identity_record_get_organisation_id (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), 0);
  return self->organisation_id;
}

const char *
acr_identity_record_get_label (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), NULL);
  return self->label;
}

AcrKeyType
acr_identity_record_get_key_type (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), ACR_KEY_TYPE_RSA);
  return self->key_type;
}

const char *
acr_identity_record_get_certificate_pem (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), NULL);
  return self->certificate_pem;
}

const char *
acr_identity_record_get_fingerprint (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), NULL);
  return self->fingerprint;
}

const char *
acr_identity_record_get_subject (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), NULL);
  return self->subject;
}

const char *
acr_identity_record_get_not_before (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), NULL);
  return self->not_before;
}

const char *
acr_identity_record_get_not_after (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), NULL);
  return self->not_after;
}

const char *
acr_identity_record_get_key_location (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), NULL);
  return self->key_location;
}

const char *
acr_identity_record_get_created_at (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), NULL);
  return self->created_at;
}

const char *
acr_identity_record_get_retired_at (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), NULL);
  return self->retired_at;
}

gboolean
acr_identity_record_get_is_pkcs11 (AcrIdentityRecord *self)
{
  g_return_val_if_fail (ACR_IS_IDENTITY_RECORD (self), FALSE);
  return self->key_location != NULL && g_str_has_prefix (self->key_location, "pkcs11:");
}

/* AcrCertificateRequest */

struct _AcrCertificateRequest
{
  GObject     parent_instance;

  char       *request_id;
  gint64      organisation_id;
  char       *label;
  AcrKeyType  key_type;
  char       *subject;
  char       *created_at;
  char       *request_pem;
};

enum {
  REQ_PROP_0,
  REQ_PROP_REQUEST_ID,
  REQ_PROP_ORGANISATION_ID,
  REQ_PROP_LABEL,
  REQ_PROP_KEY_TYPE,
  REQ_PROP_SUBJECT,
  REQ_PROP_CREATED_AT,
  REQ_PROP_REQUEST_PEM,
  REQ_N_PROPS
};

static GParamSpec *request_properties [REQ_N_PROPS];

G_DEFINE_FINAL_TYPE (AcrCertificateRequest, acr_certificate_request, G_TYPE_OBJECT)

static void
acr_certificate_request_finalize (GObject *object)
{
  AcrCertificateRequest *self = ACR_CERTIFICATE_REQUEST (object);

  g_free (self->request_id);
  g_free (self->label);
  g_free (self->subject);
  g_free (self->created_at);
  g_free (self->request_pem);

  G_OBJECT_CLASS (acr_certificate_request_parent_class)->finalize (object);
}

static void
acr_certificate_request_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AcrCertificateRequest *self = ACR_CERTIFICATE_REQUEST (object);

  switch (prop_id)
    {
    case REQ_PROP_REQUEST_ID: g_value_set_string (value, self->request_id); break;
    case REQ_PROP_ORGANISATION_ID: g_value_set_int64 (value, self->organisation_id); break;
    case REQ_PROP_LABEL: g_value_set_string (value, self->label); break;
    case REQ_PROP_KEY_TYPE: g_value_set_enum (value, self->key_type); break;
    case REQ_PROP_SUBJECT: g_value_set_string (value, self->subject); break;
    case REQ_PROP_CREATED_AT: g_value_set_string (value, self->created_at); break;
    case REQ_PROP_REQUEST_PEM: g_value_set_string (value, self->request_pem); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_certificate_request_class_init (AcrCertificateRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_certificate_request_finalize;
  object_class->get_property = acr_certificate_request_get_property;

  request_properties[REQ_PROP_REQUEST_ID] = string_pspec ("request-id");
  request_properties[REQ_PROP_ORGANISATION_ID] = id_pspec ("organisation-id");
  request_properties[REQ_PROP_LABEL] = string_pspec ("label");
  request_properties[REQ_PROP_KEY_TYPE] =
    g_param_spec_enum ("key-type", NULL, NULL, ACR_TYPE_KEY_TYPE, ACR_KEY_TYPE_RSA,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  request_properties[REQ_PROP_SUBJECT] = string_pspec ("subject");
  request_properties[REQ_PROP_CREATED_AT] = string_pspec ("created-at");
  request_properties[REQ_PROP_REQUEST_PEM] = string_pspec ("request-pem");

  g_object_class_install_properties (object_class, REQ_N_PROPS, request_properties);
}

static void
acr_certificate_request_init (AcrCertificateRequest *self)
{
}

const char *
acr_certificate_request_get_request_id (AcrCertificateRequest *self)
{
  g_return_val_if_fail (ACR_IS_CERTIFICATE_REQUEST (self), NULL);
  return self->request_id;
}

gint64
acr_certificate_request_get_organisation_id (AcrCertificateRequest *self)
{
  g_return_val_if_fail (ACR_IS_CERTIFICATE_REQUEST (self), 0);
  return self->organisation_id;
}

const char *
acr_certificate_request_get_label (AcrCertificateRequest *self)
{
  g_return_val_if_fail (ACR_IS_CERTIFICATE_REQUEST (self), NULL);
  return self->label;
}

AcrKeyType
acr_certificate_request_get_key_type (AcrCertificateRequest *self)
{
  g_return_val_if_fail (ACR_IS_CERTIFICATE_REQUEST (self), ACR_KEY_TYPE_RSA);
  return self->key_type;
}

const char *
acr_certificate_request_get_subject (AcrCertificateRequest *self)
{
  g_return_val_if_fail (ACR_IS_CERTIFICATE_REQUEST (self), NULL);
  return self->subject;
}

const char *
acr_certificate_request_get_created_at (AcrCertificateRequest *self)
{
  g_return_val_if_fail (ACR_IS_CERTIFICATE_REQUEST (self), NULL);
  return self->created_at;
}

const char *
acr_certificate_request_get_request_pem (AcrCertificateRequest *self)
{
  g_return_val_if_fail (ACR_IS_CERTIFICATE_REQUEST (self), NULL);
  return self->request_pem;
}

/* AcrTrustedCertificate */

struct _AcrTrustedCertificate
{
  GObject  parent_instance;

  gint64   id;
  char    *fingerprint;
  char    *certificate_pem;
  char    *subject;
  char    *not_after;
  char    *added_at;
};

enum {
  TRUST_PROP_0,
  TRUST_PROP_ID,
  TRUST_PROP_FINGERPRINT,
  TRUST_PROP_CERTIFICATE_PEM,
  TRUST_PROP_SUBJECT,
  TRUST_PROP_NOT_AFTER,
  TRUST_PROP_ADDED_AT,
  TRUST_N_PROPS
};

static GParamSpec *trust_properties [TRUST_N_PROPS];

G_DEFINE_FINAL_TYPE (AcrTrustedCertificate, acr_trusted_certificate, G_TYPE_OBJECT)

static void
acr_trusted_certificate_finalize (GObject *object)
{
  AcrTrustedCertificate *self = ACR_TRUSTED_CERTIFICATE (object);

  g_free (self->fingerprint);
  g_free (self->certificate_pem);
  g_free (self->subject);
  g_free (self->not_after);
  g_free (self->added_at);

  G_OBJECT_CLASS (acr_trusted_certificate_parent_class)->finalize (object);
}

static void
acr_trusted_certificate_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AcrTrustedCertificate *self = ACR_TRUSTED_CERTIFICATE (object);

  switch (prop_id)
    {
    case TRUST_PROP_ID: g_value_set_int64 (value, self->id); break;
    case TRUST_PROP_FINGERPRINT: g_value_set_string (value, self->fingerprint); break;
    case TRUST_PROP_CERTIFICATE_PEM: g_value_set_string (value, self->certificate_pem); break;
    case TRUST_PROP_SUBJECT: g_value_set_string (value, self->subject); break;
    case TRUST_PROP_NOT_AFTER: g_value_set_string (value, self->not_after); break;
    case TRUST_PROP_ADDED_AT: g_value_set_string (value, self->added_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_trusted_certificate_class_init (AcrTrustedCertificateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_trusted_certificate_finalize;
  object_class->get_property = acr_trusted_certificate_get_property;

  trust_properties[TRUST_PROP_ID] = id_pspec ("id");
  trust_properties[TRUST_PROP_FINGERPRINT] = string_pspec ("fingerprint");
  trust_properties[TRUST_PROP_CERTIFICATE_PEM] = string_pspec ("certificate-pem");
  trust_properties[TRUST_PROP_SUBJECT] = string_pspec ("subject");
  trust_properties[TRUST_PROP_NOT_AFTER] = string_pspec ("not-after");
  trust_properties[TRUST_PROP_ADDED_AT] = string_pspec ("added-at");

  g_object_class_install_properties (object_class, TRUST_N_PROPS, trust_properties);
}

static void
acr_trusted_certificate_init (AcrTrustedCertificate *self)
{
}

gint64
acr_trusted_certificate_get_id (AcrTrustedCertificate *self)
{
  g_return_val_if_fail (ACR_IS_TRUSTED_CERTIFICATE (self), 0);
  return self->id;
}

const char *
acr_trusted_certificate_get_fingerprint (AcrTrustedCertificate *self)
{
  g_return_val_if_fail (ACR_IS_TRUSTED_CERTIFICATE (self), NULL);
  return self->fingerprint;
}

const char *
acr_trusted_certificate_get_certificate_pem (AcrTrustedCertificate *self)
{
  g_return_val_if_fail (ACR_IS_TRUSTED_CERTIFICATE (self), NULL);
  return self->certificate_pem;
}

const char *
acr_trusted_certificate_get_subject (AcrTrustedCertificate *self)
{
  g_return_val_if_fail (ACR_IS_TRUSTED_CERTIFICATE (self), NULL);
  return self->subject;
}

const char *
acr_trusted_certificate_get_not_after (AcrTrustedCertificate *self)
{
  g_return_val_if_fail (ACR_IS_TRUSTED_CERTIFICATE (self), NULL);
  return self->not_after;
}

const char *
acr_trusted_certificate_get_added_at (AcrTrustedCertificate *self)
{
  g_return_val_if_fail (ACR_IS_TRUSTED_CERTIFICATE (self), NULL);
  return self->added_at;
}

/* Helpers */

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crq_t, gnutls_x509_crq_deinit, NULL)

static GQuark
key_dir_quark (void)
{
  return g_quark_from_static_string ("acr-identity-store-key-dir");
}

#define SELECT_IDENTITY \
  "SELECT id, organisation_id, label, key_type, certificate_pem, fingerprint, subject, " \
  "not_before, not_after, key_location, created_at, retired_at FROM signing_identity "

#define SELECT_TRUSTED \
  "SELECT id, fingerprint, certificate_pem, subject, not_after, added_at " \
  "FROM trusted_certificate "

static gpointer
identity_from_row (AcrStore     *store,
                   sqlite3_stmt *stmt)
{
  AcrIdentityRecord *self = g_object_new (ACR_TYPE_IDENTITY_RECORD, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->organisation_id = sqlite3_column_int64 (stmt, 1);
  self->label = _acr_column_dup (stmt, 2);
  self->key_type = _acr_column_enum (stmt, 3, ACR_TYPE_KEY_TYPE);
  self->certificate_pem = _acr_column_dup (stmt, 4);
  self->fingerprint = _acr_column_dup (stmt, 5);
  self->subject = _acr_column_dup (stmt, 6);
  self->not_before = _acr_column_dup (stmt, 7);
  self->not_after = _acr_column_dup (stmt, 8);
  self->key_location = _acr_column_dup (stmt, 9);
  self->created_at = _acr_column_dup (stmt, 10);
  self->retired_at = _acr_column_dup (stmt, 11);

  return self;
}

static gpointer
trusted_from_row (AcrStore     *store,
                  sqlite3_stmt *stmt)
{
  AcrTrustedCertificate *self = g_object_new (ACR_TYPE_TRUSTED_CERTIFICATE, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->fingerprint = _acr_column_dup (stmt, 1);
  self->certificate_pem = _acr_column_dup (stmt, 2);
  self->subject = _acr_column_dup (stmt, 3);
  self->not_after = _acr_column_dup (stmt, 4);
  self->added_at = _acr_column_dup (stmt, 5);

  return self;
}

char *
_acr_format_unix_time (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (time);

  if (dt == NULL)
    return g_strdup ("?");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
format_date_time (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  if (dt == NULL)
    return NULL;
  utc = g_date_time_to_utc (dt);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
_acr_certificate_name (gnutls_x509_crt_t crt)
{
  char buffer[256];
  size_t size = sizeof buffer;
  gnutls_datum_t dn = { NULL, 0 };
  char *name;

  if (gnutls_x509_crt_get_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, 0, buffer,
                                     &size) >= 0 && size > 0)
    return g_strndup (buffer, size);

  if (gnutls_x509_crt_get_dn3 (crt, &dn, 0) < 0)
    return g_strdup ("?");
  name = g_strndup ((const char *) dn.data, dn.size);
  gnutls_free (dn.data);
  return name;
}

static char *
certificate_subject (gnutls_x509_crt_t crt)
{
  gnutls_datum_t dn = { NULL, 0 };
  char *subject;

  if (gnutls_x509_crt_get_dn3 (crt, &dn, 0) < 0)
    return g_strdup ("");
  subject = g_strndup ((const char *) dn.data, dn.size);
  gnutls_free (dn.data);
  return subject;
}

/* "ab:cd…" or "ABCD…" → "abcd…"; NULL unless 64 hex digits remain. */
static char *
normalize_fingerprint (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == ':' || *p == ' ')
        continue;
      if (!g_ascii_isxdigit (*p))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_c (out, g_ascii_tolower (*p));
    }

  if (out->len != 64)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_request_id (const char *text)
{
  if (text == NULL || strlen (text) != REQUEST_ID_LENGTH)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static char *
key_path_for (AcrStore   *store,
              const char *fingerprint)
{
  g_autofree char *dir = acr_identity_store_get_key_dir (store);
  g_autofree char *name = g_strconcat (fingerprint, ".key", NULL);

  return g_build_filename (dir, name, NULL);
}

static char *
request_path_for (AcrStore   *store,
                  const char *request_id,
                  const char *extension)
{
  g_autofree char *dir = acr_identity_store_get_key_dir (store);
  g_autofree char *name = g_strconcat (request_id, extension, NULL);

  return g_build_filename (dir, "requests", name, NULL);
}

static const char *
key_type_nick (AcrKeyType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (ACR_TYPE_KEY_TYPE);
  GEnumValue *value = g_enum_get_value (klass, type);

  return value != NULL ? value->value_nick : "?";
}

static gboolean
check_key_type (AcrKeyType   type,
                GError     **error)
{
  if (type != ACR_KEY_TYPE_RSA && type != ACR_KEY_TYPE_ECDSA && type != ACR_KEY_TYPE_ED25519)
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_UNSUPPORTED,
                   _("Key type %d is not one of RSA, ECDSA and Ed25519."), (int) type);
      return FALSE;
    }
  return TRUE;
}

/* The organisation's name and two-letter country, for a certificate subject. */
static gboolean
load_organisation (AcrStore  *store,
                   gint64     organisation_id,
                   char     **name,
                   char     **country,
                   GError   **error)
{
  g_autoptr(AcrOrganisation) organisation = NULL;
  g_autoptr(GError) local_error = NULL;

  if (organisation_id <= 0)
    {
      g_set_error_literal (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                           _("An issuer key belongs to an organisation: give its number."));
      return FALSE;
    }

  organisation = acr_organisation_load (store, organisation_id, &local_error);
  if (organisation == NULL)
    {
      if (g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND))
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no organisation with the number %lld."),
                     (long long) organisation_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (name != NULL)
    *name = g_strdup (acr_organisation_get_name (organisation));
  if (country != NULL)
    *country = g_strndup (acr_organisation_get_country (organisation), 2);
  return TRUE;
}

/* DUPLICATE when an identity with @fingerprint is stored already. */
static gboolean
check_not_stored (AcrStore    *store,
                  const char  *fingerprint,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _acr_store_prepare (store, "SELECT id FROM signing_identity WHERE fingerprint = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  _acr_bind_text (stmt, 1, fingerprint);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                   _("This key is stored already, as issuer key number %lld."),
                   (long long) sqlite3_column_int64 (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
identity_detail (AcrSigningIdentity *identity,
                 const char         *label,
                 const char         *key_location)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, label);
  json_builder_set_member_name (builder, "key-type");
  json_builder_add_string_value (builder,
                                 key_type_nick (acr_signing_identity_get_key_type (identity)));
  json_builder_set_member_name (builder, "fingerprint");
  json_builder_add_string_value (builder, acr_signing_identity_get_fingerprint (identity));
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, acr_signing_identity_get_subject_dn (identity));
  json_builder_set_member_name (builder, "key-location");
  json_builder_add_string_value (builder, key_location);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Trusts the certificate @crt inside the caller's transaction, unless it is trusted already;
 * records "trust". */
static gboolean
trust_certificate (AcrStore           *store,
                   gnutls_x509_crt_t   crt,
                   gboolean           *added,
                   gint64             *id,
                   GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *not_after = NULL;
  g_autofree char *now = _acr_now_iso8601 ();
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;
  gnutls_datum_t pem = { NULL, 0 };
  int ret;

  if (!acr_xmldsig_certificate_fingerprint (crt, &fingerprint)
      || (ret = gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &pem)) < 0)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("The certificate could not be encoded."));
      return FALSE;
    }

  subject = certificate_subject (crt);
  not_after = _acr_format_unix_time (gnutls_x509_crt_get_expiration_time (crt));

  stmt = _acr_store_prepare (store,
                             "INSERT INTO trusted_certificate (fingerprint, certificate_pem, "
                             "subject, not_after, added_at) VALUES (?1, ?2, ?3, ?4, ?5) "
                             "ON CONFLICT (fingerprint) DO NOTHING", error);
  if (stmt == NULL)
    {
      gnutls_free (pem.data);
      return FALSE;
    }
  _acr_bind_text (stmt, 1, fingerprint);
  sqlite3_bind_text (stmt, 2, (const char *) pem.data, pem.size, SQLITE_TRANSIENT);
  _acr_bind_text (stmt, 3, subject);
  _acr_bind_text (stmt, 4, not_after);
  _acr_bind_text (stmt, 5, now);
  gnutls_free (pem.data);
  if (!_acr_store_run (store, stmt, error))
    return FALSE;

  *added = _acr_store_changes (store) > 0;
  *id = *added ? _acr_store_last_insert_id (store) : 0;
  if (!*added)
    return TRUE;

  name = _acr_certificate_name (crt);
  summary = g_strdup_printf (_("Trusted the issuer certificate “%s” (%.16s…)."), name,
                             fingerprint);
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) detail = NULL;

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "fingerprint");
    json_builder_add_string_value (builder, fingerprint);
    json_builder_set_member_name (builder, "subject");
    json_builder_add_string_value (builder, subject);
    json_builder_set_member_name (builder, "not-after");
    json_builder_add_string_value (builder, not_after);
    json_builder_end_object (builder);
    detail = json_builder_get_root (builder);

    return acr_audit_append (store, "trust", "trusted_certificate", *id, summary, detail,
                             error);
  }
}

/* Inserts the row of @identity (which has a certificate), trusts its signer certificate and
 * records @action, in one transaction. Returns the new id, or 0 with @error set. */
static gint64
insert_identity (AcrStore           *store,
                 gint64              organisation_id,
                 const char         *label,
                 AcrSigningIdentity *identity,
                 const char         *key_location,
                 const char         *action,
                 const char         *summary,
                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *not_before = NULL;
  g_autofree char *not_after = NULL;
  g_autofree char *now = _acr_now_iso8601 ();
  gnutls_x509_crt_t *chain;
  gboolean added = FALSE;
  gint64 trusted_id = 0;
  gint64 id;
  guint n_chain = 0;

  if (!acr_signing_identity_export_certificate (identity, &pem, error))
    return 0;
  chain = acr_signing_identity_get_chain (identity, &n_chain);
  g_assert (n_chain > 0);
  not_before = format_date_time (acr_signing_identity_get_not_before (identity));
  not_after = format_date_time (acr_signing_identity_get_not_after (identity));

  if (!acr_store_begin (store, error))
    return 0;

  stmt = _acr_store_prepare (store,
                             "INSERT INTO signing_identity (organisation_id, label, key_type, "
                             "certificate_pem, fingerprint, subject, not_before, not_after, "
                             "key_location, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    goto fail;
  _acr_bind_id (stmt, 1, organisation_id);
  _acr_bind_text (stmt, 2, label);
  _acr_bind_text (stmt, 3, key_type_nick (acr_signing_identity_get_key_type (identity)));
  _acr_bind_text (stmt, 4, pem);
  _acr_bind_text (stmt, 5, acr_signing_identity_get_fingerprint (identity));
  _acr_bind_text (stmt, 6, acr_signing_identity_get_subject_dn (identity) != NULL
                           ? acr_signing_identity_get_subject_dn (identity) : "");
  _acr_bind_text (stmt, 7, not_before);
  _acr_bind_text (stmt, 8, not_after);
  _acr_bind_text (stmt, 9, key_location);
  _acr_bind_text (stmt, 10, now);
  if (!_acr_store_run (store, stmt, error))
    {
      if (error != NULL && g_error_matches (*error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          g_set_error_literal (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                               _("This key is stored already."));
        }
      goto fail;
    }
  id = _acr_store_last_insert_id (store);

  if (!trust_certificate (store, chain[0], &added, &trusted_id, error))
    goto fail;

  detail = identity_detail (identity, label, key_location);
  if (!acr_audit_append (store, action, "signing_identity", id, summary, detail, error))
    goto fail;
  if (!acr_store_commit (store, error))
    return 0;  /* a failed commit has rolled back already */

  return id;

fail:
  acr_store_rollback (store);
  return 0;
}

/* A blank @label gives @fallback. */
static char *
choose_label (const char *label,
              const char *fallback)
{
  if (!_acr_is_blank (label))
    return g_strstrip (g_strdup (label));
  return g_strdup (fallback);
}

/* Public API: the key folder */

char *
acr_identity_store_get_key_dir (AcrStore *store)
{
  const char *dir;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  dir = g_object_get_qdata (G_OBJECT (store), key_dir_quark ());
  if (dir != NULL)
    return g_strdup (dir);
  return acr_signing_identity_get_default_key_dir ();
}

void
acr_identity_store_set_key_dir (AcrStore   *store,
                                const char *key_dir)
{
  g_return_if_fail (ACR_IS_STORE (store));

  g_object_set_qdata_full (G_OBJECT (store), key_dir_quark (), g_strdup (key_dir), g_free);
}

/* Public API: identities */

AcrIdentityRecord *
acr_identity_store_create (AcrStore    *store,
                           gint64       organisation_id,
                           AcrKeyType   type,
                           const char  *label,
                           const char  *common_name,
                           guint        validity_days,
                           const char  *passphrase,
                           GError     **error)
{
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *country = NULL;
  g_autofree char *cn = NULL;
  g_autofree char *name = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *summary = NULL;
  gint64 id;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_key_type (type, error)
      || !load_organisation (store, organisation_id, &organisation, &country, error))
    return NULL;

  if (passphrase == NULL || passphrase[0] == '\0')
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE,
                           _("A new key is always saved encrypted: give a passphrase."));
      return NULL;
    }

  cn = choose_label (common_name, organisation);
  name = choose_label (label, cn);

  identity = acr_signing_identity_generate (type, organisation, cn, country, validity_days,
                                            error);
  if (identity == NULL)
    return NULL;

  if (!check_not_stored (store, acr_signing_identity_get_fingerprint (identity), error))
    return NULL;

  key_path = key_path_for (store, acr_signing_identity_get_fingerprint (identity));
  if (!acr_signing_identity_save_key (identity, key_path, passphrase, error))
    return NULL;

  summary = g_strdup_printf (_("Created the issuer key “%s” (%s) with a self-signed "
                               "certificate."), name,
                             key_type_nick (acr_signing_identity_get_key_type (identity)));
  id = insert_identity (store, organisation_id, name, identity, key_path, "key-create", summary,
                        error);
  if (id == 0)
    {
      g_unlink (key_path);
      return NULL;
    }

  return acr_identity_store_load (store, id, error);
}

/* The request id: 16 hex digits of the SHA-256 key id of the request's public key. */
static char *
request_id_for (const char  *request_pem,
                GError     **error)
{
  g_auto(gnutls_x509_crq_t) crq = NULL;
  gnutls_datum_t datum = { (unsigned char *) request_pem, strlen (request_pem) };
  guint8 key_id[32];
  size_t size = sizeof key_id;
  GString *hex;

  if (gnutls_x509_crq_init (&crq) < 0
      || gnutls_x509_crq_import (crq, &datum, GNUTLS_X509_FMT_PEM) < 0
      || gnutls_x509_crq_get_key_id (crq, GNUTLS_KEYID_USE_SHA256, key_id, &size) < 0
      || size < REQUEST_ID_LENGTH / 2)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_FAILED,
                           _("The certificate request could not be read back."));
      return NULL;
    }

  hex = g_string_new (NULL);
  for (guint i = 0; i < REQUEST_ID_LENGTH / 2; i++)
    g_string_append_printf (hex, "%02x", key_id[i]);
  return g_string_free (hex, FALSE);
}

static void
remove_request_files (AcrStore   *store,
                      const char *request_id)
{
  static const char * const extensions[] = { ".ini", ".csr", ".key" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *path = request_path_for (store, request_id, extensions[i]);

      g_unlink (path);
    }
}

static AcrCertificateRequest *
load_request (AcrStore    *store,
              const char  *request_id,
              GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AcrCertificateRequest) self = NULL;
  g_autofree char *ini_path = NULL;
  g_autofree char *csr_path = NULL;
  g_autofree char *key_type = NULL;
  int type = 0;

  if (!is_request_id (request_id))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not the number of a certificate request: such numbers have 16 "
                     "hexadecimal digits, as “key request” printed it."), request_id);
      return NULL;
    }

  ini_path = request_path_for (store, request_id, ".ini");
  csr_path = request_path_for (store, request_id, ".csr");
  if (!g_key_file_load_from_file (key_file, ini_path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no waiting certificate request %s. “key requests” lists "
                       "them."), request_id);
      else
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CORRUPT,
                     _("The certificate request %s could not be read: %s"), request_id,
                     local_error->message);
      return NULL;
    }

  self = g_object_new (ACR_TYPE_CERTIFICATE_REQUEST, NULL);
  self->request_id = g_strdup (request_id);
  self->organisation_id = g_key_file_get_int64 (key_file, REQUEST_GROUP, "organisation-id",
                                                NULL);
  self->label = g_key_file_get_string (key_file, REQUEST_GROUP, "label", NULL);
  key_type = g_key_file_get_string (key_file, REQUEST_GROUP, "key-type", NULL);
  self->subject = g_key_file_get_string (key_file, REQUEST_GROUP, "subject", NULL);
  self->created_at = g_key_file_get_string (key_file, REQUEST_GROUP, "created-at", NULL);
  if (key_type != NULL)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (ACR_TYPE_KEY_TYPE);
      GEnumValue *value = g_enum_get_value_by_nick (klass, key_type);

      type = value != NULL ? value->value : -1;
    }
  if (self->label == NULL || key_type == NULL || type < 0 || self->organisation_id <= 0
      || !g_file_get_contents (csr_path, &self->request_pem, NULL, NULL))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CORRUPT,
                   _("The files of the certificate request %s in “%s” are incomplete."),
                   request_id, ini_path);
      return NULL;
    }
  self->key_type = type;

  return g_steal_pointer (&self);
}

AcrCertificateRequest *
acr_identity_store_create_request (AcrStore    *store,
                                   gint64       organisation_id,
                                   AcrKeyType   type,
                                   const char  *label,
                                   const char  *common_name,
                                   const char  *passphrase,
                                   GError     **error)
{
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *country = NULL;
  g_autofree char *cn = NULL;
  g_autofree char *name = NULL;
  g_autofree char *request_pem = NULL;
  g_autofree char *request_id = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *csr_path = NULL;
  g_autofree char *ini_path = NULL;
  g_autofree char *ini_data = NULL;
  g_autofree char *now = _acr_now_iso8601 ();
  g_autofree char *summary = NULL;
  gsize ini_len = 0;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_key_type (type, error)
      || !load_organisation (store, organisation_id, &organisation, &country, error))
    return NULL;
  if (passphrase == NULL || passphrase[0] == '\0')
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE,
                           _("A new key is always saved encrypted: give a passphrase."));
      return NULL;
    }

  cn = choose_label (common_name, organisation);
  name = choose_label (label, cn);

  identity = acr_signing_identity_create_request (type, organisation, cn, country, error);
  if (identity == NULL
      || !acr_signing_identity_export_request (identity, &request_pem, error)
      || (request_id = request_id_for (request_pem, error)) == NULL)
    return NULL;

  key_path = request_path_for (store, request_id, ".key");
  csr_path = request_path_for (store, request_id, ".csr");
  ini_path = request_path_for (store, request_id, ".ini");

  key_file = g_key_file_new ();
  g_key_file_set_int64 (key_file, REQUEST_GROUP, "organisation-id", organisation_id);
  g_key_file_set_string (key_file, REQUEST_GROUP, "label", name);
  g_key_file_set_string (key_file, REQUEST_GROUP, "key-type", key_type_nick (type));
  g_key_file_set_string (key_file, REQUEST_GROUP, "subject",
                         acr_signing_identity_get_subject_dn (identity) != NULL
                         ? acr_signing_identity_get_subject_dn (identity) : "");
  g_key_file_set_string (key_file, REQUEST_GROUP, "created-at", now);
  ini_data = g_key_file_to_data (key_file, &ini_len, NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "request-id");
  json_builder_add_string_value (builder, request_id);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "key-type");
  json_builder_add_string_value (builder, key_type_nick (type));
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, acr_signing_identity_get_subject_dn (identity));
  json_builder_end_object (builder);
  detail = json_builder_get_root (builder);
  summary = g_strdup_printf (_("Created the issuer key “%s” (%s) with the certificate request "
                               "%s."), name, key_type_nick (type), request_id);

  /* The key and the request first, the .ini (which makes the request exist) last, and the
   * audit entry; any failure removes all three. */
  if (!acr_signing_identity_save_key (identity, key_path, passphrase, error))
    return NULL;
  if (!g_file_set_contents_full (csr_path, request_pem, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, error)
      || !g_file_set_contents_full (ini_path, ini_data, ini_len,
                                    G_FILE_SET_CONTENTS_CONSISTENT
                                    | G_FILE_SET_CONTENTS_DURABLE, 0600, error))
    {
      remove_request_files (store, request_id);
      return NULL;
    }

  if (!acr_store_begin (store, error))
    {
      remove_request_files (store, request_id);
      return NULL;
    }
  if (!acr_audit_append (store, "key-request", "signing_identity", 0, summary, detail, error))
    {
      acr_store_rollback (store);
      remove_request_files (store, request_id);
      return NULL;
    }
  if (!acr_store_commit (store, error))
    {
      remove_request_files (store, request_id);
      return NULL;
    }

  return load_request (store, request_id, error);
}

static int
compare_requests (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  AcrCertificateRequest *ra = (AcrCertificateRequest *) a;
  AcrCertificateRequest *rb = (AcrCertificateRequest *) b;
  int order = g_strcmp0 (ra->created_at, rb->created_at);

  return order != 0 ? order : g_strcmp0 (ra->request_id, rb->request_id);
}

GListModel *
acr_identity_store_list_requests (AcrStore  *store,
                                  GError   **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key_dir = NULL;
  g_autofree char *path = NULL;
  const char *name;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = g_list_store_new (ACR_TYPE_CERTIFICATE_REQUEST);
  key_dir = acr_identity_store_get_key_dir (store);
  path = g_build_filename (key_dir, "requests", NULL);
  dir = g_dir_open (path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return G_LIST_MODEL (g_steal_pointer (&list));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *request_id = NULL;
      g_autoptr(AcrCertificateRequest) request = NULL;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      request_id = g_strndup (name, strlen (name) - strlen (".ini"));
      if (!is_request_id (request_id))
        continue;
      request = load_request (store, request_id, error);
      if (request == NULL)
        return NULL;
      g_list_store_insert_sorted (list, request, compare_requests, NULL);
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

AcrIdentityRecord *
acr_identity_store_import_certificate (AcrStore    *store,
                                       const char  *request_id,
                                       const char  *pem,
                                       gsize        len,
                                       const char  *passphrase,
                                       GError     **error)
{
  g_autoptr(AcrCertificateRequest) request = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autofree char *request_key = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *summary = NULL;
  gint64 id;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (request_id != NULL, NULL);
  g_return_val_if_fail (pem != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  request = load_request (store, request_id, error);
  if (request == NULL)
    return NULL;

  request_key = request_path_for (store, request_id, ".key");
  identity = acr_signing_identity_load (NULL, request_key, passphrase, error);
  if (identity == NULL || !acr_signing_identity_set_certificate_chain (identity, pem, len, error))
    return NULL;
  if (!check_not_stored (store, acr_signing_identity_get_fingerprint (identity), error))
    return NULL;

  /* The encrypted key file moves to its final name; back again if the row fails. */
  key_path = key_path_for (store, acr_signing_identity_get_fingerprint (identity));
  if (g_rename (request_key, key_path) < 0)
    {
      int saved = errno;

      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_FAILED,
                   _("The key file could not be moved to “%s”: %s."), key_path,
                   g_strerror (saved));
      return NULL;
    }

  summary = g_strdup_printf (_("Attached the certificate from the certificate authority to the "
                               "issuer key “%s” (request %s)."), request->label, request_id);
  id = insert_identity (store, request->organisation_id, request->label, identity, key_path,
                        "key-import", summary, error);
  if (id == 0)
    {
      g_rename (key_path, request_key);
      return NULL;
    }

  remove_request_files (store, request_id);
  return acr_identity_store_load (store, id, error);
}

AcrIdentityRecord *
acr_identity_store_import_pkcs12 (AcrStore    *store,
                                  gint64       organisation_id,
                                  const char  *path,
                                  const char  *p12_password,
                                  const char  *new_passphrase,
                                  const char  *label,
                                  GError     **error)
{
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *basename = NULL;
  gsize len = 0;
  gint64 id;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_organisation (store, organisation_id, NULL, NULL, error))
    return NULL;
  if (new_passphrase == NULL || new_passphrase[0] == '\0')
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE,
                           _("The imported key is saved encrypted: give a new passphrase "
                             "for it."));
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, ACR_KEY_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                   ? ACR_KEY_ERROR_NOT_FOUND : ACR_KEY_ERROR_FAILED,
                   _("The PKCS #12 file could not be read: %s"), local_error->message);
      return NULL;
    }
  if (len > MAX_PKCS12_FILE_SIZE)
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                   _("“%s” is too large to be a PKCS #12 file."), path);
      return NULL;
    }

  identity = acr_signing_identity_import_pkcs12 ((const guint8 *) data, len, p12_password,
                                                 error);
  explicit_bzero (data, len);
  if (identity == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  if (!check_not_stored (store, acr_signing_identity_get_fingerprint (identity), error))
    return NULL;

  name = choose_label (label, acr_signing_identity_get_common_name (identity) != NULL
                              ? acr_signing_identity_get_common_name (identity)
                              : acr_signing_identity_get_fingerprint (identity));
  key_path = key_path_for (store, acr_signing_identity_get_fingerprint (identity));
  if (!acr_signing_identity_save_key (identity, key_path, new_passphrase, error))
    return NULL;

  basename = g_path_get_basename (path);
  summary = g_strdup_printf (_("Imported the issuer key “%s” (%s) from “%s”."), name,
                             key_type_nick (acr_signing_identity_get_key_type (identity)),
                             basename);
  id = insert_identity (store, organisation_id, name, identity, key_path, "key-import", summary,
                        error);
  if (id == 0)
    {
      g_unlink (key_path);
      return NULL;
    }

  return acr_identity_store_load (store, id, error);
}

AcrIdentityRecord *
acr_identity_store_add_pkcs11 (AcrStore    *store,
                               gint64       organisation_id,
                               const char  *uri,
                               const char  *label,
                               const char  *certificate_pem,
                               AcrPinFunc   pin_func,
                               gpointer     user_data,
                               GError     **error)
{
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  gint64 id;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_organisation (store, organisation_id, NULL, NULL, error))
    return NULL;
  if (strstr (uri, "pin-value=") != NULL)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("The PKCS #11 address contains the PIN (“pin-value=”). Leave it "
                             "out: the address is stored, the PIN is asked for when needed."));
      return NULL;
    }

  identity = acr_signing_identity_open_pkcs11 (uri, pin_func, user_data, error);
  if (identity == NULL)
    return NULL;
  if (certificate_pem != NULL
      && !acr_signing_identity_set_certificate_chain (identity, certificate_pem,
                                                      strlen (certificate_pem), error))
    return NULL;
  if (!acr_signing_identity_has_certificate (identity))
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_NOT_FOUND,
                           _("The token holds no certificate for this key. Give the "
                             "certificate file as well."));
      return NULL;
    }
  if (!check_not_stored (store, acr_signing_identity_get_fingerprint (identity), error))
    return NULL;

  name = choose_label (label, acr_signing_identity_get_common_name (identity) != NULL
                              ? acr_signing_identity_get_common_name (identity)
                              : acr_signing_identity_get_fingerprint (identity));
  summary = g_strdup_printf (_("Added the issuer key “%s” (%s) on a smart card or security "
                               "module."), name,
                             key_type_nick (acr_signing_identity_get_key_type (identity)));
  id = insert_identity (store, organisation_id, name, identity, uri, "key-import", summary,
                        error);
  if (id == 0)
    return NULL;

  return acr_identity_store_load (store, id, error);
}

AcrPagedList *
acr_identity_store_list (AcrStore *store,
                         gint64    organisation_id)
{
  g_autofree char *org = NULL;
  const char *params[2] = { NULL, NULL };

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  if (organisation_id <= 0)
    return _acr_paged_list_new (store, ACR_TYPE_IDENTITY_RECORD, SELECT_IDENTITY "ORDER BY id",
                                NULL, identity_from_row);

  org = g_strdup_printf ("%" G_GINT64_FORMAT, organisation_id);
  params[0] = org;
  return _acr_paged_list_new (store, ACR_TYPE_IDENTITY_RECORD,
                              SELECT_IDENTITY "WHERE organisation_id = CAST (?1 AS INTEGER) "
                              "ORDER BY id", params, identity_from_row);
}

static AcrIdentityRecord *
load_identity_where (AcrStore    *store,
                     const char  *where,
                     const char  *value,
                     gint64       id,
                     GError     **error)
{
  g_autofree char *sql = g_strconcat (SELECT_IDENTITY, where, NULL);
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (value != NULL)
    _acr_bind_text (stmt, 1, value);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      if (value != NULL)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no issuer key with the certificate fingerprint %s."), value);
      else
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no issuer key with the number %lld."), (long long) id);
      return NULL;
    }

  return identity_from_row (store, stmt);
}

AcrIdentityRecord *
acr_identity_store_load (AcrStore  *store,
                         gint64     id,
                         GError   **error)
{
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_identity_where (store, "WHERE id = ?1", NULL, id, error);
}

AcrIdentityRecord *
acr_identity_store_load_by_fingerprint (AcrStore    *store,
                                        const char  *fingerprint,
                                        GError     **error)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (fingerprint != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  normal = normalize_fingerprint (fingerprint);
  return load_identity_where (store, "WHERE fingerprint = ?1",
                              normal != NULL ? normal : fingerprint, 0, error);
}

AcrSigningIdentity *
acr_identity_store_open (AcrStore    *store,
                         gint64       id,
                         const char  *passphrase,
                         AcrPinFunc   pin_func,
                         gpointer     user_data,
                         GError     **error)
{
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = acr_identity_store_load (store, id, error);
  if (record == NULL)
    return NULL;

  if (acr_identity_record_get_is_pkcs11 (record))
    identity = acr_signing_identity_open_pkcs11 (record->key_location, pin_func, user_data,
                                                 error);
  else
    identity = acr_signing_identity_load (NULL, record->key_location, passphrase, error);
  if (identity == NULL)
    return NULL;

  if (!acr_signing_identity_set_certificate_chain (identity, record->certificate_pem,
                                                   strlen (record->certificate_pem), error))
    {
      g_prefix_error (error, _("The stored certificate of issuer key %lld does not fit its "
                               "key: "), (long long) id);
      return NULL;
    }
  if (g_strcmp0 (acr_signing_identity_get_fingerprint (identity), record->fingerprint) != 0)
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                   _("The stored certificate of issuer key %lld does not match its "
                     "fingerprint; the database was changed."), (long long) id);
      return NULL;
    }

  return g_steal_pointer (&identity);
}

gboolean
acr_identity_store_retire (AcrStore  *store,
                           gint64     id,
                           GError   **error)
{
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *now = _acr_now_iso8601 ();
  g_autofree char *summary = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  record = acr_identity_store_load (store, id, error);
  if (record == NULL)
    return FALSE;
  if (record->retired_at != NULL)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The issuer key %lld was retired already, on %s."), (long long) id,
                   record->retired_at);
      return FALSE;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fingerprint");
  json_builder_add_string_value (builder, record->fingerprint);
  json_builder_end_object (builder);
  detail = json_builder_get_root (builder);
  summary = g_strdup_printf (_("Retired the issuer key “%s”."), record->label);

  if (!acr_store_begin (store, error))
    return FALSE;
  stmt = _acr_store_prepare (store, "UPDATE signing_identity SET retired_at = ?1 "
                                    "WHERE id = ?2 AND retired_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  _acr_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_acr_store_run (store, stmt, error)
      || !acr_audit_append (store, "key-retire", "signing_identity", id, summary, detail, error))
    goto fail;

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  return FALSE;
}

/* Public API: trust */

/* Exactly one certificate from @data (PEM or DER). */
static gnutls_x509_crt_t
parse_one_certificate (const char  *data,
                       gsize        len,
                       GError     **error)
{
  gnutls_x509_crt_t *list = NULL;
  unsigned int n = 0;
  gnutls_datum_t datum = { (unsigned char *) data, len };
  gnutls_x509_crt_t crt = NULL;
  int ret;

  if (len == 0 || len > MAX_CERTIFICATE_FILE_SIZE)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("This is not a certificate file."));
      return NULL;
    }

  ret = gnutls_x509_crt_list_import2 (&list, &n, &datum, GNUTLS_X509_FMT_PEM, 0);
  if (ret < 0 || n == 0)
    {
      if (gnutls_x509_crt_init (&crt) < 0
          || gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_DER) < 0)
        {
          if (crt != NULL)
            gnutls_x509_crt_deinit (crt);
          g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                               _("This is not a certificate file (PEM or DER), or it is "
                                 "damaged."));
          return NULL;
        }
      return crt;
    }

  if (n > 1)
    {
      for (unsigned int i = 0; i < n; i++)
        gnutls_x509_crt_deinit (list[i]);
      gnutls_free (list);
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                   _("The file holds %u certificates. Trust one at a time: give a file with "
                     "only the issuer’s root certificate."), n);
      return NULL;
    }

  crt = list[0];
  gnutls_free (list);
  return crt;
}

AcrTrustedCertificate *
acr_trust_add (AcrStore    *store,
               const char  *pem,
               gsize        len,
               GError     **error)
{
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fingerprint = NULL;
  gboolean added = FALSE;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (pem != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  crt = parse_one_certificate (pem, len, error);
  if (crt == NULL)
    return NULL;
  if (!acr_xmldsig_certificate_fingerprint (crt, &fingerprint))
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("The certificate could not be encoded."));
      return NULL;
    }

  if (!acr_store_begin (store, error))
    return NULL;
  if (!trust_certificate (store, crt, &added, &id, error))
    {
      acr_store_rollback (store);
      return NULL;
    }
  if (!added)
    {
      acr_store_rollback (store);
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                   _("The certificate %s is trusted already."), fingerprint);
      return NULL;
    }
  if (!acr_store_commit (store, error))
    return NULL;

  stmt = _acr_store_prepare (store, SELECT_TRUSTED "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, ACR_STORE_ERROR, ACR_STORE_ERROR_FAILED,
                             _("The trusted certificate vanished after it was added."));
      return NULL;
    }
  return trusted_from_row (store, stmt);
}

gboolean
acr_trust_remove (AcrStore    *store,
                  const char  *fingerprint,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *summary = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (fingerprint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  normal = normalize_fingerprint (fingerprint);
  if (normal == NULL)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a certificate fingerprint: give the 64 hexadecimal digits "
                     "“key trusted” shows."), fingerprint);
      return FALSE;
    }

  select = _acr_store_prepare (store, "SELECT id, subject FROM trusted_certificate "
                                      "WHERE fingerprint = ?1", error);
  if (select == NULL)
    return FALSE;
  _acr_bind_text (select, 1, normal);
  rc = _acr_store_step (store, select, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("The certificate %s is not trusted; “key trusted” lists those that "
                     "are."), normal);
      return FALSE;
    }
  id = sqlite3_column_int64 (select, 0);
  subject = _acr_column_dup (select, 1);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fingerprint");
  json_builder_add_string_value (builder, normal);
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, subject);
  json_builder_end_object (builder);
  detail = json_builder_get_root (builder);
  summary = g_strdup_printf (_("Stopped trusting the issuer certificate “%s” (%.16s…)."),
                             subject, normal);

  if (!acr_store_begin (store, error))
    return FALSE;
  stmt = _acr_store_prepare (store, "DELETE FROM trusted_certificate WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_acr_store_run (store, stmt, error)
      || !acr_audit_append (store, "untrust", "trusted_certificate", id, summary, detail,
                            error))
    goto fail;

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  return FALSE;
}

AcrPagedList *
acr_trust_list (AcrStore *store)
{
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  return _acr_paged_list_new (store, ACR_TYPE_TRUSTED_CERTIFICATE,
                              SELECT_TRUSTED "ORDER BY subject, id", NULL, trusted_from_row);
}

gboolean
acr_trust_contains (AcrStore    *store,
                    const char  *fingerprint,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *normal = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (fingerprint != NULL, FALSE);

  normal = normalize_fingerprint (fingerprint);
  if (normal == NULL)
    return FALSE;
  stmt = _acr_store_prepare (store, "SELECT 1 FROM trusted_certificate WHERE fingerprint = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  _acr_bind_text (stmt, 1, normal);
  return _acr_store_step (store, stmt, error) == SQLITE_ROW;
}

/* Private API */

static void
free_certificates (GPtrArray *cas)
{
  for (guint i = 0; i < cas->len; i++)
    gnutls_x509_crt_deinit (g_ptr_array_index (cas, i));
  g_ptr_array_free (cas, TRUE);
}

gboolean
_acr_trust_check_chain (AcrStore            *store,
                        gnutls_x509_crt_t   *chain,
                        guint                n_chain,
                        gboolean            *trusted,
                        char               **anchor_fingerprint,
                        char               **reason,
                        GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) fingerprints = NULL;
  gnutls_x509_trust_list_t list = NULL;
  GPtrArray *cas;
  unsigned int voutput = 0;
  guint n_used = n_chain;
  int rc, ret;

  *trusted = FALSE;
  *anchor_fingerprint = NULL;
  *reason = NULL;

  if (n_chain == 0)
    {
      *reason = g_strdup (_("The signature carries no certificate."));
      return TRUE;
    }

  stmt = _acr_store_prepare (store, "SELECT fingerprint, certificate_pem "
                                    "FROM trusted_certificate ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  fingerprints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cas = g_ptr_array_new ();
  while ((rc = _acr_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      const char *pem = (const char *) sqlite3_column_text (stmt, 1);
      gnutls_datum_t datum = { (unsigned char *) pem, sqlite3_column_bytes (stmt, 1) };
      gnutls_x509_crt_t crt = NULL;

      if (pem == NULL || gnutls_x509_crt_init (&crt) < 0)
        continue;
      if (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM) < 0)
        {
          gnutls_x509_crt_deinit (crt);
          continue;
        }
      g_ptr_array_add (cas, crt);
      g_hash_table_add (fingerprints, _acr_column_dup (stmt, 0));
    }
  if (rc < 0)
    {
      free_certificates (cas);
      return FALSE;
    }

  /* The first certificate of the chain that is trusted itself ends the chain. */
  for (guint i = 0; i < n_chain; i++)
    {
      g_autofree char *fingerprint = NULL;

      if (acr_xmldsig_certificate_fingerprint (chain[i], &fingerprint)
          && g_hash_table_contains (fingerprints, fingerprint))
        {
          *anchor_fingerprint = g_steal_pointer (&fingerprint);
          n_used = i + 1;
          break;
        }
    }

  if (cas->len == 0)
    {
      g_ptr_array_free (cas, TRUE);
      *reason = g_strdup (_("No issuer certificate is trusted here yet. Trust the issuer’s "
                            "certificate with “key trust” if you know it to be genuine."));
      return TRUE;
    }

  if ((ret = gnutls_x509_trust_list_init (&list, 0)) < 0
      || (ret = gnutls_x509_trust_list_add_cas (list, (gnutls_x509_crt_t *) cas->pdata,
                                                cas->len, 0)) < 0)
    {
      /* The list owns the certificates only once add_cas succeeded. */
      if (list != NULL)
        gnutls_x509_trust_list_deinit (list, 0);
      free_certificates (cas);
      g_free (g_steal_pointer (anchor_fingerprint));
      *reason = g_strdup_printf (_("The trusted certificates could not be used: %s."),
                                 gnutls_strerror (ret));
      return TRUE;
    }
  g_ptr_array_free (cas, TRUE);  /* the list owns the certificates now */

  /* Validity periods are the "validity" check's business, at the issue date. */
  ret = gnutls_x509_trust_list_verify_crt2 (list, chain, n_used, NULL, 0,
                                            GNUTLS_VERIFY_DISABLE_TIME_CHECKS
                                            | GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS,
                                            &voutput, NULL);
  if (ret < 0 || voutput != 0)
    {
      g_autofree char *name = _acr_certificate_name (chain[0]);
      gnutls_datum_t out = { NULL, 0 };

      g_free (g_steal_pointer (anchor_fingerprint));
      if (ret >= 0 && (voutput & GNUTLS_CERT_SIGNER_NOT_FOUND) != 0)
        *reason = g_strdup_printf (_("The signer’s certificate “%s” does not lead to a "
                                     "trusted issuer certificate. Trust the issuer’s "
                                     "certificate with “key trust” if you know it to be "
                                     "genuine."), name);
      else if (ret >= 0
               && gnutls_certificate_verification_status_print (voutput, GNUTLS_CRT_X509,
                                                                &out, 0) >= 0)
        {
          *reason = g_strdup_printf (_("The certificate chain of “%s” is not trusted: %.*s"),
                                     name, (int) out.size, (const char *) out.data);
          gnutls_free (out.data);
        }
      else
        *reason = g_strdup_printf (_("The certificate chain of “%s” could not be checked: "
                                     "%s."), name, gnutls_strerror (ret));
      gnutls_x509_trust_list_deinit (list, 1);
      return TRUE;
    }

  if (*anchor_fingerprint == NULL)
    {
      /* The last certificate given is issued by a trusted one: that one is the anchor. */
      gnutls_x509_crt_t issuer = NULL;

      if (gnutls_x509_trust_list_get_issuer (list, chain[n_used - 1], &issuer, 0) >= 0
          && issuer != NULL)
        acr_xmldsig_certificate_fingerprint (issuer, anchor_fingerprint);
    }
  gnutls_x509_trust_list_deinit (list, 1);

  {
    g_autofree char *name = _acr_certificate_name (chain[0]);

    *trusted = TRUE;
    *reason = g_strdup_printf (_("The signer’s certificate “%s” leads to the trusted issuer "
                                 "certificate %.16s…."), name,
                               *anchor_fingerprint != NULL ? *anchor_fingerprint : "?");
  }
  return TRUE;
}
