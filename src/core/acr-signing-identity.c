/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrSigningIdentity: an issuer's private key and its certificate chain, with GnuTLS.
 *
 * Where a key comes from: generated here (with a self-signed issuer certificate, or with a
 * PKCS #10 request for a chamber's CA), an encrypted PKCS #8 file, a PKCS #12 file, or a
 * smart card / HSM through PKCS #11 (p11-kit). The rules it keeps:
 *  - A private key never touches the disk unencrypted: save_key writes only PBES2/AES-256
 *    PKCS #8, refuses an empty passphrase, and writes atomically (a temporary file created
 *    with mode 0600 in the same folder, fsync, rename) into a folder created 0700. load
 *    refuses unencrypted key files and key files other users may read or change.
 *  - The certificates are public and live in separate PEM files (or the database).
 *  - A certificate chain is attached only when its first certificate is for this private key
 *    and each certificate is issued by the next one.
 *  - Expected failures (wrong passphrase or PIN, damaged file, wrong certificate) are
 *    ACR_KEY_ERROR errors with a sentence, never a crash or a warning.
 *
 * Threads: the identity is immutable once built, except for set_certificate_chain, which must
 * not race with readers. Signing may happen from several threads at once: a key from a file
 * or PKCS #12 is read-only while signing in GnuTLS, so gnutls_privkey_sign_data2 on the key of
 * get_privkey is safe in parallel. A PKCS #11 key signs through one token session; GnuTLS
 * (since 3.5.11) locks each PKCS #11 private key around its operations, and sign_data also
 * serialises PKCS #11 signing with its own mutex, so either path is safe; parallel threads
 * then simply wait for the token. The PIN function may be called from the signing thread
 * when a token asks for a new login.
 *
 * PINs: each PKCS #11 identity has its own PIN callback (gnutls_privkey_set_pin_function, not
 * the process-wide gnutls_pkcs11_set_pin_function), trying at most ACR_PIN_MAX_ATTEMPTS PINs
 * per login. A PKCS #11 login holds for the whole process and token: while one identity of a
 * token lives, opening another on the same token asks for no PIN. */

#define G_LOG_DOMAIN "acr-signing-identity"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>

#include "acr-signing-identity.h"

/* Key files are small; anything larger is not one. */
#define MAX_KEY_FILE_SIZE (1024 * 1024)
#define MAX_VALIDITY_DAYS 36500
/* X.520 upper bounds for organizationName and commonName. */
#define MAX_NAME_LENGTH 64

typedef struct
{
  AcrPinFunc  func;
  gpointer    user_data;
  char       *token_label;
  guint       wrong : 1;      /* the token refused a PIN during the last login */
  guint       cancelled : 1;  /* the PIN function returned NULL */
  guint       too_long : 1;
} PinState;

struct _AcrSigningIdentity
{
  GObject                parent_instance;

  AcrKeyType             key_type;
  gnutls_privkey_t       privkey;
  gnutls_x509_privkey_t  x509_key;     /* NULL for a PKCS #11 key */
  gnutls_x509_crt_t     *chain;
  guint                  n_chain;
  gnutls_x509_crq_t      request;      /* set by create_request */

  char                  *subject_dn;
  char                  *organisation;
  char                  *common_name;
  char                  *country;
  char                  *fingerprint;
  GDateTime             *not_before;
  GDateTime             *not_after;

  PinState              *pin;          /* PKCS #11 only */
  GMutex                 sign_lock;
};

enum {
  PROP_0,
  PROP_KEY_TYPE,
  PROP_SUBJECT_DN,
  PROP_ORGANISATION,
  PROP_COMMON_NAME,
  PROP_COUNTRY,
  PROP_FINGERPRINT,
  PROP_NOT_BEFORE,
  PROP_NOT_AFTER,
  PROP_HAS_CERTIFICATE,
  PROP_IS_PKCS11,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrSigningIdentity, acr_signing_identity, G_TYPE_OBJECT)

G_DEFINE_QUARK (acr-key-error-quark, acr_key_error)

/* As in acr-enums.c: the value_name holds the untranslated label, the nick is stable. */
static const GEnumValue key_type_values[] = {
  { ACR_KEY_TYPE_RSA, N_("RSA (3072 bit)"), "rsa" },
  { ACR_KEY_TYPE_ECDSA, N_("ECDSA (P-256)"), "ecdsa" },
  { ACR_KEY_TYPE_ED25519, N_("Ed25519"), "ed25519" },
  { 0, NULL, NULL }
};

GType
acr_key_type_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string ("AcrKeyType"),
                                         key_type_values);
      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crq_t, gnutls_x509_crq_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pubkey_t, gnutls_pubkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_t, gnutls_pkcs12_deinit, NULL)

static void
wipe_string (char *str)
{
  if (str != NULL)
    {
      explicit_bzero (str, strlen (str));
      g_free (str);
    }
}

static void
set_gnutls_error (GError      **error,
                  AcrKeyError   code,
                  int           ret,
                  const char   *sentence)
{
  g_set_error (error, ACR_KEY_ERROR, code, "%s (%s)", sentence, gnutls_strerror (ret));
}

static gnutls_sign_algorithm_t
sign_algorithm_for (AcrKeyType type)
{
  switch (type)
    {
    case ACR_KEY_TYPE_RSA:
      return GNUTLS_SIGN_RSA_SHA256;
    case ACR_KEY_TYPE_ECDSA:
      return GNUTLS_SIGN_ECDSA_SHA256;
    case ACR_KEY_TYPE_ED25519:
      return GNUTLS_SIGN_EDDSA_ED25519;
    default:
      g_assert_not_reached ();
    }
}

/* The digest for certificate and request signatures: Ed25519 has SHA-512 built in. */
static gnutls_digest_algorithm_t
certificate_digest_for (AcrKeyType type)
{
  return type == ACR_KEY_TYPE_ED25519 ? GNUTLS_DIG_SHA512 : GNUTLS_DIG_SHA256;
}

