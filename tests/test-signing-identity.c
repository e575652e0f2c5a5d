/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>

#include "acr-core.h"

#define ORGANISATION "Handwerkskammer Musterstadt"
#define COMMON_NAME  "Prüfungsstelle für Mikro-Zertifikate"
#define PASSPHRASE   "correct horse battery staple"
#define SOFTHSM_MODULE "/usr/lib/softhsm/libsofthsm2.so"
#define TOKEN_PIN "1234"

typedef struct
{
  char *dir;
} Fixture;

/* RSA-3072 key generation takes a second or more: one key per test binary. */
static AcrSigningIdentity *shared_rsa;

/* The SoftHSM token of this test run, or NULL when SoftHSM is not installed. */
static char *softhsm_dir;

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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("acr-test-keys-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static AcrSigningIdentity *
make_identity (AcrKeyType type)
{
  g_autoptr(GError) error = NULL;
  AcrSigningIdentity *id;

  if (type == ACR_KEY_TYPE_RSA && shared_rsa != NULL)
    return g_object_ref (shared_rsa);

  id = acr_signing_identity_generate (type, ORGANISATION, COMMON_NAME, "DE", 365, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);

  if (type == ACR_KEY_TYPE_RSA)
    shared_rsa = g_object_ref (id);

  return id;
}

static gnutls_x509_crt_t
leaf_of (AcrSigningIdentity *id)
{
  guint n = 0;
  gnutls_x509_crt_t *chain = acr_signing_identity_get_chain (id, &n);

  g_assert_cmpuint (n, >, 0);
  return chain[0];
}

/* Verifies @sig over @data with the public key of @crt; returns the GnuTLS result. */
static int
verify_with_certificate (gnutls_x509_crt_t        crt,
                         gnutls_sign_algorithm_t  algo,
                         const guint8            *data,
                         gsize                    len,
                         const guint8            *sig,
                         gsize                    sig_len)
{
  gnutls_pubkey_t pub;
  gnutls_datum_t d = { (unsigned char *) data, len };
  gnutls_datum_t s = { (unsigned char *) sig, sig_len };
  int ret;

  g_assert_cmpint (gnutls_pubkey_init (&pub), ==, 0);
  g_assert_cmpint (gnutls_pubkey_import_x509 (pub, crt, 0), ==, 0);
  ret = gnutls_pubkey_verify_data2 (pub, algo, 0, &d, &s);
  gnutls_pubkey_deinit (pub);
  return ret;
}

/* Signs a message with @signer and checks it against @crt, also that tampering fails. */
static void
assert_signs_for (AcrSigningIdentity *signer,
                  gnutls_x509_crt_t   crt)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *sig = NULL;
  g_autofree guint8 *tampered = NULL;
  const char *message = "<credential>Geprüft</credential>";
  gnutls_sign_algorithm_t algo = acr_signing_identity_get_sign_algorithm (signer);
  gsize sig_len = 0;

  g_assert_true (acr_signing_identity_sign_data (signer, (const guint8 *) message,
                                                 strlen (message), &sig, &sig_len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sig_len, >, 0);

  g_assert_cmpint (verify_with_certificate (crt, algo, (const guint8 *) message, strlen (message),
                                            sig, sig_len), >=, 0);
  /* Another message, or a changed signature, must not verify. */
  g_assert_cmpint (verify_with_certificate (crt, algo, (const guint8 *) "x", 1, sig, sig_len),
                   <, 0);
  tampered = g_memdup2 (sig, sig_len);
  tampered[sig_len / 2] ^= 0x01;
  g_assert_cmpint (verify_with_certificate (crt, algo, (const guint8 *) message,
                                            strlen (message), tampered, sig_len), <, 0);
}

static char *
write_certificate (AcrSigningIdentity *id,
                   const char         *dir,
                   const char         *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pem = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (acr_signing_identity_export_certificate (id, &pem, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, pem, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_key_type_enum (void)
{
  int value = -1;

  g_assert_cmpstr (acr_enum_to_nick (ACR_TYPE_KEY_TYPE, ACR_KEY_TYPE_RSA), ==, "rsa");
  g_assert_cmpstr (acr_enum_to_nick (ACR_TYPE_KEY_TYPE, ACR_KEY_TYPE_ECDSA), ==, "ecdsa");
  g_assert_cmpstr (acr_enum_to_nick (ACR_TYPE_KEY_TYPE, ACR_KEY_TYPE_ED25519), ==, "ed25519");
  g_assert_true (acr_enum_from_nick (ACR_TYPE_KEY_TYPE, "ed25519", &value));
  g_assert_cmpint (value, ==, ACR_KEY_TYPE_ED25519);
  g_assert_false (acr_enum_from_nick (ACR_TYPE_KEY_TYPE, "dsa", &value));
}

static void
test_generate (gconstpointer data)
{
  AcrKeyType type = GPOINTER_TO_INT (data);
  g_autoptr(AcrSigningIdentity) id = make_identity (type);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *fingerprint_prop = NULL;
  gnutls_x509_crt_t crt = leaf_of (id);
  guint8 buf[64];
  size_t size;
  unsigned int usage = 0, critical = 0, ca = 0, bits = 0, status = 1;
  AcrKeyType prop_type = -1;
  gboolean has_certificate = FALSE;
  GString *hex;
  guint n = 0;

  g_assert_cmpint (acr_signing_identity_get_key_type (id), ==, type);
  g_assert_true (acr_signing_identity_has_certificate (id));
  g_assert_false (acr_signing_identity_is_pkcs11 (id));
  g_assert_nonnull (acr_signing_identity_get_privkey (id));
  acr_signing_identity_get_chain (id, &n);
  g_assert_cmpuint (n, ==, 1);

  /* Subject. */
  g_assert_cmpstr (acr_signing_identity_get_organisation (id), ==, ORGANISATION);
  g_assert_cmpstr (acr_signing_identity_get_common_name (id), ==, COMMON_NAME);
  g_assert_cmpstr (acr_signing_identity_get_country (id), ==, "DE");
  g_assert_cmpstr (acr_signing_identity_get_subject_dn (id), ==,
                   "CN=" COMMON_NAME ",O=" ORGANISATION ",C=DE");

  /* Validity: from now for 365 days. */
  g_assert_cmpint (ABS (g_date_time_difference (acr_signing_identity_get_not_before (id), now)),
                   <, 10 * 60 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (acr_signing_identity_get_not_after (id),
                                           acr_signing_identity_get_not_before (id)),
                   ==, 365 * G_TIME_SPAN_DAY);

  /* Fingerprint: SHA-256 of the DER, lowercase hex. */
  size = sizeof buf;
  g_assert_cmpint (gnutls_x509_crt_get_fingerprint (crt, GNUTLS_DIG_SHA256, buf, &size), ==, 0);
  hex = g_string_new (NULL);
  for (gsize i = 0; i < size; i++)
    g_string_append_printf (hex, "%02x", buf[i]);
  g_assert_cmpstr (acr_signing_identity_get_fingerprint (id), ==, hex->str);
  g_string_free (hex, TRUE);

  g_object_get (id, "key-type", &prop_type, "has-certificate", &has_certificate,
                "fingerprint", &fingerprint_prop, NULL);
  g_assert_cmpint (prop_type, ==, type);
  g_assert_true (has_certificate);
  g_assert_cmpstr (fingerprint_prop, ==, acr_signing_identity_get_fingerprint (id));

  /* The certificate profile. */
  g_assert_cmpint (gnutls_x509_crt_get_version (crt), ==, 3);
  size = sizeof buf;
  g_assert_cmpint (gnutls_x509_crt_get_serial (crt, buf, &size), ==, 0);
  g_assert_cmpuint (size, ==, 16);
  g_assert_cmpuint (buf[0] & 0x80, ==, 0);
  g_assert_cmpint (gnutls_x509_crt_get_key_usage (crt, &usage, &critical), ==, 0);
  g_assert_cmpuint (usage, ==, GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_KEY_CERT_SIGN
                               | GNUTLS_KEY_CRL_SIGN);
  g_assert_cmpint (gnutls_x509_crt_get_basic_constraints (crt, &critical, &ca, NULL), >=, 0);
  g_assert_true (ca);
  size = sizeof buf;
  g_assert_cmpint (gnutls_x509_crt_get_subject_key_id (crt, buf, &size, &critical), ==, 0);
  g_assert_cmpuint (size, >, 0);
  /* Self-signed, and it verifies as its own trust anchor. */
  g_assert_cmpint (gnutls_x509_crt_verify (crt, &crt, 1, 0, &status), ==, 0);
  g_assert_cmpuint (status, ==, 0);

  switch (type)
    {
    case ACR_KEY_TYPE_RSA:
      g_assert_cmpint (gnutls_x509_crt_get_pk_algorithm (crt, &bits), ==, GNUTLS_PK_RSA);
      g_assert_cmpuint (bits, ==, 3072);
      g_assert_cmpint (gnutls_x509_crt_get_signature_algorithm (crt), ==, GNUTLS_SIGN_RSA_SHA256);
      break;
    case ACR_KEY_TYPE_ECDSA:
      g_assert_cmpint (gnutls_x509_crt_get_pk_algorithm (crt, &bits), ==, GNUTLS_PK_ECDSA);
      g_assert_cmpuint (bits, ==, 256);
      g_assert_cmpint (gnutls_x509_crt_get_signature_algorithm (crt), ==,
                       GNUTLS_SIGN_ECDSA_SHA256);
      break;
    case ACR_KEY_TYPE_ED25519:
      g_assert_cmpint (gnutls_x509_crt_get_pk_algorithm (crt, &bits), ==,
                       GNUTLS_PK_EDDSA_ED25519);
      g_assert_cmpint (gnutls_x509_crt_get_signature_algorithm (crt), ==,
                       GNUTLS_SIGN_EDDSA_ED25519);
      break;
    default:
      g_assert_not_reached ();
    }

  assert_signs_for (id, crt);
}

static void
test_ecdsa_signature_is_der (void)
{
  g_autoptr(AcrSigningIdentity) id = make_identity (ACR_KEY_TYPE_ECDSA);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *sig = NULL;
  gsize sig_len = 0;

  g_assert_true (acr_signing_identity_sign_data (id, (const guint8 *) "abc", 3, &sig, &sig_len,
                                                 &error));
  g_assert_no_error (error);
  /* SEQUENCE { INTEGER r, INTEGER s } */
  g_assert_cmpuint (sig[0], ==, 0x30);
  g_assert_cmpuint (sig[1], ==, sig_len - 2);
  g_assert_cmpuint (sig[2], ==, 0x02);
}

static void
test_generate_invalid (void)
{
  struct {
    const char *organisation;
    const char *common_name;
    const char *country;
    guint days;
  } cases[] = {
    { "", COMMON_NAME, "DE", 365 },
    { "  ", COMMON_NAME, "DE", 365 },
    { NULL, COMMON_NAME, "DE", 365 },
    { ORGANISATION, "", "DE", 365 },
    { ORGANISATION, COMMON_NAME, "DEU", 365 },
    { ORGANISATION, COMMON_NAME, "D1", 365 },
    { ORGANISATION, COMMON_NAME, NULL, 365 },
    { ORGANISATION, COMMON_NAME, "DE", 0 },
    { ORGANISATION, COMMON_NAME, "DE", 100000 },
    { "\xff\xfe", COMMON_NAME, "DE", 365 },
    { ORGANISATION "0123456789012345678901234567890123456789", COMMON_NAME, "DE", 365 },
  };
  g_autoptr(AcrSigningIdentity) lower = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AcrSigningIdentity) id = NULL;
      g_autoptr(GError) case_error = NULL;

      id = acr_signing_identity_generate (ACR_KEY_TYPE_ECDSA, cases[i].organisation,
                                          cases[i].common_name, cases[i].country,
                                          cases[i].days, &case_error);
      g_assert_null (id);
      g_assert_error (case_error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
      g_assert_cmpuint (strlen (case_error->message), >, 10);
    }

  /* A lowercase country code is accepted and written in capitals. */
  lower = acr_signing_identity_generate (ACR_KEY_TYPE_ED25519, ORGANISATION, COMMON_NAME, "at",
                                         30, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_signing_identity_get_country (lower), ==, "AT");
}

static void
test_save_load (Fixture       *f,
                gconstpointer  data)
{
  AcrKeyType type = GPOINTER_TO_INT (data);
  g_autoptr(AcrSigningIdentity) id = make_identity (type);
  g_autoptr(AcrSigningIdentity) loaded = NULL;
  g_autoptr(AcrSigningIdentity) key_only = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "keys", "issuer", NULL);
  g_autofree char *path = g_build_filename (folder, "issuer.key", NULL);
  g_autofree char *cert_path = write_certificate (id, f->dir, "issuer.pem");
  g_autofree char *contents = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *cert_pem = NULL;
  g_autoptr(GDir) dir = NULL;
  gnutls_datum_t datum;
  unsigned int schema = 0, cipher = 0, salt_size, iterations = 0;
  guint8 salt[128];
  char *oid = NULL;
  GStatBuf st;
  gsize len = 0;
  guint n = 99;

  g_assert_true (acr_signing_identity_save_key (id, path, PASSPHRASE, &error));
  g_assert_no_error (error);

  /* Mode 0600 in a folder made 0700, and nothing else left there. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
  dir = g_dir_open (folder, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "issuer.key");
  g_assert_null (g_dir_read_name (dir));

  /* An encrypted PKCS #8 file, PBES2 with AES-256, no plain key in it. */
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_true (g_str_has_prefix (contents, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
  g_assert_null (strstr (contents, "BEGIN PRIVATE KEY"));
  datum.data = (unsigned char *) contents;
  datum.size = len;
  salt_size = sizeof salt;
  g_assert_cmpint (gnutls_pkcs8_info (&datum, GNUTLS_X509_FMT_PEM, &schema, &cipher, salt,
                                      &salt_size, &iterations, &oid), ==, 0);
  gnutls_free (oid);
  g_assert_cmpint (schema, ==, GNUTLS_PKCS_PBES2_AES_256);
  g_assert_cmpint (cipher, ==, GNUTLS_CIPHER_AES_256_CBC);

  /* The right passphrase gives the same identity back. */
  loaded = acr_signing_identity_load (cert_path, path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (acr_signing_identity_get_key_type (loaded), ==, type);
  g_assert_cmpstr (acr_signing_identity_get_fingerprint (loaded), ==,
                   acr_signing_identity_get_fingerprint (id));
  g_assert_cmpstr (acr_signing_identity_get_organisation (loaded), ==, ORGANISATION);
  assert_signs_for (loaded, leaf_of (id));

  /* The key alone has no certificate until one is attached. */
  key_only = acr_signing_identity_load (NULL, path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_false (acr_signing_identity_has_certificate (key_only));
  g_assert_null (acr_signing_identity_get_chain (key_only, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (acr_signing_identity_get_fingerprint (key_only));
  g_assert_null (acr_signing_identity_get_not_after (key_only));
  g_assert_false (acr_signing_identity_export_certificate (key_only, &pem, &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_NOT_FOUND);
  g_assert_null (pem);
  g_clear_error (&error);
  assert_signs_for (key_only, leaf_of (id));
  g_assert_true (g_file_get_contents (cert_path, &cert_pem, &len, &error));
  g_assert_true (acr_signing_identity_set_certificate_chain (key_only, cert_pem, len, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (acr_signing_identity_get_fingerprint (key_only), ==,
                   acr_signing_identity_get_fingerprint (id));
}

static void
test_wrong_passphrase (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AcrSigningIdentity) id = make_identity (ACR_KEY_TYPE_ECDSA);
  g_autoptr(AcrSigningIdentity) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "issuer.key", NULL);
  const char *wrong[] = { "correct horse battery stapler", "x", "CORRECT HORSE BATTERY STAPLE" };

  g_assert_true (acr_signing_identity_save_key (id, path, PASSPHRASE, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      loaded = acr_signing_identity_load (NULL, path, wrong[i], &error);
      g_assert_null (loaded);
      g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
    }

  loaded = acr_signing_identity_load (NULL, path, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  /* Saving again with another passphrase replaces the file: the old one stops working. */
  g_assert_true (acr_signing_identity_save_key (id, path, "new passphrase", &error));
  g_assert_no_error (error);
  loaded = acr_signing_identity_load (NULL, path, PASSPHRASE, &error);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);
  loaded = acr_signing_identity_load (NULL, path, "new passphrase", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
}

static void
test_empty_passphrase_refused (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AcrSigningIdentity) id = make_identity (ACR_KEY_TYPE_ED25519);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "keys", "issuer.key", NULL);

  g_assert_false (acr_signing_identity_save_key (id, path, "", &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acr_signing_identity_save_key (id, path, NULL, &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AcrSigningIdentity) id = make_identity (ACR_KEY_TYPE_ECDSA);
  g_autoptr(AcrSigningIdentity) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "issuer.key", NULL);
  int modes[] = { 0644, 0640, 0604, 0620, 0602, 0660 };

  g_assert_true (acr_signing_identity_save_key (id, path, PASSPHRASE, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_assert_cmpint (g_chmod (path, modes[i]), ==, 0);
      loaded = acr_signing_identity_load (NULL, path, PASSPHRASE, &error);
      g_assert_null (loaded);
      g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_PERMISSIONS);
      g_assert_nonnull (strstr (error->message, "chmod 600"));
      g_clear_error (&error);
    }

  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  loaded = acr_signing_identity_load (NULL, path, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
}

static void
test_load_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AcrSigningIdentity) id = make_identity (ACR_KEY_TYPE_ECDSA);
  g_autoptr(AcrSigningIdentity) other = make_identity (ACR_KEY_TYPE_ED25519);
  g_autoptr(AcrSigningIdentity) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "issuer.key", NULL);
  g_autofree char *plain_path = g_build_filename (f->dir, "plain.key", NULL);
  g_autofree char *junk_path = g_build_filename (f->dir, "junk.key", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.key", NULL);
  g_autofree char *other_cert = write_certificate (other, f->dir, "other.pem");
  gnutls_x509_privkey_t x509 = NULL;
  gnutls_datum_t plain = { NULL, 0 };

  g_assert_true (acr_signing_identity_save_key (id, path, PASSPHRASE, &error));
  g_assert_no_error (error);

  /* An unencrypted key file is refused. */
  g_assert_cmpint (gnutls_privkey_export_x509 (acr_signing_identity_get_privkey (id), &x509), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_export2_pkcs8 (x509, GNUTLS_X509_FMT_PEM, NULL,
                                                      GNUTLS_PKCS_PLAIN, &plain), ==, 0);
  g_assert_true (g_file_set_contents_full (plain_path, (const char *) plain.data, plain.size, 0,
                                           0600, &error));
  gnutls_free (plain.data);
  gnutls_x509_privkey_deinit (x509);
  loaded = acr_signing_identity_load (NULL, plain_path, PASSPHRASE, &error);
  g_assert_null (loaded);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_clear_error (&error);

  /* Not a key at all; a damaged one. */
  g_assert_true (g_file_set_contents_full (junk_path, "hello\n", -1, 0, 0600, &error));
  loaded = acr_signing_identity_load (NULL, junk_path, PASSPHRASE, &error);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents_full (junk_path,
                                           "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"
                                           "-----END ENCRYPTED PRIVATE KEY-----\n",
                                           -1, 0, 0600, &error));
  loaded = acr_signing_identity_load (NULL, junk_path, PASSPHRASE, &error);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_clear_error (&error);

  /* Missing key file, missing certificate file. */
  loaded = acr_signing_identity_load (NULL, missing, PASSPHRASE, &error);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  loaded = acr_signing_identity_load (missing, path, PASSPHRASE, &error);
  g_assert_null (loaded);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The certificate of another key. */
  loaded = acr_signing_identity_load (other_cert, path, PASSPHRASE, &error);
  g_assert_null (loaded);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
}

static void
test_default_key_dir (void)
{
  g_autofree char *dir = acr_signing_identity_get_default_key_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "accredit", "keys", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

static char *
crt_to_pem (gnutls_x509_crt_t crt)
{
  gnutls_datum_t out = { NULL, 0 };
  char *pem;

  g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &out), ==, 0);
  pem = g_strndup ((const char *) out.data, out.size);
  gnutls_free (out.data);
  return pem;
}

/* A certificate for @crq issued by @ca, with @usage as key usage. */
static char *
issue_certificate (AcrSigningIdentity *ca,
                   gnutls_x509_crq_t   crq,
                   unsigned int        usage)
{
  gnutls_x509_crt_t crt;
  guint8 serial[8] = { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef };
  time_t now = time (NULL);
  char *pem;

  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_crq (crt, crq), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_version (crt, 3), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_activation_time (crt, now - 60), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_expiration_time (crt, now + 86400 * 30), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_basic_constraints (crt, 0, -1), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key_usage (crt, usage), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_privkey_sign (crt, leaf_of (ca),
                                                 acr_signing_identity_get_privkey (ca),
                                                 GNUTLS_DIG_SHA256, 0), ==, 0);
  pem = crt_to_pem (crt);
  gnutls_x509_crt_deinit (crt);
  return pem;
}

static void
test_request_and_chain (void)
{
  g_autoptr(AcrSigningIdentity) ca = NULL;
  g_autoptr(AcrSigningIdentity) id = NULL;
  g_autoptr(AcrSigningIdentity) generated = make_identity (ACR_KEY_TYPE_ED25519);
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_autofree char *leaf_pem = NULL;
  g_autofree char *wrong_usage_pem = NULL;
  g_autofree char *ca_pem = NULL;
  g_autofree char *chain_pem = NULL;
  g_autofree char *reversed_pem = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *none = NULL;
  gnutls_x509_crq_t crq;
  gnutls_datum_t datum;
  gnutls_x509_crt_t *chain;
  char buf[256];
  size_t size = sizeof buf;
  unsigned int status = 1;
  guint n = 0;

  ca = acr_signing_identity_generate (ACR_KEY_TYPE_ECDSA, "Test Chamber CA", "Test Root", "DE",
                                      3650, &error);
  g_assert_no_error (error);

  id = acr_signing_identity_create_request (ACR_KEY_TYPE_ECDSA, ORGANISATION, COMMON_NAME, "DE",
                                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_false (acr_signing_identity_has_certificate (id));
  g_assert_null (acr_signing_identity_get_fingerprint (id));
  g_assert_cmpstr (acr_signing_identity_get_organisation (id), ==, ORGANISATION);
  g_assert_cmpstr (acr_signing_identity_get_common_name (id), ==, COMMON_NAME);
  g_assert_cmpstr (acr_signing_identity_get_subject_dn (id), ==,
                   "CN=" COMMON_NAME ",O=" ORGANISATION ",C=DE");

  /* The request: PKCS #10 PEM, self-signed by the new key, with the subject. */
  g_assert_true (acr_signing_identity_export_request (id, &request, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (request, "-----BEGIN NEW CERTIFICATE REQUEST-----"));
  g_assert_cmpint (gnutls_x509_crq_init (&crq), ==, 0);
  datum.data = (unsigned char *) request;
  datum.size = strlen (request);
  g_assert_cmpint (gnutls_x509_crq_import (crq, &datum, GNUTLS_X509_FMT_PEM), ==, 0);
  g_assert_cmpint (gnutls_x509_crq_verify (crq, 0), >=, 0);
  g_assert_cmpint (gnutls_x509_crq_get_dn_by_oid (crq, GNUTLS_OID_X520_ORGANIZATION_NAME, 0, 0,
                                                  buf, &size), ==, 0);
  g_assert_cmpstr (buf, ==, ORGANISATION);

  /* The chamber's CA issues the certificate. */
  leaf_pem = issue_certificate (ca, crq, GNUTLS_KEY_DIGITAL_SIGNATURE);
  wrong_usage_pem = issue_certificate (ca, crq, GNUTLS_KEY_KEY_ENCIPHERMENT);
  gnutls_x509_crq_deinit (crq);
  ca_pem = crt_to_pem (leaf_of (ca));
  chain_pem = g_strconcat (leaf_pem, ca_pem, NULL);
  reversed_pem = g_strconcat (ca_pem, leaf_pem, NULL);

  /* Refused: a certificate of another key, the wrong order, no certificate, not for signing;
   * each leaves the identity as it was. */
  g_assert_false (acr_signing_identity_set_certificate_chain (id, ca_pem, strlen (ca_pem),
                                                              &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acr_signing_identity_set_certificate_chain (id, reversed_pem,
                                                              strlen (reversed_pem), &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acr_signing_identity_set_certificate_chain (id, "garbage", 7, &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acr_signing_identity_set_certificate_chain (id, wrong_usage_pem,
                                                              strlen (wrong_usage_pem), &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acr_signing_identity_has_certificate (id));
  g_assert_null (acr_signing_identity_get_fingerprint (id));

  /* Accepted: signer first, then the CA. */
  g_assert_true (acr_signing_identity_set_certificate_chain (id, chain_pem, strlen (chain_pem),
                                                             &error));
  g_assert_no_error (error);
  g_assert_true (acr_signing_identity_has_certificate (id));
  chain = acr_signing_identity_get_chain (id, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (acr_signing_identity_get_subject_dn (id), ==,
                   "CN=" COMMON_NAME ",O=" ORGANISATION ",C=DE");
  g_assert_nonnull (acr_signing_identity_get_fingerprint (id));
  g_assert_cmpstr (acr_signing_identity_get_fingerprint (id), !=,
                   acr_signing_identity_get_fingerprint (ca));
  g_assert_cmpint (gnutls_x509_crt_list_verify (chain, n, &chain[1], 1, NULL, 0, 0, &status),
                   ==, 0);
  g_assert_cmpuint (status, ==, 0);
  assert_signs_for (id, chain[0]);

  g_assert_true (acr_signing_identity_export_certificate (id, &exported, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, chain_pem);

  /* Only a request identity has a request. */
  g_assert_false (acr_signing_identity_export_request (generated, &none, &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_NOT_FOUND);
  g_assert_null (none);
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

  g_assert_cmpint (gnutls_privkey_export_x509 (acr_signing_identity_get_privkey (id), &x509), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_get_key_id (x509, 0, key_id, &key_id_size), ==, 0);
  key_id_datum.data = key_id;
  key_id_datum.size = key_id_size;

  g_assert_cmpint (gnutls_pkcs12_bag_init (&cert_bag), ==, 0);
  idx = gnutls_pkcs12_bag_set_crt (cert_bag, leaf_of (id));
  g_assert_cmpint (idx, >=, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_set_key_id (cert_bag, idx, &key_id_datum), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_encrypt (cert_bag, password, GNUTLS_PKCS_PBES2_AES_256), ==, 0);

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
test_pkcs12 (gconstpointer data)
{
  AcrKeyType type = GPOINTER_TO_INT (data);
  g_autoptr(AcrSigningIdentity) id = make_identity (type);
  g_autoptr(AcrSigningIdentity) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) p12 = make_pkcs12 (id, "p12 password");
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (p12, &len);

  imported = acr_signing_identity_import_pkcs12 (bytes, len, "p12 password", &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_cmpint (acr_signing_identity_get_key_type (imported), ==, type);
  g_assert_cmpstr (acr_signing_identity_get_fingerprint (imported), ==,
                   acr_signing_identity_get_fingerprint (id));
  assert_signs_for (imported, leaf_of (id));
  g_clear_object (&imported);

  imported = acr_signing_identity_import_pkcs12 (bytes, len, "wrong password", &error);
  g_assert_null (imported);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);
  imported = acr_signing_identity_import_pkcs12 (bytes, len, NULL, &error);
  g_assert_null (imported);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  imported = acr_signing_identity_import_pkcs12 ((const guint8 *) "not a p12", 9, "x", &error);
  g_assert_null (imported);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);
}

static gboolean
run_xmlsec1 (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("%s: %s%s", argv[1], out, err);
      return FALSE;
    }

  return TRUE;
}

/* Debian's xmlsec1 (OpenSSL) reads our encrypted key file, and accepts the self-signed
 * issuer certificate as the trust anchor for a document it signs — and no other anchor. */
static void
test_xmlsec1_trust (Fixture       *f,
                    gconstpointer  data)
{
  AcrKeyType type = GPOINTER_TO_INT (data);
  g_autoptr(AcrSigningIdentity) id = make_identity (type);
  g_autoptr(AcrSigningIdentity) other = make_identity (ACR_KEY_TYPE_ECDSA);
  g_autoptr(GError) error = NULL;
  g_autofree char *xmlsec1 = g_find_program_in_path ("xmlsec1");
  g_autofree char *key = g_build_filename (f->dir, "issuer.key", NULL);
  g_autofree char *cert = write_certificate (id, f->dir, "issuer.pem");
  g_autofree char *other_cert = write_certificate (other, f->dir, "other.pem");
  g_autofree char *key_and_cert = g_strconcat (key, ",", cert, NULL);
  g_autofree char *template = g_build_filename (f->dir, "template.xml", NULL);
  g_autofree char *signed_doc = g_build_filename (f->dir, "signed.xml", NULL);
  g_autofree char *text = NULL;
  const char *sign_argv[] = { "xmlsec1", "--sign", "--privkey-pem", key_and_cert, "--pwd",
                              PASSPHRASE, "--output", signed_doc, template, NULL };
  const char *verify_argv[] = { "xmlsec1", "--verify", "--trusted-pem", cert, signed_doc, NULL };
  const char *other_argv[] = { "xmlsec1", "--verify", "--trusted-pem", other_cert, signed_doc,
                               NULL };

  if (xmlsec1 == NULL)
    {
      g_test_skip ("xmlsec1 is not installed");
      return;
    }

  text = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<doc xmlns=\"urn:test\"><data>Geprüft</data>"
    "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>"
    "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
    "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#%s\"/>"
    "<Reference URI=\"\"><Transforms>"
    "<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
    "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>"
    "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/>"
    "</Reference></SignedInfo><SignatureValue/><KeyInfo><X509Data/></KeyInfo></Signature>"
    "</doc>\n", type == ACR_KEY_TYPE_RSA ? "rsa-sha256" : "ecdsa-sha256");
  g_assert_true (g_file_set_contents (template, text, -1, &error));
  g_assert_true (acr_signing_identity_save_key (id, key, PASSPHRASE, &error));
  g_assert_no_error (error);

  g_assert_true (run_xmlsec1 (sign_argv));
  g_assert_true (run_xmlsec1 (verify_argv));
  g_assert_false (run_xmlsec1 (other_argv));
}

/* PKCS #11 through SoftHSM2. */

typedef struct
{
  const char *pins[8];   /* PIN per attempt; NULL cancels */
  guint       calls;
  guint       last_attempt;
  char       *label;
} PinScript;

static char *
scripted_pin_cb (const char *token_label,
                 guint       attempt,
                 gpointer    user_data)
{
  PinScript *script = user_data;

  g_assert_cmpuint (attempt, ==, script->calls);
  script->calls++;
  script->last_attempt = attempt;
  g_free (script->label);
  script->label = g_strdup (token_label);
  return attempt < G_N_ELEMENTS (script->pins) ? g_strdup (script->pins[attempt]) : NULL;
}

static int
global_pin_cb (void         *userdata,
               int           attempt,
               const char   *token_url,
               const char   *token_label,
               unsigned int  flags,
               char         *pin,
               size_t        pin_max)
{
  if (attempt > 0)
    return -1;
  g_strlcpy (pin, TOKEN_PIN, pin_max);
  return 0;
}

/* Puts the key and certificate of @id on the token under @label. */
static void
copy_to_token (AcrSigningIdentity *id,
               const char         *label)
{
  gnutls_x509_privkey_t x509;
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  gnutls_datum_t cid;

  g_assert_cmpint (gnutls_privkey_export_x509 (acr_signing_identity_get_privkey (id), &x509), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_get_key_id (x509, 0, key_id, &key_id_size), ==, 0);
  cid.data = key_id;
  cid.size = key_id_size;

  gnutls_pkcs11_set_pin_function (global_pin_cb, NULL);
  g_assert_cmpint (gnutls_pkcs11_copy_x509_privkey2 ("pkcs11:token=acr", x509, label, &cid,
                                                     GNUTLS_KEY_DIGITAL_SIGNATURE,
                                                     GNUTLS_PKCS11_OBJ_FLAG_MARK_PRIVATE
                                                     | GNUTLS_PKCS11_OBJ_FLAG_MARK_SENSITIVE
                                                     | GNUTLS_PKCS11_OBJ_FLAG_LOGIN), ==, 0);
  g_assert_cmpint (gnutls_pkcs11_copy_x509_crt2 ("pkcs11:token=acr", leaf_of (id), label, &cid,
                                                 GNUTLS_PKCS11_OBJ_FLAG_LOGIN), ==, 0);
  gnutls_pkcs11_set_pin_function (NULL, NULL);
  gnutls_x509_privkey_deinit (x509);
}

typedef struct
{
  AcrSigningIdentity *id;
  gboolean            direct;  /* sign with the privkey, as the XML signature engine does */
} SignJob;

static gpointer
sign_thread (gpointer data)
{
  SignJob *job = data;
  gnutls_sign_algorithm_t algo = acr_signing_identity_get_sign_algorithm (job->id);

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *message = g_strdup_printf ("credential %u", i);
      gsize len = strlen (message);

      if (job->direct)
        {
          gnutls_datum_t d = { (unsigned char *) message, len };
          gnutls_datum_t s = { NULL, 0 };

          g_assert_cmpint (gnutls_privkey_sign_data2 (acr_signing_identity_get_privkey (job->id),
                                                      algo, 0, &d, &s), ==, 0);
          g_assert_cmpint (verify_with_certificate (leaf_of (job->id), algo,
                                                    (const guint8 *) message, len,
                                                    s.data, s.size), >=, 0);
          gnutls_free (s.data);
        }
      else
        {
          g_autoptr(GError) error = NULL;
          g_autofree guint8 *sig = NULL;
          gsize sig_len = 0;

          g_assert_true (acr_signing_identity_sign_data (job->id, (const guint8 *) message, len,
                                                         &sig, &sig_len, &error));
          g_assert_no_error (error);
          g_assert_cmpint (verify_with_certificate (leaf_of (job->id), algo,
                                                    (const guint8 *) message, len,
                                                    sig, sig_len), >=, 0);
        }
    }

  return NULL;
}

static void
sign_in_threads (AcrSigningIdentity *id)
{
  SignJob jobs[4];
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      jobs[i].id = id;
      jobs[i].direct = i % 2;
      threads[i] = g_thread_new ("signer", sign_thread, &jobs[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_pkcs11 (void)
{
  g_autoptr(AcrSigningIdentity) ecdsa = NULL;
  g_autoptr(AcrSigningIdentity) token_rsa = NULL;
  g_autoptr(AcrSigningIdentity) rsa = NULL;
  g_autoptr(AcrSigningIdentity) id = NULL;
  g_autoptr(GError) error = NULL;
  PinScript wrong = { { "0000", "1111", "2222", "3333", "4444" } };
  PinScript cancel = { { NULL } };
  PinScript retry = { { "0000", TOKEN_PIN } };
  PinScript right = { { TOKEN_PIN } };
  PinScript right_rsa = { { TOKEN_PIN } };
  g_autofree char *path = NULL;

  if (softhsm_dir == NULL)
    {
      g_test_skip ("SoftHSM2 is not installed");
      return;
    }

  ecdsa = make_identity (ACR_KEY_TYPE_ECDSA);
  rsa = make_identity (ACR_KEY_TYPE_RSA);
  copy_to_token (ecdsa, "issuer");
  copy_to_token (rsa, "issuer-rsa");

  /* Wrong PINs first: PKCS #11 logins are per token and process, so while an identity with
   * an open, logged-in session lives, the token asks for no PIN. */
  id = acr_signing_identity_open_pkcs11 ("pkcs11:token=acr;object=issuer;type=private",
                                         scripted_pin_cb, &wrong, &error);
  g_assert_null (id);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PIN);
  g_assert_cmpuint (wrong.calls, ==, ACR_PIN_MAX_ATTEMPTS);
  g_assert_cmpstr (wrong.label, ==, "acr");
  g_assert_nonnull (strstr (error->message, "acr"));
  g_clear_error (&error);

  id = acr_signing_identity_open_pkcs11 ("pkcs11:token=acr;object=issuer;type=private",
                                         scripted_pin_cb, &cancel, &error);
  g_assert_null (id);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_CANCELLED);
  g_assert_cmpuint (cancel.calls, ==, 1);
  g_clear_error (&error);

  /* A wrong PIN, then the right one. */
  id = acr_signing_identity_open_pkcs11 ("pkcs11:token=acr;object=issuer;type=private",
                                         scripted_pin_cb, &retry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpuint (retry.calls, ==, 2);
  g_clear_object (&id);

  /* The right PIN: the key with its certificate from the token. */
  id = acr_signing_identity_open_pkcs11 ("pkcs11:token=acr;object=issuer",
                                         scripted_pin_cb, &right, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpuint (right.calls, ==, 1);
  g_assert_true (acr_signing_identity_is_pkcs11 (id));
  g_assert_cmpint (acr_signing_identity_get_key_type (id), ==, ACR_KEY_TYPE_ECDSA);
  g_assert_true (acr_signing_identity_has_certificate (id));
  g_assert_cmpstr (acr_signing_identity_get_fingerprint (id), ==,
                   acr_signing_identity_get_fingerprint (ecdsa));
  g_assert_cmpstr (acr_signing_identity_get_organisation (id), ==, ORGANISATION);
  assert_signs_for (id, leaf_of (ecdsa));
  sign_in_threads (id);

  /* A token key is never written to a file. */
  path = g_build_filename (softhsm_dir, "never.key", NULL);
  g_assert_false (acr_signing_identity_save_key (id, path, PASSPHRASE, &error));
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_UNSUPPORTED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  token_rsa = acr_signing_identity_open_pkcs11 ("pkcs11:token=acr;object=issuer-rsa",
                                                scripted_pin_cb, &right_rsa, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_signing_identity_get_key_type (token_rsa), ==, ACR_KEY_TYPE_RSA);
  g_assert_cmpstr (acr_signing_identity_get_fingerprint (token_rsa), ==,
                   acr_signing_identity_get_fingerprint (rsa));
  assert_signs_for (token_rsa, leaf_of (rsa));

  /* Unknown object, not a PKCS #11 address. */
  g_clear_object (&id);
  id = acr_signing_identity_open_pkcs11 ("pkcs11:token=acr;object=nothing;type=private",
                                         scripted_pin_cb, &right, &error);
  g_assert_null (id);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  id = acr_signing_identity_open_pkcs11 ("/tmp/issuer.key", scripted_pin_cb, &right, &error);
  g_assert_null (id);
  g_assert_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID);

  g_free (wrong.label);
  g_free (cancel.label);
  g_free (retry.label);
  g_free (right.label);
  g_free (right_rsa.label);
}

static void
test_threads_file_key (void)
{
  g_autoptr(AcrSigningIdentity) id = make_identity (ACR_KEY_TYPE_ECDSA);

  sign_in_threads (id);
}

/* Makes a SoftHSM2 token "acr" (PIN 1234) in a temporary folder and registers the module
 * with GnuTLS. Done before anything touches PKCS #11, so no system module is loaded. */
static void
setup_softhsm (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tokens = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *conf_text = NULL;
  g_autofree char *util = g_find_program_in_path ("softhsm2-util");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { NULL, "--init-token", "--free", "--label", "acr", "--pin", TOKEN_PIN,
                         "--so-pin", "5678", NULL };
  int status = 0;

  if (util == NULL || !g_file_test (SOFTHSM_MODULE, G_FILE_TEST_EXISTS))
    return;

  softhsm_dir = g_dir_make_tmp ("acr-test-softhsm-XXXXXX", &error);
  g_assert_no_error (error);
  tokens = g_build_filename (softhsm_dir, "tokens", NULL);
  g_assert_cmpint (g_mkdir (tokens, 0700), ==, 0);
  conf = g_build_filename (softhsm_dir, "softhsm2.conf", NULL);
  conf_text = g_strdup_printf ("directories.tokendir = %s\nobjectstore.backend = file\n"
                               "log.level = ERROR\n", tokens);
  g_assert_true (g_file_set_contents (conf, conf_text, -1, &error));
  g_setenv ("SOFTHSM2_CONF", conf, TRUE);

  argv[0] = util;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("softhsm2-util failed: %s%s", out, err);

  g_assert_cmpint (gnutls_pkcs11_init (GNUTLS_PKCS11_FLAG_MANUAL, NULL), ==, 0);
  g_assert_cmpint (gnutls_pkcs11_add_provider (SOFTHSM_MODULE, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  setup_softhsm ();

  g_test_add_func ("/signing-identity/key-type-enum", test_key_type_enum);
  g_test_add_data_func ("/signing-identity/generate/rsa",
                        GINT_TO_POINTER (ACR_KEY_TYPE_RSA), test_generate);
  g_test_add_data_func ("/signing-identity/generate/ecdsa",
                        GINT_TO_POINTER (ACR_KEY_TYPE_ECDSA), test_generate);
  g_test_add_data_func ("/signing-identity/generate/ed25519",
                        GINT_TO_POINTER (ACR_KEY_TYPE_ED25519), test_generate);
  g_test_add_func ("/signing-identity/generate/ecdsa-der", test_ecdsa_signature_is_der);
  g_test_add_func ("/signing-identity/generate/invalid", test_generate_invalid);
  g_test_add ("/signing-identity/save-load/rsa", Fixture, GINT_TO_POINTER (ACR_KEY_TYPE_RSA),
              fixture_setup, test_save_load, fixture_teardown);
  g_test_add ("/signing-identity/save-load/ecdsa", Fixture, GINT_TO_POINTER (ACR_KEY_TYPE_ECDSA),
              fixture_setup, test_save_load, fixture_teardown);
  g_test_add ("/signing-identity/save-load/ed25519", Fixture,
              GINT_TO_POINTER (ACR_KEY_TYPE_ED25519),
              fixture_setup, test_save_load, fixture_teardown);
  g_test_add ("/signing-identity/wrong-passphrase", Fixture, NULL,
              fixture_setup, test_wrong_passphrase, fixture_teardown);
  g_test_add ("/signing-identity/empty-passphrase", Fixture, NULL,
              fixture_setup, test_empty_passphrase_refused, fixture_teardown);
  g_test_add ("/signing-identity/permissions", Fixture, NULL,
              fixture_setup, test_permissions, fixture_teardown);
  g_test_add ("/signing-identity/load-errors", Fixture, NULL,
              fixture_setup, test_load_errors, fixture_teardown);
  g_test_add_func ("/signing-identity/default-key-dir", test_default_key_dir);
  g_test_add_func ("/signing-identity/request-and-chain", test_request_and_chain);
  g_test_add_data_func ("/signing-identity/pkcs12/rsa",
                        GINT_TO_POINTER (ACR_KEY_TYPE_RSA), test_pkcs12);
  g_test_add_data_func ("/signing-identity/pkcs12/ed25519",
                        GINT_TO_POINTER (ACR_KEY_TYPE_ED25519), test_pkcs12);
  g_test_add ("/signing-identity/xmlsec1-trust/rsa", Fixture,
              GINT_TO_POINTER (ACR_KEY_TYPE_RSA),
              fixture_setup, test_xmlsec1_trust, fixture_teardown);
  g_test_add ("/signing-identity/xmlsec1-trust/ecdsa", Fixture,
              GINT_TO_POINTER (ACR_KEY_TYPE_ECDSA),
              fixture_setup, test_xmlsec1_trust, fixture_teardown);
  g_test_add_func ("/signing-identity/threads/file-key", test_threads_file_key);
  g_test_add_func ("/signing-identity/pkcs11", test_pkcs11);

  ret = g_test_run ();

  g_clear_object (&shared_rsa);
  if (softhsm_dir != NULL)
    {
      gnutls_pkcs11_deinit ();
      remove_tree (softhsm_dir);
      g_clear_pointer (&softhsm_dir, g_free);
    }

  return ret;
}
