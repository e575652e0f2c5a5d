/* SPDX-License-Identifier: GPL-3.0-or-later */

/* XML Signatures: what we sign verifies (with us and with Debian's xmlsec1), and every
 * change, misplaced or duplicated signature, wrapping attack, foreign algorithm or foreign
 * certificate is refused by the right check. Keys and self-signed certificates are made by
 * the test with GnuTLS. Tampering is done on the serialized text, which is then parsed as
 * untrusted input, as a verifier would receive it. */

#include "config.h"

#include <string.h>
#include <gnutls/crypto.h>
#include <glib/gstdio.h>

#include "acr-xml.h"
#include "acr-xmldsig.h"

typedef enum
{
  KEY_RSA_2048,
  KEY_RSA_3072,
  KEY_ECDSA,
  KEY_ECDSA_OTHER,
  KEY_ED25519,
  N_KEYS
} KeyType;

typedef struct
{
  gnutls_x509_privkey_t xkey;
  gnutls_privkey_t      key;
  gnutls_x509_crt_t     crt;
} TestKey;

static TestKey keys[N_KEYS];

static const char *unsigned_doc =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<credential xmlns=\"urn:accredit:credential:1\" xmlns:unused=\"urn:example:unused\" "
  "xmlns:x=\"urn:example:extra\" id=\"c1\">\n"
  "  <learner>Anna Müller</learner>\n"
  "  <title xml:lang=\"en\">Welding basics</title>\n"
  "  <workload unit=\"hours\">40</workload>\n"
  "  <x:note a=\"1\" b=\"2\">Done &amp; dusted &lt;ok&gt;</x:note>\n"
  "  <!-- comments are not signed -->\n"
  "</credential>\n";

#define DSIG_NS "http://www.w3.org/2000/09/xmldsig#"

/* Key and certificate fixtures */

static const TestKey *
get_key (KeyType type)
{
  TestKey *k = &keys[type];
  unsigned int bits;
  gnutls_pk_algorithm_t pk;
  guint8 serial[8];
  g_autofree char *dn = NULL;
  time_t now = time (NULL);

  if (k->key != NULL)
    return k;

  switch (type)
    {
    case KEY_RSA_2048:
      pk = GNUTLS_PK_RSA;
      bits = 2048;
      break;
    case KEY_RSA_3072:
      pk = GNUTLS_PK_RSA;
      bits = 3072;
      break;
    case KEY_ECDSA:
    case KEY_ECDSA_OTHER:
      pk = GNUTLS_PK_ECDSA;
      bits = GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1);
      break;
    case KEY_ED25519:
      pk = GNUTLS_PK_EDDSA_ED25519;
      bits = GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_ED25519);
      break;
    case N_KEYS:
    default:
      g_assert_not_reached ();
    }

  g_assert_cmpint (gnutls_x509_privkey_init (&k->xkey), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_generate (k->xkey, pk, bits, 0), ==, 0);
  g_assert_cmpint (gnutls_privkey_init (&k->key), ==, 0);
  g_assert_cmpint (gnutls_privkey_import_x509 (k->key, k->xkey, GNUTLS_PRIVKEY_IMPORT_COPY),
                   ==, 0);

  g_assert_cmpint (gnutls_x509_crt_init (&k->crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_version (k->crt, 3), ==, 0);
  g_assert_cmpint (gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial), ==, 0);
  serial[0] &= 0x7f;
  serial[0] |= 0x01;
  g_assert_cmpint (gnutls_x509_crt_set_serial (k->crt, serial, sizeof serial), ==, 0);
  dn = g_strdup_printf ("CN=Accredit test key %d,O=Accredit Tests,C=DE", type);
  g_assert_cmpint (gnutls_x509_crt_set_dn (k->crt, dn, NULL), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_issuer_dn (k->crt, dn, NULL), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_activation_time (k->crt, now - 3600), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_expiration_time (k->crt, now + 30 * 86400), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key (k->crt, k->xkey), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_basic_constraints (k->crt, 1, -1), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key_usage (k->crt, GNUTLS_KEY_DIGITAL_SIGNATURE |
                                                  GNUTLS_KEY_KEY_CERT_SIGN), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_privkey_sign (k->crt, k->crt, k->key,
                                                 pk == GNUTLS_PK_EDDSA_ED25519 ?
                                                 GNUTLS_DIG_SHA512 : GNUTLS_DIG_SHA256, 0),
                   ==, 0);

  return k;
}

static void
free_keys (void)
{
  for (guint i = 0; i < N_KEYS; i++)
    {
      g_clear_pointer (&keys[i].key, gnutls_privkey_deinit);
      g_clear_pointer (&keys[i].xkey, gnutls_x509_privkey_deinit);
      g_clear_pointer (&keys[i].crt, gnutls_x509_crt_deinit);
    }
}

static char *
export_pem_certificate (gnutls_x509_crt_t crt)
{
  gnutls_datum_t out = { NULL, 0 };
  char *pem;

  g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &out), ==, 0);
  pem = g_strndup ((const char *) out.data, out.size);
  gnutls_free (out.data);
  return pem;
}

static char *
export_base64_certificate (gnutls_x509_crt_t crt)
{
  gnutls_datum_t out = { NULL, 0 };
  char *b64;

  g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &out), ==, 0);
  b64 = g_base64_encode (out.data, out.size);
  gnutls_free (out.data);
  return b64;
}

/* Documents */