/* Checks that @key is one of the profile's algorithms and sizes. */
static gboolean
key_type_from_privkey (gnutls_privkey_t   key,
                       AcrKeyType        *type,
                       GError           **error)
{
  unsigned int bits = 0;
  int algo = gnutls_privkey_get_pk_algorithm (key, &bits);

  switch (algo)
    {
    case GNUTLS_PK_RSA:
      if (bits != 0 && bits < 2048)
        {
          g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_UNSUPPORTED,
                       _("The RSA key has only %u bits, which is too weak for signing "
                         "credentials. Use a key of at least 2048 bits (3072 recommended)."),
                       bits);
          return FALSE;
        }
      *type = ACR_KEY_TYPE_RSA;
      return TRUE;

    case GNUTLS_PK_ECDSA:
      /* P-256 is GnuTLS's only 256-bit ECDSA curve. A token may not tell the size; then
       * the certificate is checked when it is attached (see check_leaf). */
      if (bits != 0 && bits != 256)
        {
          g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_UNSUPPORTED,
                       _("The ECDSA key is on a %u-bit curve. Accredit signs only with "
                         "ECDSA keys on the curve P-256."), bits);
          return FALSE;
        }
      *type = ACR_KEY_TYPE_ECDSA;
      return TRUE;

    case GNUTLS_PK_EDDSA_ED25519:
      *type = ACR_KEY_TYPE_ED25519;
      return TRUE;

    default:
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_UNSUPPORTED,
                   _("Keys of type %s are not supported. Use an RSA, ECDSA P-256 or "
                     "Ed25519 key."),
                   algo > 0 ? gnutls_pk_get_name (algo) : "?");
      return FALSE;
    }
}

static char *
crt_dn_field (gnutls_x509_crt_t  crt,
              const char        *oid)
{
  g_autofree char *buf = NULL;
  size_t size = 0;
  int ret;

  ret = gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, NULL, &size);
  if (ret != GNUTLS_E_SHORT_MEMORY_BUFFER)
    return NULL;

  buf = g_malloc0 (size + 1);
  if (gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, buf, &size) < 0)
    return NULL;

  return g_steal_pointer (&buf);
}

static gboolean
replace_string (char **field,
                char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return FALSE;
    }

  g_free (*field);
  *field = value;
  return TRUE;
}

static gboolean
replace_date_time (GDateTime **field,
                   GDateTime  *value)
{
  gboolean changed;

  if (*field == NULL || value == NULL)
    changed = *field != value;
  else
    changed = !g_date_time_equal (*field, value);

  g_clear_pointer (field, g_date_time_unref);
  *field = value;
  return changed;
}

static void
notify_if (AcrSigningIdentity *self,
           gboolean            changed,
           guint               prop)
{
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Refreshes the cached subject, fingerprint and validity from the leaf certificate. */
static void
update_from_certificate (AcrSigningIdentity *self)
{
  gnutls_x509_crt_t crt = self->chain[0];
  gnutls_datum_t dn = { NULL, 0 };
  guint8 digest[32];
  size_t size = sizeof digest;
  char *fingerprint = NULL;
  char *subject = NULL;

  if (gnutls_x509_crt_get_dn3 (crt, &dn, 0) >= 0)
    {
      subject = g_strndup ((const char *) dn.data, dn.size);
      gnutls_free (dn.data);
    }
  if (gnutls_x509_crt_get_fingerprint (crt, GNUTLS_DIG_SHA256, digest, &size) >= 0)
    {
      GString *hex = g_string_sized_new (2 * size);

      for (gsize i = 0; i < size; i++)
        g_string_append_printf (hex, "%02x", digest[i]);
      fingerprint = g_string_free (hex, FALSE);
    }

  notify_if (self, replace_string (&self->subject_dn, subject), PROP_SUBJECT_DN);
  notify_if (self,
             replace_string (&self->organisation,
                             crt_dn_field (crt, GNUTLS_OID_X520_ORGANIZATION_NAME)),
             PROP_ORGANISATION);
  notify_if (self,
             replace_string (&self->common_name, crt_dn_field (crt, GNUTLS_OID_X520_COMMON_NAME)),
             PROP_COMMON_NAME);
  notify_if (self,
             replace_string (&self->country, crt_dn_field (crt, GNUTLS_OID_X520_COUNTRY_NAME)),
             PROP_COUNTRY);
  notify_if (self, replace_string (&self->fingerprint, fingerprint), PROP_FINGERPRINT);
  notify_if (self,
             replace_date_time (&self->not_before,
                                g_date_time_new_from_unix_utc (
                                  gnutls_x509_crt_get_activation_time (crt))),
             PROP_NOT_BEFORE);
  notify_if (self,
             replace_date_time (&self->not_after,
                                g_date_time_new_from_unix_utc (
                                  gnutls_x509_crt_get_expiration_time (crt))),
             PROP_NOT_AFTER);
}

static void
free_chain (gnutls_x509_crt_t *chain,
            guint              n)
{
  for (guint i = 0; i < n; i++)
    gnutls_x509_crt_deinit (chain[i]);
  g_free (chain);
}

/* TRUE when @crt certifies the public half of @key: compares the key ids, or, where the key
 * cannot give its public half (some tokens), signs a random challenge and verifies it. */
static gboolean
key_matches_certificate (gnutls_privkey_t   key,
                         AcrKeyType         type,
                         gnutls_x509_crt_t  crt)
{
  g_auto(gnutls_pubkey_t) key_pub = NULL;
  g_auto(gnutls_pubkey_t) crt_pub = NULL;
  guint8 key_id[64], crt_id[64];
  size_t key_id_size = sizeof key_id, crt_id_size = sizeof crt_id;
  guint8 challenge[32];
  gnutls_datum_t data = { challenge, sizeof challenge };
  gnutls_datum_t sig = { NULL, 0 };
  gnutls_sign_algorithm_t algo = sign_algorithm_for (type);
  int ret;

  if (gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA256, crt_id, &crt_id_size) < 0)
    return FALSE;

  if (gnutls_pubkey_init (&key_pub) >= 0
      && gnutls_pubkey_import_privkey (key_pub, key, 0, 0) >= 0
      && gnutls_pubkey_get_key_id (key_pub, GNUTLS_KEYID_USE_SHA256, key_id, &key_id_size) >= 0)
    return key_id_size == crt_id_size && memcmp (key_id, crt_id, key_id_size) == 0;

  if (gnutls_pubkey_init (&crt_pub) < 0
      || gnutls_pubkey_import_x509 (crt_pub, crt, 0) < 0
      || gnutls_rnd (GNUTLS_RND_NONCE, challenge, sizeof challenge) < 0
      || gnutls_privkey_sign_data2 (key, algo, 0, &data, &sig) < 0)
    return FALSE;

  ret = gnutls_pubkey_verify_data2 (crt_pub, algo, 0, &data, &sig);
  gnutls_free (sig.data);
  return ret >= 0;
}

