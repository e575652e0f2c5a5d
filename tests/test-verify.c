/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Verification of credentials, issuer identities in the store and revocation lists.
 *
 * Each test builds the demo database in memory (acr_seed_demo), creates an issuer identity
 * through the identity store (keys in a temporary folder), builds the credential of the
 * demo's passed assessment with acr_credential_document_build and signs it with
 * acr_xmldsig_sign. Attacks are made on the serialized text, as an attacker would, and
 * every one must be rejected with the failing check named; the valid document must pass
 * every check (no false rejections). Debian's xmlsec1 checks our verdict independently. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <gnutls/pkcs12.h>

#include "acr-core.h"
#include "acr-credential-private.h"
#include "acr-store-private.h"
#include "acr-xml.h"

#define PASSPHRASE "correct horse battery staple"

typedef struct
{
  char               *dir;
  char               *key_dir;
  AcrStore           *store;
  gint64              organisation_id;
  gint64              assessment_id;
  gint64              learner_id;
  gint64              module_id;
  AcrIdentityRecord  *record;
  AcrSigningIdentity *identity;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

/* The files under @path, sorted, joined by spaces (to compare folders before and after). */
static char *
list_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return g_strdup ("");
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *inner = list_files (child);

          g_ptr_array_add (names, g_strdup_printf ("%s/[%s]", name, inner));
        }
      else
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static gint64
count_rows (AcrStore   *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static AcrStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  AcrStore *store = acr_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static AcrSigningIdentity *
open_identity (Fixture           *f,
               AcrIdentityRecord *record)
{
  g_autoptr(GError) error = NULL;
  AcrSigningIdentity *identity = acr_identity_store_open (f->store,
                                                          acr_identity_record_get_id (record),
                                                          PASSPHRASE, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (identity);
  return identity;
}

static AcrIdentityRecord *
create_identity (Fixture    *f,
                 AcrKeyType  type,
                 const char *label)
{
  g_autoptr(GError) error = NULL;
  AcrIdentityRecord *record = acr_identity_store_create (f->store, f->organisation_id, type,
                                                         label, NULL, 3650, PASSPHRASE,
                                                         &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static void
setup_with_type (Fixture    *f,
                 AcrKeyType  type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrPagedList) organisations = NULL;
  g_autoptr(AcrPagedList) assessments = NULL;
  g_autoptr(AcrOrganisation) organisation = NULL;
  guint n;

  f->dir = g_dir_make_tmp ("acr-test-verify-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->key_dir = g_build_filename (f->dir, "keys", NULL);
  f->store = open_store ();
  acr_identity_store_set_key_dir (f->store, f->key_dir);
  g_assert_true (acr_seed_demo (f->store, &error));
  g_assert_no_error (error);

  organisations = acr_organisation_list (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (organisations)), >=, 1);
  organisation = g_list_model_get_item (G_LIST_MODEL (organisations), 0);
  f->organisation_id = acr_organisation_get_id (organisation);

  assessments = acr_assessment_list (f->store, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (assessments));
  for (guint i = 0; i < n && f->assessment_id == 0; i++)
    {
      g_autoptr(AcrAssessment) assessment = g_list_model_get_item (G_LIST_MODEL (assessments),
                                                                   i);

      if (acr_assessment_get_passed (assessment))
        {
          f->assessment_id = acr_assessment_get_id (assessment);
          f->learner_id = acr_assessment_get_learner_id (assessment);
          f->module_id = acr_assessment_get_module_id (assessment);
        }
    }
  g_assert_cmpint (f->assessment_id, >, 0);

  f->record = create_identity (f, type, NULL);
  f->identity = open_identity (f, f->record);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  setup_with_type (f, ACR_KEY_TYPE_ECDSA);
}

static void
fixture_setup_rsa (Fixture       *f,
                   gconstpointer  data)
{
  setup_with_type (f, ACR_KEY_TYPE_RSA);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->identity);
  g_clear_object (&f->record);
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->key_dir);
}

/* Documents */

static GDateTime *
now_seconds (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                              g_date_time_get_minute (now), g_date_time_get_second (now));
}

static char *
serialize (xmlDoc *doc)
{
  xmlChar *mem = NULL;
  int size = 0;
  char *text;

  xmlDocDumpMemoryEnc (doc, &mem, &size, "UTF-8");
  g_assert_nonnull (mem);
  text = g_strndup ((const char *) mem, size);
  xmlFree (mem);
  return text;
}

/* The demo credential signed by @identity (key and chain), issued now; *@uuid gets its id. */
static char *
sign_with (Fixture            *f,
           gnutls_privkey_t    key,
           gnutls_x509_crt_t  *chain,
           guint               n_chain,
           char              **uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) issued = now_seconds ();
  g_autofree char *id = acr_uuid_urn_new ();
  g_autoptr(xmlDoc) doc = acr_credential_document_build (f->store, f->assessment_id, id,
                                                         issued,
                                                         "https://example.org/revoked.xml",
                                                         &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (acr_xmldsig_sign (doc, key, chain, n_chain, &error));
  g_assert_no_error (error);
  if (uuid != NULL)
    *uuid = g_steal_pointer (&id);
  return serialize (doc);
}

static char *
sign_credential (Fixture             *f,
                 AcrSigningIdentity  *identity,
                 char               **uuid)
{
  guint n_chain = 0;
  gnutls_x509_crt_t *chain = acr_signing_identity_get_chain (identity, &n_chain);

  return sign_with (f, acr_signing_identity_get_privkey (identity), chain, n_chain, uuid);
}

static gnutls_x509_crt_t
leaf_of (AcrSigningIdentity *identity)
{
  guint n = 0;
  gnutls_x509_crt_t *chain = acr_signing_identity_get_chain (identity, &n);

  g_assert_cmpuint (n, >, 0);
  return chain[0];
}

static AcrVerification *
verify_text (Fixture           *f,
             AcrStore          *store,
             const char        *text,
             gsize              len,
             AcrRevocationList *list,
             GDateTime         *now)
{
  AcrVerification *v = acr_verify_document (store != NULL ? store : f->store, text, len,
                                            "credential.xml", list, now);

  g_assert_nonnull (v);
  for (guint i = 0; i < acr_verification_get_n_checks (v); i++)
    g_test_message ("%s %s: %s", acr_verification_get_check_passed (v, i) ? "✓" : "✗",
                    acr_verification_get_check_id (v, i),
                    acr_verification_get_check_reason (v, i));
  return v;
}

static const char * const all_checks[] = {
  "structure", "algorithms", "digest", "signature", "trust", "validity", "expiry",
  "revocation", NULL
};