static xmlDoc *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  xmlDoc *doc = acr_xml_parse_untrusted (text, strlen (text), "test.xml", &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
serialize (xmlDoc *doc)
{
  xmlChar *mem = NULL;
  int size = 0;
  char *text;

  xmlDocDumpMemory (doc, &mem, &size);
  g_assert_nonnull (mem);
  text = g_strndup ((const char *) mem, size);
  xmlFree (mem);
  return text;
}

/* Signs unsigned_doc (or @text) with @type; returns the serialized signed document. */
static char *
sign_text (const char *text,
           KeyType     type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse (text ? text : unsigned_doc);
  const TestKey *k = get_key (type);
  gnutls_x509_crt_t chain[] = { k->crt };

  g_assert_true (acr_xmldsig_sign (doc, k->key, chain, 1, &error));
  g_assert_no_error (error);
  return serialize (doc);
}

/* @text with the only occurrence of @old replaced by @new. */
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

/* The "<ds:Signature…</ds:Signature>" part of @text. */
static char *
extract_signature (const char *text)
{
  const char *start = strstr (text, "<ds:Signature");
  const char *end = strstr (text, "</ds:Signature>");

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  return g_strndup (start, end + strlen ("</ds:Signature>") - start);
}

/* The text of the element @name (e.g. "ds:SignatureValue") in @text. */
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

static AcrXmldsigResult *
verify_text (const char *text)
{
  g_autoptr(xmlDoc) doc = parse (text);
  AcrXmldsigResult *result = acr_xmldsig_verify (doc);

  g_assert_nonnull (result);
  return result;
}

/* Asserts @result is invalid, its last check is @check and failed, with a reason containing
 * @needle (if not NULL), and that it exposes no certificate. */
static void
assert_fails (AcrXmldsigResult *result,
              const char       *check,
              const char       *needle)
{
  g_autoptr(GError) error = NULL;
  guint n = acr_xmldsig_result_get_n_checks (result);
  guint n_chain = 99;
  const char *reason;

  g_assert_false (acr_xmldsig_result_get_valid (result));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (acr_xmldsig_result_get_check_id (result, n - 1), ==, check);
  g_assert_false (acr_xmldsig_result_get_check_passed (result, n - 1));
  for (guint i = 0; i + 1 < n; i++)
    g_assert_true (acr_xmldsig_result_get_check_passed (result, i));

  reason = acr_xmldsig_result_get_check_reason (result, n - 1);
  g_test_message ("%s: %s", check, reason);
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason, !=, "");
  if (needle != NULL)
    g_assert_nonnull (strstr (reason, needle));

  g_assert_null (acr_xmldsig_result_get_chain (result, &n_chain));
  g_assert_cmpuint (n_chain, ==, 0);

  g_assert_false (acr_xmldsig_result_to_error (result, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == ACR_SIGNATURE_ERROR);
  g_assert_cmpstr (error->message, ==, reason);
  if (g_str_equal (check, "structure"))
    g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_STRUCTURE);
  else if (g_str_equal (check, "algorithms"))
    g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_ALGORITHM);
  else if (g_str_equal (check, "digest"))
    g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_DIGEST);
  else if (g_str_equal (check, "signature"))
    g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_SIGNATURE);
}

static void
assert_text_fails (const char *text,
                   const char *check,
                   const char *needle)
{
  g_autoptr(AcrXmldsigResult) result = verify_text (text);

  assert_fails (result, check, needle);
}