/* Checks that the leaf certificate fits this key and may sign documents. */
static gboolean
check_leaf (AcrSigningIdentity  *self,
            gnutls_x509_crt_t    crt,
            GError             **error)
{
  unsigned int usage = 0, critical = 0, bits = 0;
  int algo;

  if (!key_matches_certificate (self->privkey, self->key_type, crt))
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("The certificate is not for this private key. Attach the "
                             "certificate that was issued for this key’s request, as the "
                             "first certificate of the chain."));
      return FALSE;
    }

  algo = gnutls_x509_crt_get_pk_algorithm (crt, &bits);
  if (algo == GNUTLS_PK_ECDSA && bits != 256)
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_UNSUPPORTED,
                   _("The ECDSA key is on a %u-bit curve. Accredit signs only with "
                     "ECDSA keys on the curve P-256."), bits);
      return FALSE;
    }

  if (gnutls_x509_crt_get_key_usage (crt, &usage, &critical) >= 0
      && (usage & (GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_NON_REPUDIATION)) == 0)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("The certificate does not allow digital signatures (its key "
                             "usage lacks digitalSignature). Ask the certificate authority "
                             "for a certificate that may sign documents."));
      return FALSE;
    }

  return TRUE;
}

/* Takes over @chain (a g_new array of @n certificates, signer first) if it fits. */
static gboolean
adopt_chain (AcrSigningIdentity  *self,
             gnutls_x509_crt_t   *chain,
             guint                n,
             GError             **error)
{
  gboolean had_certificate = self->n_chain > 0;

  g_assert (n > 0);

  if (!check_leaf (self, chain[0], error))
    {
      free_chain (chain, n);
      return FALSE;
    }

  free_chain (self->chain, self->n_chain);
  self->chain = chain;
  self->n_chain = n;
  update_from_certificate (self);
  notify_if (self, !had_certificate, PROP_HAS_CERTIFICATE);
  return TRUE;
}

/* Parses PEM certificates, signer first; g_new array in *@chain. */
static gboolean
parse_chain (const char          *pem_data,
             gsize                len,
             gnutls_x509_crt_t  **chain,
             guint               *n,
             GError             **error)
{
  gnutls_x509_crt_t *list = NULL;
  unsigned int size = 0;
  gnutls_datum_t datum = { (unsigned char *) pem_data, len };
  int ret;

  if (len > G_MAXUINT32)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("The certificate data is too large."));
      return FALSE;
    }

  ret = gnutls_x509_crt_list_import2 (&list, &size, &datum, GNUTLS_X509_FMT_PEM,
                                      GNUTLS_X509_CRT_LIST_FAIL_IF_UNSORTED);
  if (ret == GNUTLS_E_CERTIFICATE_LIST_UNSORTED)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("The certificates are not in order. Put the certificate of this "
                             "key first, each followed by the certificate that issued it."));
      return FALSE;
    }
  if (ret < 0 || size == 0)
    {
      set_gnutls_error (error, ACR_KEY_ERROR_INVALID, ret < 0 ? ret : GNUTLS_E_NO_CERTIFICATE_FOUND,
                        _("No certificate could be read. Certificates must be given in PEM "
                          "form (“-----BEGIN CERTIFICATE-----”)."));
      for (unsigned int i = 0; i < size; i++)
        gnutls_x509_crt_deinit (list[i]);
      gnutls_free (list);
      return FALSE;
    }

  *chain = g_new (gnutls_x509_crt_t, size);
  memcpy (*chain, list, size * sizeof (gnutls_x509_crt_t));
  *n = size;
  gnutls_free (list);
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

/* Validates and normalises the subject given for a new key. */
static gboolean
check_subject (const char   *organisation,
               const char   *common_name,
               const char   *country,
               char        **country_out,
               GError      **error)
{
  if (is_blank (organisation))
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("The certificate needs the name of the organisation."));
      return FALSE;
    }
  if (is_blank (common_name))
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("The certificate needs a common name, for example the name of "
                             "the issuing office."));
      return FALSE;
    }
  if (!g_utf8_validate (organisation, -1, NULL) || !g_utf8_validate (common_name, -1, NULL))
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("The organisation and common name must be valid UTF-8 text."));
      return FALSE;
    }
  if (g_utf8_strlen (organisation, -1) > MAX_NAME_LENGTH
      || g_utf8_strlen (common_name, -1) > MAX_NAME_LENGTH)
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                   _("The organisation and common name of a certificate can have at most %d "
                     "characters each."), MAX_NAME_LENGTH);
      return FALSE;
    }
  if (country == NULL || strlen (country) != 2
      || !g_ascii_isalpha (country[0]) || !g_ascii_isalpha (country[1]))
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                   _("“%s” is not a country code. Use the two letters of ISO 3166, such as "
                     "“DE” or “AT”."), country != NULL ? country : "");
      return FALSE;
    }

  *country_out = g_ascii_strup (country, -1);
  return TRUE;
}

typedef int (*SetDnFunc) (void *obj, const char *oid, unsigned int raw, const void *name,
                          unsigned int size);

static int
set_subject (SetDnFunc   set_dn,
             void       *obj,
             const char *organisation,
             const char *common_name,
             const char *country)
{
  int ret;

  if ((ret = set_dn (obj, GNUTLS_OID_X520_COUNTRY_NAME, 0, country, strlen (country))) < 0
      || (ret = set_dn (obj, GNUTLS_OID_X520_ORGANIZATION_NAME, 0, organisation,
                        strlen (organisation))) < 0
      || (ret = set_dn (obj, GNUTLS_OID_X520_COMMON_NAME, 0, common_name,
                        strlen (common_name))) < 0)
    return ret;

  return 0;
}

static int
crt_set_dn_cb (void       *obj,
               const char *oid,
               unsigned    raw,
               const void *name,
               unsigned    size)
{
  return gnutls_x509_crt_set_dn_by_oid (obj, oid, raw, name, size);
}