static void
assert_valid (AcrVerification *v)
{
  g_assert_cmpint (acr_verification_get_status (v), ==, ACR_VERIFICATION_STATUS_VALID);
  g_assert_true (acr_verification_is_valid (v));
  g_assert_null (acr_verification_get_failed_check (v));
  g_assert_cmpuint (acr_verification_get_n_checks (v), ==, g_strv_length ((char **) all_checks));
  for (guint i = 0; all_checks[i] != NULL; i++)
    {
      g_assert_cmpstr (acr_verification_get_check_id (v, i), ==, all_checks[i]);
      g_assert_true (acr_verification_get_check_passed (v, i));
      g_assert_nonnull (acr_verification_get_check_reason (v, i));
    }
  g_assert_nonnull (acr_verification_get_info (v));
  g_assert_nonnull (acr_verification_get_signer_fingerprint (v));
}

/* @v is rejected with @status, its first failed check is @check (with @needle in its
 * reason, unless NULL); a document whose signature did not verify shows nothing. */
static void
assert_rejected (AcrVerification       *v,
                 AcrVerificationStatus  status,
                 const char            *check,
                 const char            *needle)
{
  gboolean passed = TRUE;
  const char *reason = NULL;

  g_assert_cmpint (acr_verification_get_status (v), ==, status);
  g_assert_false (acr_verification_is_valid (v));
  g_assert_cmpstr (acr_verification_get_failed_check (v), ==, check);
  g_assert_true (acr_verification_lookup_check (v, check, &passed, &reason));
  g_assert_false (passed);
  g_assert_nonnull (reason);
  if (needle != NULL && strstr (reason, needle) == NULL)
    g_error ("“%s” not in the reason “%s”", needle, reason);

  if (g_str_equal (check, "structure") || g_str_equal (check, "algorithms")
      || g_str_equal (check, "digest") || g_str_equal (check, "signature"))
    {
      g_assert_null (acr_verification_get_info (v));
      g_assert_null (acr_verification_get_signer_fingerprint (v));
    }
  else
    g_assert_nonnull (acr_verification_get_info (v));
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);
  GString *out;

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));

  out = g_string_new_len (text, at - text);
  g_string_append (out, new);
  g_string_append (out, at + strlen (old));
  return g_string_free (out, FALSE);
}

static char *
extract_signature (const char *text)
{
  const char *start = strstr (text, "<ds:Signature");
  const char *end = strstr (text, "</ds:Signature>");

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  return g_strndup (start, end + strlen ("</ds:Signature>") - start);
}

static char *
element_text (const char *text,
              const char *name)
{
  g_autofree char *open = g_strdup_printf ("<%s>", name);
  g_autofree char *close = g_strdup_printf ("</%s>", name);
  const char *start = strstr (text, open);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (open);
  end = strstr (start, close);
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static AcrVerification *
verify_string (Fixture    *f,
               const char *text)
{
  return verify_text (f, NULL, text, strlen (text), NULL, NULL);
}

/* Valid credentials */

static void
test_valid (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *uuid = NULL;
  g_autofree char *text = sign_credential (f, f->identity, &uuid);
  g_autoptr(AcrVerification) v = verify_string (f, text);
  const AcrCredentialInfo *info;
  const char *reason = NULL;

  assert_valid (v);
  info = acr_verification_get_info (v);
  g_assert_cmpstr (info->id, ==, uuid);
  g_assert_nonnull (info->learner_name);
  g_assert_nonnull (info->title);
  g_assert_nonnull (info->valid_until);
  g_assert_cmpstr (acr_verification_get_signer_fingerprint (v), ==,
                   acr_identity_record_get_fingerprint (f->record));
  g_assert_cmpstr (acr_verification_get_display_name (v), ==, "credential.xml");
  g_assert_nonnull (acr_verification_get_summary (v));
  /* Not issued here (not in the credential table) and no list: said so, not failed. */
  g_assert_true (acr_verification_lookup_check (v, "revocation", NULL, &reason));
  g_assert_nonnull (strstr (reason, "not checked"));
}

/* Attacks */

static void
test_changed_byte (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = sign_credential (f, f->identity, NULL);
  const char *root = strstr (text, "<credential");
  const char *signature = strstr (text, "<ds:Signature");
  gsize start = root - text, end = signature - text;
  guint n_tried = 0;

  /* One byte changed at many places of the signed content: never valid. Letters and digits
   * become others, so most changes keep the document well-formed and schema-valid and must
   * be caught by the digest. */
  for (gsize i = start; i < end; i += 37)
    {
      g_autofree char *changed = g_strdup (text);
      g_autoptr(AcrVerification) v = NULL;
      char c = changed[i];

      if (g_ascii_isdigit (c))
        changed[i] = c == '9' ? '8' : c + 1;
      else if (g_ascii_isalpha (c))
        changed[i] = (c == 'z' || c == 'Z') ? c - 1 : c + 1;
      else
        continue;

      v = acr_verify_document (f->store, changed, strlen (changed), "changed.xml", NULL, NULL);
      g_assert_false (acr_verification_is_valid (v));
      g_assert_cmpint (acr_verification_get_status (v), ==, ACR_VERIFICATION_STATUS_INVALID);
      g_assert_nonnull (acr_verification_get_failed_check (v));
      g_assert_null (acr_verification_get_info (v));
      n_tried++;
    }
  g_assert_cmpuint (n_tried, >, 50);

  /* The typical forgery: another learner name, still schema-valid: the digest says so. */
  {
    g_autofree char *name = element_text (text, "familyName");
    g_autofree char *from = g_strdup_printf ("<familyName>%s<", name);
    g_autofree char *to = g_strdup_printf ("<familyName>%c%s<", 'X', name + 1);
    g_autofree char *forged = replace_once (text, from, to);
    g_autoptr(AcrVerification) v = verify_string (f, forged);

    assert_rejected (v, ACR_VERIFICATION_STATUS_INVALID, "digest", NULL);
  }
}

static void
test_moved_signature (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = sign_credential (f, f->identity, NULL);
  g_autofree char *signature = extract_signature (text);
  g_autofree char *without = replace_once (text, signature, "");
  g_autofree char *inserted = g_strconcat (signature, "<learner>", NULL);
  g_autofree char *moved = replace_once (without, "<learner>", inserted);
  g_autofree char *twice = g_strconcat (signature, signature, NULL);
  g_autofree char *duplicated = replace_once (text, signature, twice);
  g_autoptr(AcrVerification) v1 = verify_string (f, moved);
  g_autoptr(AcrVerification) v2 = verify_string (f, duplicated);
  g_autoptr(AcrVerification) v3 = verify_string (f, without);

  assert_rejected (v1, ACR_VERIFICATION_STATUS_INVALID, "structure", NULL);
  assert_rejected (v2, ACR_VERIFICATION_STATUS_INVALID, "structure", NULL);
  assert_rejected (v3, ACR_VERIFICATION_STATUS_INVALID, "structure", NULL);
}

static void
test_wrapped (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = sign_credential (f, f->identity, NULL);
  g_autofree char *signature = extract_signature (text);
  const char *root_start = strstr (text, "<credential");
  const char *root_end = strstr (text, "</credential>");
  g_autofree char *original = g_strndup (root_start,
                                         root_end + strlen ("</credential>") - root_start);
  g_autofree char *content = replace_once (original, signature, "");
  g_autofree char *object = g_strconcat ("<ds:Object>", content, "</ds:Object></ds:Signature>",
                                         NULL);
  g_autofree char *with_object = replace_once (signature, "</ds:Signature>", object);
  g_autofree char *name = element_text (text, "familyName");
  g_autofree char *from = g_strdup_printf ("<familyName>%s<", name);
  g_autofree char *forged_text = replace_once (text, from, "<familyName>Mallory<");
  g_autofree char *object_wrapped = replace_once (forged_text, signature, with_object);
  g_autofree char *outer = NULL;
  g_autoptr(AcrVerification) v1 = NULL;
  g_autoptr(AcrVerification) v2 = NULL;

  /* 1. The signed content moved into a ds:Object, a forged copy where readers look. */
  v1 = verify_string (f, object_wrapped);
  assert_rejected (v1, ACR_VERIFICATION_STATUS_INVALID, "structure", NULL);

  /* 2. A second credential element wrapping the signed one. */
  outer = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<credential xmlns=\"urn:accredit:credential:1\">"
                       "<wrapper>", original, "</wrapper></credential>\n", NULL);
  v2 = verify_string (f, outer);
  assert_rejected (v2, ACR_VERIFICATION_STATUS_INVALID, "structure", NULL);
}