static void
assert_valid (AcrXmldsigResult      *result,
              KeyType                type,
              AcrSignatureAlgorithm  algorithm)
{
  static const char *ids[] = { "structure", "algorithms", "digest", "signature" };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  gnutls_x509_crt_t *chain;
  guint n_chain = 0;

  for (guint i = 0; i < acr_xmldsig_result_get_n_checks (result); i++)
    g_test_message ("%s %s: %s", acr_xmldsig_result_get_check_id (result, i),
                    acr_xmldsig_result_get_check_passed (result, i) ? "passed" : "FAILED",
                    acr_xmldsig_result_get_check_reason (result, i));

  g_assert_true (acr_xmldsig_result_get_valid (result));
  g_assert_true (acr_xmldsig_result_to_error (result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acr_xmldsig_result_get_algorithm (result), ==, algorithm);
  g_assert_cmpuint (acr_xmldsig_result_get_n_checks (result), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpstr (acr_xmldsig_result_get_check_id (result, i), ==, ids[i]);
      g_assert_true (acr_xmldsig_result_get_check_passed (result, i));
      g_assert_nonnull (acr_xmldsig_result_get_check_reason (result, i));
    }

  /* The chain is the signer's certificate. */
  chain = acr_xmldsig_result_get_chain (result, &n_chain);
  g_assert_cmpuint (n_chain, ==, 1);
  g_assert_true (acr_xmldsig_certificate_fingerprint (get_key (type)->crt, &expected));
  g_assert_true (acr_xmldsig_certificate_fingerprint (chain[0], &actual));
  g_assert_cmpstr (actual, ==, expected);
}

/* Round trips */

static void
test_round_trip (KeyType               type,
                 AcrSignatureAlgorithm algorithm,
                 gsize                 value_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse (unsigned_doc);
  g_autoptr(AcrXmldsigResult) in_memory = NULL;
  g_autoptr(AcrXmldsigResult) parsed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  g_autofree guchar *raw = NULL;
  gsize raw_size = 0;
  const TestKey *k = get_key (type);
  gnutls_x509_crt_t chain[] = { k->crt };
  xmlNode *root, *last;

  g_assert_true (acr_xmldsig_sign (doc, k->key, chain, 1, &error));
  g_assert_no_error (error);

  /* The Signature is the last child of the root, with the profile's algorithm. */
  root = xmlDocGetRootElement (doc);
  last = root->last;
  g_assert_cmpstr ((const char *) last->name, ==, "Signature");
  g_assert_cmpstr ((const char *) last->ns->href, ==, DSIG_NS);

  in_memory = acr_xmldsig_verify (doc);
  assert_valid (in_memory, type, algorithm);

  text = serialize (doc);
  g_assert_nonnull (strstr (text, acr_signature_algorithm_get_uri (algorithm)));
  g_assert_nonnull (strstr (text, "<ds:Reference URI=\"\">"));
  parsed = verify_text (text);
  assert_valid (parsed, type, algorithm);

  /* ECDSA and Ed25519 values are raw, 64 bytes; RSA as long as the modulus. */
  value = element_text (text, "ds:SignatureValue");
  raw = g_base64_decode (value, &raw_size);
  g_assert_cmpuint (raw_size, ==, value_size);
}

static void
test_rsa_2048 (void)
{
  test_round_trip (KEY_RSA_2048, ACR_SIGNATURE_ALGORITHM_RSA_SHA256, 256);
}

static void
test_rsa_3072 (void)
{
  test_round_trip (KEY_RSA_3072, ACR_SIGNATURE_ALGORITHM_RSA_SHA256, 384);
}

static void
test_ecdsa (void)
{
  /* Several rounds, so that r or s with leading zero bytes get their turn now and then. */
  for (guint i = 0; i < 8; i++)
    test_round_trip (KEY_ECDSA, ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256, 64);
}

static void
test_ecdsa_leading_zero (void)
{
  g_autoptr(xmlDoc) doc = parse (unsigned_doc);
  g_autoptr(AcrXmldsigResult) result = NULL;
  g_autofree char *text = NULL;
  const TestKey *k = get_key (KEY_ECDSA);
  gnutls_x509_crt_t chain[] = { k->crt };
  gboolean found = FALSE;

  /* Sign until r or s is shorter than 32 bytes (1 in 128 signatures): its raw value must
   * still be 64 bytes, left-padded with zeros, and verify. */
  for (guint i = 0; i < 5000 && !found; i++)
    {
      g_autoptr(GError) error = NULL;
      xmlNode *signature;
      xmlNode *value;
      xmlChar *content;
      g_autofree guchar *raw = NULL;
      gsize size = 0;

      g_assert_true (acr_xmldsig_sign (doc, k->key, chain, 1, &error));
      g_assert_no_error (error);

      signature = xmlDocGetRootElement (doc)->last;
      value = signature->children->next;
      g_assert_cmpstr ((const char *) value->name, ==, "SignatureValue");
      content = xmlNodeGetContent (value);
      raw = g_base64_decode ((const char *) content, &size);
      xmlFree (content);
      g_assert_cmpuint (size, ==, 64);

      if (raw[0] == 0 || raw[32] == 0)
        {
          found = TRUE;
          break;
        }

      xmlUnlinkNode (signature);
      xmlFreeNode (signature);
    }

  g_assert_true (found);
  text = serialize (doc);
  result = verify_text (text);
  assert_valid (result, KEY_ECDSA, ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256);
}

static void
test_ed25519 (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ED25519);
  g_autofree char *tampered = replace_once (signed_text, "Anna Müller", "Anna Mueller");

  test_round_trip (KEY_ED25519, ACR_SIGNATURE_ALGORITHM_ED25519, 64);
  assert_text_fails (tampered, "digest", "changed after it was signed");
}

static void
test_deterministic_layout (void)
{
  g_autofree char *a = sign_text (NULL, KEY_ED25519);
  g_autofree char *b = sign_text (NULL, KEY_ED25519);

  /* Ed25519 is deterministic, so the whole document is. */
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "<ds:Signature xmlns:ds=\"" DSIG_NS "\"><ds:SignedInfo>"));
}

/* Tampering */

static void
test_changed_text (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autofree char *tampered = replace_once (signed_text, "Welding basics", "Welding basicz");

  assert_text_fails (tampered, "digest",
                     "The document was changed after it was signed: its digest does not match.");
}

static void
test_changed_attribute (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_RSA_2048);
  g_autofree char *tampered = replace_once (signed_text, "unit=\"hours\"", "unit=\"days\"");
  g_autofree char *added = replace_once (signed_text, "<learner>", "<learner grade=\"A\">");

  assert_text_fails (tampered, "digest", NULL);
  assert_text_fails (added, "digest", NULL);
}

static void
test_comments_unsigned (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autofree char *changed = replace_once (signed_text, "comments are not signed",
                                           "anything");
  g_autoptr(AcrXmldsigResult) result = verify_text (changed);

  /* URI="" excludes comments: changing one keeps the signature valid, and nothing reads
   * them. */
  assert_valid (result, KEY_ECDSA, ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256);
}

static void
test_changed_signature_value (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autofree char *value = element_text (signed_text, "ds:SignatureValue");
  g_autofree guchar *raw = NULL;
  g_autofree char *forged_value = NULL;
  g_autofree char *forged = NULL;
  gsize size = 0;

  raw = g_base64_decode (value, &size);
  raw[10] ^= 0x01;
  forged_value = g_base64_encode (raw, size);
  forged = replace_once (signed_text, value, forged_value);

  assert_text_fails (forged, "signature", "does not match");
}

static void
test_changed_signed_info (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_RSA_2048);
  g_autofree char *digest = element_text (signed_text, "ds:DigestValue");
  g_autofree char *forged_unsigned = replace_once (unsigned_doc, "Welding basics",
                                                   "Rocket science");
  g_autofree char *forged_signed = sign_text (forged_unsigned, KEY_ECDSA_OTHER);
  g_autofree char *forged_digest = element_text (forged_signed, "ds:DigestValue");
  g_autofree char *new_digest = replace_once (signed_text, digest, forged_digest);
  g_autofree char *forged = replace_once (new_digest, "Welding basics", "Rocket science");

  /* The attacker changes the content and puts its correct digest into SignedInfo: the
   * digest matches, the signature over SignedInfo does not. */
  assert_text_fails (forged, "signature", "does not match");
}