static int
crq_set_dn_cb (void       *obj,
               const char *oid,
               unsigned    raw,
               const void *name,
               unsigned    size)
{
  return gnutls_x509_crq_set_dn_by_oid (obj, oid, raw, name, size);
}

/* A new identity around @key (taken over, also on failure). */
static AcrSigningIdentity *
identity_new_for_x509_key (gnutls_x509_privkey_t   key,
                           GError                **error)
{
  g_autoptr(AcrSigningIdentity) self = g_object_new (ACR_TYPE_SIGNING_IDENTITY, NULL);
  int ret;

  self->x509_key = key;
  if ((ret = gnutls_privkey_init (&self->privkey)) < 0
      || (ret = gnutls_privkey_import_x509 (self->privkey, key, 0)) < 0)
    {
      set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret, _("The private key could not be used."));
      return NULL;
    }
  if (!key_type_from_privkey (self->privkey, &self->key_type, error))
    return NULL;

  return g_steal_pointer (&self);
}

static AcrSigningIdentity *
identity_new_generated (AcrKeyType   type,
                        GError     **error)
{
  g_auto(gnutls_x509_privkey_t) key = NULL;
  gnutls_pk_algorithm_t algo;
  unsigned int bits;
  int ret;

  switch (type)
    {
    case ACR_KEY_TYPE_RSA:
      algo = GNUTLS_PK_RSA;
      bits = 3072;
      break;
    case ACR_KEY_TYPE_ECDSA:
      algo = GNUTLS_PK_ECDSA;
      bits = GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1);
      break;
    case ACR_KEY_TYPE_ED25519:
      algo = GNUTLS_PK_EDDSA_ED25519;
      bits = GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_ED25519);
      break;
    default:
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_UNSUPPORTED,
                   _("Unknown key type %d."), (int) type);
      return NULL;
    }

  if ((ret = gnutls_x509_privkey_init (&key)) < 0
      || (ret = gnutls_x509_privkey_generate2 (key, algo, bits, 0, NULL, 0)) < 0)
    {
      set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret, _("The new key could not be generated."));
      return NULL;
    }

  return identity_new_for_x509_key (g_steal_pointer (&key), error);
}

/* Reads a key file, refusing one that others may read or change. */
static char *
read_private_file (const char  *path,
                   gsize       *len,
                   GError     **error)
{
  g_autofree char *contents = NULL;
  struct stat st;
  gsize done = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, ACR_KEY_ERROR,
                   saved == ENOENT ? ACR_KEY_ERROR_NOT_FOUND
                   : saved == EACCES ? ACR_KEY_ERROR_PERMISSIONS : ACR_KEY_ERROR_FAILED,
                   _("The key file “%s” could not be opened: %s."), path, g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) < 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                   _("“%s” is not a key file."), path);
      close (fd);
      return NULL;
    }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_PERMISSIONS,
                   _("The key file “%s” can be read or changed by other users, so Accredit "
                     "does not use it. Make it private with “chmod 600 %s” and consider the "
                     "key exposed if others could read it."),
                   path, path);
      close (fd);
      return NULL;
    }
  if (st.st_size > MAX_KEY_FILE_SIZE)
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                   _("“%s” is too large to be a key file."), path);
      close (fd);
      return NULL;
    }

  contents = g_malloc0 (st.st_size + 1);
  while (done < (gsize) st.st_size)
    {
      gssize n = read (fd, contents + done, st.st_size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_FAILED,
                       _("The key file “%s” could not be read: %s."), path,
                       n < 0 ? g_strerror (errno) : _("it ended early"));
          close (fd);
          return NULL;
        }
      done += n;
    }
  close (fd);

  *len = done;
  return g_steal_pointer (&contents);
}

static gboolean
fsync_folder (const char  *folder,
              GError     **error)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) < 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_FAILED,
                   _("The folder “%s” could not be synchronised to disk: %s."), folder,
                   g_strerror (saved));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* The PIN callback given to GnuTLS. Tries at most ACR_PIN_MAX_ATTEMPTS PINs per login. */
static int
pin_cb (void         *userdata,
        int           attempt,
        const char   *token_url,
        const char   *token_label,
        unsigned int  flags,
        char         *pin,
        size_t        pin_max)
{
  PinState *state = userdata;
  char *value;
  size_t len;

  if (token_label != NULL && g_strcmp0 (state->token_label, token_label) != 0)
    {
      g_free (state->token_label);
      state->token_label = g_strdup (token_label);
    }
  if (attempt > 0 || (flags & GNUTLS_PIN_WRONG) != 0)
    state->wrong = TRUE;
  if (attempt >= ACR_PIN_MAX_ATTEMPTS)
    return -1;

  value = state->func (token_label != NULL ? token_label : "", attempt, state->user_data);
  if (value == NULL)
    {
      state->cancelled = TRUE;
      return -1;
    }

  len = strlen (value);
  if (len >= pin_max)
    {
      state->too_long = TRUE;
      wipe_string (value);
      return -1;
    }

  memcpy (pin, value, len + 1);
  wipe_string (value);
  return 0;
}

static void
pin_state_reset (PinState *state)
{
  if (state != NULL)
    {
      state->wrong = FALSE;
      state->cancelled = FALSE;
      state->too_long = FALSE;
    }
}

/* Sets @error for a failed PKCS #11 operation; TRUE if it was about the PIN. */
static gboolean
set_pin_error (PinState  *state,
               int        ret,
               GError   **error)
{
  const char *label = state != NULL && state->token_label != NULL ? state->token_label : "";

  if (ret == GNUTLS_E_PKCS11_PIN_LOCKED)
    g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PIN,
                 _("The PIN of the token “%s” is locked after too many wrong attempts. Unlock "
                   "it with the card’s PUK or ask its administrator."), label);
  else if (ret == GNUTLS_E_PKCS11_PIN_EXPIRED)
    g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PIN,
                 _("The PIN of the token “%s” has expired. Change it with the token’s own "
                   "tools and try again."), label);
  else if (state != NULL && state->too_long)
    g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PIN,
                 _("The PIN given for the token “%s” is too long."), label);
  else if (state != NULL && state->wrong)
    g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PIN,
                 _("The token “%s” did not accept the PIN. Check the PIN and try again; "
                   "too many wrong PINs lock the token."), label);
  else if (state != NULL && state->cancelled)
    g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_CANCELLED,
                 _("PIN entry for the token “%s” was cancelled."), label);
  else if (ret == GNUTLS_E_PKCS11_PIN_ERROR)
    g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PIN,
                 _("The token “%s” needs a PIN to use the key."), label);
  else
    return FALSE;

  return TRUE;
}