static void
test_swapped_certificate (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AcrIdentityRecord) other = create_identity (f, ACR_KEY_TYPE_ECDSA, "Other key");
  g_autofree char *text = sign_credential (f, f->identity, NULL);
  g_autofree char *certificate = element_text (text, "ds:X509Certificate");
  g_autofree char *other_text = NULL;
  g_autofree char *other_certificate = NULL;
  g_autofree char *swapped = NULL;
  g_autoptr(AcrSigningIdentity) other_identity = open_identity (f, other);
  g_autoptr(AcrVerification) v = NULL;

  other_text = sign_credential (f, other_identity, NULL);
  other_certificate = element_text (other_text, "ds:X509Certificate");
  swapped = replace_once (text, certificate, other_certificate);

  /* The other certificate is trusted too, but it did not make this signature. */
  v = verify_string (f, swapped);
  assert_rejected (v, ACR_VERIFICATION_STATUS_INVALID, "signature", NULL);
}

static void
test_untrusted (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sign_credential (f, f->identity, NULL);
  g_autoptr(AcrVerification) before = verify_string (f, text);
  g_autoptr(AcrVerification) after = NULL;
  g_autoptr(AcrVerification) elsewhere = NULL;
  g_autoptr(AcrStore) other = open_store ();

  assert_valid (before);

  g_assert_true (acr_trust_remove (f->store, acr_identity_record_get_fingerprint (f->record),
                                   &error));
  g_assert_no_error (error);
  after = verify_string (f, text);
  assert_rejected (after, ACR_VERIFICATION_STATUS_UNTRUSTED, "trust", "trust");

  /* A store that trusts nobody. */
  elsewhere = verify_text (f, other, text, strlen (text), NULL, NULL);
  assert_rejected (elsewhere, ACR_VERIFICATION_STATUS_UNTRUSTED, "trust", NULL);

  /* Removing it twice: not found, nothing changed. */
  g_assert_false (acr_trust_remove (f->store, acr_identity_record_get_fingerprint (f->record),
                                    &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
}

/* A key and self-signed issuer certificate made with GnuTLS, valid from @from to @to. */
static void
make_certificate (time_t                 from,
                  time_t                 to,
                  gnutls_privkey_t      *key_out,
                  gnutls_x509_crt_t     *crt_out)
{
  gnutls_x509_privkey_t xkey;
  gnutls_privkey_t key;
  gnutls_x509_crt_t crt;
  guint8 serial[8];

  g_assert_cmpint (gnutls_x509_privkey_init (&xkey), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_generate (xkey, GNUTLS_PK_ECDSA,
                                                 GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1),
                                                 0), ==, 0);
  g_assert_cmpint (gnutls_privkey_init (&key), ==, 0);
  g_assert_cmpint (gnutls_privkey_import_x509 (key, xkey, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE),
                   ==, 0);

  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_version (crt, 3), ==, 0);
  g_assert_cmpint (gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial), ==, 0);
  serial[0] = (serial[0] & 0x7f) | 0x01;
  g_assert_cmpint (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_dn (crt, "CN=Expired issuer,O=Old Chamber,C=DE", NULL),
                   ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_activation_time (crt, from), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_expiration_time (crt, to), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key (crt, xkey), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_basic_constraints (crt, 1, 0), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE
                                                       | GNUTLS_KEY_KEY_CERT_SIGN), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_privkey_sign (crt, crt, key, GNUTLS_DIG_SHA256, 0), ==, 0);

  *key_out = key;
  *crt_out = crt;
}

static char *
certificate_pem (gnutls_x509_crt_t crt)
{
  gnutls_datum_t out = { NULL, 0 };
  char *pem;

  g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &out), ==, 0);
  pem = g_strndup ((const char *) out.data, out.size);
  gnutls_free (out.data);
  return pem;
}

static void
test_expired_issuer (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrTrustedCertificate) trusted = NULL;
  g_autoptr(AcrVerification) v = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *text = NULL;
  gnutls_privkey_t key;
  gnutls_x509_crt_t crt;
  time_t now = time (NULL);

  make_certificate (now - 3 * 365 * 86400, now - 365 * 86400, &key, &crt);
  pem = certificate_pem (crt);
  trusted = acr_trust_add (f->store, pem, strlen (pem), &error);
  g_assert_no_error (error);
  g_assert_nonnull (trusted);

  /* Trusted, intact, but the certificate had expired when the credential was issued. */
  text = sign_with (f, key, &crt, 1, NULL);
  v = verify_string (f, text);
  assert_rejected (v, ACR_VERIFICATION_STATUS_INVALID, "validity", "valid only from");
  g_assert_true (acr_verification_lookup_check (v, "trust", NULL, NULL));

  gnutls_x509_crt_deinit (crt);
  gnutls_privkey_deinit (key);
}