/* Structure and wrapping */

static void
test_moved_signature (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autofree char *signature = extract_signature (signed_text);
  g_autofree char *without = replace_once (signed_text, signature, "");
  g_autofree char *inserted = g_strconcat ("  ", signature, "<learner>", NULL);
  g_autofree char *moved = replace_once (without, "  <learner>", inserted);
  g_autofree char *nested_in = g_strconcat (signature, "</workload>", NULL);
  g_autofree char *nested = replace_once (without, "</workload>", nested_in);

  assert_text_fails (moved, "structure", "last element");
  assert_text_fails (nested, "structure", "last element");
  assert_text_fails (without, "structure", "not signed");
}

static void
test_duplicated_signature (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autofree char *signature = extract_signature (signed_text);
  g_autofree char *twice = g_strconcat (signature, signature, NULL);
  g_autofree char *duplicated = replace_once (signed_text, signature, twice);
  g_autofree char *in_learner = g_strconcat (signature, "</learner>", NULL);
  g_autofree char *elsewhere = replace_once (signed_text, "</learner>", in_learner);

  assert_text_fails (duplicated, "structure", "2 signatures");
  assert_text_fails (elsewhere, "structure", "2 signatures");
}

static void
test_wrapping (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autofree char *signature = extract_signature (signed_text);
  const char *root_start = strstr (signed_text, "<credential");
  const char *root_end = strstr (signed_text, "</credential>");
  g_autofree char *original_root = g_strndup (root_start,
                                              root_end + strlen ("</credential>") - root_start);
  g_autofree char *wrapped_root = NULL;
  g_autofree char *content = NULL;
  g_autofree char *object = NULL;
  g_autofree char *with_object = NULL;
  g_autofree char *forged_content = NULL;
  g_autofree char *object_wrapped = NULL;
  g_autofree char *id_object = NULL;
  g_autofree char *id_reference = NULL;

  /* 1. A forged root wraps the original, signed root. */
  wrapped_root = g_strconcat ("<?xml version=\"1.0\"?>\n"
                              "<credential xmlns=\"urn:accredit:credential:1\">"
                              "<learner>Mallory</learner><title>Welding basics</title>"
                              "<wrapper>", original_root, "</wrapper></credential>", NULL);
  assert_text_fails (wrapped_root, "structure", "last element");

  /* 2. The signed content moved into a ds:Object of the Signature, forged content where the
   *    application reads. */
  content = replace_once (original_root, signature, "");
  object = g_strconcat ("<ds:Object>", content, "</ds:Object></ds:Signature>", NULL);
  with_object = replace_once (signature, "</ds:Signature>", object);
  forged_content = replace_once (signed_text, "Anna Müller", "Mallory");
  object_wrapped = replace_once (forged_content, signature, with_object);
  assert_text_fails (object_wrapped, "structure", "Object");

  /* 3. The classic: a Reference to an Id in the Object. */
  id_reference = replace_once (object_wrapped, "<ds:Reference URI=\"\">",
                               "<ds:Reference URI=\"#signed\">");
  id_object = replace_once (id_reference, "<ds:Object>", "<ds:Object Id=\"signed\">");
  assert_text_fails (id_object, "structure", NULL);
}

static void
test_reference_uri (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autofree char *fragment = replace_once (signed_text, "<ds:Reference URI=\"\">",
                                            "<ds:Reference URI=\"#c1\">");
  g_autofree char *missing = replace_once (signed_text, "<ds:Reference URI=\"\">",
                                           "<ds:Reference>");
  g_autofree char *reference = NULL;
  g_autofree char *two = NULL;
  g_autofree char *two_references = NULL;
  const char *start = strstr (signed_text, "<ds:Reference");
  const char *end = strstr (signed_text, "</ds:Reference>");

  assert_text_fails (fragment, "structure", "#c1");
  assert_text_fails (missing, "structure", "URI");

  /* Exactly one Reference. */
  reference = g_strndup (start, end + strlen ("</ds:Reference>") - start);
  two = g_strconcat (reference, reference, NULL);
  two_references = replace_once (signed_text, reference, two);
  assert_text_fails (two_references, "structure", "Reference");
}