/* The URI of the certificate stored beside a private key: same attributes, type=cert. */
static char *
certificate_url_for (const char *uri)
{
  const char *path = uri + strlen ("pkcs11:");
  const char *query = strchr (path, '?');
  g_autofree char *attributes = query != NULL ? g_strndup (path, query - path) : g_strdup (path);
  g_auto(GStrv) parts = g_strsplit (attributes, ";", -1);
  GString *url = g_string_new ("pkcs11:");

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_has_prefix (parts[i], "type="))
        continue;
      g_string_append (url, parts[i]);
      g_string_append_c (url, ';');
    }
  g_string_append (url, "type=cert");
  if (query != NULL)
    g_string_append (url, query);

  return g_string_free (url, FALSE);
}

static void
acr_signing_identity_finalize (GObject *object)
{
  AcrSigningIdentity *self = (AcrSigningIdentity *)object;

  g_clear_pointer (&self->privkey, gnutls_privkey_deinit);
  g_clear_pointer (&self->x509_key, gnutls_x509_privkey_deinit);
  g_clear_pointer (&self->request, gnutls_x509_crq_deinit);
  free_chain (self->chain, self->n_chain);
  g_free (self->subject_dn);
  g_free (self->organisation);
  g_free (self->common_name);
  g_free (self->country);
  g_free (self->fingerprint);
  g_clear_pointer (&self->not_before, g_date_time_unref);
  g_clear_pointer (&self->not_after, g_date_time_unref);
  if (self->pin != NULL)
    {
      g_free (self->pin->token_label);
      g_free (self->pin);
    }
  g_mutex_clear (&self->sign_lock);

  G_OBJECT_CLASS (acr_signing_identity_parent_class)->finalize (object);
}

static void
acr_signing_identity_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AcrSigningIdentity *self = ACR_SIGNING_IDENTITY (object);

  switch (prop_id)
    {
    case PROP_KEY_TYPE:
      g_value_set_enum (value, self->key_type);
      break;
    case PROP_SUBJECT_DN:
      g_value_set_string (value, self->subject_dn);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_COMMON_NAME:
      g_value_set_string (value, self->common_name);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_FINGERPRINT:
      g_value_set_string (value, self->fingerprint);
      break;
    case PROP_NOT_BEFORE:
      g_value_set_boxed (value, self->not_before);
      break;
    case PROP_NOT_AFTER:
      g_value_set_boxed (value, self->not_after);
      break;
    case PROP_HAS_CERTIFICATE:
      g_value_set_boolean (value, self->n_chain > 0);
      break;
    case PROP_IS_PKCS11:
      g_value_set_boolean (value, self->x509_key == NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_signing_identity_class_init (AcrSigningIdentityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_signing_identity_finalize;
  object_class->get_property = acr_signing_identity_get_property;

  properties[PROP_KEY_TYPE] =
    g_param_spec_enum ("key-type", NULL, NULL, ACR_TYPE_KEY_TYPE, ACR_KEY_TYPE_RSA, flags);
  properties[PROP_SUBJECT_DN] = g_param_spec_string ("subject-dn", NULL, NULL, NULL, flags);
  properties[PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, NULL, flags);
  properties[PROP_COMMON_NAME] = g_param_spec_string ("common-name", NULL, NULL, NULL, flags);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties[PROP_FINGERPRINT] = g_param_spec_string ("fingerprint", NULL, NULL, NULL, flags);
  properties[PROP_NOT_BEFORE] =
    g_param_spec_boxed ("not-before", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_NOT_AFTER] =
    g_param_spec_boxed ("not-after", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_HAS_CERTIFICATE] =
    g_param_spec_boolean ("has-certificate", NULL, NULL, FALSE, flags);
  properties[PROP_IS_PKCS11] = g_param_spec_boolean ("is-pkcs11", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_signing_identity_init (AcrSigningIdentity *self)
{
  g_mutex_init (&self->sign_lock);
}

AcrSigningIdentity *
acr_signing_identity_generate (AcrKeyType   type,
                               const char  *organisation,
                               const char  *common_name,
                               const char  *country,
                               guint        validity_days,
                               GError     **error)
{
  g_autoptr(AcrSigningIdentity) self = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_autofree char *country_code = NULL;
  gnutls_x509_crt_t *chain;
  guint8 serial[16];
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  time_t now;
  int ret;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_subject (organisation, common_name, country, &country_code, error))
    return NULL;
  if (validity_days == 0 || validity_days > MAX_VALIDITY_DAYS)
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                   _("A certificate must be valid for 1 to %d days, not %u."),
                   MAX_VALIDITY_DAYS, validity_days);
      return NULL;
    }

  self = identity_new_generated (type, error);
  if (self == NULL)
    return NULL;

  /* A positive serial of exactly 16 random bytes. */
  gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial);
  serial[0] = (serial[0] & 0x7f) | 0x40;
  now = time (NULL);

  /* An issuer certificate is the trust anchor for its credentials: CA:TRUE (path length 0)
   * with keyCertSign, as RFC 5280 wants for a self-signed certificate others configure as
   * trusted, plus digitalSignature for the credentials and cRLSign for revocation lists. */
  if ((ret = gnutls_x509_crt_init (&crt)) < 0
      || (ret = gnutls_x509_crt_set_version (crt, 3)) < 0
      || (ret = gnutls_x509_crt_set_serial (crt, serial, sizeof serial)) < 0
      || (ret = gnutls_x509_crt_set_activation_time (crt, now)) < 0
      || (ret = gnutls_x509_crt_set_expiration_time (crt,
                                                     now + (time_t) validity_days * 86400)) < 0
      || (ret = set_subject (crt_set_dn_cb, crt, organisation, common_name, country_code)) < 0
      || (ret = gnutls_x509_crt_set_key (crt, self->x509_key)) < 0
      || (ret = gnutls_x509_crt_set_basic_constraints (crt, 1, 0)) < 0
      || (ret = gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE
                                                    | GNUTLS_KEY_KEY_CERT_SIGN
                                                    | GNUTLS_KEY_CRL_SIGN)) < 0
      || (ret = gnutls_x509_privkey_get_key_id (self->x509_key, GNUTLS_KEYID_USE_SHA1,
                                                key_id, &key_id_size)) < 0
      || (ret = gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_size)) < 0
      || (ret = gnutls_x509_crt_set_authority_key_id (crt, key_id, key_id_size)) < 0
      || (ret = gnutls_x509_crt_privkey_sign (crt, crt, self->privkey,
                                              certificate_digest_for (self->key_type), 0)) < 0)
    {
      set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret,
                        _("The issuer certificate could not be created."));
      return NULL;
    }

  chain = g_new (gnutls_x509_crt_t, 1);
  chain[0] = g_steal_pointer (&crt);
  if (!adopt_chain (self, chain, 1, error))
    return NULL;

  return g_steal_pointer (&self);
}