static void
test_algorithms (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char *from;
    const char *to;
  } cases[] = {
    { "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
      "http://www.w3.org/2000/09/xmldsig#rsa-sha1" },
    { "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
      "http://www.w3.org/2000/09/xmldsig#hmac-sha1" },
    { "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
      "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256" },
    { "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>",
      "<ds:DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/>" },
  };
  g_autofree char *text = sign_credential (f, f->identity, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *changed = replace_once (text, cases[i].from, cases[i].to);
      g_autoptr(AcrVerification) v = verify_string (f, changed);

      assert_rejected (v, ACR_VERIFICATION_STATUS_INVALID, "algorithms", NULL);
    }
}

static void
test_doctype (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = sign_credential (f, f->identity, NULL);
  g_autofree char *name = element_text (text, "familyName");
  g_autofree char *from = g_strdup_printf ("<familyName>%s<", name);
  g_autofree char *with_entity = replace_once (text, from, "<familyName>&xxe;<");
  g_autofree char *xxe = replace_once (with_entity, "<credential",
                                       "<!DOCTYPE credential [<!ENTITY xxe SYSTEM "
                                       "\"file:///etc/passwd\">]>\n<credential");
  g_autofree char *empty = replace_once (text, "<credential",
                                         "<!DOCTYPE credential>\n<credential");
  g_autoptr(AcrVerification) v1 = verify_string (f, xxe);
  g_autoptr(AcrVerification) v2 = verify_string (f, empty);

  assert_rejected (v1, ACR_VERIFICATION_STATUS_INVALID, "structure", "DOCTYPE");
  assert_rejected (v2, ACR_VERIFICATION_STATUS_INVALID, "structure", "DOCTYPE");
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = sign_credential (f, f->identity, NULL);
  gsize len = strlen (text);
  const gsize cuts[] = { len - 2, len - 40, len / 2, 10, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(AcrVerification) v = verify_text (f, NULL, text, cuts[i], NULL, NULL);

      assert_rejected (v, ACR_VERIFICATION_STATUS_INVALID, "structure", NULL);
    }

  /* Not a credential at all. */
  {
    const char *other = "<?xml version=\"1.0\"?><framework xmlns=\"urn:accredit:framework:1\"/>";
    g_autoptr(AcrVerification) v = verify_string (f, other);

    assert_rejected (v, ACR_VERIFICATION_STATUS_INVALID, "structure", NULL);
  }
}

/* Stores the signed @text as issued (as issuance does), returning its id. */
static gint64
store_credential (Fixture    *f,
                  const char *text,
                  const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) document = g_bytes_new (text, strlen (text));
  g_autoptr(AcrVerification) v = verify_string (f, text);
  const AcrCredentialInfo *info = acr_verification_get_info (v);
  gint64 id = 0;

  g_assert_nonnull (info);
  g_assert_true (acr_store_begin (f->store, &error));
  g_assert_true (_acr_credential_insert (f->store, uuid, f->learner_id, f->module_id,
                                         f->assessment_id, 0, info->issued, info->valid_until,
                                         document,
                                         acr_identity_record_get_fingerprint (f->record), &id,
                                         &error));
  g_assert_no_error (error);
  g_assert_true (acr_store_commit (f->store, &error));
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_revoked_local (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = sign_credential (f, f->identity, &uuid);
  g_autoptr(AcrVerification) before = NULL;
  g_autoptr(AcrVerification) after = NULL;
  const char *reason = NULL;
  gint64 id = store_credential (f, text, uuid);

  before = verify_string (f, text);
  assert_valid (before);
  g_assert_true (acr_verification_lookup_check (before, "revocation", NULL, &reason));
  g_assert_nonnull (strstr (reason, "issued here"));

  g_assert_true (acr_credential_revoke (f->store, id, "Identity fraud at the exam", &error));
  g_assert_no_error (error);
  after = verify_string (f, text);
  assert_rejected (after, ACR_VERIFICATION_STATUS_REVOKED, "revocation",
                   "Identity fraud at the exam");
}

static void
test_revoked_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = sign_credential (f, f->identity, &uuid);
  g_autofree char *other_uuid = NULL;
  g_autofree char *other_text = sign_credential (f, f->identity, &other_uuid);
  g_autoptr(AcrStore) verifier = open_store ();
  g_autoptr(AcrTrustedCertificate) trusted = NULL;
  g_autoptr(GBytes) list_bytes = NULL;
  g_autoptr(AcrRevocationList) list = NULL;
  g_autoptr(AcrVerification) without = NULL;
  g_autoptr(AcrVerification) with = NULL;
  g_autoptr(AcrVerification) other = NULL;
  const char *pem = acr_identity_record_get_certificate_pem (f->record);
  const char *data_ptr;
  gsize len;
  gint64 id = store_credential (f, text, uuid);

  g_assert_true (acr_credential_revoke (f->store, id, "Assessment annulled", &error));
  g_assert_no_error (error);
  list_bytes = acr_revocation_list_export (f->store, f->identity, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list_bytes);

  /* Another party that trusts the issuer but has no credential table entry. */
  trusted = acr_trust_add (verifier, pem, strlen (pem), &error);
  g_assert_no_error (error);
  data_ptr = g_bytes_get_data (list_bytes, &len);
  list = acr_revocation_list_load (verifier, data_ptr, len, "revoked.xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);

  without = verify_text (f, verifier, text, strlen (text), NULL, NULL);
  assert_valid (without);
  with = verify_text (f, verifier, text, strlen (text), list, NULL);
  assert_rejected (with, ACR_VERIFICATION_STATUS_REVOKED, "revocation", "Assessment annulled");
  other = verify_text (f, verifier, other_text, strlen (other_text), list, NULL);
  assert_valid (other);
}