static void
test_malformed (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autofree char *digest = element_text (signed_text, "ds:DigestValue");
  g_autofree char *bad_digest_value = g_strconcat ("!", digest + 1, NULL);
  g_autofree char *bad_digest = replace_once (signed_text, digest, bad_digest_value);
  g_autofree char *short_digest = replace_once (signed_text, digest, "AAAA");
  g_autofree char *bad_padding_value = g_strconcat (digest, "==", NULL);
  g_autofree char *bad_padding = replace_once (signed_text, digest, bad_padding_value);
  g_autofree char *empty_value = NULL;
  g_autofree char *no_key_info = NULL;
  g_autofree char *key_info = NULL;
  g_autofree char *bad_certificate = NULL;
  g_autofree char *certificate = element_text (signed_text, "ds:X509Certificate");
  g_autofree char *prefix_list = NULL;
  g_autofree char *text_inside = NULL;
  g_autofree char *id_attribute = NULL;
  g_autofree char *hmac_length = NULL;
  g_autofree char *value = element_text (signed_text, "ds:SignatureValue");
  g_autofree char *value_tag = g_strdup_printf ("<ds:SignatureValue>%s</ds:SignatureValue>",
                                                value);
  const char *start = strstr (signed_text, "<ds:KeyInfo>");
  const char *end = strstr (signed_text, "</ds:KeyInfo>");

  assert_text_fails (bad_digest, "structure", "base64");
  assert_text_fails (bad_padding, "structure", "base64");
  assert_text_fails (short_digest, "digest", "32");

  empty_value = replace_once (signed_text, value_tag, "<ds:SignatureValue/>");
  assert_text_fails (empty_value, "structure", "SignatureValue");

  key_info = g_strndup (start, end + strlen ("</ds:KeyInfo>") - start);
  no_key_info = replace_once (signed_text, key_info, "");
  assert_text_fails (no_key_info, "structure", "KeyInfo");

  bad_certificate = replace_once (signed_text, certificate, "AAAAAAAA");
  assert_text_fails (bad_certificate, "structure", "certificate");

  prefix_list = replace_once (signed_text,
                              "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/"
                              "xml-exc-c14n#\"/>",
                              "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/"
                              "xml-exc-c14n#\"><ec:InclusiveNamespaces xmlns:ec=\""
                              "http://www.w3.org/2001/10/xml-exc-c14n#\" PrefixList=\"x\"/>"
                              "</ds:Transform>");
  assert_text_fails (prefix_list, "structure", "InclusiveNamespaces");

  text_inside = replace_once (signed_text, "<ds:SignedInfo>", "<ds:SignedInfo>hello");
  assert_text_fails (text_inside, "structure", "text");

  id_attribute = replace_once (signed_text, "<ds:SignedInfo>", "<ds:SignedInfo Id=\"x\">");
  assert_text_fails (id_attribute, "structure", "Id");

  hmac_length = replace_once (signed_text, "ecdsa-sha256\"/>",
                              "ecdsa-sha256\"><ds:HMACOutputLength>8</ds:HMACOutputLength>"
                              "</ds:SignatureMethod>");
  assert_text_fails (hmac_length, "structure", "HMACOutputLength");
}

static void
test_truncated (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  gsize length = strlen (signed_text);

  doc = acr_xml_parse_untrusted (signed_text, length - 40, "truncated.xml", &error);
  g_assert_null (doc);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_MALFORMED);
}

static void
test_doctype (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autofree char *with_doctype = replace_once (signed_text, "<credential",
                                                "<!DOCTYPE credential []>\n<credential");
  g_autoptr(xmlDoc) doc = xmlReadMemory (with_doctype, strlen (with_doctype), "doctype.xml",
                                         NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  g_autoptr(AcrXmldsigResult) result = NULL;

  /* Even a document not read by acr_xml_parse_untrusted() is refused with a DOCTYPE. */
  g_assert_nonnull (doc);
  result = acr_xmldsig_verify (doc);
  assert_fails (result, "structure", "DOCTYPE");
}

/* Certificates */

static void
test_swapped_certificate (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autofree char *certificate = element_text (signed_text, "ds:X509Certificate");
  g_autofree char *other = export_base64_certificate (get_key (KEY_ECDSA_OTHER)->crt);
  g_autofree char *rsa = export_base64_certificate (get_key (KEY_RSA_2048)->crt);
  g_autofree char *swapped = replace_once (signed_text, certificate, other);
  g_autofree char *wrong_type = replace_once (signed_text, certificate, rsa);
  g_autofree char *chain = g_strdup_printf ("%s</ds:X509Certificate><ds:X509Certificate>%s",
                                            other, certificate);
  g_autofree char *reordered = replace_once (signed_text, certificate, chain);

  assert_text_fails (swapped, "signature", "does not match");
  assert_text_fails (wrong_type, "algorithms", "ECDSA");
  /* Only the first certificate is the signer's. */
  assert_text_fails (reordered, "signature", NULL);
}

static void
test_chain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse (unsigned_doc);
  g_autoptr(AcrXmldsigResult) result = NULL;
  const TestKey *k = get_key (KEY_ECDSA);
  const TestKey *issuer = get_key (KEY_ED25519);
  gnutls_x509_crt_t chain[] = { k->crt, issuer->crt };
  gnutls_x509_crt_t *got;
  g_autofree char *fp0 = NULL, *fp1 = NULL, *expected1 = NULL;
  guint n = 0;

  g_assert_true (acr_xmldsig_sign (doc, k->key, chain, 2, &error));
  g_assert_no_error (error);

  result = acr_xmldsig_verify (doc);
  g_assert_true (acr_xmldsig_result_get_valid (result));
  got = acr_xmldsig_result_get_chain (result, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (acr_xmldsig_certificate_fingerprint (got[1], &fp1));
  g_assert_true (acr_xmldsig_certificate_fingerprint (issuer->crt, &expected1));
  g_assert_cmpstr (fp1, ==, expected1);
  g_assert_true (acr_xmldsig_certificate_fingerprint (got[0], &fp0));
  g_assert_cmpstr (fp0, !=, fp1);
}

static void
test_fingerprint (void)
{
  const TestKey *k = get_key (KEY_ECDSA);
  gnutls_datum_t der = { NULL, 0 };
  guint8 digest[32];
  g_autofree char *fingerprint = NULL;
  GString *expected = g_string_new (NULL);

  g_assert_cmpint (gnutls_x509_crt_export2 (k->crt, GNUTLS_X509_FMT_DER, &der), ==, 0);
  g_assert_cmpint (gnutls_hash_fast (GNUTLS_DIG_SHA256, der.data, der.size, digest), ==, 0);
  gnutls_free (der.data);
  for (guint i = 0; i < sizeof digest; i++)
    g_string_append_printf (expected, "%02x", digest[i]);

  g_assert_true (acr_xmldsig_certificate_fingerprint (k->crt, &fingerprint));
  g_assert_cmpuint (strlen (fingerprint), ==, 64);
  g_assert_cmpstr (fingerprint, ==, expected->str);
  g_string_free (expected, TRUE);
}

/* Algorithms */

static void
test_algorithms (void)
{
  static const struct {
    const char *from;
    const char *to;
    const char *needle;
  } cases[] = {
    { "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
      "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "rsa-sha1" },
    { "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
      "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256", "hmac-sha256" },
    { "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
      "http://www.w3.org/2000/09/xmldsig#dsa-sha1", "dsa-sha1" },
    { "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
      "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "ECDSA" },
    { "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>",
      "<ds:DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/>", "sha1" },
    { "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>",
      "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/"
      "REC-xml-c14n-20010315\"/>", "REC-xml-c14n" },
    { "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>",
      "", "1 transform" },
    { "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>",
      "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"/>",
      "REC-xpath" },
  };
  g_autofree char *signed_text = sign_text (NULL, KEY_RSA_2048);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *changed = replace_once (signed_text, cases[i].from, cases[i].to);

      assert_text_fails (changed, "algorithms", cases[i].needle);
    }
}

/* Signing errors */

static void
test_sign_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse (unsigned_doc);
  g_autoptr(xmlDoc) signed_doc = NULL;
  g_autofree char *before = serialize (doc);
  g_autofree char *after = NULL;
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autofree char *signed_after = NULL;
  const TestKey *k = get_key (KEY_ECDSA);
  const TestKey *other = get_key (KEY_ECDSA_OTHER);
  const TestKey *rsa = get_key (KEY_RSA_2048);
  gnutls_x509_crt_t wrong_chain[] = { other->crt };
  gnutls_x509_crt_t rsa_chain[] = { rsa->crt };
  gnutls_x509_crt_t chain[] = { k->crt };

  /* A certificate of another key, of the same or another type. */
  g_assert_false (acr_xmldsig_sign (doc, k->key, wrong_chain, 1, &error));
  g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_CERTIFICATE);
  g_clear_error (&error);
  g_assert_false (acr_xmldsig_sign (doc, k->key, rsa_chain, 1, &error));
  g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_CERTIFICATE);
  g_clear_error (&error);

  /* The document is unchanged by a failure. */
  after = serialize (doc);
  g_assert_cmpstr (after, ==, before);

  /* A signed document is not signed again. */
  signed_doc = parse (signed_text);
  g_assert_false (acr_xmldsig_sign (signed_doc, k->key, chain, 1, &error));
  g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_STRUCTURE);
  signed_after = serialize (signed_doc);
  g_assert_cmpstr (signed_after, ==, signed_text);
}