AcrSigningIdentity *
acr_signing_identity_create_request (AcrKeyType   type,
                                     const char  *organisation,
                                     const char  *common_name,
                                     const char  *country,
                                     GError     **error)
{
  g_autoptr(AcrSigningIdentity) self = NULL;
  g_auto(gnutls_x509_crq_t) crq = NULL;
  g_autofree char *country_code = NULL;
  gnutls_datum_t dn = { NULL, 0 };
  int ret;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_subject (organisation, common_name, country, &country_code, error))
    return NULL;

  self = identity_new_generated (type, error);
  if (self == NULL)
    return NULL;

  if ((ret = gnutls_x509_crq_init (&crq)) < 0
      || (ret = gnutls_x509_crq_set_version (crq, 1)) < 0
      || (ret = set_subject (crq_set_dn_cb, crq, organisation, common_name, country_code)) < 0
      || (ret = gnutls_x509_crq_set_key (crq, self->x509_key)) < 0
      || (ret = gnutls_x509_crq_set_key_usage (crq, GNUTLS_KEY_DIGITAL_SIGNATURE)) < 0
      || (ret = gnutls_x509_crq_privkey_sign (crq, self->privkey,
                                              certificate_digest_for (self->key_type), 0)) < 0)
    {
      set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret,
                        _("The certificate request could not be created."));
      return NULL;
    }

  if (gnutls_x509_crq_get_dn3 (crq, &dn, 0) >= 0)
    {
      self->subject_dn = g_strndup ((const char *) dn.data, dn.size);
      gnutls_free (dn.data);
    }
  self->organisation = g_strdup (organisation);
  self->common_name = g_strdup (common_name);
  self->country = g_steal_pointer (&country_code);
  self->request = g_steal_pointer (&crq);

  return g_steal_pointer (&self);
}

AcrSigningIdentity *
acr_signing_identity_load (const char  *cert_pem_path,
                           const char  *key_path,
                           const char  *passphrase,
                           GError     **error)
{
  g_autoptr(AcrSigningIdentity) self = NULL;
  g_auto(gnutls_x509_privkey_t) key = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *cert_data = NULL;
  gsize len = 0, cert_len = 0;
  gnutls_datum_t datum;
  unsigned int schema = 0, cipher = 0, salt_size, iterations = 0;
  guint8 salt[128];
  char *oid = NULL;
  int ret;

  g_return_val_if_fail (key_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contents = read_private_file (key_path, &len, error);
  if (contents == NULL)
    return NULL;

  if (strstr (contents, "-----BEGIN ENCRYPTED PRIVATE KEY-----") == NULL)
    {
      if (strstr (contents, "PRIVATE KEY-----") != NULL)
        g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                     _("The key file “%s” is not encrypted. Accredit keeps private keys only "
                       "in encrypted files: import the key from a PKCS #12 file, or encrypt "
                       "it (“certtool --to-p8 --pkcs-cipher aes-256”) and delete the "
                       "unencrypted file."), key_path);
      else
        g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                     _("“%s” is not a key file (an encrypted PKCS #8 PEM file was expected)."),
                     key_path);
      explicit_bzero (contents, len);
      return NULL;
    }

  if (passphrase == NULL || passphrase[0] == '\0')
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE,
                   _("The key file “%s” is encrypted. Give its passphrase."), key_path);
      return NULL;
    }

  datum.data = (unsigned char *) contents;
  datum.size = len;
  salt_size = sizeof salt;
  ret = gnutls_pkcs8_info (&datum, GNUTLS_X509_FMT_PEM, &schema, &cipher, salt, &salt_size,
                           &iterations, &oid);
  gnutls_free (oid);
  if (ret < 0)
    {
      set_gnutls_error (error, ACR_KEY_ERROR_INVALID, ret,
                        _("The key file is damaged or of an unknown kind."));
      g_prefix_error (error, "%s: ", key_path);
      return NULL;
    }

  if ((ret = gnutls_x509_privkey_init (&key)) < 0)
    {
      set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret, _("The private key could not be used."));
      return NULL;
    }
  ret = gnutls_x509_privkey_import_pkcs8 (key, &datum, GNUTLS_X509_FMT_PEM, passphrase, 0);
  if (ret < 0)
    {
      /* The structure parsed above, so a failure here is the decryption: with a wrong
       * passphrase the padding or the decrypted DER is garbage. */
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE,
                   _("The passphrase for the key file “%s” is wrong."), key_path);
      return NULL;
    }

  self = identity_new_for_x509_key (g_steal_pointer (&key), error);
  if (self == NULL)
    return NULL;

  if (cert_pem_path != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!g_file_get_contents (cert_pem_path, &cert_data, &cert_len, &local_error))
        {
          g_set_error (error, ACR_KEY_ERROR,
                       g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                       ? ACR_KEY_ERROR_NOT_FOUND : ACR_KEY_ERROR_FAILED,
                       _("The certificate file could not be read: %s"), local_error->message);
          return NULL;
        }
      if (!acr_signing_identity_set_certificate_chain (self, cert_data, cert_len, error))
        {
          g_prefix_error (error, "%s: ", cert_pem_path);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

AcrSigningIdentity *
acr_signing_identity_import_pkcs12 (const guint8  *data,
                                    gsize          len,
                                    const char    *passphrase,
                                    GError       **error)
{
  g_autoptr(AcrSigningIdentity) self = NULL;
  g_auto(gnutls_pkcs12_t) p12 = NULL;
  gnutls_x509_privkey_t key = NULL;
  gnutls_x509_crt_t *list = NULL;
  unsigned int n_list = 0;
  gnutls_x509_crt_t *chain;
  gnutls_datum_t datum = { (unsigned char *) data, len };
  int ret;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0 || len > MAX_KEY_FILE_SIZE * 16 || (ret = gnutls_pkcs12_init (&p12)) < 0
      || ((ret = gnutls_pkcs12_import (p12, &datum, GNUTLS_X509_FMT_DER, 0)) < 0
          && (ret = gnutls_pkcs12_import (p12, &datum, GNUTLS_X509_FMT_PEM, 0)) < 0))
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("This is not a PKCS #12 file, or it is damaged."));
      return NULL;
    }

  ret = gnutls_pkcs12_verify_mac (p12, passphrase);
  if (ret == GNUTLS_E_MAC_VERIFY_FAILED)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE,
                           _("The password of the PKCS #12 file is wrong."));
      return NULL;
    }

  ret = gnutls_pkcs12_simple_parse (p12, passphrase, &key, &list, &n_list, NULL, NULL, NULL,
                                    GNUTLS_PKCS12_SP_INCLUDE_SELF_SIGNED);
  if (ret == GNUTLS_E_DECRYPTION_FAILED)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_BAD_PASSPHRASE,
                           _("The password of the PKCS #12 file is wrong."));
      return NULL;
    }
  if (ret < 0 || key == NULL || n_list == 0)
    {
      if (key != NULL)
        gnutls_x509_privkey_deinit (key);
      for (unsigned int i = 0; i < n_list; i++)
        gnutls_x509_crt_deinit (list[i]);
      gnutls_free (list);
      set_gnutls_error (error, ACR_KEY_ERROR_NOT_FOUND,
                        ret < 0 ? ret : GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE,
                        _("The PKCS #12 file does not hold a private key together with its "
                          "certificate."));
      return NULL;
    }

  chain = g_new (gnutls_x509_crt_t, n_list);
  memcpy (chain, list, n_list * sizeof (gnutls_x509_crt_t));
  gnutls_free (list);

  self = identity_new_for_x509_key (key, error);
  if (self == NULL)
    {
      free_chain (chain, n_list);
      return NULL;
    }
  if (!adopt_chain (self, chain, n_list, error))
    return NULL;

  return g_steal_pointer (&self);
}