static void
test_expired_credential (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *text = sign_credential (f, f->identity, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_years (now, 10);
  g_autoptr(AcrVerification) v = NULL;
  const AcrCredentialInfo *info;

  /* The demo module is valid for 36 months; ten years on, the credential has expired. */
  v = verify_text (f, NULL, text, strlen (text), NULL, later);
  info = acr_verification_get_info (v);
  g_assert_nonnull (info);
  g_assert_nonnull (info->valid_until);
  assert_rejected (v, ACR_VERIFICATION_STATUS_EXPIRED, "expiry", info->valid_until);
}

/* xmlsec1 (OpenSSL) agrees: OK on the verified credential, failure after one byte. */
static void
test_xmlsec1 (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xmlsec1 = g_find_program_in_path ("xmlsec1");
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *cert_path = g_build_filename (f->dir, "issuer.pem", NULL);
  g_autofree char *good_path = g_build_filename (f->dir, "good.xml", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "bad.xml", NULL);
  g_autoptr(AcrVerification) v = NULL;
  const char *paths[] = { good_path, bad_path };

  if (xmlsec1 == NULL)
    {
      g_test_skip ("xmlsec1 is not installed");
      return;
    }

  text = sign_credential (f, f->identity, NULL);
  v = verify_string (f, text);
  assert_valid (v);
  name = element_text (text, "familyName");
  from = g_strdup_printf ("<familyName>%s<", name);
  to = g_strdup_printf ("<familyName>%sx<", name);
  tampered = replace_once (text, from, to);

  g_assert_true (g_file_set_contents (cert_path,
                                      acr_identity_record_get_certificate_pem (f->record), -1,
                                      &error));
  g_assert_true (g_file_set_contents (good_path, text, -1, &error));
  g_assert_true (g_file_set_contents (bad_path, tampered, -1, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const char *argv[] = { xmlsec1, "--verify", "--trusted-pem", cert_path,
                             "--enabled-reference-uris", "empty", paths[i], NULL };
      g_autofree char *out = NULL, *err = NULL;
      int status = -1;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("xmlsec1 %s: %s%s", paths[i], out, err);
      if (i == 0)
        {
          g_assert_true (g_spawn_check_wait_status (status, NULL));
          g_assert_nonnull (strstr (err, "OK"));
        }
      else
        g_assert_false (g_spawn_check_wait_status (status, NULL));
    }
}

/* Revocation lists */

static void
test_revocation_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid1 = NULL, *uuid2 = NULL;
  g_autofree char *text1 = sign_credential (f, f->identity, &uuid1);
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(AcrRevocationList) list = NULL;
  g_autoptr(AcrRevocationList) empty_list = NULL;
  const char *revoked_at = NULL, *reason = NULL, *id = NULL;
  const char *bytes;
  gsize len;
  gint64 credential_id;
  gint64 audit_before;

  /* Nothing revoked yet: an empty, valid list, number 1. */
  empty = acr_revocation_list_export (f->store, f->identity, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (empty, &len);
  empty_list = acr_revocation_list_load (f->store, bytes, len, "empty.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acr_revocation_list_get_n_entries (empty_list), ==, 0);
  g_assert_cmpint (acr_revocation_list_get_sequence (empty_list), ==, 1);
  g_assert_false (acr_revocation_list_lookup (empty_list, uuid1, NULL, NULL));

  credential_id = store_credential (f, text1, uuid1);
  g_assert_true (acr_credential_revoke (f->store, credential_id, "Issued by mistake", &error));
  g_assert_no_error (error);

  audit_before = count_rows (f->store, "audit_log");
  second = acr_revocation_list_export (f->store, f->identity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "audit_log"), ==, audit_before + 1);
  bytes = g_bytes_get_data (second, &len);
  list = acr_revocation_list_load (f->store, bytes, len, "second.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_revocation_list_get_sequence (list), ==, 2);
  g_assert_cmpuint (acr_revocation_list_get_n_entries (list), ==, 1);
  acr_revocation_list_get_entry (list, 0, &id, NULL, NULL);
  g_assert_cmpstr (id, ==, uuid1);
  g_assert_true (acr_revocation_list_lookup (list, uuid1, &revoked_at, &reason));
  g_assert_cmpstr (reason, ==, "Issued by mistake");
  g_assert_nonnull (revoked_at);
  uuid2 = acr_uuid_urn_new ();
  g_assert_false (acr_revocation_list_lookup (list, uuid2, NULL, NULL));
  g_assert_cmpstr (acr_revocation_list_get_signer_fingerprint (list), ==,
                   acr_identity_record_get_fingerprint (f->record));
  g_assert_nonnull (acr_revocation_list_get_issuer_name (list));
  g_assert_true (acr_revocation_list_covers (list, leaf_of (f->identity)));

  /* Tampered: the reason changed, the entry dropped, a DOCTYPE added. */
  {
    g_autofree char *text = g_strndup (bytes, len);
    g_autofree char *changed = replace_once (text, "Issued by mistake", "Issued by mistakE");
    g_autofree char *entry_start = g_strdup (strstr (text, "<entry "));
    g_autofree char *entry = g_strndup (entry_start,
                                        strstr (entry_start, "</entry>") + strlen ("</entry>")
                                        - entry_start);
    g_autofree char *dropped = replace_once (text, entry, "");
    g_autofree char *doctype = replace_once (text, "<revocationList",
                                             "<!DOCTYPE revocationList>\n<revocationList");
    g_autoptr(AcrRevocationList) l1 = NULL, l2 = NULL, l3 = NULL;

    l1 = acr_revocation_list_load (f->store, changed, strlen (changed), "changed.xml", &error);
    g_assert_null (l1);
    g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_DIGEST);
    g_clear_error (&error);
    l2 = acr_revocation_list_load (f->store, dropped, strlen (dropped), "dropped.xml", &error);
    g_assert_null (l2);
    g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_DIGEST);
    g_clear_error (&error);
    l3 = acr_revocation_list_load (f->store, doctype, strlen (doctype), "doctype.xml", &error);
    g_assert_null (l3);
    g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_DOCTYPE);
    g_clear_error (&error);
  }

  /* Signed by a key the verifier does not trust. */
  {
    g_autoptr(AcrStore) stranger = open_store ();
    g_autoptr(AcrRevocationList) l = acr_revocation_list_load (stranger, bytes, len,
                                                               "second.xml", &error);

    g_assert_null (l);
    g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_CERTIFICATE);
    g_clear_error (&error);
  }

  /* Truncated. */
  {
    g_autoptr(AcrRevocationList) l = acr_revocation_list_load (f->store, bytes, len / 2,
                                                               "cut.xml", &error);

    g_assert_null (l);
    g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_MALFORMED);
  }
}

/* A list of another issuer (a certificate of another organisation) is not applied. */
static void
test_revocation_list_other_issuer (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrOrganisation) other_org = acr_organisation_new ();
  g_autoptr(AcrIdentityRecord) other_record = NULL;
  g_autoptr(AcrSigningIdentity) other = NULL;
  g_autoptr(GBytes) list_bytes = NULL;
  g_autoptr(AcrRevocationList) list = NULL;
  g_autoptr(AcrVerification) v = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = sign_credential (f, f->identity, &uuid);
  const char *reason = NULL;
  const char *bytes;
  gsize len;

  acr_organisation_set_name (other_org, "Another Chamber");
  acr_organisation_set_country (other_org, "AT");
  g_assert_true (acr_organisation_save (other_org, f->store, &error));
  g_assert_no_error (error);
  other_record = acr_identity_store_create (f->store, acr_organisation_get_id (other_org),
                                            ACR_KEY_TYPE_ED25519, NULL, NULL, 365, PASSPHRASE,
                                            &error);
  g_assert_no_error (error);
  other = open_identity (f, other_record);
  list_bytes = acr_revocation_list_export (f->store, other, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (list_bytes, &len);
  list = acr_revocation_list_load (f->store, bytes, len, "other.xml", &error);
  g_assert_no_error (error);
  g_assert_false (acr_revocation_list_covers (list,
                                              leaf_of (f->identity)));

  v = verify_text (f, NULL, text, strlen (text), list, NULL);
  assert_valid (v);
  g_assert_true (acr_verification_lookup_check (v, "revocation", NULL, &reason));
  g_assert_nonnull (strstr (reason, "another issuer"));
}