/* A key that cannot show its public part, like some tokens: GnuTLS calls back to sign. */
static int
opaque_sign_cb (gnutls_privkey_t         key,
                gnutls_sign_algorithm_t  algo,
                void                    *userdata,
                unsigned int             flags,
                const gnutls_datum_t    *data,
                gnutls_datum_t          *signature)
{
  const TestKey *k = userdata;

  return gnutls_privkey_sign_data2 (k->key, algo, flags, data, signature);
}

static int
opaque_sign_hash_cb (gnutls_privkey_t         key,
                     gnutls_sign_algorithm_t  algo,
                     void                    *userdata,
                     unsigned int             flags,
                     const gnutls_datum_t    *hash,
                     gnutls_datum_t          *signature)
{
  const TestKey *k = userdata;

  return gnutls_privkey_sign_hash2 (k->key, algo, flags, hash, signature);
}

static int
opaque_info_cb (gnutls_privkey_t  key,
                unsigned int      flags,
                void             *userdata)
{
  if (flags & GNUTLS_PRIVKEY_INFO_PK_ALGO)
    return GNUTLS_PK_ECDSA;
  if (flags & GNUTLS_PRIVKEY_INFO_PK_ALGO_BITS)
    return 256;
  if (flags & GNUTLS_PRIVKEY_INFO_HAVE_SIGN_ALGO)
    return GNUTLS_FLAGS_TO_SIGN_ALGO (flags) == GNUTLS_SIGN_ECDSA_SHA256;
  if (flags & GNUTLS_PRIVKEY_INFO_SIGN_ALGO)
    return GNUTLS_SIGN_ECDSA_SHA256;
  return -1;
}

static void
test_opaque_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse (unsigned_doc);
  g_autoptr(AcrXmldsigResult) result = NULL;
  g_autofree char *before = serialize (doc);
  g_autofree char *after = NULL;
  const TestKey *k = get_key (KEY_ECDSA);
  gnutls_x509_crt_t chain[] = { k->crt };
  gnutls_x509_crt_t wrong_chain[] = { get_key (KEY_ECDSA_OTHER)->crt };
  gnutls_privkey_t opaque = NULL;
  gnutls_pubkey_t probe = NULL;

  g_assert_cmpint (gnutls_privkey_init (&opaque), ==, 0);
  g_assert_cmpint (gnutls_privkey_import_ext4 (opaque, (gpointer) k, opaque_sign_cb,
                                               opaque_sign_hash_cb, NULL, NULL,
                                               opaque_info_cb, 0), ==, 0);

  /* The premise: its public key cannot be derived, so signing checks its signature. */
  g_assert_cmpint (gnutls_pubkey_init (&probe), ==, 0);
  g_assert_cmpint (gnutls_pubkey_import_privkey (probe, opaque, 0, 0), <, 0);
  gnutls_pubkey_deinit (probe);

  g_assert_false (acr_xmldsig_sign (doc, opaque, wrong_chain, 1, &error));
  g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_CERTIFICATE);
  g_clear_error (&error);
  after = serialize (doc);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (acr_xmldsig_sign (doc, opaque, chain, 1, &error));
  g_assert_no_error (error);
  result = acr_xmldsig_verify (doc);
  assert_valid (result, KEY_ECDSA, ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256);

  gnutls_privkey_deinit (opaque);
}