AcrSigningIdentity *
acr_signing_identity_open_pkcs11 (const char  *uri,
                                  AcrPinFunc   pin_func,
                                  gpointer     user_data,
                                  GError     **error)
{
  g_autoptr(AcrSigningIdentity) self = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_autofree char *cert_url = NULL;
  gnutls_x509_crt_t *chain;
  int ret;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_str_has_prefix (uri, "pkcs11:"))
    {
      g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                   _("“%s” is not a PKCS #11 address; such addresses start with “pkcs11:”."),
                   uri);
      return NULL;
    }

  self = g_object_new (ACR_TYPE_SIGNING_IDENTITY, NULL);
  self->pin = g_new0 (PinState, 1);
  self->pin->func = pin_func;
  self->pin->user_data = user_data;

  if ((ret = gnutls_privkey_init (&self->privkey)) < 0)
    {
      set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret, _("The private key could not be used."));
      return NULL;
    }
  if (pin_func != NULL)
    gnutls_privkey_set_pin_function (self->privkey, pin_cb, self->pin);

  ret = gnutls_privkey_import_url (self->privkey, uri, 0);
  if (ret < 0)
    {
      if (set_pin_error (self->pin, ret, error))
        return NULL;
      if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        g_set_error (error, ACR_KEY_ERROR, ACR_KEY_ERROR_NOT_FOUND,
                     _("No private key matches “%s”. Check that the token is inserted and "
                       "that the address names its key."), uri);
      else if (ret == GNUTLS_E_PARSING_ERROR || ret == GNUTLS_E_INVALID_REQUEST)
        set_gnutls_error (error, ACR_KEY_ERROR_INVALID, ret,
                          _("The PKCS #11 address is not valid."));
      else
        set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret,
                          _("The key on the token could not be opened."));
      return NULL;
    }

  if (!key_type_from_privkey (self->privkey, &self->key_type, error))
    return NULL;

  /* The certificate beside the key, if the token has one; else attach one later. */
  cert_url = certificate_url_for (uri);
  if ((ret = gnutls_x509_crt_init (&crt)) < 0)
    {
      set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret, _("The certificate could not be read."));
      return NULL;
    }
  if (pin_func != NULL)
    gnutls_x509_crt_set_pin_function (crt, pin_cb, self->pin);
  ret = gnutls_x509_crt_import_url (crt, cert_url, 0);
  if (ret >= 0)
    {
      chain = g_new (gnutls_x509_crt_t, 1);
      chain[0] = g_steal_pointer (&crt);
      if (!adopt_chain (self, chain, 1, error))
        return NULL;
    }
  else if (ret != GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
    {
      if (!set_pin_error (self->pin, ret, error))
        set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret,
                          _("The certificate on the token could not be read."));
      return NULL;
    }

  return g_steal_pointer (&self);
}

char *
acr_signing_identity_get_default_key_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "accredit", "keys", NULL);
}