/* The identity store */

static void
test_identity_create (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrPagedList) list = acr_identity_store_list (f->store, 0);
  g_autoptr(AcrPagedList) trusted = acr_trust_list (f->store);
  g_autoptr(AcrIdentityRecord) loaded = NULL;
  g_autoptr(AcrIdentityRecord) by_fp = NULL;
  g_autoptr(AcrAuditEntry) entry = NULL;
  g_autoptr(AcrPagedList) audit = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *key_type = NULL;
  AcrAuditFilter filter = { 0 };
  GStatBuf st;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trusted)), ==, 1);
  g_assert_true (acr_trust_contains (f->store, acr_identity_record_get_fingerprint (f->record),
                                     NULL));

  loaded = acr_identity_store_load (f->store, acr_identity_record_get_id (f->record), &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_identity_record_get_organisation_id (loaded), ==, f->organisation_id);
  g_assert_cmpint (acr_identity_record_get_key_type (loaded), ==, ACR_KEY_TYPE_ECDSA);
  g_assert_cmpuint (strlen (acr_identity_record_get_fingerprint (loaded)), ==, 64);
  g_assert_nonnull (strstr (acr_identity_record_get_subject (loaded), "O="));
  g_assert_nonnull (acr_identity_record_get_label (loaded));
  g_assert_true (g_str_has_prefix (acr_identity_record_get_certificate_pem (loaded),
                                   "-----BEGIN CERTIFICATE-----"));
  g_assert_null (acr_identity_record_get_retired_at (loaded));
  g_assert_false (acr_identity_record_get_is_pkcs11 (loaded));

  by_fp = acr_identity_store_load_by_fingerprint (f->store,
                                                  acr_identity_record_get_fingerprint (loaded),
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_identity_record_get_id (by_fp), ==, acr_identity_record_get_id (loaded));

  /* The key file: named by fingerprint in the key folder, 0600, encrypted; the database
   * has only its path. */
  key_path = g_strconcat (f->key_dir, G_DIR_SEPARATOR_S,
                          acr_identity_record_get_fingerprint (loaded), ".key", NULL);
  g_assert_cmpstr (acr_identity_record_get_key_location (loaded), ==, key_path);
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (key_path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "BEGIN ENCRYPTED PRIVATE KEY"));
  }

  /* Audited: key-create and trust, in an intact chain. */
  filter.action = "key-create";
  audit = acr_audit_list (f->store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (audit)), ==, 1);
  entry = g_list_model_get_item (G_LIST_MODEL (audit), 0);
  g_assert_cmpstr (acr_audit_entry_get_object_type (entry), ==, "signing_identity");
  g_assert_cmpint (acr_audit_entry_get_object_id (entry), ==,
                   acr_identity_record_get_id (loaded));
  g_assert_true (acr_audit_verify (f->store, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Not found. */
  g_assert_null (acr_identity_store_load (f->store, 999, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (acr_identity_store_create (f->store, 999, ACR_KEY_TYPE_ECDSA, NULL, NULL, 30,
                                            PASSPHRASE, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Retire: once. */
  g_assert_true (acr_identity_store_retire (f->store, acr_identity_record_get_id (loaded),
                                            &error));
  g_assert_no_error (error);
  g_assert_false (acr_identity_store_retire (f->store, acr_identity_record_get_id (loaded),
                                             &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    gint64 id = acr_identity_record_get_id (loaded);
    g_autoptr(AcrIdentityRecord) retired = acr_identity_store_load (f->store, id, &error);

    g_assert_nonnull (acr_identity_record_get_retired_at (retired));
  }
}

static void
test_identity_bad_passphrase (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autofree char *files_before = list_files (f->key_dir);
  g_autofree char *files_after = NULL;
  gint64 identities = count_rows (f->store, "signing_identity");
  gint64 trusted = count_rows (f->store, "trusted_certificate");
  gint64 audit = count_rows (f->store, "audit_log");
  const char *wrong[] = { "wrong passphrase", "", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      identity = acr_identity_store_open (f->store, acr_identity_record_get_id (f->record),
                                          wrong[i], NULL, NULL, &error);
      g_assert_null (identity);
      g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE);
      g_clear_error (&error);
    }

  /* Creating without a passphrase: refused before anything is written. */
  g_assert_null (acr_identity_store_create (f->store, f->organisation_id, ACR_KEY_TYPE_ECDSA,
                                            NULL, NULL, 30, "", &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  files_after = list_files (f->key_dir);
  g_assert_cmpstr (files_after, ==, files_before);
  g_assert_cmpint (count_rows (f->store, "signing_identity"), ==, identities);
  g_assert_cmpint (count_rows (f->store, "trusted_certificate"), ==, trusted);
  g_assert_cmpint (count_rows (f->store, "audit_log"), ==, audit);

  /* The right one still works. */
  identity = open_identity (f, f->record);
  g_assert_cmpstr (acr_signing_identity_get_fingerprint (identity), ==,
                   acr_identity_record_get_fingerprint (f->record));
}

static void
test_identity_insert_fails (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *files_before = list_files (f->key_dir);
  g_autofree char *files_after = NULL;
  gint64 identities = count_rows (f->store, "signing_identity");
  gint64 trusted = count_rows (f->store, "trusted_certificate");
  gint64 audit = count_rows (f->store, "audit_log");

  /* The database refuses the row: the key file written before must go again. */
  g_assert_true (_acr_store_exec (f->store,
                                  "CREATE TEMP TRIGGER refuse BEFORE INSERT ON signing_identity "
                                  "BEGIN SELECT RAISE (ABORT, 'disk full'); END;", &error));
  g_assert_no_error (error);
  g_assert_null (acr_identity_store_create (f->store, f->organisation_id, ACR_KEY_TYPE_ECDSA,
                                            "Doomed", NULL, 30, PASSPHRASE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  files_after = list_files (f->key_dir);
  g_assert_cmpstr (files_after, ==, files_before);
  g_assert_cmpint (count_rows (f->store, "signing_identity"), ==, identities);
  g_assert_cmpint (count_rows (f->store, "trusted_certificate"), ==, trusted);
  g_assert_cmpint (count_rows (f->store, "audit_log"), ==, audit);
  g_assert_true (acr_audit_verify (f->store, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The same when the audit entry cannot be written: the row and the trust go too. */
  g_assert_true (_acr_store_exec (f->store,
                                  "DROP TRIGGER refuse; "
                                  "CREATE TEMP TRIGGER refuse BEFORE INSERT ON audit_log "
                                  "BEGIN SELECT RAISE (ABORT, 'disk full'); END;", &error));
  g_assert_no_error (error);
  g_assert_null (acr_identity_store_create (f->store, f->organisation_id, ACR_KEY_TYPE_ECDSA,
                                            "Doomed", NULL, 30, PASSPHRASE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_free (files_after);
  files_after = list_files (f->key_dir);
  g_assert_cmpstr (files_after, ==, files_before);
  g_assert_cmpint (count_rows (f->store, "signing_identity"), ==, identities);
  g_assert_cmpint (count_rows (f->store, "trusted_certificate"), ==, trusted);
  g_assert_cmpint (count_rows (f->store, "audit_log"), ==, audit);

  /* Once the database accepts again, creating works (no transaction was left open). */
  g_assert_true (_acr_store_exec (f->store, "DROP TRIGGER refuse", &error));
  {
    g_autoptr(AcrIdentityRecord) record = create_identity (f, ACR_KEY_TYPE_ED25519, "Later");

    g_assert_cmpint (count_rows (f->store, "signing_identity"), ==, identities + 1);
  }
}

/* A certificate request, answered by a CA made here, then imported. */
static void
test_identity_request (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrCertificateRequest) request = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(AcrVerification) v = NULL;
  g_autofree char *ca_pem = NULL;
  g_autofree char *chain_pem = NULL;
  g_autofree char *wrong_pem = NULL;
  g_autofree char *text = NULL;
  g_autofree char *files = NULL;
  const char *request_id;
  gnutls_privkey_t ca_key, other_key;
  gnutls_x509_crt_t ca_crt, other_crt, leaf;
  gnutls_x509_crq_t crq;
  gnutls_datum_t datum, out = { NULL, 0 };
  guint8 serial[8] = { 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0 };
  time_t now = time (NULL);

  request = acr_identity_store_create_request (f->store, f->organisation_id,
                                               ACR_KEY_TYPE_ECDSA, "Via the chamber's CA",
                                               "Prüfungsstelle", PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (request);
  request_id = acr_certificate_request_get_request_id (request);
  g_assert_cmpuint (strlen (request_id), ==, 16);
  g_assert_true (g_str_has_prefix (acr_certificate_request_get_request_pem (request),
                                   "-----BEGIN NEW CERTIFICATE REQUEST-----"));
  requests = acr_identity_store_list_requests (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 1);

  /* The CA signs the request. */
  make_certificate (now - 3600, now + 86400 * 365, &ca_key, &ca_crt);
  g_assert_cmpint (gnutls_x509_crq_init (&crq), ==, 0);
  datum.data = (unsigned char *) acr_certificate_request_get_request_pem (request);
  datum.size = strlen ((const char *) datum.data);
  g_assert_cmpint (gnutls_x509_crq_import (crq, &datum, GNUTLS_X509_FMT_PEM), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_init (&leaf), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_crq (leaf, crq), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_version (leaf, 3), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_serial (leaf, serial, sizeof serial), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_activation_time (leaf, now - 60), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_expiration_time (leaf, now + 86400 * 100), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key_usage (leaf, GNUTLS_KEY_DIGITAL_SIGNATURE), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_privkey_sign (leaf, ca_crt, ca_key, GNUTLS_DIG_SHA256, 0),
                   ==, 0);
  g_assert_cmpint (gnutls_x509_crt_export2 (leaf, GNUTLS_X509_FMT_PEM, &out), ==, 0);
  ca_pem = certificate_pem (ca_crt);
  chain_pem = g_strdup_printf ("%.*s%s", (int) out.size, (const char *) out.data, ca_pem);
  gnutls_free (out.data);

  /* Wrong passphrase, and a certificate for another key: refused, the request stays. */
  g_assert_null (acr_identity_store_import_certificate (f->store, request_id,
                                                        chain_pem, strlen (chain_pem),
                                                        "wrong", &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);
  make_certificate (now - 3600, now + 86400, &other_key, &other_crt);
  wrong_pem = certificate_pem (other_crt);
  g_assert_null (acr_identity_store_import_certificate (f->store, request_id,
                                                        wrong_pem, strlen (wrong_pem),
                                                        PASSPHRASE, &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (acr_identity_store_import_certificate (f->store, "../../etc/passwd",
                                                        chain_pem, strlen (chain_pem),
                                                        PASSPHRASE, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&requests);
  requests = acr_identity_store_list_requests (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 1);

  record = acr_identity_store_import_certificate (f->store, request_id,
                                                  chain_pem, strlen (chain_pem), PASSPHRASE,
                                                  &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_cmpstr (acr_identity_record_get_label (record), ==, "Via the chamber's CA");
  g_clear_object (&requests);
  requests = acr_identity_store_list_requests (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 0);
  files = list_files (f->key_dir);
  g_assert_nonnull (strstr (files, acr_identity_record_get_fingerprint (record)));

  /* It signs, and its credentials verify (its certificate is trusted). */
  identity = open_identity (f, record);
  text = sign_credential (f, identity, NULL);
  v = verify_string (f, text);
  assert_valid (v);

  gnutls_x509_crq_deinit (crq);
  gnutls_x509_crt_deinit (leaf);
  gnutls_x509_crt_deinit (ca_crt);
  gnutls_x509_crt_deinit (other_crt);
  gnutls_privkey_deinit (ca_key);
  gnutls_privkey_deinit (other_key);
}

static GBytes *
make_pkcs12 (AcrSigningIdentity *id,
             const char         *password)
{
  gnutls_pkcs12_t p12;
  gnutls_pkcs12_bag_t cert_bag, key_bag;
  gnutls_x509_privkey_t x509;
  gnutls_datum_t key_der = { NULL, 0 }, out = { NULL, 0 };
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  gnutls_datum_t key_id_datum;
  GBytes *bytes;
  int idx;

  g_assert_cmpint (gnutls_privkey_export_x509 (acr_signing_identity_get_privkey (id), &x509),
                   ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_get_key_id (x509, 0, key_id, &key_id_size), ==, 0);
  key_id_datum.data = key_id;
  key_id_datum.size = key_id_size;

  g_assert_cmpint (gnutls_pkcs12_bag_init (&cert_bag), ==, 0);
  idx = gnutls_pkcs12_bag_set_crt (cert_bag, leaf_of (id));
  g_assert_cmpint (idx, >=, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_set_key_id (cert_bag, idx, &key_id_datum), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_encrypt (cert_bag, password, GNUTLS_PKCS_PBES2_AES_256),
                   ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_export2_pkcs8 (x509, GNUTLS_X509_FMT_DER, password,
                                                      GNUTLS_PKCS_PBES2_AES_256, &key_der), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_init (&key_bag), ==, 0);
  idx = gnutls_pkcs12_bag_set_data (key_bag, GNUTLS_BAG_PKCS8_ENCRYPTED_KEY, &key_der);
  g_assert_cmpint (idx, >=, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_set_key_id (key_bag, idx, &key_id_datum), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_init (&p12), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_set_bag (p12, cert_bag), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_set_bag (p12, key_bag), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_generate_mac2 (p12, GNUTLS_MAC_SHA256, password), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_export2 (p12, GNUTLS_X509_FMT_DER, &out), ==, 0);

  bytes = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  gnutls_free (key_der.data);
  gnutls_pkcs12_deinit (p12);
  gnutls_pkcs12_bag_deinit (cert_bag);
  gnutls_pkcs12_bag_deinit (key_bag);
  gnutls_x509_privkey_deinit (x509);
  return bytes;
}

static void
test_identity_pkcs12 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrSigningIdentity) generated = NULL;
  g_autoptr(GBytes) p12 = NULL;
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autoptr(AcrIdentityRecord) again = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autofree char *path = g_build_filename (f->dir, "issuer.p12", NULL);
  g_autofree char *files_before = NULL;
  gint64 identities;

  generated = acr_signing_identity_generate (ACR_KEY_TYPE_ECDSA, "Imported Chamber",
                                             "Import office", "DE", 30, &error);
  g_assert_no_error (error);
  p12 = make_pkcs12 (generated, "p12 secret");
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (p12, NULL),
                                      g_bytes_get_size (p12), &error));

  files_before = list_files (f->key_dir);
  identities = count_rows (f->store, "signing_identity");
  g_assert_null (acr_identity_store_import_pkcs12 (f->store, f->organisation_id, path, "wrong",
                                                   PASSPHRASE, NULL, &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);
  {
    g_autofree char *files_after = list_files (f->key_dir);

    g_assert_cmpstr (files_after, ==, files_before);
  }
  g_assert_cmpint (count_rows (f->store, "signing_identity"), ==, identities);

  record = acr_identity_store_import_pkcs12 (f->store, f->organisation_id, path, "p12 secret",
                                             PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_identity_record_get_label (record), ==, "Import office");
  g_assert_cmpstr (acr_identity_record_get_fingerprint (record), ==,
                   acr_signing_identity_get_fingerprint (generated));
  identity = open_identity (f, record);
  g_assert_cmpstr (acr_signing_identity_get_fingerprint (identity), ==,
                   acr_signing_identity_get_fingerprint (generated));

  /* The same key twice: refused, the first key file untouched. */
  again = acr_identity_store_import_pkcs12 (f->store, f->organisation_id, path, "p12 secret",
                                            "another passphrase", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_clear_object (&identity);
  identity = open_identity (f, record);
}

static void
test_trust (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrTrustedCertificate) trusted = NULL;
  g_autoptr(AcrTrustedCertificate) again = NULL;
  g_autoptr(AcrPagedList) list = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *two = NULL;
  g_autofree char *upper = NULL;
  gnutls_privkey_t key;
  gnutls_x509_crt_t crt;
  time_t now = time (NULL);
  gint64 audit;

  make_certificate (now - 60, now + 86400, &key, &crt);
  pem = certificate_pem (crt);
  trusted = acr_trust_add (f->store, pem, strlen (pem), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (acr_trusted_certificate_get_fingerprint (trusted)), ==, 64);
  g_assert_nonnull (strstr (acr_trusted_certificate_get_subject (trusted), "Expired issuer"));
  list = acr_trust_list (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  audit = count_rows (f->store, "audit_log");
  again = acr_trust_add (f->store, pem, strlen (pem), &error);
  g_assert_null (again);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  two = g_strconcat (pem, pem, NULL);
  g_assert_null (acr_trust_add (f->store, two, strlen (two), &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (acr_trust_add (f->store, "garbage", 7, &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "audit_log"), ==, audit);

  /* Fingerprints in upper case, with colons, work too. */
  {
    GString *s = g_string_new (NULL);
    const char *fp = acr_trusted_certificate_get_fingerprint (trusted);

    for (guint i = 0; fp[i] != '\0'; i++)
      {
        if (i > 0 && i % 2 == 0)
          g_string_append_c (s, ':');
        g_string_append_c (s, g_ascii_toupper (fp[i]));
      }
    upper = g_string_free (s, FALSE);
  }
  g_assert_true (acr_trust_remove (f->store, upper, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "audit_log"), ==, audit + 1);
  g_assert_false (acr_trust_remove (f->store, "not a fingerprint", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (acr_audit_verify (f->store, NULL, NULL, &error));

  /* A pkcs11: URI carrying its PIN is never stored. */
  g_assert_null (acr_identity_store_add_pkcs11 (f->store, f->organisation_id,
                                                "pkcs11:token=x;object=y;pin-value=1234",
                                                NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);

  gnutls_x509_crt_deinit (crt);
  gnutls_privkey_deinit (key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/verify/valid/ecdsa", test_valid);
  g_test_add ("/verify/valid/rsa", Fixture, NULL, fixture_setup_rsa, test_valid,
              fixture_teardown);
  ADD ("/verify/attack/changed-byte", test_changed_byte);
  ADD ("/verify/attack/moved-or-duplicated-signature", test_moved_signature);
  ADD ("/verify/attack/wrapped-content", test_wrapped);
  ADD ("/verify/attack/swapped-certificate", test_swapped_certificate);
  ADD ("/verify/attack/untrusted-issuer", test_untrusted);
  ADD ("/verify/attack/expired-issuer", test_expired_issuer);
  ADD ("/verify/attack/algorithms", test_algorithms);
  ADD ("/verify/attack/doctype", test_doctype);
  ADD ("/verify/attack/truncated", test_truncated);
  ADD ("/verify/revoked/local", test_revoked_local);
  ADD ("/verify/revoked/list", test_revoked_list);
  ADD ("/verify/expired-credential", test_expired_credential);
  ADD ("/verify/xmlsec1/ecdsa", test_xmlsec1);
  g_test_add ("/verify/xmlsec1/rsa", Fixture, NULL, fixture_setup_rsa, test_xmlsec1,
              fixture_teardown);
  ADD ("/revocation-list/export-load-lookup", test_revocation_list);
  ADD ("/revocation-list/other-issuer", test_revocation_list_other_issuer);
  ADD ("/identity-store/create", test_identity_create);
  ADD ("/identity-store/bad-passphrase", test_identity_bad_passphrase);
  ADD ("/identity-store/insert-fails", test_identity_insert_fails);
  ADD ("/identity-store/request", test_identity_request);
  ADD ("/identity-store/pkcs12", test_identity_pkcs12);
  ADD ("/identity-store/trust", test_trust);

#undef ADD

  return g_test_run ();
}