static gpointer
sign_and_verify_thread (gpointer data)
{
  KeyType type = GPOINTER_TO_INT (data);
  const TestKey *k = get_key (type);
  gnutls_x509_crt_t chain[] = { k->crt };

  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(xmlDoc) doc = acr_xml_parse_untrusted (unsigned_doc, strlen (unsigned_doc),
                                                       "thread.xml", &error);
      g_autoptr(AcrXmldsigResult) result = NULL;

      g_assert_no_error (error);
      g_assert_true (acr_xmldsig_sign (doc, k->key, chain, 1, &error));
      g_assert_no_error (error);
      result = acr_xmldsig_verify (doc);
      g_assert_true (acr_xmldsig_result_get_valid (result));
    }

  return NULL;
}

static void
test_threads (void)
{
  GThread *threads[4];

  /* Batches sign in parallel with one key: different documents, shared key. */
  get_key (KEY_ECDSA);
  get_key (KEY_ED25519);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("signer", sign_and_verify_thread,
                               GINT_TO_POINTER (i % 2 ? KEY_ECDSA : KEY_ED25519));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_caller_checks (void)
{
  g_autofree char *signed_text = sign_text (NULL, KEY_ECDSA);
  g_autoptr(AcrXmldsigResult) result = verify_text (signed_text);
  g_autoptr(GError) error = NULL;
  gboolean passed = TRUE;
  const char *reason = NULL;
  guint n = 0;

  g_assert_true (acr_xmldsig_result_lookup_check (result, "digest", &passed, &reason));
  g_assert_true (passed);
  g_assert_nonnull (reason);
  g_assert_false (acr_xmldsig_result_lookup_check (result, "trust", NULL, NULL));

  acr_xmldsig_result_add_check (result, "trust", TRUE, "Trusted.");
  g_assert_true (acr_xmldsig_result_get_valid (result));
  acr_xmldsig_result_add_check (result, "expiry", FALSE, "The credential has expired.");
  g_assert_false (acr_xmldsig_result_get_valid (result));
  g_assert_cmpuint (acr_xmldsig_result_get_n_checks (result), ==, 6);
  g_assert_false (acr_xmldsig_result_to_error (result, &error));
  g_assert_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "The credential has expired.");
  /* The signature itself was verified: the chain stays available. */
  g_assert_nonnull (acr_xmldsig_result_get_chain (result, &n));
  g_assert_cmpuint (n, ==, 1);
}

/* Independent check with xmlsec1 (OpenSSL) */

typedef struct
{
  char *dir;
  char *xmlsec1;
} Interop;

static gboolean
interop_init (Interop *interop)
{
  g_autoptr(GError) error = NULL;

  interop->xmlsec1 = g_find_program_in_path ("xmlsec1");
  if (interop->xmlsec1 == NULL)
    {
      g_test_skip ("xmlsec1 is not installed");
      return FALSE;
    }

  interop->dir = g_dir_make_tmp ("acr-xmldsig-XXXXXX", &error);
  g_assert_no_error (error);
  return TRUE;
}