gboolean
acr_signing_identity_save_key (AcrSigningIdentity  *self,
                               const char          *path,
                               const char          *passphrase,
                               GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = NULL;
  gnutls_datum_t out = { NULL, 0 };
  gboolean ok;
  int ret;

  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->x509_key == NULL)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_UNSUPPORTED,
                           _("A key on a smart card or security module stays there; it cannot "
                             "be saved to a file."));
      return FALSE;
    }
  if (passphrase == NULL || passphrase[0] == '\0')
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_INVALID,
                           _("A private key is only saved encrypted. Give a passphrase."));
      return FALSE;
    }

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) < 0)
    {
      int saved = errno;

      g_set_error (error, ACR_KEY_ERROR,
                   saved == EACCES ? ACR_KEY_ERROR_PERMISSIONS : ACR_KEY_ERROR_FAILED,
                   _("The folder “%s” for the key could not be created: %s."), folder,
                   g_strerror (saved));
      return FALSE;
    }

  ret = gnutls_x509_privkey_export2_pkcs8 (self->x509_key, GNUTLS_X509_FMT_PEM, passphrase,
                                           GNUTLS_PKCS_PBES2_AES_256, &out);
  if (ret < 0)
    {
      set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret, _("The key could not be encrypted."));
      return FALSE;
    }

  /* A temporary file created 0600 beside the target, fsync, rename. */
  ok = g_file_set_contents_full (path, (const char *) out.data, out.size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error);
  gnutls_free (out.data);
  if (!ok)
    {
      g_set_error (error, ACR_KEY_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES)
                   ? ACR_KEY_ERROR_PERMISSIONS : ACR_KEY_ERROR_FAILED,
                   _("The key file could not be written: %s"), local_error->message);
      return FALSE;
    }

  return fsync_folder (folder, error);
}

gboolean
acr_signing_identity_export_certificate (AcrSigningIdentity  *self,
                                         char               **pem,
                                         GError             **error)
{
  GString *out;

  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), FALSE);
  g_return_val_if_fail (pem != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->n_chain == 0)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_NOT_FOUND,
                           _("This key has no certificate yet. Attach the certificate from "
                             "the certificate authority first."));
      return FALSE;
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < self->n_chain; i++)
    {
      gnutls_datum_t datum = { NULL, 0 };
      int ret = gnutls_x509_crt_export2 (self->chain[i], GNUTLS_X509_FMT_PEM, &datum);

      if (ret < 0)
        {
          g_string_free (out, TRUE);
          set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret,
                            _("The certificate could not be exported."));
          return FALSE;
        }
      g_string_append_len (out, (const char *) datum.data, datum.size);
      gnutls_free (datum.data);
    }

  *pem = g_string_free (out, FALSE);
  return TRUE;
}

gboolean
acr_signing_identity_export_request (AcrSigningIdentity  *self,
                                     char               **pem,
                                     GError             **error)
{
  gnutls_datum_t datum = { NULL, 0 };
  int ret;

  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), FALSE);
  g_return_val_if_fail (pem != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->request == NULL)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_NOT_FOUND,
                           _("There is no certificate request for this key. A request is "
                             "made together with a new key."));
      return FALSE;
    }

  ret = gnutls_x509_crq_export2 (self->request, GNUTLS_X509_FMT_PEM, &datum);
  if (ret < 0)
    {
      set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret,
                        _("The certificate request could not be exported."));
      return FALSE;
    }

  *pem = g_strndup ((const char *) datum.data, datum.size);
  gnutls_free (datum.data);
  return TRUE;
}

gboolean
acr_signing_identity_set_certificate_chain (AcrSigningIdentity  *self,
                                            const char          *pem_data,
                                            gsize                len,
                                            GError             **error)
{
  gnutls_x509_crt_t *chain = NULL;
  guint n = 0;

  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), FALSE);
  g_return_val_if_fail (pem_data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_chain (pem_data != NULL ? pem_data : "", len, &chain, &n, error))
    return FALSE;

  return adopt_chain (self, chain, n, error);
}

AcrKeyType
acr_signing_identity_get_key_type (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), ACR_KEY_TYPE_RSA);

  return self->key_type;
}

gnutls_sign_algorithm_t
acr_signing_identity_get_sign_algorithm (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), GNUTLS_SIGN_UNKNOWN);

  return sign_algorithm_for (self->key_type);
}

gnutls_privkey_t
acr_signing_identity_get_privkey (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), NULL);

  return self->privkey;
}

gnutls_x509_crt_t *
acr_signing_identity_get_chain (AcrSigningIdentity *self,
                                guint              *n)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), NULL);
  g_return_val_if_fail (n != NULL, NULL);

  *n = self->n_chain;
  return self->chain;
}

gboolean
acr_signing_identity_has_certificate (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), FALSE);

  return self->n_chain > 0;
}

gboolean
acr_signing_identity_is_pkcs11 (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), FALSE);

  return self->x509_key == NULL;
}

const char *
acr_signing_identity_get_subject_dn (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), NULL);

  return self->subject_dn;
}

const char *
acr_signing_identity_get_organisation (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), NULL);

  return self->organisation;
}

const char *
acr_signing_identity_get_common_name (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), NULL);

  return self->common_name;
}

const char *
acr_signing_identity_get_country (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), NULL);

  return self->country;
}

GDateTime *
acr_signing_identity_get_not_before (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), NULL);

  return self->not_before;
}

GDateTime *
acr_signing_identity_get_not_after (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), NULL);

  return self->not_after;
}

const char *
acr_signing_identity_get_fingerprint (AcrSigningIdentity *self)
{
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), NULL);

  return self->fingerprint;
}

gboolean
acr_signing_identity_sign_data (AcrSigningIdentity  *self,
                                const guint8        *data,
                                gsize                len,
                                guint8             **sig,
                                gsize               *sig_len,
                                GError             **error)
{
  gnutls_datum_t in = { (unsigned char *) data, len };
  gnutls_datum_t out = { NULL, 0 };
  int ret;

  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (self), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (len <= G_MAXUINT32, FALSE);
  g_return_val_if_fail (sig != NULL && sig_len != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->pin != NULL)
    {
      g_mutex_lock (&self->sign_lock);
      pin_state_reset (self->pin);
    }
  ret = gnutls_privkey_sign_data2 (self->privkey, sign_algorithm_for (self->key_type), 0,
                                   &in, &out);
  if (ret < 0)
    {
      if (!set_pin_error (self->pin, ret, error))
        set_gnutls_error (error, ACR_KEY_ERROR_FAILED, ret, _("The data could not be signed."));
    }
  if (self->pin != NULL)
    g_mutex_unlock (&self->sign_lock);
  if (ret < 0)
    return FALSE;

  *sig = g_memdup2 (out.data, out.size);
  *sig_len = out.size;
  gnutls_free (out.data);
  return TRUE;
}