static void
interop_clear (Interop *interop)
{
  if (interop->dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (interop->dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (interop->dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (interop->dir);
    }
  g_clear_pointer (&interop->dir, g_free);
  g_clear_pointer (&interop->xmlsec1, g_free);
}

static char *
interop_write (Interop    *interop,
               const char *name,
               const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (interop->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* Runs xmlsec1 with @args (NULL-terminated); TRUE on exit status 0. */
static gboolean
run_xmlsec1 (Interop     *interop,
             const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_ptr_array_add (argv, interop->xmlsec1);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("xmlsec1 %s: %s%s", args[0], out, err);

  return g_spawn_check_wait_status (status, NULL);
}

static void
test_xmlsec1_verifies (gconstpointer data)
{
  KeyType type = GPOINTER_TO_INT (data);
  Interop interop = { 0 };
  g_autofree char *signed_text = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *cert_path = NULL;
  g_autofree char *good_path = NULL;
  g_autofree char *bad_path = NULL;

  if (!interop_init (&interop))
    return;

  signed_text = sign_text (NULL, type);
  tampered = replace_once (signed_text, "<workload unit=\"hours\">40",
                           "<workload unit=\"hours\">41");
  pem = export_pem_certificate (get_key (type)->crt);
  cert_path = interop_write (&interop, "cert.pem", pem);
  good_path = interop_write (&interop, "signed.xml", signed_text);
  bad_path = interop_write (&interop, "tampered.xml", tampered);

  {
    const char *good[] = { "--verify", "--trusted-pem", cert_path,
                           "--enabled-reference-uris", "empty", good_path, NULL };
    const char *bad[] = { "--verify", "--trusted-pem", cert_path,
                          "--enabled-reference-uris", "empty", bad_path, NULL };

    g_assert_true (run_xmlsec1 (&interop, good));
    g_assert_false (run_xmlsec1 (&interop, bad));
  }

  interop_clear (&interop);
}

/* The other direction: xmlsec1 signs a template of our profile, we verify. */
static void
test_xmlsec1_signs (gconstpointer data)
{
  KeyType type = GPOINTER_TO_INT (data);
  AcrSignatureAlgorithm algorithm = type == KEY_ECDSA ? ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256
                                                      : ACR_SIGNATURE_ALGORITHM_RSA_SHA256;
  const TestKey *k;
  Interop interop = { 0 };
  gnutls_datum_t key_pem = { NULL, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrXmldsigResult) result = NULL;
  g_autofree char *template = NULL;
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_text = NULL;
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *key_arg = NULL;
  g_autofree char *template_path = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *signed_text = NULL;

  if (!interop_init (&interop))
    return;

  k = get_key (type);
  g_assert_cmpint (gnutls_x509_privkey_export2_pkcs8 (k->xkey, GNUTLS_X509_FMT_PEM, NULL,
                                                      GNUTLS_PKCS_PLAIN, &key_pem), ==, 0);
  key_text = g_strndup ((const char *) key_pem.data, key_pem.size);
  gnutls_free (key_pem.data);
  cert_pem = export_pem_certificate (k->crt);

  template = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<credential xmlns=\"urn:accredit:credential:1\" xmlns:x=\"urn:example:extra\">\n"
    "  <learner>Anna Müller</learner>\n"
    "  <x:note>Signed by xmlsec1</x:note>\n"
    "  <Signature xmlns=\"" DSIG_NS "\">\n"
    "    <SignedInfo>\n"
    "      <CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>\n"
    "      <SignatureMethod Algorithm=\"%s\"/>\n"
    "      <Reference URI=\"\">\n"
    "        <Transforms>\n"
    "          <Transform Algorithm=\"" DSIG_NS "enveloped-signature\"/>\n"
    "          <Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>\n"
    "        </Transforms>\n"
    "        <DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
    "        <DigestValue/>\n"
    "      </Reference>\n"
    "    </SignedInfo>\n"
    "    <SignatureValue/>\n"
    "    <KeyInfo>\n"
    "      <X509Data/>\n"
    "    </KeyInfo>\n"
    "  </Signature>\n"
    "</credential>\n", acr_signature_algorithm_get_uri (algorithm));

  cert_path = interop_write (&interop, "cert.pem", cert_pem);
  key_path = interop_write (&interop, "key.pem", key_text);
  template_path = interop_write (&interop, "template.xml", template);
  out_path = g_build_filename (interop.dir, "signed.xml", NULL);
  key_arg = g_strdup_printf ("%s,%s", key_path, cert_path);

  {
    const char *sign[] = { "--sign", "--privkey-pem", key_arg, "--output", out_path,
                           template_path, NULL };

    g_assert_true (run_xmlsec1 (&interop, sign));
  }

  g_assert_true (g_file_get_contents (out_path, &signed_text, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%s", signed_text);

  result = verify_text (signed_text);
  assert_valid (result, type, algorithm);

  interop_clear (&interop);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gnutls_global_init ();

  g_test_add_func ("/xmldsig/round-trip/rsa-2048", test_rsa_2048);
  g_test_add_func ("/xmldsig/round-trip/rsa-3072", test_rsa_3072);
  g_test_add_func ("/xmldsig/round-trip/ecdsa-p256", test_ecdsa);
  g_test_add_func ("/xmldsig/round-trip/ecdsa-leading-zero", test_ecdsa_leading_zero);
  g_test_add_func ("/xmldsig/round-trip/ed25519", test_ed25519);
  g_test_add_func ("/xmldsig/round-trip/deterministic", test_deterministic_layout);
  g_test_add_func ("/xmldsig/tamper/text", test_changed_text);
  g_test_add_func ("/xmldsig/tamper/attribute", test_changed_attribute);
  g_test_add_func ("/xmldsig/tamper/comment", test_comments_unsigned);
  g_test_add_func ("/xmldsig/tamper/signature-value", test_changed_signature_value);
  g_test_add_func ("/xmldsig/tamper/signed-info", test_changed_signed_info);
  g_test_add_func ("/xmldsig/structure/moved", test_moved_signature);
  g_test_add_func ("/xmldsig/structure/duplicated", test_duplicated_signature);
  g_test_add_func ("/xmldsig/structure/wrapping", test_wrapping);
  g_test_add_func ("/xmldsig/structure/reference-uri", test_reference_uri);
  g_test_add_func ("/xmldsig/structure/malformed", test_malformed);
  g_test_add_func ("/xmldsig/structure/truncated", test_truncated);
  g_test_add_func ("/xmldsig/structure/doctype", test_doctype);
  g_test_add_func ("/xmldsig/certificate/swapped", test_swapped_certificate);
  g_test_add_func ("/xmldsig/certificate/chain", test_chain);
  g_test_add_func ("/xmldsig/certificate/fingerprint", test_fingerprint);
  g_test_add_func ("/xmldsig/algorithms", test_algorithms);
  g_test_add_func ("/xmldsig/sign/errors", test_sign_errors);
  g_test_add_func ("/xmldsig/sign/opaque-key", test_opaque_key);
  g_test_add_func ("/xmldsig/sign/threads", test_threads);
  g_test_add_func ("/xmldsig/result/caller-checks", test_caller_checks);
  g_test_add_data_func ("/xmldsig/xmlsec1/verifies-rsa", GINT_TO_POINTER (KEY_RSA_2048),
                        test_xmlsec1_verifies);
  g_test_add_data_func ("/xmldsig/xmlsec1/verifies-rsa-3072", GINT_TO_POINTER (KEY_RSA_3072),
                        test_xmlsec1_verifies);
  g_test_add_data_func ("/xmldsig/xmlsec1/verifies-ecdsa", GINT_TO_POINTER (KEY_ECDSA),
                        test_xmlsec1_verifies);
  g_test_add_data_func ("/xmldsig/xmlsec1/signs-rsa", GINT_TO_POINTER (KEY_RSA_2048),
                        test_xmlsec1_signs);
  g_test_add_data_func ("/xmldsig/xmlsec1/signs-ecdsa", GINT_TO_POINTER (KEY_ECDSA),
                        test_xmlsec1_signs);

  ret = g_test_run ();

  free_keys ();
  gnutls_global_deinit ();
  return ret;
}
